import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { close, deflatePiece, workerPieceDeflater } from '../../src/cli/deflate-worker';
import { DEFAULT_SETTINGS } from '../../src/core/types';
import { checkWorkbook } from '../../src/xlsx';

afterAll(() => close());

/** Text that compresses like sheet XML, and not to nothing. */
function sheetLike(rows: number): Uint8Array {
  let s = '';
  for (let r = 1; r <= rows; r++) s += `<row r="${r}"><c r="A${r}"><v>${(r * 7919) % 10007}</v></c><c r="B${r}" t="s"><v>${r % 13}</v></c></row>`;
  return new TextEncoder().encode(s);
}

describe('workerPieceDeflater', () => {
  it('gives, piece for piece, the bytes the same deflate on this thread gives, and one valid stream', () => {
    const data = sheetLike(20000);
    // Pieces of 100,000 bytes, one buffer reused for each, as the byte sink hands them on.
    const reused = new Uint8Array(100000);
    const d = workerPieceDeflater();
    const expected: Uint8Array[] = [];
    for (let at = 0; at < data.length; at += reused.length) {
      const n = Math.min(reused.length, data.length - at);
      reused.set(data.subarray(at, at + n));
      d.push(reused.subarray(0, n), false);
      expected.push(deflatePiece(data.subarray(at, at + n), false));
    }
    d.push(new Uint8Array(0), true);
    expected.push(deflatePiece(new Uint8Array(0), true));
    const got = d.finish();
    expect(got.length).toBe(expected.length);
    got.forEach((g, i) => expect(Buffer.from(g).equals(Buffer.from(expected[i]))).toBe(true));
    expect(Buffer.from(zlib.inflateRawSync(Buffer.concat(got))).equals(Buffer.from(data))).toBe(true);
  });

  it('serves one part after another on the same worker', () => {
    for (const rows of [10, 3000]) {
      const data = sheetLike(rows);
      const d = workerPieceDeflater();
      d.push(data, false);
      d.push(new Uint8Array(0), true);
      expect(Buffer.from(zlib.inflateRawSync(Buffer.concat(d.finish()))).equals(Buffer.from(data))).toBe(true);
    }
  });

  it('makes the same annotated copy as the deflate on this thread', () => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'bad', 'ok-ledger.xlsx')));
    const settings = { ...DEFAULT_SETTINGS, today: '2022-07-15' };
    const here = checkWorkbook(bytes, settings, { patch: { deflateRawPiece: deflatePiece } }).output as Uint8Array;
    const away = checkWorkbook(bytes, settings, { patch: { pieceDeflater: workerPieceDeflater } }).output as Uint8Array;
    expect(Buffer.from(away).equals(Buffer.from(here))).toBe(true);
  });
});
