import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { COUNTIES, DATE_FORMAT, HEADER, HEADER_ROWS, SHEET_NAME, generateGrid, writeXlsx } from '../../bench/generate';
import { cellKey, type CellValue } from '../../src/core/grid';
import { readWorkbook } from '../../src/xlsx/read';

const AMOUNT_COLS = [7, 8, 9, 10, 11]; // 总投资 … 1-6月完成投资
const CODE = /^\d{4}-\d{6}-\d{2}-\d{2}-\d{5}[0-9A-Z]$/;

describe('generateGrid', () => {
  it('gives the same ledger for the same seed, another for another seed', () => {
    expect(generateGrid(300, 7)).toEqual(generateGrid(300, 7));
    expect(generateGrid(300, 7).values).not.toEqual(generateGrid(300, 8).values);
  });

  it('has a title, a unit line, the 14-column header, then one row per project', () => {
    const grid = generateGrid(500, 1);
    expect(grid.name).toBe(SHEET_NAME);
    // 500 projects + title + unit line + header = 503 rows.
    expect(grid.values).toHaveLength(503);
    expect(HEADER_ROWS).toBe(3);
    expect(String(grid.values[0][0])).toContain('截至6月底');
    expect(grid.values[1][0]).toBe('单位：万元');
    expect(grid.values[2]).toEqual([
      '序号', '项目名称', '项目代码', '县（市、区）', '责任单位', '建设性质', '开工时间', '总投资',
      '截至上年底累计完成投资', '年度计划投资', '本月完成投资', '1-6月完成投资', '是否开工', '备注',
    ]);
    expect(grid.merges).toEqual([{ r0: 0, c0: 0, r1: 0, c1: 13 }]);
    const counties = new Set(COUNTIES.map(([name]) => name));
    for (let i = 0; i < 500; i++) {
      const row = grid.values[i + 3];
      expect(row).toHaveLength(14);
      expect(row[0]).toBe(i + 1);
      expect(counties.has(row[3] as string)).toBe(true);
      expect(String(row[1]).startsWith(row[3] as string)).toBe(true);
      expect(['新建', '续建', '扩建', '改建']).toContain(row[5]);
      expect(['是', '否']).toContain(row[12]);
      if (row[2] !== null) expect(row[2]).toMatch(CODE);
      // A date serial carries the date format; a text date (`2022.3`) has none.
      const start = row[6];
      if (typeof start === 'number') expect(grid.numFmts.get(cellKey(i + 3, 6))).toBe(DATE_FORMAT);
      else expect(start).toMatch(/^\d{4}\.\d{1,2}$/);
    }
  });

  it('keeps a clean row arithmetically plausible', () => {
    const grid = generateGrid(2000, 3);
    let checked = 0;
    for (const row of grid.values.slice(3)) {
      const [total, before, plan, month, ytd] = AMOUNT_COLS.map((c) => row[c]);
      if (![total, before, plan, month, ytd].every((v) => typeof v === 'number')) continue;
      checked++;
      const n = (v: CellValue | undefined) => v as number;
      // Two roundings to 0.01 can add up to 0.01 each.
      expect(n(before) + n(plan)).toBeLessThanOrEqual(n(total) + 0.02);
      expect(n(month)).toBeLessThanOrEqual(n(ytd));
      if (row[5] === '新建') expect(before).toBe(0);
    }
    // Each of 5 amount cells is dirty with p = 0.03, so a row is clean with 0.97^5 ≈ 0.86:
    // about 1,720 of 2,000 rows.
    expect(checked).toBeGreaterThan(1500);
  });

  it('makes about 3 % of amount cells dirty, with every kind of dirt', () => {
    const grid = generateGrid(20000, 11);
    let cells = 0;
    const kinds = { text: 0, fullWidth: 0, blank: 0, about: 0, dash: 0 };
    for (const row of grid.values.slice(3)) {
      for (const c of AMOUNT_COLS) {
        cells++;
        const v = row[c];
        if (v === null) kinds.blank++;
        else if (typeof v !== 'string') continue;
        else if (/^\d+(\.\d+)?$/.test(v)) kinds.text++;
        else if (/^[０-９．]+$/.test(v)) kinds.fullWidth++;
        else if (v.startsWith('约')) kinds.about++;
        else if (v === '—') kinds.dash++;
        else throw new Error(`unexpected amount ${v}`);
      }
    }
    const dirty = kinds.text + kinds.fullWidth + kinds.blank + kinds.about + kinds.dash;
    // 100,000 cells at p = 0.03: 3,000 expected, sd ≈ √(100000·0.03·0.97) ≈ 54.
    expect(cells).toBe(100000);
    expect(dirty).toBeGreaterThan(2700);
    expect(dirty).toBeLessThan(3300);
    for (const count of Object.values(kinds)) expect(count).toBeGreaterThan(0);
  });

  it('never repeats a project name within a county, nor a project code', () => {
    const grid = generateGrid(20000, 5);
    const names = new Set<string>();
    const codes = new Set<string>();
    let withCode = 0;
    for (const row of grid.values.slice(3)) {
      names.add(`${row[3]}|${row[1]}`);
      if (row[2] !== null) {
        withCode++;
        codes.add(row[2] as string);
      }
    }
    expect(names.size).toBe(20000);
    expect(codes.size).toBe(withCode);
  });
});

describe('writeXlsx', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-generate-'));
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes a workbook exceljs reads back cell for cell', async () => {
    const file = path.join(dir, 'ledger-200.xlsx');
    const size = writeXlsx(200, file, 42);
    expect(fs.statSync(file).size).toBe(size);
    const grid = generateGrid(200, 42);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual([SHEET_NAME]);
    const ws = wb.worksheets[0];
    expect(ws.rowCount).toBe(203);
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual(HEADER);
    expect(ws.getCell('A1').value).toBe(grid.values[0][0]);
    expect(ws.getCell('N1').isMerged).toBe(true);

    for (let r = 3; r < grid.values.length; r++) {
      const row = ws.getRow(r + 1);
      for (let c = 0; c < 14; c++) {
        const want = grid.values[r][c];
        const cell = row.getCell(c + 1);
        const got = cell.value;
        if (want === null) expect(got).toBeNull();
        else if (typeof want === 'number' && c === 6) {
          // exceljs turns a date-formatted serial into a Date: serial 0 is 1899-12-30.
          expect(got).toEqual(new Date(Date.UTC(1899, 11, 30) + want * 86400000));
          expect(cell.numFmt).toBe(DATE_FORMAT);
        } else expect(got).toEqual(want);
      }
    }
  });

  it('reads back through our own reader as exactly the grid the engine bench times', () => {
    const file = path.join(dir, 'ledger-1000.xlsx');
    writeXlsx(1000, file, 4);
    const want = generateGrid(1000, 4);
    const book = readWorkbook(new Uint8Array(fs.readFileSync(file)));
    expect(book.sheets).toHaveLength(1);
    const got = book.sheets[0].grid;
    expect(got.name).toBe(want.name);
    expect(got.merges).toEqual(want.merges);
    expect(got.values).toHaveLength(want.values.length);
    want.values.forEach((row, r) => {
      for (let c = 0; c < 14; c++) expect([r, c, got.values[r]?.[c] ?? null]).toEqual([r, c, row[c]]);
    });
    expect(got.numFmts).toEqual(want.numFmts);
  });

  it('writes the same bytes for the same seed', () => {
    const a = path.join(dir, 'a.xlsx');
    const b = path.join(dir, 'b.xlsx');
    writeXlsx(50, a, 9);
    writeXlsx(50, b, 9);
    expect(fs.readFileSync(a).equals(fs.readFileSync(b))).toBe(true);
  });
});
