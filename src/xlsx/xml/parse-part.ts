/**
 * XML of the package, with faults turned into file errors, all through the one tokenizer
 * (text-tokenizer.ts): small parts as text with their attributes handed over as an object
 * (parseText), large machine-written ones (sheets, shared strings) as bytes a slice at a time
 * (scanBytes, scanEntry), the tag positions handed out and only the attributes a reader needs read.
 */
import { XlsxError } from '../errors';
import { unescapeXml } from './escapes';
import { scanAttrs } from './text-attrs';
import { FastXmlScanner, type ScanHandler } from './text-tokenizer';
import { entryBytes, inflateEntry, type InflateBudget, type InflateRaw, type ZipEntry } from '../zip';
import type { Crc32 } from '../zip';

export interface XmlHandlers {
  /** `attrs` by qualified name (`r:id`), values decoded. */
  open(local: string, attrs: Record<string, string>): void;
  close(local: string): void;
  /** Character data, entities decoded (CDATA as written). */
  text(t: string): void;
}

function xmlFault(part: string, err: unknown): XlsxError {
  return new XlsxError('unreadable-file', `The part ${part} is not well-formed XML (${(err as Error).message}).`);
}

/** An attribute value as XML has it: literal tabs and line ends are spaces, then references decoded. */
function attrValue(s: string, from: number, to: number): string {
  return unescapeXml(s.slice(from, to).replace(/[\t\n\r]/g, ' '));
}

/** Parses a small part held as text: the same tokenizer as the sheets, attributes read into an object. */
export function parseText(xml: string, part: string, h: XmlHandlers): void {
  const scanner = new FastXmlScanner({
    open(local, s, _start, nameEnd, end) {
      const attrs: Record<string, string> = {};
      scanAttrs(s, nameEnd, end, (t, ns, ne, vs, ve) => {
        attrs[t.slice(ns, ne)] = attrValue(t, vs, ve);
      });
      h.open(local, attrs);
    },
    close: (local) => h.close(local),
    text(s, start, end) {
      h.text(unescapeXml(s.slice(start, end)));
    },
  });
  try {
    scanner.write(xml);
    scanner.end();
  } catch (err) {
    if (err instanceof XlsxError) throw err;
    throw xmlFault(part, err);
  }
}

/**
 * Bytes decoded and tokenised at a time when the entry is inflated whole. Small enough that
 * the strings decoded die young: at 4 MB a 400 MB run of spaces left 100 MB more behind.
 */
const SLICE = 1 << 18;

/** `data[from..to)` into the scanner a slice at a time: never decoded whole. */
function feedBytes(scanner: FastXmlScanner, data: Uint8Array, onSlice?: (end: number) => void, from = 0, to = data.length): void {
  const dec = new TextDecoder('utf-8');
  for (let i = from; i < to; i += SLICE) {
    const end = Math.min(to, i + SLICE);
    scanner.write(dec.decode(data.subarray(i, end), { stream: true }));
    onSlice?.(end);
  }
  scanner.write(dec.decode());
}

/**
 * Tokenises a part already inflated; with `cut`, as if `data[cut.from..cut.to)` were not
 * there (a sheet's rows, read from the bytes).
 */
export function scanBytes(data: Uint8Array, part: string, h: ScanHandler, cut?: { from: number; to: number }): void {
  const scanner = new FastXmlScanner(h);
  try {
    if (cut) {
      feedBytes(scanner, data, undefined, 0, cut.from);
      feedBytes(scanner, data, undefined, cut.to, data.length);
    } else feedBytes(scanner, data);
    scanner.end();
  } catch (err) {
    if (err instanceof XlsxError) throw err;
    throw xmlFault(part, err);
  }
}

/**
 * Inflates `entry` through the fast tokenizer (large machine-written parts: sheets,
 * shared strings); returns the inflated bytes when `keep` is set, else null.
 */
export function scanEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  budget: InflateBudget,
  h: ScanHandler,
  onInput?: (n: number) => void,
  inflateRaw?: InflateRaw,
  keep = false,
  crc?: Crc32,
): Uint8Array | null {
  const scanner = new FastXmlScanner(h);
  let kept: Uint8Array | null = null;
  try {
    if (inflateRaw && entry.method === 8) {
      const data = entryBytes(bytes, entry, budget, inflateRaw, crc);
      if (keep) kept = data;
      let reported = 0;
      feedBytes(scanner, data, onInput && ((end) => {
        const now = Math.round((entry.compressedSize * end) / data.length);
        onInput(now - reported);
        reported = now;
      }));
    } else {
      const dec = new TextDecoder('utf-8');
      const all = keep ? new Uint8Array(entry.size) : null;
      let at = 0;
      inflateEntry(bytes, entry, budget, (chunk) => {
        if (all) all.set(chunk, at);
        at += chunk.length;
        scanner.write(dec.decode(chunk, { stream: true }));
      }, onInput, crc);
      kept = all;
      scanner.write(dec.decode());
    }
    scanner.end();
    return kept;
  } catch (err) {
    if (err instanceof XlsxError) throw err;
    throw xmlFault(entry.name, err);
  }
}
