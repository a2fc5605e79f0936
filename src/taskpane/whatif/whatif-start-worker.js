// JavaScript on purpose, like src/web/start-worker.js: webpack bundles a worker only from
// `new Worker(new URL(…, import.meta.url))` written out, which the CommonJS type check rejects.
export function startIndicatorWorker() {
  // The name makes the chunk chunks/indicator-worker.*.js.
  return new Worker(new URL('./whatif-worker.ts', import.meta.url), { name: 'indicator-worker' });
}
