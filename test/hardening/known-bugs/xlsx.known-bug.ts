/**
 * Faults of the .xlsx layer (src/xlsx) found by the hardening work, each written as the
 * behaviour that is right. They fail today, so they are kept out of `npm test` (the name
 * does not end in .test.ts); run them with
 *   npx jest --testMatch '**\/known-bugs/*.known-bug.ts'
 * and rename a file to .test.ts once its fault is fixed. docs/hardening.md lists them.
 */
import * as fs from 'fs';
import * as path from 'path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { colIndex } from '../../../src/core/grid';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/core/types';
import { checkWorkbook } from '../../../src/xlsx/check';
import { XlsxError } from '../../../src/xlsx/errors';
import { readWorkbook } from '../../../src/xlsx/read-workbook';
import { BAD_DIR } from '../helpers';

const settings: Settings = { ...DEFAULT_SETTINGS, today: '2022-07-15' };
const bytesOf = (file: string) => new Uint8Array(fs.readFileSync(path.join(BAD_DIR, file)));
const SHEET = 'xl/worksheets/sheet1.xml';

/** The ledger of ok-ledger.xlsx with its sheet XML edited. */
function withSheet(edit: (xml: string) => string): Uint8Array {
  const all = unzipSync(bytesOf('ok-ledger.xlsx'));
  return zipSync({ ...all, [SHEET]: strToU8(edit(strFromU8(all[SHEET]))) });
}

function codeOf(bytes: Uint8Array): string {
  try {
    checkWorkbook(bytes, settings);
    return 'checked';
  } catch (e) {
    if (e instanceof XlsxError) return e.code;
    throw e;
  }
}

describe('cells past Excel\'s last column (far-cell.xlsx: a value in XFD20)', () => {
  it('the tool\'s columns stay within column XFD, and re-checking the copy puts them in the same place', () => {
    const first = checkWorkbook(bytesOf('far-cell.xlsx'), settings);
    const cols = Object.values(first.sheets[0].outputColumns) as string[];
    for (const c of cols) expect(colIndex(c)).toBeLessThanOrEqual(16383);
    const second = checkWorkbook(first.output as Uint8Array, settings);
    expect(second.sheets[0].outputColumns).toEqual(first.sheets[0].outputColumns);
  });
});

describe('a cell reference without a row (r="A0", r="C")', () => {
  it.each(['A0', 'C'])('r="%s" on F4: the copy keeps the value where the reader put it', (ref) => {
    const bytes = withSheet((x) => x.replace('<c r="F4">', `<c r="${ref}">`));
    const before = readWorkbook(bytes).sheets[0].grid;
    const copy = checkWorkbook(bytes, settings).output as Uint8Array;
    const after = readWorkbook(copy).sheets[0].grid;
    // Row 4 (0-based 3), columns A–G: what the copy reads is what the input read.
    expect(after.values[3].slice(0, 7)).toEqual(before.values[3].slice(0, 7));
  });
});

describe('sheet XML that is not well-formed', () => {
  it.each([
    ['an end tag of another element', (x: string) => x.replace('<c r="F4"><v>300</v></c>', '<c r="F4"><v>300</c></v>')],
    ['junk inside a start tag', (x: string) => x.replace('<c r="F4">', '<c r="F4" " s>')],
  ])('%s is refused as unreadable', (_label, edit) => {
    expect(codeOf(withSheet(edit))).toBe('unreadable-file');
  });
});

describe('a stored entry whose bytes no longer match its CRC-32 (crc-mismatch.xlsx)', () => {
  it('is refused as damaged, not read with a changed figure', () => {
    expect(codeOf(bytesOf('crc-mismatch.xlsx'))).toBe('unreadable-file');
  });
});

describe('a workbook handed over as a Node Buffer, as fs.readFileSync gives it', () => {
  it('gives the same copy as a plain Uint8Array, and the caller\'s buffer is left alone', () => {
    const buffer = fs.readFileSync(path.join(BAD_DIR, 'ok-ledger.xlsx'));
    const pristine = Buffer.from(buffer);
    const fromCopy = checkWorkbook(new Uint8Array(buffer), settings).output as Uint8Array;
    const fromBuffer = checkWorkbook(buffer, settings).output as Uint8Array;
    expect(buffer.equals(pristine)).toBe(true);
    expect(Buffer.from(fromBuffer).equals(Buffer.from(fromCopy))).toBe(true);
    expect(() => unzipSync(fromBuffer)).not.toThrow();
  });
});
