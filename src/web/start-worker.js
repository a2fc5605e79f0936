// JavaScript on purpose: webpack bundles a worker only from `new Worker(new URL(…, import.meta.url))`
// written out, and the project's CommonJS type check rejects import.meta in TypeScript.
export function startWorker() {
  return new Worker(new URL('./worker.ts', import.meta.url));
}
