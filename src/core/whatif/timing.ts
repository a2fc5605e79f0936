/**
 * Months for the what-if, counted as time progress counts them (figures.ts,
 * `month` basis): the last day of month N closes month N; any other day counts
 * only the months before it, since ledgers report finished months. So asOf
 * 2022-06-30 → 6 months elapsed, 2022-07-05 → 6 as well (July is not reported yet).
 * The `day` time basis changes time progress only, never these whole months.
 */
import { daysInMonth, parseIsoDate } from '../dates';
import type { Timing } from './types';

const YEAR_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** `YYYY-MM` → year and month, or null. */
export function parseYearMonth(s: string): { year: number; month: number } | null {
  const m = YEAR_MONTH.exec(s.trim());
  return m ? { year: Number(m[1]), month: Number(m[2]) } : null;
}

/** Whole months reported by `asOf` (YYYY-MM-DD), 0–12. */
export function monthsElapsed(asOf: string): number {
  const d = parseIsoDate(asOf);
  if (!d || d.month === undefined || d.day === undefined) throw new RangeError(`as-of date is not YYYY-MM-DD: ${asOf}`);
  return d.day === daysInMonth(d.year, d.month) ? d.month : d.month - 1;
}

/**
 * The months of a what-if: elapsed as above; left = months from the as-of month to
 * `by` (default December of the as-of year). June's end to December: 12 − 6 = 6.
 */
export function whatifTiming(asOf: string, by?: string): Timing {
  const elapsed = monthsElapsed(asOf);
  const year = Number(asOf.slice(0, 4));
  const target = by === undefined ? { year, month: 12 } : parseYearMonth(by);
  if (!target) throw new RangeError(`--by is not YYYY-MM: ${by}`);
  const monthsLeft = (target.year - year) * 12 + target.month - elapsed;
  return {
    asOf,
    by: `${target.year}-${String(target.month).padStart(2, '0')}`,
    monthsElapsed: elapsed,
    monthsLeft,
    deadlinePassed: monthsLeft <= 0,
  };
}
