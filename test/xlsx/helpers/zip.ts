/** Zip helpers for tests: list, read and build packages with fflate. */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

export function entries(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

export function entryText(bytes: Uint8Array, name: string): string {
  const e = unzipSync(bytes, { filter: (f) => f.name === name })[name];
  if (!e) throw new Error(`no entry ${name}`);
  return strFromU8(e);
}

/** A package from part texts (or bytes), deflated. */
export function buildZip(parts: Record<string, string | Uint8Array>): Uint8Array {
  const z: Zippable = {};
  for (const [k, v] of Object.entries(parts)) z[k] = typeof v === 'string' ? strToU8(v) : v;
  return zipSync(z);
}

/** Same package with some parts replaced or added (null removes), everything re-zipped. */
export function withParts(bytes: Uint8Array, parts: Record<string, string | Uint8Array | null>): Uint8Array {
  const all: Record<string, string | Uint8Array> = { ...entries(bytes) };
  for (const [k, v] of Object.entries(parts)) {
    if (v === null) delete all[k];
    else all[k] = v;
  }
  return buildZip(all);
}

/** The raw central-directory view: name → [compressed bytes, method]. */
export function rawEntries(bytes: Uint8Array): Map<string, { method: number; raw: Uint8Array; crc: number }> {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = bytes.length - 22;
  while (dv.getUint32(eocd, true) !== 0x06054b50) eocd--;
  const count = dv.getUint16(eocd + 10, true);
  let p = dv.getUint32(eocd + 16, true);
  const out = new Map<string, { method: number; raw: Uint8Array; crc: number }>();
  for (let i = 0; i < count; i++) {
    const nameLen = dv.getUint16(p + 28, true);
    const name = strFromU8(bytes.subarray(p + 46, p + 46 + nameLen));
    const method = dv.getUint16(p + 10, true);
    const crc = dv.getUint32(p + 16, true);
    const size = dv.getUint32(p + 20, true);
    const local = dv.getUint32(p + 42, true);
    const start = local + 30 + dv.getUint16(local + 26, true) + dv.getUint16(local + 28, true);
    out.set(name, { method, raw: bytes.slice(start, start + size), crc });
    p += 46 + nameLen + dv.getUint16(p + 30, true) + dv.getUint16(p + 32, true);
  }
  return out;
}

export function same(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;
}
