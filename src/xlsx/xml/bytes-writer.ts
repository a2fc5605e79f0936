/**
 * A part written straight into UTF-8 bytes: spans of the input copied as they are,
 * text encoded (and XML-escaped) in place, numbers as digits. One growing buffer, or,
 * with a spill target, a buffer handed on (to be compressed) each time it fills at a
 * checkpoint: a patched 100,000-row sheet is never a string, and need not be whole.
 */
import { escapeText, TEXT_ENTITY_BYTES } from './escapes';

const enc = new TextEncoder();
const [AMP, LT, GT] = TEXT_ENTITY_BYTES;

/** Bytes gathered before a checkpoint hands them on. */
const SPILL_AT = 1 << 22;

export class ByteSink {
  private buf: Uint8Array;
  private pos = 0;
  /** Bytes handed on so far. */
  private spilled = 0;

  /** `spill` takes each full buffer (and must be done with it when it returns). */
  constructor(capacity = 1 << 16, private readonly spillTo?: (chunk: Uint8Array) => void) {
    this.buf = new Uint8Array(Math.max(64, spillTo ? Math.min(capacity, SPILL_AT + (1 << 16)) : capacity));
  }

  /** Bytes written so far, handed on or not. */
  get length(): number {
    return this.spilled + this.pos;
  }

  /** A place where the bytes so far may be handed on (nothing before it is taken back). */
  checkpoint(): void {
    if (this.spillTo && this.pos >= SPILL_AT) this.spill();
  }

  private spill(): void {
    if (this.pos === 0) return;
    this.spillTo!(this.buf.subarray(0, this.pos));
    this.spilled += this.pos;
    this.pos = 0;
  }

  /** Room for `n` more bytes. */
  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length;
    while (size < this.pos + n) size = Math.ceil(size * 1.5);
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
  }

  /** Bytes `src[from..to)` as they are; at a checkpoint only, when they are many. */
  bytes(src: Uint8Array, from = 0, to = src.length): void {
    const n = to - from;
    if (n <= 0) return;
    if (this.spillTo && n >= SPILL_AT) {
      // A long run of untouched rows goes on as it is, without a copy.
      this.spill();
      this.spillTo(src.subarray(from, to));
      this.spilled += n;
      return;
    }
    this.room(n);
    // A loop for short spans: no view object per copy.
    if (n < 64) {
      const b = this.buf;
      let p = this.pos;
      for (let i = from; i < to; i++) b[p++] = src[i];
      this.pos = p;
    } else {
      this.buf.set(src.subarray(from, to), this.pos);
      this.pos += n;
    }
  }

  /** Takes back what was written after the first `n` bytes (not past a checkpoint that handed them on). */
  truncate(n: number): void {
    const at = n - this.spilled;
    if (at < 0) throw new Error('ByteSink: cannot take back bytes already handed on');
    if (at < this.pos) this.pos = at;
  }

  /** One byte. */
  byte(b: number): void {
    this.room(1);
    this.buf[this.pos++] = b;
  }

  /** A string known to be ASCII (tags, attribute names, numbers). */
  ascii(s: string): void {
    const n = s.length;
    this.room(n);
    const b = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) b[p++] = s.charCodeAt(i);
    this.pos = p;
  }

  /** Markup as it is (already escaped), any characters. */
  raw(s: string): void {
    this.write(s, false);
  }

  /** Character data: `&`, `<` and `>` escaped. */
  text(s: string): void {
    this.write(s, true);
  }

  /** A number as XML writes it (String(n)); small non-negative integers digit by digit. */
  number(n: number): void {
    if (n >= 0 && n <= 0x7fffffff && (n | 0) === n) {
      let digits = 1;
      for (let m = n; m >= 10; m = (m / 10) | 0) digits++;
      this.room(digits);
      const b = this.buf;
      let p = this.pos + digits;
      this.pos = p;
      let m = n;
      do {
        const q = (m / 10) | 0;
        b[--p] = 48 + m - q * 10;
        m = q;
      } while (m > 0);
      return;
    }
    this.ascii(String(n));
  }

  private write(s: string, escape: boolean): void {
    const n = s.length;
    if (n > 4096) {
      this.long(s, escape);
      return;
    }
    // At most 3 bytes per UTF-16 unit, 5 for an escaped `&`.
    this.room(n * (escape ? 5 : 3));
    const b = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) {
      let c = s.charCodeAt(i);
      if (c < 0x80) {
        if (escape && (c === 38 || c === 60 || c === 62)) {
          const e = c === 38 ? AMP : c === 60 ? LT : GT;
          for (let k = 0; k < e.length; k++) b[p++] = e[k];
        } else b[p++] = c;
      } else if (c < 0x800) {
        b[p++] = 0xc0 | (c >> 6);
        b[p++] = 0x80 | (c & 63);
      } else {
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
          const d = s.charCodeAt(i + 1);
          if (d >= 0xdc00 && d <= 0xdfff) {
            c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
            i++;
            b[p++] = 0xf0 | (c >> 18);
            b[p++] = 0x80 | ((c >> 12) & 63);
            b[p++] = 0x80 | ((c >> 6) & 63);
            b[p++] = 0x80 | (c & 63);
            continue;
          }
        }
        // A lone surrogate is written as U+FFFD, as TextEncoder does.
        if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
        b[p++] = 0xe0 | (c >> 12);
        b[p++] = 0x80 | ((c >> 6) & 63);
        b[p++] = 0x80 | (c & 63);
      }
    }
    this.pos = p;
  }

  /** Long strings (a whole part's head or tail): native encoding, escaped first if asked. */
  private long(s: string, escape: boolean): void {
    const t = escape ? escapeText(s) : s;
    this.room(t.length * 3);
    this.pos += enc.encodeInto(t, this.buf.subarray(this.pos)).written;
  }

  /** The bytes written (a view of the buffer: the sink is done with); with a spill target, the rest handed on and none returned. */
  finish(): Uint8Array[] {
    if (this.spillTo) {
      this.spill();
      return [];
    }
    return [this.buf.subarray(0, this.pos)];
  }
}
