/** The package being patched: which parts change, go or arrive, and their content types. */
import { XlsxError } from '../errors';
import { findEntry } from '../read';
import { entryBytes, type InflateBudget, type InflateRaw, type ZipDirectory } from '../zip';
import type { Codecs, Packed } from '../zip';

const dec = new TextDecoder();
const enc = new TextEncoder();

function decodeChunks(chunks: Uint8Array[]): string {
  const dec = new TextDecoder();
  return chunks.map((c, i) => dec.decode(c, { stream: i < chunks.length - 1 })).join('');
}

export class PatchContext {
  /** Existing parts with new content, by lower-case key (a big sheet already deflated). */
  readonly changed = new Map<string, string | Uint8Array[] | Packed>();
  readonly removed = new Set<string>();
  /** New parts other than the tool's sheets, in the order they are written. */
  readonly added: { name: string; text: string }[] = [];
  readonly overrides: { part: string; type: string }[] = [];
  readonly defaults: { ext: string; type: string }[] = [];
  readonly removeOverrides: string[] = [];
  readonly taken: Set<string>;

  constructor(
    readonly bytes: Uint8Array, readonly dir: ZipDirectory, readonly budget: InflateBudget,
    readonly inflateRaw?: InflateRaw, readonly codecs: Codecs = {},
  ) {
    this.taken = new Set(dir.entries.map((e) => e.key));
  }

  /** Current text of a part (as changed so far), or null when the package has none. */
  read(part: string): string | null {
    const key = part.toLowerCase();
    if (this.removed.has(key)) return null;
    const c = this.changed.get(key);
    if (c !== undefined) {
      if (typeof c === 'string') return c;
      if (!Array.isArray(c)) throw new Error(`the part ${part} was written deflated and is not read back`);
      return decodeChunks(c);
    }
    const added = this.added.find((a) => a.name.toLowerCase() === key);
    if (added) return added.text;
    const e = findEntry(this.dir, part);
    return e ? dec.decode(entryBytes(this.bytes, e, this.budget, this.inflateRaw)) : null;
  }

  mustRead(part: string): string {
    const t = this.read(part);
    if (t === null) throw new XlsxError('unreadable-file', `The part ${part} is missing from the package.`);
    return t;
  }

  /** A part's bytes as the package has them (a large sheet is never decoded whole). */
  mustReadBytes(part: string): Uint8Array {
    const key = part.toLowerCase();
    const e = findEntry(this.dir, part);
    if (this.changed.has(key) || this.removed.has(key) || !e) return enc.encode(this.mustRead(part));
    return entryBytes(this.bytes, e, this.budget, this.inflateRaw);
  }

  /** Writes a part: replaces an existing one, or adds it (an existing one may come deflated). */
  write(part: string, text: string | Uint8Array[] | Packed): void {
    const key = part.toLowerCase();
    const added = this.added.find((a) => a.name.toLowerCase() === key);
    const exists = findEntry(this.dir, part) && !this.removed.has(key);
    if (!exists && typeof text !== 'string' && !Array.isArray(text)) throw new Error(`the new part ${part} cannot come deflated`);
    if (added) added.text = typeof text === 'string' ? text : decodeChunks(text as Uint8Array[]);
    else if (exists) this.changed.set(key, text);
    else {
      this.added.push({ name: part, text: typeof text === 'string' ? text : decodeChunks(text as Uint8Array[]) });
      this.taken.add(key);
    }
  }

  remove(part: string): void {
    const key = part.toLowerCase();
    this.removed.add(key);
    this.changed.delete(key);
    this.taken.delete(key);
    this.removeOverrides.push(part);
  }

  /** First free `prefix{n}suffix` part name. */
  freeName(prefix: string, suffix: string): string {
    for (let n = 1; ; n++) {
      const name = `${prefix}${n}${suffix}`;
      if (!this.taken.has(name.toLowerCase())) {
        this.taken.add(name.toLowerCase());
        return name;
      }
    }
  }
}
