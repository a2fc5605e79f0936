/**
 * Text written straight into UTF-8 chunks of about a megabyte: a patched 100,000-row
 * sheet is never one string, and no piece is joined or copied before it is encoded.
 */
const enc = new TextEncoder();
const CHUNK = 1 << 20;
/** Long strings are encoded in slices of this many UTF-16 units (at most 3 bytes each). */
const SLICE = 1 << 16;

export class Utf8Sink {
  private buf = new Uint8Array(CHUNK);
  private pos = 0;
  private readonly chunks: Uint8Array[] = [];

  push(s: string): void {
    const n = s.length;
    if (n === 0) return;
    if (n > SLICE) {
      for (let i = 0; i < n;) {
        let j = Math.min(n, i + SLICE);
        // Never split a surrogate pair.
        const ch = s.charCodeAt(j - 1);
        if (j < n && ch >= 0xd800 && ch <= 0xdbff) j--;
        this.push(s.slice(i, j));
        i = j;
      }
      return;
    }
    if (this.buf.length - this.pos < n * 3) this.flush();
    this.pos += enc.encodeInto(s, this.buf.subarray(this.pos)).written;
  }

  private flush(): void {
    if (this.pos === 0) return;
    this.chunks.push(this.buf.subarray(0, this.pos));
    this.buf = new Uint8Array(CHUNK);
    this.pos = 0;
  }

  finish(): Uint8Array[] {
    this.flush();
    return this.chunks;
  }
}
