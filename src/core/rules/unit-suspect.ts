/**
 * unit-suspect: magnitudes that suggest the wrong unit. Units differ by 10,000×
 * (元 · 万元 · 亿元), so the tests leave an order of magnitude of room either side:
 * - a whole column, when its median (in 万元) is ≥ 1,000,000 (a typical project of
 *   100 亿元: figures in 元), or a total investment median < 10 / plan median < 1
 *   (figures in 亿元), or its median is ≥ 1,000× the total-investment column's, or
 *   below 1 and ≤ 1/1,000 of it (a small monthly figure alone is no sign of 亿元);
 *   one warning on the header cell;
 * - one cell, ≥ 10,000× its column's median (or ≤ 1/10,000 of it, for total and plan).
 * Columns need 5 positive figures to be judged; a column judged whole is not also
 * judged cell by cell.
 */
import type { Field, Project, RawIssue, Unit } from '../types';
import { amountColumns, headerRow, issue, toSheetUnit, unitOf } from './cells';
import { medianInPlace } from './median';
import type { Rule } from './rule';

const MIN_SAMPLE = 5;
const HIGH_MEDIAN = 1e6;
const LOW_MEDIAN: Partial<Record<Field, number>> = { totalInvestment: 10, annualPlan: 1 };
const COLUMN_RATIO = 1e3;
const CELL_RATIO = 1e4;
const LOW_CELL_FIELDS: ReadonlySet<Field> = new Set<Field>(['totalInvestment', 'annualPlan']);

const SMALLER: Record<Unit, Unit | null> = { 元: null, 万元: '元', 亿元: '万元' };
const LARGER: Record<Unit, Unit | null> = { 元: '万元', 万元: '亿元', 亿元: null };

interface ColumnStats {
  field: Field;
  c: number;
  unit: Unit;
  median: number;
  n: number;
  /** 'high' or 'low' when the whole column looks off on its own. */
  off: 'high' | 'low' | null;
}

function stats(projects: readonly Project[], field: Field, c: number, unit: Unit, buf: Float64Array): ColumnStats {
  let n = 0;
  for (const p of projects) {
    const v = p[field as keyof Project] as number | null;
    if (v !== null && v > 0) buf[n++] = v;
  }
  const median = n >= MIN_SAMPLE ? medianInPlace(buf, n) : NaN;
  let off: ColumnStats['off'] = null;
  if (n >= MIN_SAMPLE) {
    if (median >= HIGH_MEDIAN) off = 'high';
    else if (median < (LOW_MEDIAN[field] ?? 0)) off = 'low';
  }
  return { field, c, unit, median, n, off };
}

export const unitSuspect: Rule = ({ header, ledger }) => {
  const out: RawIssue[] = [];
  const projects = ledger.projects;
  const buf = new Float64Array(projects.length);
  const columns = amountColumns(header).map(({ field, c }) => stats(projects, field, c, unitOf(header, field), buf));
  const ref = columns.find((s) => s.field === 'totalInvestment' && s.n >= MIN_SAMPLE && s.off === null);
  for (const s of columns) {
    if (s.n < MIN_SAMPLE) continue;
    let off = s.off;
    if (off === null && ref && s !== ref) {
      if (s.median >= ref.median * COLUMN_RATIO) off = 'high';
      else if (s.median < 1 && s.median * COLUMN_RATIO <= ref.median) off = 'low';
    }
    if (off !== null) {
      const likely = off === 'high' ? SMALLER[s.unit] : LARGER[s.unit];
      if (likely) {
        out.push(issue('unit-suspect', 'warning', headerRow(header), s.c, {
          scope: 'column', field: s.field, unit: s.unit, likely, median: toSheetUnit(s.median, header, s.field), value: null,
        }));
      }
      continue;
    }
    const high = s.median * CELL_RATIO;
    const low = LOW_CELL_FIELDS.has(s.field) ? s.median / CELL_RATIO : 0;
    for (const p of projects) {
      const v = p[s.field as keyof Project] as number | null;
      if (v === null || !(v > 0)) continue;
      const likely = v >= high ? SMALLER[s.unit] : v <= low ? LARGER[s.unit] : null;
      if (!likely) continue;
      out.push(issue('unit-suspect', 'warning', p.r, s.c, {
        scope: 'cell', field: s.field, unit: s.unit, likely,
        value: toSheetUnit(v, header, s.field), median: toSheetUnit(s.median, header, s.field),
      }));
    }
  }
  return out;
};
