/** The web page's worker (src/web/worker.ts), bundled by webpack. */
export function startWorker(): Worker;
