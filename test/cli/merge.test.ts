/**
 * `ledger merge`: three county files (one in 亿元) and a corrupt one into one city workbook.
 * The expected figures are worked out by hand below; the output is read with exceljs.
 */
import ExcelJS from 'exceljs';
import { captureIo, makeCounties } from '../helpers/merge-counties';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/cli/commands';
import { CLI_TEXT } from '../../src/cli/messages';
import { LANGS } from '../../src/core/types';
import type { MergeReport } from '../../src/cli/merge';
import type { GroupFigures, Report } from '../../src/core/types';

function num(v: ExcelJS.CellValue): number {
  if (typeof v === 'number') return v;
  if (v && typeof v === 'object' && 'result' in v) return Number((v as ExcelJS.CellFormulaValue).result);
  return NaN;
}

describe('ledger merge', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-merge-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  let files: string[] = [];
  let before: Map<string, Buffer>;
  const out = path.join(dir, 'out', '全市.xlsx');
  const io = captureIo();
  let code = -1;
  let report: Report & { merge: MergeReport };

  beforeAll(async () => {
    files = await makeCounties(dir);
    before = new Map(files.map((f) => [f, fs.readFileSync(f)]));
    code = run(['merge', ...files, '--out', out, '--json'], io);
    report = JSON.parse(io.out.join('')) as Report & { merge: MergeReport };
  });

  it('names the corrupt file on stderr in one line, leaves it out and exits 2', () => {
    const bad = io.err.filter((l) => l.includes('坏文件.xlsx'));
    expect(bad).toHaveLength(1);
    expect(bad[0].trim().split('\n')).toHaveLength(1);
    expect(code).toBe(2);
    expect(report.merge.failed.map((f: { file: string }) => path.basename(f.file))).toEqual(['坏文件.xlsx']);
  });

  it('says the 亿元 file was converted', () => {
    expect(io.err.some((l) => l.includes('东阿县.xlsx') && l.includes('亿元') && l.includes('万元'))).toBe(true);
    expect(report.merge.conversions).toEqual([{ file: '东阿县.xlsx', sheet: 'Sheet1', from: '亿元', to: '万元' }]);
  });

  // The counties' titles name 2022年1-6月, so the merge is measured at 2022-06-30 (time
  // progress 6/12). The city workbook's title names that date, so checking it again on its
  // own, with a later today (captureIo's 2022-07-15 here, a real today in use), gives the
  // same date and the same city rate, 1110 / 2700, not one measured at today.
  it('names its period in the title, so the city workbook checked again keeps the date and the figures', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet('全市台账')?.getCell('A1').value).toBe('全市重点项目台账（截至2022年6月30日）');
    const again = captureIo();
    run(['check', out, '--json', '--no-write'], { ...again, today: '2026-12-07' });
    const checked = JSON.parse(again.out.join('')) as Report;
    const sheet = checked.files[0].sheets?.[0];
    expect(sheet?.asOf).toBe('2022-06-30');
    expect(sheet?.timeProgress).toBeCloseTo(0.5, 9);
    expect(sheet?.total.completionRate).toBeCloseTo(1110 / 2700, 9);
  });

  it('never writes the inputs and leaves no temporary file', () => {
    for (const f of files) expect(fs.readFileSync(f).equals(before.get(f) as Buffer)).toBe(true);
    expect(fs.readdirSync(path.dirname(out))).toEqual(['全市.xlsx']);
  });

  it('reports the city totals and the ranks worked out by hand', () => {
    const sheet = report.files[0].sheets?.[0];
    if (!sheet) throw new Error('no merged sheet');
    expect(sheet.total.annualPlan).toBeCloseTo(2700, 6);
    expect(sheet.total.completedYtd).toBeCloseTo(1110, 6);
    expect(sheet.total.completionRate).toBeCloseTo(1110 / 2700, 9);
    const groups = Object.fromEntries(sheet.groups.map((g: GroupFigures) => [g.name, g]));
    expect(groups['阳谷县'].annualPlan).toBeCloseTo(700, 6);
    expect(groups['东阿县'].annualPlan).toBeCloseTo(1500, 6);
    expect(groups['莘县'].completedYtd).toBeCloseTo(170, 6);
    expect(groups['东阿县'].rank).toBe(1);
    expect(groups['阳谷县'].rank).toBe(2);
    expect(groups['莘县'].rank).toBe(3);
  });

  it('flags the project found in two files with a warning naming both sources, still counted once per file', () => {
    const issues = report.files[0].sheets?.[0].issues ?? [];
    expect(issues.filter((x) => x.code === 'duplicate-project')).toEqual([]);
    const across = issues.filter((x) => x.code === 'duplicate-across-files');
    expect(across).toHaveLength(1);
    // 莘县's 项目B (its sheet row 5) repeats 阳谷县's 项目B (its sheet row 5, code YG002).
    expect(across[0].severity).toBe('warning');
    expect(across[0].params).toMatchObject({
      by: 'code', key: 'YG002', file: '莘县.xlsx', sheet: 'Sheet1', row: 5, firstFile: '阳谷县.xlsx', firstSheet: 'Sheet1', firstRow: 5,
    });
    expect(across[0].message).toContain('阳谷县.xlsx');
    expect(across[0].message).toContain('莘县.xlsx');
  });

  it('writes 小计 and 合计 rows as SUM formulas and traces each row to its source cell', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('全市台账') as ExcelJS.Worksheet;
    expect(ws).toBeDefined();
    const header = (ws.getRow(3).values as ExcelJS.CellValue[]).slice(1).map(String);
    const col = (label: string) => header.indexOf(label) + 1;
    const nameC = col('项目名称');
    const planC = col('年度计划投资');
    const doneC = col('本年累计完成投资');
    const countyC = col('县（市、区）');
    const srcC = col('来源');
    expect([nameC, planC, doneC, countyC, srcC].every((c) => c > 0)).toBe(true);
    const subtotals: Record<string, { plan: number; done: number; formula: string }> = {};
    let total: { plan: number; done: number; formula: string } | null = null;
    const sourceBooks = new Map<string, ExcelJS.Workbook>();
    for (let r = 4; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const name = row.getCell(nameC).value;
      const plan = row.getCell(planC).value;
      if (name === '小计' || name === '合计') {
        const entry = { plan: num(plan), done: num(row.getCell(doneC).value), formula: (plan as ExcelJS.CellFormulaValue).formula };
        if (name === '小计') subtotals[String(row.getCell(countyC).value)] = entry;
        else total = entry;
        continue;
      }
      const src = String(row.getCell(srcC).value);
      const [file, sheet, srcRow] = src.split('!');
      let book = sourceBooks.get(file);
      if (!book) {
        book = new ExcelJS.Workbook();
        await book.xlsx.readFile(path.join(dir, file));
        sourceBooks.set(file, book);
      }
      // The source row's 项目名称 cell (column B) holds the same name.
      expect(book.getWorksheet(sheet)?.getRow(Number(srcRow)).getCell(2).value).toBe(name);
    }
    expect(subtotals['阳谷县'].plan).toBeCloseTo(700, 6);
    expect(subtotals['阳谷县'].done).toBeCloseTo(240, 6);
    expect(subtotals['东阿县'].plan).toBeCloseTo(1500, 6);
    expect(subtotals['东阿县'].done).toBeCloseTo(700, 6);
    expect(subtotals['莘县'].done).toBeCloseTo(170, 6);
    expect(subtotals['阳谷县'].formula).toMatch(/^SUM\([A-Z]+4:[A-Z]+6\)$/);
    expect(total?.plan).toBeCloseTo(2700, 6);
    expect(total?.done).toBeCloseTo(1110, 6);
    expect(total?.formula).toMatch(/^SUM\(/);
    expect(wb.getWorksheet('汇总')).toBeDefined();
  });
});

describe('ledger merge: how the merged cells look', () => {
  it('writes start dates as dates, amounts with a number format, and 小计/合计 bold', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-merge-fmt-'));
    try {
      const files = await makeCounties(dir);
      const out = path.join(dir, 'city.xlsx');
      run(['merge', ...files, '--out', out], captureIo());
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      const ws = wb.getWorksheet('全市台账') as ExcelJS.Worksheet;
      const header = (ws.getRow(3).values as ExcelJS.CellValue[]).slice(1).map(String);
      const col = (label: string) => header.indexOf(label) + 1;
      const nameC = col('项目名称');
      const startC = col('开工时间');
      const planC = col('年度计划投资');
      expect(startC).toBeGreaterThan(0);
      const rowOf = (name: string) => {
        for (let r = 4; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(nameC).value === name) return ws.getRow(r);
        throw new Error(`no row ${name}`);
      };
      // The sources' start dates (helpers/merge-counties.ts) come back as the same days.
      expect(rowOf('项目A').getCell(startC).value).toEqual(new Date(Date.UTC(2021, 2, 15)));
      expect(rowOf('项目D').getCell(startC).value).toEqual(new Date(Date.UTC(2022, 1, 1)));
      expect(rowOf('项目F').getCell(startC).value).toEqual(new Date(Date.UTC(2020, 10, 30)));
      expect(rowOf('项目A').getCell(startC).numFmt).toBe('yyyy-mm-dd');
      expect(rowOf('项目B').getCell(startC).value).toBeNull();
      // Amounts: 项目D's plan 0.1 亿元 = 1000 万元, shown with two decimals.
      expect(rowOf('项目D').getCell(planC).value).toBe(1000);
      expect(rowOf('项目D').getCell(planC).numFmt).toBe('#,##0.00');
      const sub = rowOf('小计');
      const total = rowOf('合计');
      expect(sub.getCell(planC).numFmt).toBe('#,##0.00');
      expect(sub.getCell(nameC).font?.bold).toBe(true);
      expect(total.getCell(planC).font?.bold).toBe(true);
      expect(rowOf('项目A').getCell(nameC).font?.bold).toBeFalsy();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('ledger merge: typed completion rates', () => {
  /** A county file whose rate column is typed one way or the other. */
  async function rated(file: string, rateHeader: string, rows: [string, number, number, number][], fmt?: string): Promise<void> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['2022年1-6月重点项目进展情况']);
    ws.addRow(['单位：万元']);
    ws.addRow(['序号', '项目名称', '总投资', '年度计划投资', '1-6月完成投资', rateHeader]);
    rows.forEach(([name, plan, ytd, rate], i) => {
      const row = ws.addRow([i + 1, name, 1000, plan, ytd, rate]);
      if (fmt) row.getCell(6).numFmt = fmt;
    });
    await wb.xlsx.writeFile(file);
  }

  it('carries them over as fractions shown as percentages, and checks them against the computed rate', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-merge-rate-'));
    try {
      // 阳谷县 types fractions shown as %: P1 200/400 = 0.5, P2 40/200 = 0.2 (both right).
      // 莘县 types percent numbers: P3 120/300 = 40 (right), P4 50/200 = 25% but typed 30 (wrong).
      const a = path.join(dir, '阳谷县.xlsx');
      const b = path.join(dir, '莘县.xlsx');
      await rated(a, '投资完成率', [['P1', 400, 200, 0.5], ['P2', 200, 40, 0.2]], '0.00%');
      await rated(b, '完成率（%）', [['P3', 300, 120, 40], ['P4', 200, 50, 30]]);
      const out = path.join(dir, 'city.xlsx');
      const io = captureIo();
      run(['merge', a, b, '--out', out, '--json'], io);
      const report = JSON.parse(io.out.join('')) as Report;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      const ws = wb.getWorksheet('全市台账') as ExcelJS.Worksheet;
      const header = (ws.getRow(3).values as ExcelJS.CellValue[]).slice(1).map(String);
      const nameC = header.indexOf('项目名称') + 1;
      const rateC = header.indexOf('投资完成率') + 1;
      expect(rateC).toBeGreaterThan(0);
      const rates: Record<string, unknown> = {};
      const formats: Record<string, string> = {};
      let p4Row = 0;
      for (let r = 4; r <= ws.rowCount; r++) {
        const name = String(ws.getRow(r).getCell(nameC).value);
        if (!name.startsWith('P')) continue;
        rates[name] = ws.getRow(r).getCell(rateC).value;
        formats[name] = ws.getRow(r).getCell(rateC).numFmt;
        if (name === 'P4') p4Row = r;
      }
      expect(rates).toEqual({ P1: 0.5, P2: 0.2, P3: 0.4, P4: 0.3 });
      expect(new Set(Object.values(formats))).toEqual(new Set(['0.00%']));
      const mismatches = (report.files[0].sheets?.[0].issues ?? []).filter((x) => x.code === 'reported-rate-mismatch');
      expect(mismatches.map((x) => x.cell)).toEqual([`${String.fromCharCode(64 + rateC)}${p4Row}`]);
      expect(mismatches[0].params.reported).toBeCloseTo(0.3, 9);
      expect(mismatches[0].params.computed).toBeCloseTo(0.25, 9);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('ledger merge without a proper --out', () => {
  it('exits 2 with one line when --out is missing or names an input', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-merge-out-'));
    try {
      const [a] = await makeCounties(dir);
      const before = fs.readFileSync(a);
      const io = captureIo();
      expect(run(['merge', a], io)).toBe(2);
      expect(io.err.join('')).toContain('--out');
      const io2 = captureIo();
      expect(run(['merge', a, '--out', a], io2)).toBe(2);
      expect(fs.readFileSync(a).equals(before)).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('ledger merge speaks every language from the command\'s messages', () => {
  it.each(LANGS)('%s', (lang) => {
    const t = CLI_TEXT[lang].merge;
    const lines = [t.converted('东阿县.xlsx', 'Sheet1', '亿元'), t.written('全市.xlsx', 6, 3), t.nothing, t.needOut];
    for (const l of lines) expect(l).not.toMatch(/undefined|NaN|null/);
    expect(lines[0]).toContain('东阿县.xlsx');
    expect(lines[0]).toContain('亿元');
    expect(lines[1]).toContain('全市.xlsx');
    expect(lines[1]).toContain('6');
    expect(t.needOut).toContain('--out');
  });

  it('says the conversion in English with --lang en', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-merge-en-'));
    try {
      const files = await makeCounties(dir);
      const io = captureIo();
      run(['merge', ...files, '--out', path.join(dir, 'city.xlsx'), '--lang', 'en'], io);
      expect(io.err).toContain(`${CLI_TEXT.en.merge.converted('东阿县.xlsx', 'Sheet1', '亿元')}\n`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
