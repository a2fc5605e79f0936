/**
 * unit-suspect: magnitudes that suggest the wrong unit. Units differ by 10,000×
 * (元 · 万元 · 亿元), so every test leaves at least an order of magnitude of room.
 *
 * A whole column (one warning, on its header cell) when, in 万元:
 * - its median is ≥ 1,000,000 (a typical project of 100 亿元: the figures are in 元);
 * - the total-investment median is < 10, or the plan median < 1 (figures in 亿元);
 * - its median is ≥ 1,000× the total-investment median (nothing completed or planned
 *   exceeds the total), or below 1 and ≤ 1/1,000 of it. This month's figure is left
 *   out of that last test: a small monthly figure is no sign of 亿元.
 * One cell, in a column not judged whole:
 * - a total investment ≥ 10,000× (or ≤ 1/10,000 of) its column's median, or ≥ 1,000×
 *   (≤ 1/1,000 of) it and ≥ 1,000× (≤ 1/1,000 of) the largest other amount of its row:
 *   3500 万元 typed in 元 sits among 2 亿元 projects at only 1,750× their median, but
 *   at 29,000× its own 1200 万元 plan;
 * - any other amount ≥ 1,000× its column's median and ≥ 100× its own row's total
 *   (≥ 10,000× the median when the row has no total): progress figures spread far
 *   more widely than totals do, and none exceeds its total legitimately.
 * Columns need 5 positive figures to be judged.
 */
import type { Field, Project, RawIssue, Unit } from '../types';
import { amountArray } from './amounts';
import { amountColumns, headerRow, issue, toSheetUnit, unitOf } from './cells';
import { medianInPlace } from './median';
import { f64Scratch } from '../scratch';
import type { Rule } from './rule';

const MIN_SAMPLE = 5;
const HIGH_MEDIAN = 1e6;
const LOW_MEDIAN: Partial<Record<Field, number>> = { totalInvestment: 10, annualPlan: 1 };
const COLUMN_RATIO = 1e3;
const CELL_RATIO = 1e4;
const ROW_RATIO = 1e3;
const ROW_TOTAL_RATIO = 100;

const SMALLER: Record<Unit, Unit | null> = { 元: null, 万元: '元', 亿元: '万元' };
const LARGER: Record<Unit, Unit | null> = { 元: '万元', 万元: '亿元', 亿元: null };

type Off = 'high' | 'low' | null;

interface ColumnStats {
  field: Field;
  /** The field's amounts, one per project (NaN = blank). */
  values: Float64Array;
  c: number;
  unit: Unit;
  median: number;
  n: number;
  min: number;
  max: number;
}

function stats(values: Float64Array, field: Field, c: number, unit: Unit, buf: Float64Array): ColumnStats {
  let n = 0;
  let min = Infinity;
  let max = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!(v > 0)) continue;
    buf[n++] = v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { field, values, c, unit, median: n >= MIN_SAMPLE ? medianInPlace(buf, n) : NaN, n, min, max };
}

function columnOff(s: ColumnStats, ref: ColumnStats | undefined): Off {
  if (s.median >= HIGH_MEDIAN) return 'high';
  if (s.median < (LOW_MEDIAN[s.field] ?? 0)) return 'low';
  if (!ref || ref === s) return null;
  if (s.median >= ref.median * COLUMN_RATIO) return 'high';
  if (s.field !== 'monthCompleted' && s.median < 1 && s.median * COLUMN_RATIO <= ref.median) return 'low';
  return null;
}

/** The largest of a project's other amounts: what its total investment must exceed. */
function rowScale(p: Project): number {
  let m = 0;
  for (const v of [p.annualPlan, p.completedYtd, p.completedBeforeYear, p.completedSinceStart]) if (v !== null && v > m) m = v;
  return m;
}

function cellOff(s: ColumnStats, v: number, p: Project): Off {
  if (s.field === 'totalInvestment') {
    if (v >= s.median * CELL_RATIO || (v >= s.median * COLUMN_RATIO && v >= rowScale(p) * ROW_RATIO)) return 'high';
    if (v * CELL_RATIO <= s.median || (v * COLUMN_RATIO <= s.median && v * ROW_RATIO <= rowScale(p))) return 'low';
    return null;
  }
  const total = p.totalInvestment;
  if (total === null || !(total > 0)) return v >= s.median * CELL_RATIO ? 'high' : null;
  return v >= s.median * COLUMN_RATIO && v >= total * ROW_TOTAL_RATIO ? 'high' : null;
}

/** The positive figures of a column, each column in turn (only their median is kept). */
const POSITIVE = f64Scratch();

export const unitSuspect: Rule = ({ header, ledger }) => {
  const out: RawIssue[] = [];
  const projects = ledger.projects;
  const buf = POSITIVE.take(projects.length);
  // A plain loop: stats, the hot part, compiled into a closure made per ledger would be
  // compiled again for every ledger.
  const columns: ColumnStats[] = [];
  for (const { field, c } of amountColumns(header)) {
    const s = stats(amountArray(ledger, field), field, c, unitOf(header, field), buf);
    if (s.n >= MIN_SAMPLE) columns.push(s);
  }
  const total = columns.find((s) => s.field === 'totalInvestment');
  const ref = total && columnOff(total, undefined) === null ? total : undefined;
  for (const s of columns) {
    const off = columnOff(s, ref);
    if (off !== null) {
      const likely = off === 'high' ? SMALLER[s.unit] : LARGER[s.unit];
      if (likely) {
        out.push(issue('unit-suspect', 'warning', headerRow(header), s.c, {
          scope: 'column', field: s.field, unit: s.unit, likely, median: toSheetUnit(s.median, header, s.field), value: null,
        }));
      }
      continue;
    }
    // Most columns have no cell far from their median: then there is nothing to look for.
    if (s.max < s.median * COLUMN_RATIO && !(s.field === 'totalInvestment' && s.min * COLUMN_RATIO <= s.median)) continue;
    for (let i = 0; i < projects.length; i++) {
      const v = s.values[i];
      if (!(v > 0)) continue;
      const p = projects[i];
      const cell = cellOff(s, v, p);
      const likely = cell === 'high' ? SMALLER[s.unit] : cell === 'low' ? LARGER[s.unit] : null;
      if (!likely) continue;
      out.push(issue('unit-suspect', 'warning', p.r, s.c, {
        scope: 'cell', field: s.field, unit: s.unit, likely,
        value: toSheetUnit(v, header, s.field), median: toSheetUnit(s.median, header, s.field),
      }));
    }
  }
  return out;
};
