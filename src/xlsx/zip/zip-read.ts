/**
 * Reading a zip package without Node: the central directory, and inflation of one
 * entry at a time with size limits enforced while inflating (zip bombs stop early).
 */
import { Inflate } from 'fflate';
import { crc32 } from './crc32';
import { XlsxError } from '../errors';
import type { Crc32 } from './zip-write';

export interface ZipEntry {
  /** Name as stored. */
  name: string;
  /** Lookup key: forward slashes, no leading slash, lower case (OPC names are case-insensitive). */
  key: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  /** Span of the central directory record in the input, for a raw copy. */
  centralStart: number;
  centralEnd: number;
  /** True when any size or the offset lives in a zip64 extra field. */
  zip64: boolean;
}

export interface ZipDirectory {
  entries: ZipEntry[];
  byKey: Map<string, ZipEntry>;
}

/**
 * Raw inflate of a whole entry that a host may hand in (Node: `zlib.inflateRawSync(d,
 * { maxOutputLength })`, several times faster than fflate); it must fail rather than
 * produce more than `maxLength` bytes.
 */
export type InflateRaw = (data: Uint8Array, maxLength: number) => Uint8Array;


/** How many uncompressed bytes may still be produced. */
export interface InflateBudget {
  remaining: number;
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_LOC64 = 0x07064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const CHUNK = 1 << 16;

export function u16(b: Uint8Array, p: number): number {
  return b[p] | (b[p + 1] << 8);
}
export function u32(b: Uint8Array, p: number): number {
  return (b[p] | (b[p + 1] << 8) | (b[p + 2] << 16) | (b[p + 3] << 24)) >>> 0;
}
function u64(b: Uint8Array, p: number): number {
  return u32(b, p) + u32(b, p + 4) * 0x100000000;
}

export function entryKey(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();
}

function startsWith(b: Uint8Array, magic: number[]): boolean {
  if (b.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (b[i] !== magic[i]) return false;
  return true;
}

/** Finds `text` as UTF-16LE, the way OLE directory entries store stream names. */
function containsUtf16(b: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0);
  outer: for (let i = 0; i + text.length * 2 <= b.length; i++) {
    if (b[i] !== first || b[i + 1] !== 0) continue;
    for (let k = 1; k < text.length; k++) {
      if (b[i + 2 * k] !== text.charCodeAt(k) || b[i + 2 * k + 1] !== 0) continue outer;
    }
    return true;
  }
  return false;
}

function checkNotOle(b: Uint8Array): void {
  if (!startsWith(b, OLE_MAGIC)) return;
  if (containsUtf16(b, 'EncryptedPackage')) {
    throw new XlsxError('encrypted-workbook', 'The workbook is password-protected (encrypted); remove the password and try again.');
  }
  throw new XlsxError('not-a-workbook', 'This is an old-format .xls file (OLE compound file), not an .xlsx workbook; save it as .xlsx first.');
}

function findEocd(b: Uint8Array): number {
  const stop = Math.max(0, b.length - 22 - 0xffff);
  for (let p = b.length - 22; p >= stop; p--) {
    if (b[p] === 0x50 && u32(b, p) === SIG_EOCD) return p;
  }
  return -1;
}

const utf8 = new TextDecoder('utf-8');
const latin1 = new TextDecoder('latin1');

/** Reads the central directory; throws an XlsxError for anything that is not a usable zip. */
export function readZipDirectory(b: Uint8Array): ZipDirectory {
  if (b.length === 0) throw new XlsxError('not-a-workbook', 'The file is empty.');
  checkNotOle(b);
  const eocd = findEocd(b);
  if (eocd < 0) {
    if (startsWith(b, [0x50, 0x4b, 0x03, 0x04])) {
      throw new XlsxError('unreadable-file', 'The file is a damaged or truncated zip package (no central directory).');
    }
    throw new XlsxError('not-a-workbook', 'The file is not an .xlsx workbook (not a zip package).');
  }
  let count = u16(b, eocd + 10);
  let cdSize = u32(b, eocd + 12);
  let cdOffset = u32(b, eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc >= 0 && u32(b, loc) === SIG_LOC64) {
      const p = u64(b, loc + 8);
      if (p + 56 > b.length || u32(b, p) !== SIG_EOCD64) {
        throw new XlsxError('unreadable-file', 'The zip64 directory of the file is damaged.');
      }
      count = u64(b, p + 32);
      cdSize = u64(b, p + 40);
      cdOffset = u64(b, p + 48);
    }
  }
  if (count === 0) throw new XlsxError('not-a-workbook', 'The file is an empty zip package, not a workbook.');
  if (cdOffset + cdSize > b.length) {
    throw new XlsxError('unreadable-file', 'The zip package is truncated (its directory points past the end of the file).');
  }
  const entries: ZipEntry[] = [];
  const byKey = new Map<string, ZipEntry>();
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > b.length || u32(b, p) !== SIG_CENTRAL) {
      throw new XlsxError('unreadable-file', 'The zip directory of the file is damaged.');
    }
    const flags = u16(b, p + 8);
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    const end = p + 46 + nameLen + extraLen + commentLen;
    if (end > b.length) throw new XlsxError('unreadable-file', 'The zip directory of the file is damaged.');
    const nameBytes = b.subarray(p + 46, p + 46 + nameLen);
    const name = (flags & 0x800 ? utf8 : latin1).decode(nameBytes);
    let compressedSize = u32(b, p + 20);
    let size = u32(b, p + 24);
    let localOffset = u32(b, p + 42);
    let zip64 = false;
    if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      zip64 = true;
      let q = p + 46 + nameLen;
      const qEnd = q + extraLen;
      while (q + 4 <= qEnd) {
        const id = u16(b, q);
        const len = u16(b, q + 2);
        if (id === 1) {
          let r = q + 4;
          if (size === 0xffffffff) { size = u64(b, r); r += 8; }
          if (compressedSize === 0xffffffff) { compressedSize = u64(b, r); r += 8; }
          if (localOffset === 0xffffffff) localOffset = u64(b, r);
          break;
        }
        q += 4 + len;
      }
    }
    const e: ZipEntry = {
      name, key: entryKey(name), flags, method: u16(b, p + 10), crc: u32(b, p + 16),
      compressedSize, size, localOffset, centralStart: p, centralEnd: end, zip64,
    };
    entries.push(e);
    if (!byKey.has(e.key)) byKey.set(e.key, e);
    p = end;
  }
  return { entries, byKey };
}

/** Offset of an entry's compressed data, checked against the file's end. */
export function dataStart(b: Uint8Array, e: ZipEntry): number {
  const p = e.localOffset;
  if (p + 30 > b.length || u32(b, p) !== SIG_LOCAL) {
    throw new XlsxError('unreadable-file', `The zip package is damaged or truncated (entry ${e.name}).`);
  }
  const start = p + 30 + u16(b, p + 26) + u16(b, p + 28);
  if (start + e.compressedSize > b.length) {
    throw new XlsxError('unreadable-file', `The zip package is truncated (entry ${e.name} ends past the end of the file).`);
  }
  return start;
}

/** The entry's bytes are not the ones its CRC-32 was taken of: changed or damaged since. */
function checkCrc(e: ZipEntry, crc: number): void {
  if (crc !== e.crc) {
    throw new XlsxError('unreadable-file', `The zip entry ${e.name} is damaged (its CRC-32 does not match its contents).`);
  }
}

function tooLarge(e: ZipEntry): XlsxError {
  return new XlsxError('too-large', `The workbook is too large to read (part ${e.name} inflates past the size limit).`);
}

/**
 * Inflates one entry, handing output chunks to `sink` as they come. The budget is
 * checked against the declared size first and against the actual output as it grows;
 * the output's CRC-32 against the directory's at the end (`crc`: a host's faster one).
 */
export function inflateEntry(
  b: Uint8Array,
  e: ZipEntry,
  budget: InflateBudget,
  sink: (chunk: Uint8Array) => void,
  onInput?: (bytes: number) => void,
  crc: Crc32 = crc32,
): void {
  if (e.flags & 1) throw new XlsxError('encrypted-workbook', `The zip entry ${e.name} is encrypted.`);
  if (e.size > budget.remaining) throw tooLarge(e);
  const start = dataStart(b, e);
  const data = b.subarray(start, start + e.compressedSize);
  let produced = 0;
  let sum = 0;
  const take = (chunk: Uint8Array): void => {
    produced += chunk.length;
    if (produced > budget.remaining) throw tooLarge(e);
    if (produced > e.size) {
      throw new XlsxError('unreadable-file', `The zip entry ${e.name} is damaged (it inflates past its declared size).`);
    }
    if (chunk.length) {
      sum = crc(chunk, sum);
      sink(chunk);
    }
  };
  if (e.method === 0) {
    for (let i = 0; i < data.length; i += CHUNK) {
      take(data.subarray(i, Math.min(data.length, i + CHUNK)));
      if (onInput) onInput(Math.min(CHUNK, data.length - i));
    }
  } else if (e.method === 8) {
    const inf = new Inflate((chunk) => take(chunk));
    try {
      if (data.length === 0) inf.push(data, true);
      for (let i = 0; i < data.length; i += CHUNK) {
        const end = Math.min(data.length, i + CHUNK);
        inf.push(data.subarray(i, end), end === data.length);
        if (onInput) onInput(end - i);
      }
    } catch (err) {
      if (err instanceof XlsxError) throw err;
      // Errors from the sink (an XML parser) pass through; fflate's own carry a numeric code.
      if (typeof (err as { code?: unknown }).code !== 'number') throw err;
      throw new XlsxError('unreadable-file', `The zip entry ${e.name} is damaged (${(err as Error).message}).`);
    }
  } else {
    throw new XlsxError('unreadable-file', `The zip entry ${e.name} uses an unsupported compression method (${e.method}).`);
  }
  if (produced !== e.size) {
    throw new XlsxError('unreadable-file', `The zip entry ${e.name} is damaged (size ${produced}, declared ${e.size}).`);
  }
  checkCrc(e, sum);
  budget.remaining -= produced;
}

/** Inflates one entry whole, with the host's inflate (and CRC-32) when there is one. */
export function entryBytes(b: Uint8Array, e: ZipEntry, budget: InflateBudget, inflateRaw?: InflateRaw, crc: Crc32 = crc32): Uint8Array {
  if (inflateRaw && e.method === 8 && !(e.flags & 1)) {
    if (e.size > budget.remaining) throw tooLarge(e);
    const start = dataStart(b, e);
    let out: Uint8Array;
    try {
      out = inflateRaw(b.subarray(start, start + e.compressedSize), Math.max(1, e.size));
    } catch (err) {
      throw new XlsxError('unreadable-file', `The zip entry ${e.name} is damaged (${(err as Error).message}).`);
    }
    if (out.length !== e.size) {
      throw new XlsxError('unreadable-file', `The zip entry ${e.name} is damaged (size ${out.length}, declared ${e.size}).`);
    }
    checkCrc(e, crc(out, 0));
    budget.remaining -= out.length;
    return out;
  }
  const out = new Uint8Array(e.size);
  let at = 0;
  inflateEntry(b, e, budget, (chunk) => {
    out.set(chunk, at);
    at += chunk.length;
  }, undefined, crc);
  return out;
}

export function entryText(b: Uint8Array, e: ZipEntry, budget: InflateBudget, inflateRaw?: InflateRaw, crc?: Crc32): string {
  return utf8.decode(entryBytes(b, e, budget, inflateRaw, crc));
}
