/**
 * Text written as UTF-8 chunks of about a megabyte: a patched 100,000-row sheet is
 * never one string, and its pieces die young instead of crowding the heap.
 */
const enc = new TextEncoder();
const BATCH = 1 << 20;

export class Utf8Sink {
  private batch: string[] = [];
  private size = 0;
  private readonly chunks: Uint8Array[] = [];

  push(s: string): void {
    if (!s) return;
    this.batch.push(s);
    this.size += s.length;
    if (this.size >= BATCH) this.flush();
  }

  private flush(): void {
    if (!this.batch.length) return;
    this.chunks.push(enc.encode(this.batch.join('')));
    this.batch = [];
    this.size = 0;
  }

  finish(): Uint8Array[] {
    this.flush();
    return this.chunks;
  }
}
