/**
 * Faults of the write side found by the hardening work, fixed: the tool's columns within
 * Excel's last column (XFD), cell references without a row, a workbook handed over as a
 * Node Buffer.
 */
import * as fs from 'fs';
import * as path from 'path';
import { unzipSync } from 'fflate';
import { cellKey } from '../../src/core/grid';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/types';
import { checkWorkbook } from '../../src/xlsx';
import { readWorkbook } from '../../src/xlsx';
import { BAD_DIR, runCli, tempDir } from './helpers';
import { fixtureBytes, withSheet } from './packages';
import { figureFormula as F } from '../../src/core/plain-number';

const settings: Settings = { ...DEFAULT_SETTINGS, today: '2022-07-15' };

const num = (ref: string, v: number) => `<c r="${ref}"><v>${v}</v></c>`;

describe('a sheet reaching column XFD (far-cell.xlsx: a value in XFD20)', () => {
  // The header is A3:G3 (7 columns); XFD (0-based 16383) is the last column Excel has.
  it('puts the tool\'s columns in the first six empty columns after the header, H to M, and keeps XFD20', () => {
    const first = checkWorkbook(fixtureBytes('far-cell.xlsx'), settings);
    // H, I, J, K, L = 0-based 7..11; the hidden rank key goes to M (12).
    expect(first.sheets[0].outputColumns).toEqual({ completionRate: 'H', gapPp: 'I', status: 'J', rankInGroup: 'K', rank: 'L' });
    const copy = readWorkbook(first.output as Uint8Array).sheets[0].grid;
    expect(copy.values[19][16383]).toBe(1);
    // H4: F4/E4 = 300/500 = 0.6 as a live formula.
    expect(copy.values[3][7]).toBe(0.6);
    expect(copy.formulas?.get(cellKey(3, 7))).toContain(`${F('F4')}/${F('E4')}`);
    expect(copy.values[2][12]).toBe('排名依据');
  });

  it('puts them in the same place when the copy is checked again, and the copy of the copy is the same bytes', () => {
    const first = checkWorkbook(fixtureBytes('far-cell.xlsx'), settings);
    const second = checkWorkbook(first.output as Uint8Array, settings);
    expect(second.sheets[0].outputColumns).toEqual(first.sheets[0].outputColumns);
    const third = checkWorkbook(second.output as Uint8Array, settings);
    expect(Buffer.from(third.output as Uint8Array).equals(Buffer.from(second.output as Uint8Array))).toBe(true);
  });

  it('skips columns that hold a user cell in any row', () => {
    // Used: H20 (7) and N20 (13). Free after the header: I..M is only five columns,
    // so the block starts at O (14): O, P, Q, R, S and the rank key in T.
    const bytes = withSheet((x) => x.replace('<c r="XFD20">', `${num('H20', 5)}${num('N20', 6)}<c r="XFD20">`), 'far-cell.xlsx');
    const checked = checkWorkbook(bytes, settings);
    expect(checked.sheets[0].outputColumns).toEqual({ completionRate: 'O', gapPp: 'P', status: 'Q', rankInGroup: 'R', rank: 'S' });
    const copy = readWorkbook(checked.output as Uint8Array).sheets[0].grid;
    expect([copy.values[19][7], copy.values[19][13], copy.values[19][16383]]).toEqual([5, 6, 1]);
  });

  describe('a header that reaches XFD itself (XFD3 filled): no room', () => {
    const bytes = withSheet((x) => x.replace('</c></row><row r="4">', `</c>${num('XFD3', 9)}</row><row r="4">`), 'far-cell.xlsx');

    it('writes no computed columns, keeps every user cell, and names no output column in the report', () => {
      const checked = checkWorkbook(bytes, settings);
      expect(checked.sheets[0].outputColumns).toEqual({});
      const before = readWorkbook(bytes).sheets[0].grid;
      const after = readWorkbook(checked.output as Uint8Array).sheets[0].grid;
      for (let r = 0; r < 20; r++) expect(after.values[r]).toEqual(before.values[r]);
      expect(after.formulas?.size ?? 0).toBe(0);
      // The tool's own sheets are still added.
      expect(readWorkbook(checked.output as Uint8Array).sheets.length).toBeGreaterThan(1);
    });

    it('the command says so on stderr', () => {
      const dir = tempDir('no-room');
      try {
        const file = path.join(dir, 'no-room.xlsx');
        fs.writeFileSync(file, bytes);
        const res = runCli(['check', file, '--json', '--out', path.join(dir, 'out')]);
        expect(res.code).toBeLessThan(2);
        expect(res.stderr).toContain('XFD');
        expect(JSON.parse(res.stdout).files[0].sheets[0].outputColumns).toEqual({});
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});

describe('a cell reference that places nothing (r="A0", r="C", r="A4x", r="4")', () => {
  // No row of 1 or more, no column, or a character after the row: the reader takes the
  // position as implied, and the copy must agree.
  it.each(['A0', 'C', '$C$0', 'A4x', '4'])('r="%s" on F4: the copy keeps the value where the reader put it', (ref) => {
    const bytes = withSheet((x) => x.replace('<c r="F4">', `<c r="${ref}">`), 'ok-ledger.xlsx');
    const before = readWorkbook(bytes).sheets[0].grid;
    // The reader takes the cell as following E4: F4 holds 300.
    expect(before.values[3][5]).toBe(300);
    const copy = checkWorkbook(bytes, settings).output as Uint8Array;
    const after = readWorkbook(copy).sheets[0].grid;
    expect(after.values[3].slice(0, 7)).toEqual(before.values[3].slice(0, 7));
  });

  it('a reference with a row is kept where it says (r="$F$4")', () => {
    const bytes = withSheet((x) => x.replace('<c r="F4">', '<c r="$F$4">'), 'ok-ledger.xlsx');
    const after = readWorkbook(checkWorkbook(bytes, settings).output as Uint8Array).sheets[0].grid;
    expect(after.values[3][5]).toBe(300);
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
