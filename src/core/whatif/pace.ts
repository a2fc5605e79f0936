/**
 * The pace a project or a group needs (倒排工期) and where it is heading:
 *   requiredMonthly  = max(0, target × annualPlan − completedYtd) / monthsLeft
 *   currentMonthly   = completedYtd / monthsElapsed
 *   projectedYearEnd = completedYtd + what the months to December add: the current
 *                      pace each month, or the monthly plan columns (按月排进度)
 *                      when the sheet has one for every month still to come.
 * A group is computed exactly as a project whose figures are its sums, so the
 * county's pace is Σ completed against Σ plan, never an average of rates.
 */
import type { Grid } from '../grid';
import type { HeaderInfo, Ledger } from '../types';
import { coversMonths, findMonthPlanColumns, readMonthPlans } from './monthly-plan';
import { whatifTiming } from './timing';
import type { GroupWhatif, MonthPlanColumn, PaceFigures, ProjectionBasis, ProjectWhatif, SheetWhatif, Timing, WhatifOptions } from './types';

export interface PaceInput {
  /** 万元; null or ≤ 0 means no plan to reach. */
  annualPlan: number | null;
  completedYtd: number | null;
  /** Plans per month (index 1–12) in 万元 when the sheet has monthly plan columns. */
  monthPlans: readonly (number | null)[] | null;
}

/** Relative slack so that a plan met exactly, computed with binary noise, is met. */
const EPS = 1e-9;

function reaches(amount: number, goal: number): boolean {
  return amount >= goal - EPS * Math.max(1, Math.abs(goal));
}

/** Σ months[from..to] (missing months add 0). */
function sumMonths(months: readonly (number | null)[], from: number, to: number): number {
  let s = 0;
  for (let m = from; m <= to; m++) s += months[m] ?? 0;
  return s;
}

/** The figures of one project or group; see the file comment for the formulas. */
export function paceFigures(input: PaceInput, timing: Timing, target: number, basis: ProjectionBasis): PaceFigures {
  const { monthsElapsed: e, monthsLeft: left } = timing;
  const plan = input.annualPlan !== null && input.annualPlan > 0 ? input.annualPlan : null;
  const done = input.completedYtd;
  const months = basis === 'monthly-plan' ? input.monthPlans : null;
  const goal = plan === null ? null : target * plan;

  const requiredMonthly = left > 0 && goal !== null && done !== null ? Math.max(0, goal - done) / left : null;
  const currentMonthly = e > 0 && done !== null ? done / e : null;

  // What months e+1 .. upTo add (upTo may run past December: those months go at the current pace).
  const future = (upTo: number): number | null => {
    if (upTo <= e) return 0;
    const inYear = Math.min(upTo, 12);
    const beyond = upTo - Math.max(e, 12);
    let add = 0;
    if (months) add += sumMonths(months, e + 1, inYear);
    else if (inYear > e) {
      if (currentMonthly === null) return null;
      add += currentMonthly * (inYear - e);
    }
    if (beyond > 0) {
      if (currentMonthly === null) return null;
      add += currentMonthly * beyond;
    }
    return add;
  };

  let projectedYearEnd: number | null = null;
  let projectedAtBy: number | null = null;
  if (done !== null) {
    const toDec = future(12);
    projectedYearEnd = toDec === null ? null : done + toDec;
    const toBy = left > 0 ? future(e + left) : 0;
    projectedAtBy = toBy === null ? null : done + toBy;
  }
  let onCourse: boolean | null = null;
  if (goal !== null && done !== null) {
    if (left <= 0) onCourse = reaches(done, goal);
    else if (projectedAtBy !== null) onCourse = reaches(projectedAtBy, goal);
  }
  const all = input.monthPlans;
  const plannedToDate = all && all.some((v) => v !== null) && all.slice(1, e + 1).every((v) => v !== null) ? sumMonths(all, 1, e) : null;
  return {
    monthsLeft: left,
    requiredMonthly,
    currentMonthly,
    projectedYearEnd,
    projectedRate: projectedYearEnd !== null && plan !== null ? projectedYearEnd / plan : null,
    projectedAtBy,
    onCourse,
    basis,
    plannedToDate,
  };
}

/** Monthly plans when every month still to come has a column; otherwise the current pace. */
export function projectionBasis(columns: readonly MonthPlanColumn[], monthsElapsed: number): ProjectionBasis {
  return columns.length > 0 && coversMonths(columns, monthsElapsed + 1, 12) ? 'monthly-plan' : 'pace';
}

export interface SheetInput {
  grid: Grid;
  header: HeaderInfo;
  ledger: Ledger;
}

function addInto(sum: (number | null)[], months: readonly (number | null)[]): void {
  for (let m = 1; m <= 12; m++) if (months[m] !== null) sum[m] = (sum[m] ?? 0) + (months[m] as number);
}

/** The what-if of one analysed sheet: every project, every group, the total. */
export function sheetWhatif(input: SheetInput, options: WhatifOptions): SheetWhatif {
  const { grid, ledger } = input;
  const timing = whatifTiming(ledger.asOf, options.by);
  // The ledger's header carries the user's column corrections.
  const columns = findMonthPlanColumns(ledger.header);
  const basis = projectionBasis(columns, timing.monthsElapsed);
  const hasMonths = columns.length > 0;
  const groupIndex = new Map(ledger.groups.map((g, i) => [g.name, i]));
  const groupMonths: (number | null)[][] = ledger.groups.map(() => new Array<number | null>(13).fill(null));
  const totalMonths: (number | null)[] = new Array<number | null>(13).fill(null);

  const projects: ProjectWhatif[] = ledger.projects.map((p) => {
    const months = hasMonths ? readMonthPlans(grid, p.r, columns) : null;
    if (months) {
      const gi = groupIndex.get(p.group);
      if (gi !== undefined) addInto(groupMonths[gi], months);
      addInto(totalMonths, months);
    }
    return paceFigures({ annualPlan: p.annualPlan, completedYtd: p.completedYtd, monthPlans: months }, timing, options.target, basis);
  });
  const groups: GroupWhatif[] = ledger.groups.map((g, i) =>
    paceFigures({ annualPlan: g.annualPlan, completedYtd: g.completedYtd, monthPlans: hasMonths ? groupMonths[i] : null }, timing, options.target, basis));
  const t = ledger.total;
  const total = paceFigures({ annualPlan: t.annualPlan, completedYtd: t.completedYtd, monthPlans: hasMonths ? totalMonths : null }, timing, options.target, basis);
  return { sheet: ledger.sheet, timing, basis, monthPlanColumns: columns, projects, groups, total };
}
