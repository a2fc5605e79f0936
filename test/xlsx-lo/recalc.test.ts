/**
 * The formulas we write, proven by a real spreadsheet: LibreOffice recalculates the
 * annotated copy (forced; it keeps cached values otherwise) and every computed cell
 * must equal the cached value we wrote, and the report where the inputs are plain numbers.
 * Then a figure is edited and recalculated again: the columns must follow.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cellAt, colLetter, fromA1, type Grid } from '../../src/core/grid';
import { readWorkbook } from '../../src/xlsx';
import { DEFAULT_SETTINGS, type RankMethod, type Settings } from '../../src/core/types';
import { checkWorkbook } from '../../src/xlsx';
import { recalculate, recalculateAll, requireSoffice } from '../helpers/libreoffice';

const soffice = requireSoffice('the formula cross-check with a real spreadsheet (test/xlsx-lo/recalc.test.ts)');
const maybe = soffice ? describe : describe.skip;

const root = path.resolve(__dirname, '../..');
const samples = [
  ...fs.readdirSync(path.join(root, 'examples')).filter((f) => f.endsWith('.xlsx')).map((f) => path.join(root, 'examples', f)),
  ...fs.readdirSync(path.join(root, 'test/fixtures/xlsx')).filter((f) => f.endsWith('.xlsx')).map((f) => path.join(root, 'test/fixtures/xlsx', f)),
];

function settings(rankMethod: RankMethod): Settings {
  return { ...DEFAULT_SETTINGS, today: '2022-12-31', rankMethod };
}

type Cached = { sheet: string; a1: string; value: unknown; formula: string };

/**
 * LibreOffice's results are read with our reader: exceljs 4.4 drops a formula result
 * of 0 (it reads `<v>0</v>` as no result), which would hide the very cells we check.
 * The reader itself is checked against exceljs in test/xlsx.
 */
function readResults(file: string): Map<string, Grid> {
  const wb = readWorkbook(new Uint8Array(fs.readFileSync(file)));
  return new Map(wb.sheets.map((s) => [s.name, s.grid]));
}

function resultAt(sheets: Map<string, Grid>, sheet: string, a1: string): unknown {
  const grid = sheets.get(sheet);
  const at = fromA1(a1);
  if (!grid || !at) return undefined;
  return cellAt(grid, at.r, at.c) ?? '';
}

function same(actual: unknown, expected: unknown): boolean {
  if (typeof expected === 'number' && typeof actual === 'number') {
    return Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
  }
  const norm = (x: unknown) => (x === null || x === undefined ? '' : x);
  return norm(actual) === norm(expected);
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-recalc-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

maybe('LibreOffice recalculates the annotated copy to our cached values', () => {
  // One LibreOffice run per method over all samples keeps the suite quick.
  for (const method of ['competition', 'dense'] as RankMethod[]) {
    it(`${method} ranking: every computed cell of every sample`, async () => {
      const dir = path.join(work, method);
      fs.mkdirSync(dir, { recursive: true });
      const expected = new Map<string, { cached: Cached[]; reportChecks: Cached[] }>();
      for (const file of samples) {
        const bytes = new Uint8Array(fs.readFileSync(file));
        const checked = checkWorkbook(bytes, settings(method));
        const name = path.basename(file).replace(/\.xlsx$/, '') + '.checked.xlsx';
        fs.writeFileSync(path.join(dir, name), checked.output as Uint8Array);
        const cached: Cached[] = [];
        const reportChecks: Cached[] = [];
        checked.plans.forEach((plan, i) => {
          for (const c of plan.cells) {
            if (c.formula) cached.push({ sheet: plan.sheet, a1: `${colLetter(c.c)}${c.r + 1}`, value: c.value, formula: c.formula });
          }
          // The tool's sheets: every 汇总 formula, group ranks included.
          for (const t of plan.sheets) {
            for (const c of t.cells) {
              if (c.formula) cached.push({ sheet: t.name, a1: `${colLetter(c.c)}${c.r + 1}`, value: c.value, formula: c.formula });
            }
          }
          // Every row must agree with the report itself, not only with our cached values:
          // a figure stored as text counts by the same rule in both (src/core/plain-number.ts).
          const report = checked.sheets[i];
          const out = report.outputColumns;
          for (const p of report.projects) {
            const add = (col: string | undefined, value: number | null, what: string) => {
              if (col) reportChecks.push({ sheet: plan.sheet, a1: `${col}${p.row}`, value: value ?? '', formula: `report.${what}` });
            };
            add(out.completionRate, p.completionRate, 'completionRate');
            add(out.gapPp, p.gapPp, 'gapPp');
            add(out.rank, p.rank, 'rank');
            add(out.rankInGroup, p.rankInGroup, 'rankInGroup');
          }
        });
        expected.set(name, { cached, reportChecks });
      }
      const outDir = path.join(dir, 'lo');
      let compared = 0;
      const names = [...expected.keys()];
      const outs = recalculateAll(names.map((n) => path.join(dir, n)), outDir);
      for (const [k, name] of names.entries()) {
        const recalculated = readResults(outs[k]);
        const { cached, reportChecks } = expected.get(name)!;
        const mismatches: string[] = [];
        for (const c of [...cached, ...reportChecks]) {
          if (!recalculated.has(c.sheet)) {
            mismatches.push(`${name}: sheet ${c.sheet} missing`);
            continue;
          }
          const got = resultAt(recalculated, c.sheet, c.a1);
          if (!same(got, c.value)) mismatches.push(`${name} ${c.sheet}!${c.a1}: LibreOffice ${JSON.stringify(got)}, ours ${JSON.stringify(c.value)} (${c.formula})`);
          compared++;
        }
        expect(mismatches).toEqual([]);
      }
      // Every sample has projects: the comparison covered thousands of cells, not none.
      expect(compared).toBeGreaterThan(1000);
    });
  }

  it('the columns follow an edited figure and an edited time progress', async () => {
    // The city's ledger: six counties, so the groups' ranks can move.
    const file = samples.find((f) => f.endsWith('city-county-column.xlsx')) as string;
    const checked = checkWorkbook(new Uint8Array(fs.readFileSync(file)), settings('competition'));
    const a = checked.analyses[0];
    const report = checked.sheets[0];
    const dir = path.join(work, 'edit');
    fs.mkdirSync(dir, { recursive: true });
    const annotated = path.join(dir, 'edit.xlsx');
    fs.writeFileSync(annotated, checked.output as Uint8Array);

    // Take the lowest-ranked project with numbers and give it the whole annual plan.
    const planCol = a.header.columns.annualPlan as number;
    const ytdCol = a.header.columns.completedYtd as number;
    const candidates = report.projects.filter((p) => typeof cellAt(a.grid, p.row - 1, planCol) === 'number' && typeof cellAt(a.grid, p.row - 1, ytdCol) === 'number' && (cellAt(a.grid, p.row - 1, planCol) as number) > 0);
    const last = candidates.reduce((m, p) => ((p.rank ?? 0) > (m.rank ?? 0) ? p : m));
    const plan = cellAt(a.grid, last.row - 1, planCol) as number;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(annotated);
    const ws = wb.getWorksheet(a.ledger.sheet)!;
    ws.getCell(last.row, ytdCol + 1).value = plan * 1.5; // 150 % of the plan: surely first
    // Time progress at the end of September instead of June: 9/12 = 0.75.
    const summary = wb.getWorksheet('汇总')!;
    summary.getCell('B2').value = 0.75;
    await wb.xlsx.writeFile(annotated);

    const recalculated = readResults(recalculate(annotated, path.join(dir, 'lo')));
    const at = (a1: string) => resultAt(recalculated, a.ledger.sheet, a1);
    const out = report.outputColumns;
    // 1.5 × plan / plan = 1.5; gap = (1.5 − 0.75) × 100 = 75 points; rank 1 of all.
    expect(at(`${out.completionRate}${last.row}`)).toBeCloseTo(1.5, 12);
    expect(at(`${out.gapPp}${last.row}`)).toBeCloseTo(75, 9);
    expect(at(`${out.rank}${last.row}`)).toBe(1);
    // Another project's gap moved by the new time progress: (rate − 0.75) × 100.
    const other = candidates.find((p) => p.row !== last.row && p.completionRate !== null)!;
    expect(at(`${out.gapPp}${other.row}`)).toBeCloseTo(((other.completionRate as number) - 0.75) * 100, 9);

    // 汇总 follows: the edited project's group completes (old + 1.5 × plan − its old figure),
    // its rate is that over the group's plan, its gap against 0.75 rounded to 0.1 point, and
    // the time-progress column the chart reads says 0.75 on every row.
    const sum = recalculated.get('汇总')!;
    const rowOf = (name: string) => sum.values.findIndex((r, i) => i > 7 && r?.[1] === name);
    const group = report.groups.find((g) => g.name === last.group)!;
    const oldYtd = cellAt(a.grid, last.row - 1, ytdCol) as number;
    const done = group.completedYtd - oldYtd + plan * 1.5;
    const r = rowOf(group.name);
    expect(cellAt(sum, r, 7)).toBeCloseTo(done, 6);
    expect(cellAt(sum, r, 8)).toBeCloseTo(done / group.annualPlan, 12);
    expect(cellAt(sum, r, 9)).toBeCloseTo(Math.round((done / group.annualPlan - 0.75) * 1000) / 10, 9);
    const groupRows = report.groups.map((g) => rowOf(g.name));
    expect(groupRows.length).toBeGreaterThan(2);
    for (const gr of groupRows) expect(cellAt(sum, gr, 13)).toBe(0.75);
    // The groups' ranks are those of their recalculated rates (rounded to 0.1 %), competition style.
    const keys = groupRows.map((gr) => Math.round((cellAt(sum, gr, 8) as number) * 1000));
    const ranks = groupRows.map((gr) => cellAt(sum, gr, 11));
    expect(ranks).toEqual(keys.map((k) => keys.filter((x) => x > k).length + 1));
  });
});
