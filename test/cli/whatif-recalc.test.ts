/**
 * The indicator formulas, proven by a real spreadsheet: `ledger whatif --out` writes
 * the copies, LibreOffice recalculates them (forced), and every indicator formula cell
 * must come back as the cached value we wrote. Skipped, loudly, without LibreOffice.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/cli/commands';
import { cellAt, fromA1, type Grid } from '../../src/core/grid';
import type { WhatifReport } from '../../src/core/whatif/types';
import { readWorkbook } from '../../src/xlsx';
import { recalculateAll, requireSoffice } from '../helpers/libreoffice';


const soffice = requireSoffice('the indicator formula cross-check (test/cli/whatif-recalc.test.ts)');
const maybe = soffice ? describe : describe.skip;

const ROOT = path.resolve(__dirname, '../..');
const INDICATORS = [
  '完成比=completedYtd / annualPlan * 100',
  '对账=(completionRate - timeProgress) * 100 - gapPp', // the tool's own columns and the time-progress name
  '偏差=reportedRate - completionRate', // percent-number rate columns are divided by 100
  '到位率=fundsArrived / totalInvestment * 100', // 总投资 in 亿元 in a 万元 sheet
  '混合=-(totalInvestment - completedYtd) / 4 - -1 + annualPlan / (50%)',
];

function ledger(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = run(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), isTTY: false, today: '2022-12-31', env: {} });
  return { code, stdout, stderr };
}

/** A ledger with funds, a column in 亿元, a number typed as text, blanks and a zero plan. */
async function fundsLedger(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('资金');
  ws.addRow(['2022年重点项目资金到位情况（截至6月底）']);
  ws.addRow(['单位：万元']);
  ws.addRow(['序号', '项目名称', '总投资（亿元）', '年度计划投资', '1-6月完成投资', '资金到位', '完成率（%）']);
  ws.addRow([1, '甲', 1.2, 3000, 1500, 4000, 50]);
  ws.addRow([2, '乙', 0.35, 800, '400', 1000, 50]);
  ws.addRow([3, '丙', 2.5, 0, 0, null, null]);
  ws.addRow([4, '丁', 0.07, 700, 210, 333.3, 30]);
  await wb.xlsx.writeFile(file);
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-whatif-lo-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

maybe('LibreOffice recalculates the indicator columns to our cached values', () => {
  it('every indicator formula of every sample', async () => {
    const funds = path.join(work, 'funds.xlsx');
    await fundsLedger(funds);
    const inputs = [
      funds,
      ...fs.readdirSync(path.join(ROOT, 'test/fixtures/xlsx')).filter((f) => f.endsWith('.xlsx')).map((f) => path.join(ROOT, 'test/fixtures/xlsx', f)),
      ...fs.readdirSync(path.join(ROOT, 'examples')).filter((f) => f.endsWith('.xlsx')).map((f) => path.join(ROOT, 'examples', f)),
    ];
    const out = path.join(work, 'out');
    const r = ledger(['whatif', ...inputs, '--out', out, '--json', ...INDICATORS.flatMap((i) => ['--indicator', i])]);
    expect(r.stderr).toBe('');
    expect(r.code).toBeLessThan(2);
    const report = JSON.parse(r.stdout) as WhatifReport;
    const copies = report.files.map((f) => f.output as string);
    const recalculated = recalculateAll(copies, path.join(work, 'lo'));

    const mismatches: string[] = [];
    let compared = 0;
    let live = 0;
    copies.forEach((copy, i) => {
      const ours = new Map(readWorkbook(new Uint8Array(fs.readFileSync(copy))).sheets.map((s) => [s.name, s.grid]));
      const theirs = new Map(readWorkbook(new Uint8Array(fs.readFileSync(recalculated[i]))).sheets.map((s) => [s.name, s.grid]));
      for (const s of report.files[i].sheets) {
        const g = ours.get(s.sheet) as Grid;
        const lo = theirs.get(s.sheet) as Grid;
        for (const [name, col] of Object.entries(s.whatif.indicatorColumns)) {
          if (!col.formula) continue;
          live++;
          for (const p of s.projects) {
            const at = fromA1(`${col.column}${p.row}`)!;
            const cached = cellAt(g, at.r, at.c) ?? '';
            const got = cellAt(lo, at.r, at.c) ?? '';
            const same = typeof cached === 'number' && typeof got === 'number'
              ? Math.abs(got - cached) <= 1e-9 * Math.max(1, Math.abs(cached))
              : got === cached;
            if (!same) mismatches.push(`${path.basename(copy)} ${s.sheet}!${col.column}${p.row} (${name}): LibreOffice ${JSON.stringify(got)}, ours ${JSON.stringify(cached)}`);
            compared++;
          }
        }
      }
    });
    expect(mismatches).toEqual([]);
    expect(live).toBeGreaterThan(20);
    expect(compared).toBeGreaterThan(500);

    // The funds ledger by hand: 到位率 甲 4000 / (1.2 × 10000) × 100 = 33.33; 乙's '400' is text: "" in the sheet
    const f = report.files[0].sheets[0];
    expect(f.whatif.indicatorColumns['到位率'].formula).toBe(true);
    const lo = readWorkbook(new Uint8Array(fs.readFileSync(recalculated[0]))).sheets[0].grid;
    const col = fromA1(`${f.whatif.indicatorColumns['到位率'].column}4`)!.c;
    expect(cellAt(lo, 3, col) as number).toBeCloseTo((4000 / 12000) * 100, 9);
    // 乙: 1000 / 3500 × 100, funds and total are numbers
    expect(cellAt(lo, 4, col) as number).toBeCloseTo((1000 / 3500) * 100, 9);
    const ratio = fromA1(`${f.whatif.indicatorColumns['完成比'].column}5`)!;
    expect(cellAt(lo, ratio.r, ratio.c)).toBe(50); // '400' typed as text is plain-number text: 400 / 800 × 100, as the report reads it
    expect(f.projects[1].whatif.indicators?.['完成比']).toBe(50); // the report reads it: 400 / 800 × 100
  });
});
