/**
 * Host codecs and the byte writer: Node's zlib for reading gives the same grids as
 * the portable inflate, kept sheet XML gives the same annotated copy, and bytes
 * written directly are the UTF-8 and escaping TextEncoder and the old string path gave.
 */
import * as zlib from 'zlib';
import { ByteSink } from '../../src/xlsx/xml';
import { applyPlans } from '../../src/xlsx';
import { readWorkbook, XlsxError, type ReadOptions } from '../../src/xlsx/read';
import { portableInflateRaw } from '../../src/xlsx/zip';
import { bigWorkbook, bigPlan } from './helpers/big';
import { craftWorkbook } from './helpers/craft';
import { richWorkbook } from './helpers/fixtures';
import { ledgerPlan } from './helpers/plan';
import { crc32 } from '../../src/xlsx/zip/crc32';
import { entries, rawEntries, same } from './helpers/zip';

const inflateRaw = (d: Uint8Array, max: number): Uint8Array => {
  const out = zlib.inflateRawSync(d, { maxOutputLength: max });
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
};

describe('a host inflate', () => {
  it('reads the same workbook as the portable inflate', async () => {
    for (const bytes of [await richWorkbook(), bigWorkbook(300)]) {
      const calls: number[] = [];
      const counted: ReadOptions['inflateRaw'] = (d, max) => {
        calls.push(max);
        return inflateRaw(d, max);
      };
      const a = readWorkbook(bytes);
      const b = readWorkbook(bytes, { inflateRaw: counted });
      expect(b).toEqual(a);
      // The web page's whole-part inflate with the portable codec reads the same.
      expect(readWorkbook(bytes, { inflateRaw: portableInflateRaw })).toEqual(a);
      // The sheets and the shared strings went through it.
      expect(calls.length).toBeGreaterThanOrEqual(a.sheets.length);
    }
  });

  it('turns an entry that inflates past its declared size into a damaged-file error', () => {
    const bytes = craftWorkbook({ sheets: [{ name: 'S', rows: '<row r="1"><c r="A1"><v>1</v></c></row>'.repeat(50) }] });
    // A codec that ignores the limit and returns one byte too many.
    const sloppy = (d: Uint8Array, max: number): Uint8Array => {
      const out = inflateRaw(d, max * 2);
      const more = new Uint8Array(out.length + 1);
      more.set(out);
      return more;
    };
    const err = (() => {
      try {
        readWorkbook(bytes, { inflateRaw: sloppy });
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(err).toBeInstanceOf(XlsxError);
    expect((err as XlsxError).code).toBe('unreadable-file');
  });

  it('keeps the sheet XML when asked, and the patch then gives the same bytes', async () => {
    const bytes = await richWorkbook();
    const kept = readWorkbook(bytes, { inflateRaw, keepSheetXml: true });
    const plain = readWorkbook(bytes);
    expect(kept.sheets.every((s) => s.xml instanceof Uint8Array && s.xml.length > 0)).toBe(true);
    expect(plain.sheets.every((s) => s.xml === undefined)).toBe(true);
    // The portable path keeps the same bytes.
    expect(readWorkbook(bytes, { keepSheetXml: true }).sheets[0].xml).toEqual(kept.sheets[0].xml);
    expect(same(applyPlans(bytes, kept, [ledgerPlan()]), applyPlans(bytes, plain, [ledgerPlan()]))).toBe(true);
    // The patch used up the ledger sheet's XML; the other sheets keep theirs.
    expect(kept.sheets.map((s) => s.xml === undefined)).toEqual([true, false, false]);
  });

  it('gives the same annotated copy with and without the host inflate, on a large sheet', () => {
    const bytes = bigWorkbook(2000);
    const wb = readWorkbook(bytes);
    const plan = bigPlan(2000);
    expect(same(applyPlans(bytes, wb, [plan], { inflateRaw }), applyPlans(bytes, wb, [plan]))).toBe(true);
  });
});

describe('a sheet deflated as it is written', () => {
  const pieces: { count: number } = { count: 0 };
  const deflateRawPiece = (d: Uint8Array, last: boolean): Uint8Array => {
    pieces.count++;
    return zlib.deflateRawSync(d, { level: 2, finishFlush: last ? zlib.constants.Z_FINISH : zlib.constants.Z_FULL_FLUSH });
  };
  const deflateRaw = (d: Uint8Array): Uint8Array => zlib.deflateRawSync(d, { level: 2 });

  it('in pieces (the host\'s), in one fflate stream or whole, the parts inflate to the same bytes', () => {
    // 40,000 rows: a sheet of some 20 MB, so that it goes out in several pieces of 4 MB.
    const bytes = bigWorkbook(40000);
    const wb = readWorkbook(bytes);
    const plan = bigPlan(40000);
    pieces.count = 0;
    const out = applyPlans(bytes, wb, [plan], { deflateRawPiece, deflateRaw });
    const byPieces = entries(out);
    // The recorded CRC-32 and sizes are those of the bytes the pieces inflate to.
    for (const [name, e] of rawEntries(out)) expect({ name, crc: e.crc >>> 0 }).toEqual({ name, crc: crc32(byPieces[name], 0) >>> 0 });
    expect(pieces.count).toBeGreaterThan(3);
    const byStream = entries(applyPlans(bytes, wb, [plan]));
    expect(Object.keys(byPieces).sort()).toEqual(Object.keys(byStream).sort());
    for (const name of Object.keys(byStream)) expect({ name, same: same(byPieces[name], byStream[name]) }).toEqual({ name, same: true });
  });
});

describe('ByteSink', () => {
  const text = (write: (s: ByteSink) => void): string => {
    const s = new ByteSink(4);
    write(s);
    return new TextDecoder().decode(s.finish()[0]);
  };

  it.each([
    ['plain', 'abc'],
    ['Chinese', '台账检查'],
    ['a supplementary character', 'x𠀀y'],
    ['long', '县'.repeat(5000) + '&<>'],
  ])('writes %s text as TextEncoder does, escaping & < >', (_label, s) => {
    const escaped = s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    expect(text((o) => o.text(s))).toBe(escaped);
    expect(text((o) => o.raw(s))).toBe(s);
  });

  it('writes a lone surrogate as U+FFFD, as TextEncoder does', () => {
    expect(text((o) => o.text('a\ud800b'))).toBe(new TextDecoder().decode(new TextEncoder().encode('a\ud800b')));
  });

  it.each([0, 7, 10, 99, 100, 1048576, 2147483647, 2147483648, -3, 0.5, 1e21, -0, 1 / 3])('writes %p as String() does', (n) => {
    expect(text((o) => o.number(n))).toBe(String(n));
  });

  it('grows, copies spans and takes back what was written', () => {
    const src = new TextEncoder().encode('0123456789'.repeat(20));
    const out = text((o) => {
      o.bytes(src, 5, 8);
      o.bytes(src, 0, 200);
      const at = o.length;
      o.ascii('gone');
      o.truncate(at);
      o.byte(33);
    });
    expect(out).toBe('567' + '0123456789'.repeat(20) + '!');
  });
});
