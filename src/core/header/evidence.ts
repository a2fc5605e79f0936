/**
 * Checking a header reading against the sheet's own figures. Where two or more
 * columns could be the year to date, each is scored by what the data says: a typed
 * rate column equal to candidate ÷ annual plan, this year ≤ since start, before the
 * year + this year ≈ since start, this month ≤ this year, 合计 / 小计 rows that equal the
 * sums of the rows they cover (evidence-totals.ts). Reads a sample of rows.
 */
import type { Grid } from '../grid';
import { figureOf } from '../plain-number';
import { AMOUNT_FIELDS, type ColumnChoice, type Field } from '../types';
import { markTotalRows, sumsShare } from './evidence-totals';

/** Rows read for evidence: enough to tell, few enough to stay fast on 100k rows. */
export const SAMPLE_ROWS = 400;
/** A reading this close to the runner-up is a close call. */
const CLOSE = 0.25;

export interface Contender {
  c: number;
  /** 1 for a header that names the year (`1-3月实际完成`), less for a lone `累计完成`. */
  prior: number;
  /**
   * The header leaves since start open (a lone `累计完成投资`). A header that names the year
   * (`全年完成投资额`, a projection of done + target) is never since start, however large.
   */
  mayBeSinceStart?: boolean;
  /** The header names the part of the year so far (`1-7月`), not the whole year (`全年完成`). */
  soFar?: boolean;
}

/** `big` may hold more than this year so far beside `small`: since start, or the whole year. */
function mayExceed(big: Contender, small: Contender): boolean {
  return big.mayBeSinceStart !== false || (small.soFar === true && big.soFar !== true);
}

/** The end (exclusive) of the sampled rows from `from`. */
function sampleEnd(grid: Grid, from: number): number {
  return Math.min(grid.values.length, from + SAMPLE_ROWS);
}

function columnValues(grid: Grid, c: number, from: number): (number | null)[] {
  const out: (number | null)[] = [];
  const to = sampleEnd(grid, from);
  for (let r = from; r < to; r++) out.push(figureOf(grid.values[r]?.[c]));
  return out;
}

/** Share of rows with both figures where `ok` holds; null when fewer than 2 such rows. */
function share(a: (number | null)[], b: (number | null)[], ok: (x: number, y: number) => boolean): number | null {
  let n = 0;
  let yes = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === null || y === null) continue;
    n++;
    if (ok(x, y)) yes++;
  }
  return n < 2 ? null : yes / n;
}

/**
 * Picks the year-to-date column among the contenders. Returns the choice with its
 * evidence, and the contender read as since start when the figures say so.
 */
export function chooseYtd(
  grid: Grid,
  dataStart: number,
  contenders: readonly Contender[],
  columns: Partial<Record<Field, number>>,
  ratePercent: boolean,
  tolerance: number,
): { choice: ColumnChoice; sinceStart?: number } {
  const vals = new Map<number, (number | null)[]>();
  const get = (c: number) => {
    let v = vals.get(c);
    if (!v) vals.set(c, (v = columnValues(grid, c, dataStart)));
    return v;
  };
  const rate = columns.reportedRate;
  const plan = columns.annualPlan;
  const month = columns.monthCompleted;
  const before = columns.completedBeforeYear;
  // The sample's 合计 / 小计 rows, marked once for every contender.
  const amounts = AMOUNT_FIELDS.map((f) => columns[f]).filter((c): c is number => c !== undefined && c >= 0);
  const figureCols = [...new Set([...contenders.map((k) => k.c), ...amounts])];
  const nameCol = columns.name !== undefined && columns.name >= 0 ? columns.name : undefined;
  const totals = markTotalRows(grid, dataStart, sampleEnd(grid, dataStart), nameCol, figureCols);
  const scored = contenders.map((k) => {
    const x = get(k.c);
    const checks: string[] = [];
    let score = k.prior;
    if (rate !== undefined && plan !== undefined) {
      const p = get(plan);
      const ratio = x.map((v, i) => (v !== null && p[i] !== null && p[i]! > 0 ? v / p[i]! : null));
      const s = share(ratio, get(rate), (q, r) => Math.abs(q - (ratePercent ? r / 100 : r)) <= Math.max(tolerance, 0.0005) + 0.0005);
      if (s !== null) {
        score += 2 * s;
        checks.push(`rate:${Math.round(s * 100)}%`);
      }
    }
    if (month !== undefined && month !== k.c) {
      const s = share(get(month), x, (m, v) => m <= v + 0.5);
      if (s !== null) {
        score += 0.5 * (s - 0.5);
        checks.push(`month<=:${Math.round(s * 100)}%`);
      }
    }
    if (totals.count > 0) {
      // A column whose totals do not add up (a ratio, a stale copy, blank totals beside figures) loses.
      const s = sumsShare(x, totals);
      if (s !== null) {
        score += 0.5 * (s - 0.5);
        checks.push(`sums:${Math.round(s * 100)}%`);
      }
    }
    for (const o of contenders) {
      if (o.c === k.c) continue;
      const y = get(o.c);
      const le = share(x, y, (a, b) => a <= b + 0.5);
      const lt = share(x, y, (a, b) => a < b - 0.5);
      if (le === null || lt === null) continue;
      // Smaller on (nearly) every row and strictly smaller on some: this year beside since
      // start, or the year so far (`1-7月`) beside a whole-year figure (`全年完成`), when the
      // larger one's header allows it. Beside another column that names the same span,
      // smaller says nothing (it may be a month's figure); the rates decide.
      if (le >= 0.9 && lt > 0 && mayExceed(o, k)) {
        score += 1;
        checks.push(`<=${o.c}:${Math.round(le * 100)}%`);
      } else if (le <= 0.1 && mayExceed(k, o)) score -= 1;
      if (before !== undefined) {
        const b = get(before);
        const sum = x.map((v, i) => (v !== null && b[i] !== null ? v + b[i]! : null));
        const s = share(sum, y, (a, bb) => Math.abs(a - bb) <= 0.5 + Math.abs(bb) * 0.001);
        if (s !== null && s >= 0.5) {
          score += s;
          checks.push(`before+=${o.c}:${Math.round(s * 100)}%`);
        }
      }
    }
    return { c: k.c, score, checks };
  });
  scored.sort((a, b) => b.score - a.score || a.c - b.c);
  const [best, second] = scored;
  const choice: ColumnChoice = {
    column: best.c,
    source: 'evidence',
    candidates: scored.map((s) => ({ column: s.c, score: Math.round(s.score * 100) / 100, checks: s.checks })),
    ambiguous: second !== undefined && best.score - second.score < CLOSE,
  };
  let sinceStart: number | undefined;
  const runnerUp = second === undefined ? undefined : contenders.find((k) => k.c === second.c);
  if (!choice.ambiguous && second !== undefined && runnerUp?.mayBeSinceStart && columns.completedSinceStart === undefined) {
    const le = share(get(best.c), get(second.c), (a, b) => a <= b + 0.5);
    if (le !== null && le >= 0.9) sinceStart = second.c;
  }
  return { choice, sinceStart };
}
