/**
 * The figures of domain.md §4: time progress (时间进度), completion rate (投资完成率),
 * gap in percentage points, a project's status, and a group's sums.
 */
import { compareLoose, daysFromCivil, daysInMonth, isLeapYear, parseIsoDate } from '../dates';
import type { GroupFigures, LooseDate, Project, ProjectStatus, Settings, TimeBasis } from '../types';

/**
 * Share of the year elapsed at `asOf` (YYYY-MM-DD).
 * - `month`: whole months elapsed / 12. The last day of month N closes month N
 *   (2022-06-30 → 6/12 = 0.5); any other day counts only the months before it
 *   (2022-07-05 → 6/12), since monthly figures are reported per finished month.
 * - `day`: day of the year / days in the year, the as-of day counted as elapsed
 *   (2022-06-30 → 181/365; 2024-06-30 → 182/366).
 */
export function timeProgress(asOf: string, basis: TimeBasis): number {
  const d = parseIsoDate(asOf);
  if (!d || d.month === undefined || d.day === undefined) throw new RangeError(`as-of date is not YYYY-MM-DD: ${asOf}`);
  if (basis === 'month') {
    const done = d.day === daysInMonth(d.year, d.month) ? d.month : d.month - 1;
    return done / 12;
  }
  const dayOfYear = daysFromCivil(d.year, d.month, d.day) - daysFromCivil(d.year, 1, 1) + 1;
  return dayOfYear / (isLeapYear(d.year) ? 366 : 365);
}

/** Tolerance on gap comparisons, so 0.5 − 0.5 computed with noise still counts as on track. */
const GAP_EPS = 1e-9;

export interface ProjectFigures {
  completionRate: number | null;
  gapPp: number | null;
  status: ProjectStatus;
}

/**
 * A project's completion rate (completed this year / annual plan, when the plan is
 * positive), its gap to time progress in points (from unrounded values) and status:
 * - not started: `overdue-start` when its planned start is before `asOf` (at the
 *   precision both dates have), else `pending`;
 * - started: by the gap, `on-track` ≥ −lagWarn > `behind` ≥ −lagAlert > `seriously-behind`;
 * - `unknown` when the rate cannot be computed or whether it started is unknown.
 */
export function computeProject(p: Project, tp: number, settings: Settings, asOf: LooseDate | null): ProjectFigures {
  let completionRate: number | null = null;
  if (p.annualPlan !== null && p.annualPlan > 0 && p.completedYtd !== null) completionRate = p.completedYtd / p.annualPlan;
  // A plan of 1e-310 overflows the division: no rate rather than Infinity.
  if (completionRate !== null && !Number.isFinite(completionRate)) completionRate = null;
  const gapPp = completionRate === null ? null : (completionRate - tp) * 100;

  let status: ProjectStatus = 'unknown';
  if (p.started === false) {
    status = p.startDate !== null && asOf !== null && compareLoose(p.startDate, asOf) < 0 ? 'overdue-start' : 'pending';
  } else if (p.started === true && gapPp !== null) {
    if (gapPp >= -settings.lagWarn - GAP_EPS) status = 'on-track';
    else if (gapPp >= -settings.lagAlert - GAP_EPS) status = 'behind';
    else status = 'seriously-behind';
  }
  return { completionRate, gapPp, status };
}

/**
 * True when a project belongs in the 开工率 denominator under `startRateBase: 'planned'`:
 * it has started, or its planned start is on or before `asOf`, or its start is unknown.
 * Only a project not started and planned to start later is left out.
 */
function plannedByAsOf(p: Project, asOf: LooseDate | null): boolean {
  if (p.started === true || p.startDate === null || asOf === null) return true;
  return compareLoose(p.startDate, asOf) <= 0;
}

/** What a group's figures are made of, summed project by project. */
export interface GroupSums {
  projects: number;
  started: number;
  /** The 开工率 denominator (see plannedByAsOf). */
  base: number;
  totalInvestment: number;
  annualPlan: number;
  completedYtd: number;
  lagging: number;
}

export function emptySums(): GroupSums {
  return { projects: 0, started: 0, base: 0, totalInvestment: 0, annualPlan: 0, completedYtd: 0, lagging: 0 };
}

/** Adds one project (its status computed) to a group's sums. Blank amounts add 0. */
export function addToSums(s: GroupSums, p: Project, settings: Settings, asOf: LooseDate | null): void {
  s.projects++;
  if (p.started === true) s.started++;
  if (settings.startRateBase === 'all' || plannedByAsOf(p, asOf)) s.base++;
  s.totalInvestment += p.totalInvestment ?? 0;
  s.annualPlan += p.annualPlan ?? 0;
  s.completedYtd += p.completedYtd ?? 0;
  if (p.status === 'behind' || p.status === 'seriously-behind' || p.status === 'overdue-start') s.lagging++;
}

/** A group's figures from its sums (rank left to the caller). */
export function figuresOfSums(name: string, s: GroupSums, tp: number): GroupFigures {
  const quotient = s.annualPlan > 0 ? s.completedYtd / s.annualPlan : null;
  const completionRate = quotient !== null && Number.isFinite(quotient) ? quotient : null;
  return {
    name,
    projects: s.projects,
    started: s.started,
    startRate: s.base > 0 ? s.started / s.base : null,
    totalInvestment: s.totalInvestment,
    annualPlan: s.annualPlan,
    completedYtd: s.completedYtd,
    completionRate,
    gapPp: completionRate === null ? null : (completionRate - tp) * 100,
    lagging: s.lagging,
    rank: null,
  };
}

/**
 * A group's figures: sums over its projects, never averages of their rates.
 * completionRate = Σ completed this year / Σ annual plan; startRate = started /
 * projects (or / projects due to have started, with startRateBase 'planned');
 * lagging counts behind, seriously behind and overdue starts. Blank amounts add 0.
 */
export function groupFigures(
  name: string,
  projects: readonly Project[],
  tp: number,
  settings: Settings,
  asOf: LooseDate | null,
): GroupFigures {
  const s = emptySums();
  // An index loop: for-of here allocates an iterator result per project.
  for (let i = 0; i < projects.length; i++) addToSums(s, projects[i], settings, asOf);
  return figuresOfSums(name, s, tp);
}
