/**
 * The web page's worker: reads, checks and patches the file off the page's
 * thread, so the page keeps painting progress on a large ledger.
 */
import { errorShape } from '../taskpane/errors';
import { CheckService } from './check-service';
import { handle } from './handle';
import type { Request, Response } from './protocol';

/** The parts of a dedicated worker's global scope used here (the DOM lib types `self` as a window). */
interface WorkerScope {
  onmessage: ((ev: MessageEvent<Request>) => void) | null;
  postMessage(message: Response, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
const service = new CheckService();

scope.onmessage = (ev) => {
  const { id } = ev.data;
  try {
    const result = handle(service, ev.data, (fraction) => scope.postMessage({ id, kind: 'progress', fraction }));
    // The copy's bytes move to the page instead of being copied.
    const transfer = result instanceof Uint8Array ? [result.buffer] : [];
    scope.postMessage({ id, kind: 'done', result }, transfer);
  } catch (e) {
    scope.postMessage({ id, kind: 'error', error: errorShape(e) });
  }
};
