/**
 * The ledger template in a real spreadsheet: LibreOffice opens the template written by
 * `ledger template`, filled by a script (exceljs), recalculates it, and its 小计, 合计 and
 * completion-rate formulas must equal the engine's figures for the same filled workbook. The
 * re-saved file still carries the input rules and the sheet protection.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { run } from '../../src/cli/commands';
import { TEMPLATE_KEYS } from '../../src/core/template';
import { DEFAULT_SETTINGS } from '../../src/core/types';
import { checkWorkbook } from '../../src/xlsx';
import { recalculate, requireSoffice } from '../helpers/libreoffice';

const soffice = requireSoffice('the ledger template recalculated by LibreOffice (test/xlsx-lo/template-recalc.test.ts)');
const maybe = soffice ? describe : describe.skip;

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-template-lo-'));
afterAll(() => { if (!process.env.KEEP_LO) fs.rmSync(work, { recursive: true, force: true }); });
const col = (k: (typeof TEMPLATE_KEYS)[number]): string => String.fromCharCode(65 + TEMPLATE_KEYS.indexOf(k));
const io = { stdout: () => undefined, stderr: (s: string) => { throw new Error(s); }, isTTY: false, today: '2022-06-30', env: {} };

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
  return wb;
}

maybe('the template recalculated by LibreOffice', () => {
  it('gives the engine\'s sums and rates, and keeps its rules and protection', async () => {
    const file = path.join(work, 'filled.xlsx');
    expect(run(['template', '--as-of', '2022-06-30', '--groups', '阳谷县,冠县', '--out', file], io)).toBe(0);
    const wb = await load(file);
    const ws = wb.worksheets[0];
    // 阳谷县 rows 4-13 (小计 14), 冠县 rows 15-24 (小计 25), 合计 26.
    const rows: Array<[number, string, string, number, number, number]> = [
      [4, '阳谷县', '物流园', 50000, 20000, 9000.5],
      [5, '阳谷县', '污水厂', 30000, 10000, 6000],
      [9, '阳谷县', '学校', 12000, 3000, 100],
      [15, '冠县', '产业园', 80000, 30000, 12000],
      [16, '冠县', '道路', 9000, 0, 0],
    ];
    rows.forEach(([r, g, name, total, plan, ytd], i) => {
      ws.getCell(`${col('index')}${r}`).value = i + 1;
      ws.getCell(`${col('name')}${r}`).value = name;
      ws.getCell(`${col('group')}${r}`).value = g;
      ws.getCell(`${col('total')}${r}`).value = total;
      ws.getCell(`${col('annualPlan')}${r}`).value = plan;
      ws.getCell(`${col('ytd')}${r}`).value = ytd;
      ws.getCell(`${col('status')}${r}`).value = '已开工';
    });
    fs.writeFileSync(file, new Uint8Array(await wb.xlsx.writeBuffer()));
    const report = checkWorkbook(new Uint8Array(fs.readFileSync(file)), { ...DEFAULT_SETTINGS, today: '2022-06-30' }).sheets[0];

    const lo = await load(recalculate(file, path.join(work, 'lo')));
    const sheet = lo.worksheets[0];
    const value = (a1: string): unknown => {
      const v = sheet.getCell(a1).value as unknown;
      // A formula's result; LibreOffice saves a "" result as an empty value, which exceljs reads as none.
      return v && typeof v === 'object' && 'formula' in v ? (v as { result?: unknown }).result : v;
    };
    const groups = new Map(report.groups.map((g) => [g.name, g]));
    for (const [name, row] of [['阳谷县', 14], ['冠县', 25]] as const) {
      const g = groups.get(name)!;
      expect(value(`${col('annualPlan')}${row}`)).toBeCloseTo(g.annualPlan, 6);
      expect(value(`${col('ytd')}${row}`)).toBeCloseTo(g.completedYtd, 6);
      expect(value(`${col('rate')}${row}`)).toBeCloseTo(g.completedYtd / g.annualPlan, 9);
    }
    expect(value(`${col('annualPlan')}26`)).toBeCloseTo(report.total.annualPlan, 6);
    expect(value(`${col('ytd')}26`)).toBeCloseTo(report.total.completedYtd, 6);
    expect(value(`${col('rate')}26`)).toBeCloseTo(report.total.completedYtd / report.total.annualPlan, 9);
    for (const p of report.projects) {
      const rate = value(`${col('rate')}${p.row}`);
      if (p.completionRate === null) expect([null, undefined, '']).toContain(rate);
      else expect(rate).toBeCloseTo(p.completionRate, 9);
    }
    // An empty input row's rate stays blank.
    expect([null, undefined, '']).toContain(value(`${col('rate')}6`));

    const dv = (sheet as unknown as { dataValidations: { find(a: string): ExcelJS.DataValidation | undefined } }).dataValidations;
    expect(dv.find(`${col('annualPlan')}7`)?.type).toBe('decimal');
    expect(dv.find(`${col('status')}7`)?.type).toBe('list');
    expect(dv.find(`${col('start')}7`)?.type).toBe('date');
    expect(dv.find(`${col('code')}7`)?.type).toBe('custom');
    // LibreOffice writes the protection's booleans as "true", which exceljs does not read: the XML itself.
    const xml = strFromU8(unzipSync(new Uint8Array(fs.readFileSync(path.join(work, 'lo', 'filled.xlsx'))))['xl/worksheets/sheet1.xml']);
    expect(xml).toMatch(/<sheetProtection [^>]*sheet="(1|true)"/);
    expect(xml).not.toMatch(/<sheetProtection [^>]*(password|hashValue)=/);
  }, 120000);
});
