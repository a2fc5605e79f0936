import { strFromU8, strToU8, unzipSync, Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import * as zlib from 'zlib';
import { crc32 } from '../../src/xlsx/zip/crc32';
import { XlsxError } from '../../src/xlsx/errors';
import { entryText, readZipDirectory } from '../../src/xlsx';
import { writeZip } from '../../src/xlsx/zip';
import { rawEntries, same } from './helpers/zip';

/** A zip as streaming writers make it: data descriptors after each entry, a stored entry too. */
function streamedZip(): Uint8Array {
  const chunks: Uint8Array[] = [];
  const z = new Zip((_err, d) => chunks.push(d));
  const a = new ZipDeflate('xl/a.xml', { level: 6 });
  z.add(a);
  a.push(strToU8('<a>' + 'hello '.repeat(200) + '</a>'), true);
  const b = new ZipPassThrough('docProps/b.txt');
  z.add(b);
  b.push(strToU8('stored as is'), true);
  const c = new ZipDeflate('中文/名字.xml', { level: 6 });
  z.add(c);
  c.push(strToU8('<x>中文</x>'), true);
  z.end();
  const out = new Uint8Array(chunks.reduce((n, x) => n + x.length, 0));
  let at = 0;
  for (const x of chunks) {
    out.set(x, at);
    at += x.length;
  }
  return out;
}

describe('zip reading and writing', () => {
  it('computes CRC-32 as zip does', () => {
    // The check value of CRC-32/ISO-HDLC for "123456789".
    expect(crc32(strToU8('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
    // Continuing from the CRC of a prefix gives the CRC of the whole.
    expect(crc32(strToU8('56789'), crc32(strToU8('1234')))).toBe(0xcbf43926);
  });

  it('reads entries with data descriptors, stored entries and UTF-8 names', () => {
    const z = streamedZip();
    const dir = readZipDirectory(z);
    expect(dir.entries.map((e) => [e.name, e.method, (e.flags & 8) !== 0])).toEqual([
      ['xl/a.xml', 8, true], ['docProps/b.txt', 0, true], ['中文/名字.xml', 8, true],
    ]);
    expect(entryText(z, dir.byKey.get('docprops/b.txt')!, { remaining: 1e6 })).toBe('stored as is');
    expect(entryText(z, dir.byKey.get('中文/名字.xml')!, { remaining: 1e6 })).toBe('<x>中文</x>');
  });

  it('copies raw entries byte for byte, descriptors included, and adds new ones', () => {
    const z = streamedZip();
    const dir = readZipDirectory(z);
    const out = writeZip(z, [
      { kind: 'raw', entry: dir.entries[0] },
      { kind: 'new', name: 'docProps/b.txt', data: [strToU8('re'), strToU8('placed')] },
      { kind: 'raw', entry: dir.entries[2] },
    ]);
    const files = unzipSync(out);
    expect(strFromU8(files['docProps/b.txt'])).toBe('replaced');
    expect(strFromU8(files['xl/a.xml'])).toBe('<a>' + 'hello '.repeat(200) + '</a>');
    expect(strFromU8(files['中文/名字.xml'])).toBe('<x>中文</x>');
    const before = rawEntries(z);
    const after = rawEntries(out);
    expect(same(after.get('xl/a.xml')!.raw, before.get('xl/a.xml')!.raw)).toBe(true);
    // The local header, data and descriptor of a raw entry are one unchanged run of bytes.
    const e = dir.entries[0];
    const again = readZipDirectory(out);
    const span = (b: Uint8Array, off: number, len: number): Uint8Array => b.subarray(off, off + len);
    const len = dir.entries[1].localOffset - e.localOffset;
    expect(same(span(out, again.entries[0].localOffset, len), span(z, e.localOffset, len))).toBe(true);
  });

  it('takes a host deflate and CRC (zlib) and gives the same content', () => {
    const z = streamedZip();
    const dir = readZipDirectory(z);
    const out = writeZip(z, [{ kind: 'new', name: 'n.txt', data: [strToU8('abc'.repeat(100))] }, { kind: 'raw', entry: dir.entries[1] }],
      { deflateRaw: (d) => new Uint8Array(zlib.deflateRawSync(d)), crc32: (d, prev) => zlib.crc32(d, prev) });
    expect(strFromU8(unzipSync(out)['n.txt'])).toBe('abc'.repeat(100));
  });

  it('refuses entries that claim to be larger than the budget before inflating them', () => {
    const z = streamedZip();
    const dir = readZipDirectory(z);
    expect(() => entryText(z, dir.entries[0], { remaining: 100 })).toThrow(XlsxError);
  });
});

describe('a package handed over as a Node Buffer sharing its memory', () => {
  it('copies entries raw with their directory records moved, and leaves the memory around it alone', () => {
    const src = streamedZip();
    // The package in the middle of a larger allocation, as Node's buffer pool holds small files.
    const pool = Buffer.alloc(src.length + 100, 7);
    Buffer.from(src).copy(pool, 50);
    const buffer = pool.subarray(50, 50 + src.length);
    const dir = readZipDirectory(buffer);
    const fresh = new Uint8Array(100).fill(1);
    const out = writeZip(buffer, [{ kind: 'new', name: 'first.xml', data: [fresh] }, ...dir.entries.map((entry) => ({ kind: 'raw' as const, entry }))]);
    expect(same(out, writeZip(src, [{ kind: 'new', name: 'first.xml', data: [fresh] }, ...readZipDirectory(src).entries.map((entry) => ({ kind: 'raw' as const, entry }))]))).toBe(true);
    expect(Object.keys(unzipSync(out)).sort()).toEqual(['docProps/b.txt', 'first.xml', 'xl/a.xml', '中文/名字.xml']);
    expect([...pool.subarray(0, 50), ...pool.subarray(50 + src.length)].every((x) => x === 7)).toBe(true);
    expect(same(buffer, src)).toBe(true);
  });
});
