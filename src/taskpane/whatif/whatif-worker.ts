/**
 * The indicator worker, in the pane and on the web page alike: mathjs and the
 * planners' expressions run here, off the page's thread, so an evaluation that
 * runs too long is stopped by terminating the worker. It only ever sees plain
 * data: definitions and scopes in, values and errors out. mathjs is imported on
 * start (its own chunk) and the sandbox made before "ready", so the time limit
 * counts evaluation only.
 */
import type { WorkerIn, WorkerOut } from './whatif-indicators';

/** The parts of a dedicated worker's global scope used here (the DOM lib types `self` as a window). */
interface WorkerScope {
  onmessage: ((ev: MessageEvent<WorkerIn>) => void) | null;
  postMessage(message: WorkerOut): void;
}

const scope = self as unknown as WorkerScope;
const loading = import('../../core/whatif/indicators').then((mod) => {
  mod.sandboxMath();
  return mod;
});

loading.then(() => scope.postMessage({ kind: 'ready' }), () => scope.postMessage({ kind: 'failed' }));

scope.onmessage = (ev) => {
  const { id, defs, scopes } = ev.data;
  loading.then((mod) => {
    try {
      scope.postMessage({ kind: 'done', id, result: mod.evaluateBatch(defs, scopes) });
    } catch {
      scope.postMessage({ kind: 'error', id });
    }
  }, () => scope.postMessage({ kind: 'error', id }));
};
