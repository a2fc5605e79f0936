import { cellAt, cellKey, fromA1 } from '../../src/core/grid';
import { readWorkbook } from '../../src/xlsx/read';
import { expectedFormula, expectedValue, load, richWorkbook, serialOf, UNKNOWN } from './helpers/fixtures';

/** Every cell exceljs reads must be in our grid with the same value (and formula). */
async function compareWithExcelJs(bytes: Uint8Array): Promise<number> {
  const ours = readWorkbook(bytes);
  const theirs = await load(bytes);
  let compared = 0;
  for (const ws of theirs.worksheets) {
    const sheet = ours.sheets.find((s) => s.name === ws.name);
    expect(sheet).toBeDefined();
    ws.eachRow({ includeEmpty: false }, (row, rn) => {
      row.eachCell({ includeEmpty: false }, (cell, cn) => {
        const want = expectedValue(cell);
        const got = cellAt(sheet!.grid, rn - 1, cn - 1);
        if (want === UNKNOWN) expect(got).not.toBeUndefined();
        else if (typeof want === 'number') expect(got).toBeCloseTo(want, 9);
        else expect({ at: cell.address, v: got }).toEqual({ at: cell.address, v: want ?? null });
        const f = expectedFormula(cell);
        if (f !== undefined) expect(sheet!.grid.formulas!.get(cellKey(rn - 1, cn - 1))).toBe(f);
        compared++;
      });
    });
  }
  return compared;
}

describe('readWorkbook against exceljs', () => {
  it('reads every cell of the rich fixture as exceljs does', async () => {
    const n = await compareWithExcelJs(await richWorkbook());
    // 1 title + 7 headers + 4 rows of up to 7 values + H3:H5 + I3 + J3 + the merge B7:C8: dozens of cells.
    expect(n).toBeGreaterThan(40);
  });

  it('reads a date1904 workbook with serials in the 1900 system', async () => {
    const bytes = await richWorkbook({ date1904: true });
    await compareWithExcelJs(bytes);
    const wb = readWorkbook(bytes);
    expect(wb.date1904).toBe(true);
    // D3 is 2021-03-15: days from 1899-12-30 = 44270.
    expect(cellAt(wb.sheets[0].grid, 2, 3)).toBe(44270);
    // J3 holds 44742 written as a plain number into a 1904 file, formatted as a date: 44742 + 1462.
    expect(cellAt(wb.sheets[0].grid, 2, 9)).toBe(44742 + 1462);
    // A number without a date format is not moved: A3 = 1.
    expect(cellAt(wb.sheets[0].grid, 2, 0)).toBe(1);
  });
});

describe('readWorkbook details', () => {
  let wb: ReturnType<typeof readWorkbook>;
  beforeAll(async () => {
    wb = readWorkbook(await richWorkbook());
  });
  const at = (a1: string): unknown => {
    const p = fromA1(a1)!;
    return cellAt(wb.sheets[0].grid, p.r, p.c);
  };

  it('lists sheets in order with their state and part', () => {
    expect(wb.sheets.map((s) => [s.name, s.hidden])).toEqual([['台账', false], ['隐藏', true], ['Empty', false]]);
    expect(wb.sheets[0].path).toMatch(/^xl\/worksheets\/sheet\d+\.xml$/);
    expect(wb.sheets[2].grid.values.filter(Boolean).every((r) => r.length === 0)).toBe(true);
  });

  it('concatenates rich text runs and keeps strings as written', () => {
    expect(at('B4')).toBe('产业园二期');
    expect(at('G4')).toBe('备注 ');
    expect(at('G6')).toBe('a&b<c>');
  });

  it('reads errors, booleans and cached formula results', () => {
    expect(at('E5')).toEqual({ error: '#DIV/0!' });
    expect(at('E6')).toEqual({ error: '#DIV/0!' });
    expect(at('F3')).toBe(true);
    expect(at('F6')).toBe(false);
    expect(at('C5')).toBe(29357);
    expect(at('G5')).toBe('城区道路改造-续建');
  });

  it('keeps formulas; shared children get the master formula moved to their cell', () => {
    const f = wb.sheets[0].grid.formulas!;
    expect(f.get(cellKey(4, 2))).toBe('C3/2');
    expect(f.get(cellKey(2, 7))).toBe('C3*2');
    // H4 is one row below the master H3: C3*2 becomes C4*2.
    expect(f.get(cellKey(3, 7))).toBe('C4*2');
    expect(f.get(cellKey(4, 7))).toBe('C5*2');
  });

  it('gives dates as serials with their number format', () => {
    // 2021-03-15 is 44270 days after 1899-12-30.
    expect(at('D3')).toBe(44270);
    // exceljs writes 1900-01-01 as days since 1899-12-30 = 2 (it ignores Excel's 1900 leap day); we read what is stored.
    expect(at('D5')).toBe(2);
    // 2022-06-30 12:00 = 44742.5
    expect(at('I3')).toBe(44742.5);
    const fmts = wb.sheets[0].grid.numFmts!;
    expect(fmts.get(cellKey(2, 3))).toBe('yyyy-mm-dd');
    expect(fmts.get(cellKey(2, 4))).toBe('0.0%');
    expect(fmts.get(cellKey(2, 9))).toBe('yyyy"年"m"月"d"日"');
    expect(fmts.has(cellKey(2, 0))).toBe(false);
  });

  it('reads merges, hidden rows and hidden columns', () => {
    const g = wb.sheets[0].grid;
    expect(g.merges).toEqual(expect.arrayContaining([
      { r0: 0, c0: 0, r1: 0, c1: 6 },
      { r0: 6, c0: 1, r1: 7, c1: 2 },
    ]));
    expect([...g.hiddenRows!]).toEqual([4]);
    expect([...g.hiddenCols!]).toEqual([6]);
  });

  it('reads defined names', () => {
    expect(wb.definedNames).toEqual([{ name: 'Total', formula: "'台账'!$C$3", hidden: false }]);
  });

  it('reports progress up to 1', async () => {
    const seen: number[] = [];
    readWorkbook(await richWorkbook(), { onProgress: (f) => seen.push(f) });
    expect(seen[seen.length - 1]).toBe(1);
    expect(seen.every((f, i) => i === 0 || f >= seen[i - 1])).toBe(true);
  });

  it('converts dates the way exceljs does', () => {
    expect(serialOf(new Date(Date.UTC(2022, 5, 30)))).toBe(44742);
  });
});
