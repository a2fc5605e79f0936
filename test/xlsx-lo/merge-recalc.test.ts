/**
 * The merged city workbook recalculated by LibreOffice: every formula (小计, 合计, the tool's
 * computed columns, 汇总) gives the value we cached, and the 合计 row equals the report.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/cli/commands';
import type { MergeReport } from '../../src/cli/merge';
import { cellAt, cellKey, MAX_COLS } from '../../src/core/grid';
import type { Report } from '../../src/core/types';
import { readWorkbook } from '../../src/xlsx';
import { recalculate, requireSoffice } from '../helpers/libreoffice';
import { captureIo, makeCounties } from '../helpers/merge-counties';

const soffice = requireSoffice('the merged workbook recalculated by LibreOffice (test/xlsx-lo/merge-recalc.test.ts)');
const maybe = soffice ? describe : describe.skip;

function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
  const norm = (x: unknown) => (x === null || x === undefined ? '' : x);
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
}

maybe('LibreOffice recalculates the merged workbook to the report', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-merge-lo-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('every formula and the 合计 row', async () => {
    const files = await makeCounties(dir);
    const out = path.join(dir, 'city.xlsx');
    const io = captureIo();
    run(['merge', ...files, '--out', out, '--json'], io);
    const report = JSON.parse(io.out.join('')) as Report & { merge: MergeReport };
    const ours = readWorkbook(new Uint8Array(fs.readFileSync(out)));
    const recalcDir = path.join(dir, 'lo');
    fs.mkdirSync(recalcDir);
    const theirs = readWorkbook(new Uint8Array(fs.readFileSync(recalculate(out, recalcDir))));
    let checked = 0;
    const wrong: string[] = [];
    for (const sheet of ours.sheets) {
      const lo = theirs.sheets.find((s) => s.name === sheet.name);
      expect(lo).toBeDefined();
      for (const key of sheet.grid.formulas?.keys() ?? []) {
        const r = Math.floor(key / MAX_COLS);
        const c = key % MAX_COLS;
        const mine = cellAt(sheet.grid, r, c);
        const their = lo ? cellAt(lo.grid, r, c) : undefined;
        checked++;
        if (!same(their, mine)) wrong.push(`${sheet.name}!${r + 1}:${c + 1} ours=${JSON.stringify(mine)} lo=${JSON.stringify(their)}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(20);
    // The 合计 row after recalculation holds the report's city totals (hand-computed: 2700 and 1110).
    const sheetReport = report.files[0].sheets?.[0];
    const lo = theirs.sheets.find((s) => s.name === '全市台账');
    if (!sheetReport || !lo) throw new Error('merged sheet missing');
    const letters = sheetReport.columns;
    const col = (letter: string | undefined) => (letter ? letter.split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1 : -1);
    const totalRow = report.merge.totalRow - 1;
    expect(cellAt(lo.grid, totalRow, col(letters.annualPlan))).toBeCloseTo(sheetReport.total.annualPlan, 6);
    expect(cellAt(lo.grid, totalRow, col(letters.completedYtd))).toBeCloseTo(sheetReport.total.completedYtd, 6);
    expect(sheetReport.total.annualPlan).toBeCloseTo(2700, 6);
    expect(sheetReport.total.completedYtd).toBeCloseTo(1110, 6);
    expect(lo.grid.formulas?.has(cellKey(totalRow, col(letters.annualPlan)))).toBe(true);
  }, 180000);
});
