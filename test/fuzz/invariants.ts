/**
 * What must hold for any analysed sheet, whatever its cells: issues point at real
 * cells, totals and groups are the sums of the projects they count, ranks are rankings.
 * Each check throws an Error naming what broke, so fast-check shows it with the input.
 */
import type { SheetAnalysis } from '../../src/core/analyze';
import { fromA1, gridWidth, type Grid } from '../../src/core/grid';
import { roundHalfAway } from '../../src/core/round';
import type { GroupFigures, Project, RankMethod, SheetReport } from '../../src/core/types';

/** Rates are ranked at 0.1 % (src/core/ledger/build-ledger.ts RANK_DECIMALS). */
const RANK_DECIMALS = 3;

function fail(what: string): never {
  throw new Error(what);
}

/** Equal up to float noise: sums of the same numbers added in another order. */
export function near(a: number, b: number, scale: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, scale);
}

/** Sheet rows and columns an issue may point at: the grid's cells (and the header row's width). */
export function bounds(grid: Grid): { rows: number; cols: number } {
  return { rows: Math.max(1, grid.values.length), cols: Math.max(1, gridWidth(grid)) };
}

export function checkIssueCells(grid: Grid, issues: { r: number; c: number; code: string }[]): void {
  const { rows, cols } = bounds(grid);
  for (const i of issues) {
    if (!Number.isInteger(i.r) || !Number.isInteger(i.c) || i.r < 0 || i.c < 0 || i.r >= rows || i.c >= cols) {
      fail(`${i.code} points at (${i.r}, ${i.c}), outside the ${rows} × ${cols} grid`);
    }
  }
}

/** The A1 cells of a report's issues, inside the sheet. */
export function checkReportCells(grid: Grid, report: SheetReport): void {
  checkIssueCells(grid, report.issues.map((i) => {
    const at = fromA1(i.cell);
    if (!at) fail(`${i.code}: "${i.cell}" is not an A1 address`);
    return { ...at, code: i.code };
  }));
}

/**
 * rank(p) = 1 + how many rates (rounded to 0.1 %) are higher (competition), or how many
 * distinct rounded rates are higher (dense); no rate, no rank. Checked pair by pair.
 */
export function checkRanking(label: string, rates: (number | null)[], ranks: (number | null)[], method: RankMethod): void {
  const keys = rates.map((r) => (r === null || !Number.isFinite(r) ? null : roundHalfAway(r, RANK_DECIMALS)));
  const present = keys.filter((k): k is number => k !== null);
  const distinct = [...new Set(present)];
  keys.forEach((k, i) => {
    if (k === null) {
      if (ranks[i] !== null) fail(`${label}: item ${i} has no rate but rank ${ranks[i]}`);
      return;
    }
    const higher = method === 'dense' ? distinct.filter((x) => x > k).length : present.filter((x) => x > k).length;
    if (ranks[i] !== 1 + higher) fail(`${label}: item ${i} (rate ${rates[i]}) has rank ${ranks[i]}, expected ${1 + higher}`);
  });
}

function sum(ps: readonly Project[], f: (p: Project) => number | null): { total: number; scale: number } {
  let total = 0;
  let scale = 0;
  for (const p of ps) {
    const v = f(p) ?? 0;
    total += v;
    scale += Math.abs(v);
  }
  return { total, scale };
}

/** A group's (or the total's) figures against its projects. */
export function checkFigures(label: string, g: GroupFigures, ps: readonly Project[]): void {
  if (g.projects !== ps.length) fail(`${label}: counts ${g.projects} projects, has ${ps.length}`);
  const started = ps.filter((p) => p.started === true).length;
  if (g.started !== started) fail(`${label}: ${g.started} started, counted ${started}`);
  const lagging = ps.filter((p) => p.status === 'behind' || p.status === 'seriously-behind' || p.status === 'overdue-start').length;
  if (g.lagging !== lagging) fail(`${label}: ${g.lagging} lagging, counted ${lagging}`);
  for (const key of ['totalInvestment', 'annualPlan', 'completedYtd'] as const) {
    const s = sum(ps, (p) => p[key]);
    if (!Number.isFinite(g[key]) || !near(g[key], s.total, s.scale)) fail(`${label}: ${key} ${g[key]} ≠ Σ ${s.total}`);
  }
}

/** Every invariant of one analysed sheet. */
export function checkAnalysis(a: SheetAnalysis, method: RankMethod): void {
  const { grid, ledger, issues } = a;
  checkIssueCells(grid, issues);
  const projects = ledger.projects;
  const { rows } = bounds(grid);
  for (const p of projects) if (p.r < 0 || p.r >= rows) fail(`project on row ${p.r}, outside the grid`);
  checkFigures('total', ledger.total, projects);
  let counted = 0;
  for (const g of ledger.groups) {
    const members = projects.filter((p) => p.group === g.name);
    counted += members.length;
    checkFigures(`group ${g.name}`, g, members);
  }
  if (counted !== projects.length) fail(`groups hold ${counted} projects of ${projects.length}`);
  checkRanking('rank', projects.map((p) => p.completionRate), projects.map((p) => p.rank), method);
  for (const g of ledger.groups) {
    const members = projects.filter((p) => p.group === g.name);
    checkRanking(`rank in ${g.name}`, members.map((p) => p.completionRate), members.map((p) => p.rankInGroup), method);
  }
  checkRanking('group rank', ledger.groups.map((g) => g.completionRate), ledger.groups.map((g) => g.rank), method);
}

/** The report's totals against the report's own projects (what a reader of the JSON can check). */
export function checkReportSums(report: SheetReport): void {
  for (const key of ['totalInvestment', 'annualPlan', 'completedYtd'] as const) {
    let total = 0;
    let scale = 0;
    for (const p of report.projects) {
      total += p[key] ?? 0;
      scale += Math.abs(p[key] ?? 0);
    }
    // The report rounds figures to 12 significant digits: allow that much.
    if (!(Math.abs(report.total[key] - total) <= 1e-9 * Math.max(1, scale))) fail(`report total ${key} ${report.total[key]} ≠ Σ ${total}`);
  }
  if (report.total.projects !== report.projects.length) fail(`report total counts ${report.total.projects} of ${report.projects.length} projects`);
}
