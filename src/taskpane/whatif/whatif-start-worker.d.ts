/** The indicator worker (src/taskpane/whatif-worker.ts), bundled by webpack. */
export function startIndicatorWorker(): Worker;
