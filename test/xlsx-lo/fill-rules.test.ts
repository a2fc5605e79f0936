/**
 * The red and yellow fill rules (conditional formats) proven by a real spreadsheet: a
 * scratch copy carries each rule's formula, moved to each project row as Excel moves a
 * rule's relative rows, in two spare cells of that row; LibreOffice recalculates them and
 * each row must be red exactly when the report calls it seriously behind, and yellow
 * exactly when behind or overdue to start. Then the thresholds are edited on 汇总: the
 * fills follow LC_LagWarn and LC_LagAlert.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cellAt, type Grid } from '../../src/core/grid';
import { DEFAULT_SETTINGS, type ProjectStatus, type Settings, type WritePlan } from '../../src/core/types';
import { applyPlans, checkWorkbook, readWorkbook } from '../../src/xlsx';
import { recalculateAll, requireSoffice } from '../helpers/libreoffice';

const soffice = requireSoffice('the fill rules in a real spreadsheet (test/xlsx-lo/fill-rules.test.ts)');
const maybe = soffice ? describe : describe.skip;

const root = path.resolve(__dirname, '../..');
const SAMPLES = [path.join(root, 'examples', '冠县.xlsx'), path.join(root, 'test/fixtures/xlsx/mistakes.xlsx')];
const SETTINGS: Settings = { ...DEFAULT_SETTINGS, today: '2022-07-05' };
const RED: ProjectStatus[] = ['seriously-behind'];
const YELLOW: ProjectStatus[] = ['behind', 'overdue-start'];

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-fills-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** A rule's formula, written for its first row, moved to row r (1-based) as Excel applies it. */
function atRow(formula: string, first: number, r: number): string {
  return formula.replace(new RegExp(`(\\$[A-Z]+)${first}(?![0-9])`, 'g'), `$1${r}`);
}

interface Scratch {
  file: string;
  sheet: string;
  rows: { row: number; status: ProjectStatus; gapPp: number | null }[];
  /** Columns (0-based) holding the red and the yellow rule's value. */
  red: number;
  yellow: number;
}

/** The checked copy plus, on each project row, the two rules' formulas in spare cells; `edit` changes 汇总 cells first. */
function scratch(sample: string, tag: string, edit: { lagWarn?: number; lagAlert?: number } = {}): Scratch {
  const bytes = new Uint8Array(fs.readFileSync(sample));
  const checked = checkWorkbook(bytes, SETTINGS);
  const plan: WritePlan = checked.plans[0];
  const report = checked.sheets[0];
  const rules = plan.conditionalFormats;
  expect(rules.map((f) => f.fill)).toEqual(['red', 'yellow']);
  // Right of the tool's own columns, which stand right of everything the user wrote.
  const width = Math.max(...plan.ownColumns) + 1;
  const red = width + 2;
  const yellow = width + 3;
  const first = rules[0].r0 + 1;
  const extra = report.projects.flatMap((p) => [
    { r: p.row - 1, c: red, value: false, formula: atRow(rules[0].formula, first, p.row) },
    { r: p.row - 1, c: yellow, value: false, formula: atRow(rules[1].formula, first, p.row) },
  ]);
  const summary = plan.sheets.find((s) => s.cells.some((c) => c.r === 2 && c.c === 1));
  const summaryCells = summary?.cells.map((c) => {
    if (c.c === 1 && c.r === 2 && edit.lagWarn !== undefined) return { ...c, value: edit.lagWarn };
    if (c.c === 1 && c.r === 3 && edit.lagAlert !== undefined) return { ...c, value: edit.lagAlert };
    return c;
  });
  const plans = [{ ...plan, ownColumns: [...plan.ownColumns, red, yellow], cells: [...plan.cells, ...extra], sheets: plan.sheets.map((s) => (s === summary ? { ...s, cells: summaryCells! } : s)) }, ...checked.plans.slice(1)];
  const file = path.join(work, `${tag}.xlsx`);
  fs.writeFileSync(file, applyPlans(bytes, null, plans));
  return { file, sheet: report.sheet, rows: report.projects.map((p) => ({ row: p.row, status: p.status, gapPp: p.gapPp })), red, yellow };
}

maybe('the fill rules, recalculated by LibreOffice', () => {
  let sets: { s: Scratch; grid: Grid }[];
  let edited: { s: Scratch; grid: Grid };
  beforeAll(() => {
    const made = SAMPLES.map((f, i) => scratch(f, `sample-${i}`));
    // 冠县 with the thresholds moved: behind below 5 points, seriously behind below 20.
    const moved = scratch(SAMPLES[0], 'moved', { lagWarn: 5, lagAlert: 20 });
    const outs = recalculateAll([...made, moved].map((s) => s.file), path.join(work, 'lo'));
    const grid = (file: string, sheet: string) => readWorkbook(new Uint8Array(fs.readFileSync(file))).sheets.find((x) => x.name === sheet)!.grid;
    sets = made.map((s, i) => ({ s, grid: grid(outs[i], s.sheet) }));
    edited = { s: moved, grid: grid(outs[made.length], moved.sheet) };
  }, 300000);

  it('colour each project row red when seriously behind and yellow when behind or overdue to start, nothing else', () => {
    let red = 0;
    let yellow = 0;
    for (const { s, grid } of sets) {
      for (const p of s.rows) {
        const got = { row: p.row, red: cellAt(grid, p.row - 1, s.red), yellow: cellAt(grid, p.row - 1, s.yellow) };
        expect(got).toEqual({ row: p.row, red: RED.includes(p.status), yellow: YELLOW.includes(p.status) });
        if (got.red) red++;
        if (got.yellow) yellow++;
      }
    }
    // Both colours are exercised by the samples.
    expect(red).toBeGreaterThan(0);
    expect(yellow).toBeGreaterThan(0);
  });

  it('follow the thresholds edited on 汇总', () => {
    const { s, grid } = edited;
    let changed = 0;
    for (const p of s.rows) {
      // Recomputed by hand from the report's gap: red below −20, yellow from −20 to below −5, or
      // overdue; a status the sheet holds as typed (未到开工期 not due yet, 逾期未开工 overdue) does
      // not follow the gap.
      const g = p.status === 'pending' || p.status === 'overdue-start' ? null : p.gapPp;
      const wantRed = g !== null && g < -20;
      const wantYellow = (g !== null && g < -5 && g >= -20) || p.status === 'overdue-start';
      expect({ row: p.row, red: cellAt(grid, p.row - 1, s.red), yellow: cellAt(grid, p.row - 1, s.yellow) })
        .toEqual({ row: p.row, red: wantRed, yellow: wantYellow });
      if (wantRed !== RED.includes(p.status) || wantYellow !== YELLOW.includes(p.status)) changed++;
    }
    // The edit moves some rows from one colour to another, so the check can tell.
    expect(changed).toBeGreaterThan(0);
  });
});
