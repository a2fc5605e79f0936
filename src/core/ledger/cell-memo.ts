/**
 * Readings of cells that repeat down a ledger (statuses, dates), each distinct value
 * read once per ledger.
 *
 * Callers keep their memos for good and clear them around each use, rather than make
 * new ones per ledger: V8 holds the shape of an object made by adding fields only
 * while some such object lives, and compiled code that assumed a shape is discarded
 * with it, so memos made and dropped per ledger had their code recompiled every run.
 */
import type { CellValue } from '../grid';

const MEMO_LIMIT = 10000;

/**
 * Remembers what `read(v, arg)` gives for strings and numbers (up to MEMO_LIMIT of
 * them), and the last one asked for apart, since neighbouring rows often repeat a
 * cell. `read` never returns undefined, and is a module-level function (a closure
 * made per ledger, compiled into get, would take that code with it when it dies).
 * Results are shared between the projects of a ledger: they are read-only data.
 */
export class Memo<A extends CellValue | undefined, R, P = undefined> {
  private readonly read: (v: A, arg: P) => R;
  private readonly arg: P;
  private readonly seen = new Map<A, R>();
  private last: A | undefined = undefined;
  private lastOut: R | undefined = undefined;
  private hasLast = false;

  constructor(read: (v: A, arg: P) => R, arg: P) {
    this.read = read;
    this.arg = arg;
  }

  /** Forgets every reading (and lets go of the cells and results it held). */
  clear(): void {
    this.seen.clear();
    this.last = undefined;
    this.lastOut = undefined;
    this.hasLast = false;
  }

  get(v: A): R {
    if (typeof v !== 'string' && typeof v !== 'number') return this.read(v, this.arg);
    if (this.hasLast && v === this.last) return this.lastOut as R;
    let out = this.seen.get(v);
    if (out === undefined) {
      out = this.read(v, this.arg);
      if (this.seen.size >= MEMO_LIMIT) return out;
      this.seen.set(v, out);
    }
    this.last = v;
    this.lastOut = out;
    this.hasLast = true;
    return out;
  }
}
