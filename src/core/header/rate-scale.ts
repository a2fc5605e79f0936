/**
 * How a typed completion-rate column writes its rates, decided by the figures it
 * should equal (year to date ÷ annual plan on the same row) before the header's word:
 * numbers as fractions (0.225) or percent numbers (22.5) whatever a `%` in the header
 * says, and text with a percent sign as a percent (`22.5%`) or as a ratio a system
 * printed a `%` after (`0.225%`, as some exports write). A row votes only when one
 * reading fits and the other does not; without votes the header decides, and text
 * with `%` is a percent.
 */
import type { Grid } from '../grid';
import { formFigureOf } from '../figure-forms';
import type { Field } from '../types';

/** Rows read: enough to tell, few enough to stay fast on 100k rows. */
const SAMPLE_ROWS = 400;
/** A typed rate rounded to whole percents is within 0.005 of the quotient; a little slack. */
const TOLERANCE = 0.006;
const PERCENT_TEXT = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*[%％]\s*$/;

export interface RateScale {
  /** Numbers in the column are percent numbers (22.5), not fractions. */
  percentNumbers: boolean;
  /** Text ending in `%` is a ratio with a stray sign (`0.225%` is 22.5%). */
  percentTextRatio: boolean;
}

export function rateScale(grid: Grid, dataStart: number, columns: Partial<Record<Field, number>>, headerPercent: boolean): RateScale {
  const rate = columns.reportedRate;
  const plan = columns.annualPlan;
  const ytd = columns.completedYtd;
  const fallback = { percentNumbers: headerPercent, percentTextRatio: false };
  if (rate === undefined || plan === undefined || ytd === undefined) return fallback;
  let fraction = 0;
  let percent = 0;
  let textRatio = 0;
  let textPercent = 0;
  const to = Math.min(grid.values.length, dataStart + SAMPLE_ROWS);
  for (let r = dataStart; r < to; r++) {
    const row = grid.values[r];
    if (!row) continue;
    const v = row[rate];
    if (v === null || v === undefined) continue;
    const p = formFigureOf(row[plan], '万元');
    const y = formFigureOf(row[ytd], '万元');
    if (p === null || y === null || !(p > 0)) continue;
    const q = y / p;
    const fits = (x: number) => Math.abs(x - q) <= TOLERANCE;
    if (typeof v === 'number') {
      const asFraction = fits(v);
      const asPercent = fits(v / 100);
      if (asFraction && !asPercent) fraction++;
      else if (asPercent && !asFraction) percent++;
    } else if (typeof v === 'string') {
      const m = PERCENT_TEXT.exec(v);
      if (!m) continue;
      const n = Number(m[1]);
      const asRatio = fits(n);
      const asPercent = fits(n / 100);
      if (asRatio && !asPercent) textRatio++;
      else if (asPercent && !asRatio) textPercent++;
    }
  }
  return {
    percentNumbers: percent > fraction ? true : fraction > percent ? false : headerPercent,
    percentTextRatio: textRatio > textPercent,
  };
}
