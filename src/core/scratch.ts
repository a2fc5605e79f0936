/**
 * Working arrays kept from one analysis to the next. A large sheet's passes each need a
 * few typed arrays of one element per row (prefix sums, ranks, masks); made fresh, each
 * is memory the system must map and zero, which on a large sheet costs far more than
 * the pass's own arithmetic, and a reviewer's batch repeats it for every sheet of every
 * workbook. A Scratch is one such array per call site, grown to the largest size asked
 * and handed out again, zeroed (or filled), as a view of the length asked.
 *
 * The rule that keeps this safe: a view is the caller's until it takes from the same
 * Scratch again, and it never leaves the function that took it (nothing returned, kept
 * on a result or in a cache holds one). Every slot is a module constant at its call site,
 * so two callers never share a slot. Analyses run one at a time in a thread (a worker has
 * its modules to itself), and no pass that holds a view calls another that takes the same.
 */

/** Past this many elements an array is made fresh and not kept: memory held stays bounded. */
export const SCRATCH_MAX = 1 << 22;

const all: Scratch<ScratchArray>[] = [];

type ScratchArray = Float64Array | Int32Array | Uint8Array;

export class Scratch<T extends ScratchArray> {
  private buf: T | null = null;

  constructor(private readonly make: (n: number) => T) {
    all.push(this);
  }

  /** A view of n elements, each `value` (0 unless said). */
  take(n: number, value = 0): T {
    if (n > SCRATCH_MAX) {
      const fresh = this.make(n);
      if (value !== 0) fresh.fill(value);
      return fresh;
    }
    let buf = this.buf;
    if (buf === null || buf.length < n) buf = this.buf = this.make(n);
    const view = buf.subarray(0, n) as T;
    view.fill(value);
    return view;
  }

  /** Bytes this slot holds. */
  get bytes(): number {
    return this.buf === null ? 0 : this.buf.byteLength;
  }

  release(): void {
    this.buf = null;
  }
}

export function f64Scratch(): Scratch<Float64Array> {
  return new Scratch((n) => new Float64Array(n));
}

export function i32Scratch(): Scratch<Int32Array> {
  return new Scratch((n) => new Int32Array(n));
}

export function u8Scratch(): Scratch<Uint8Array> {
  return new Scratch((n) => new Uint8Array(n));
}

/** Lets go of every slot's array (a long-lived page done with a large workbook). */
export function releaseScratch(): void {
  for (const s of all) s.release();
}

/** Bytes the slots hold. */
export function scratchBytes(): number {
  let bytes = 0;
  for (const s of all) bytes += s.bytes;
  return bytes;
}
