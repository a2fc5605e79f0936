/**
 * Monthly plan columns (按月排进度): `7月计划`, `7月份计划投资（万元）`, `2022年7月计划`,
 * or a month under a planning parent (`按月排进度 / 7月`). Found from the header
 * labels the header finder already made, among the columns it did not map to a
 * field, so the header finder itself is untouched. Cumulative columns (`1-7月计划`)
 * and completions (`7月完成`) are not monthly plans.
 */
import { cellAt, type Grid } from '../grid';
import { unitInHeader } from '../header/units';
import { normalizeHeader } from '../text';
import { UNIT_IN_WAN, type HeaderInfo } from '../types';
import { numberOf } from '../values';
import type { MonthPlanColumn } from './types';

const CN_MONTHS: Record<string, number> = {
  一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12,
};
const MONTH = '(\\d{1,2}|十[一二]?|[一二三四五六七八九])';
const UNIT_SUFFIX = /\((?:单位:?)?(?:万元|亿元|元)\)$/;
// normalizeHeader has already made the text half-width, simplified and bracket-uniform.
const PLAN_LEAF = new RegExp(`^(?:\\d{4}年)?${MONTH}月(?:份)?(?:计划|计划投资|投资计划|计划完成投资|计划完成|排进度)$`);
const MONTH_LEAF = new RegExp(`^(?:\\d{4}年)?${MONTH}月(?:份)?$`);
const PLAN_PARENT = /计划|排进度/;

function monthOf(token: string): number | null {
  const n = /^\d+$/.test(token) ? Number(token) : CN_MONTHS[token];
  return n !== undefined && n >= 1 && n <= 12 ? n : null;
}

/** The month (1–12) a header label plans for, or null when it is not a monthly plan. */
export function monthPlanMonth(label: string): number | null {
  const levels = label.split(' / ').map((s) => normalizeHeader(s).replace(UNIT_SUFFIX, ''));
  const leaf = levels[levels.length - 1];
  let m = PLAN_LEAF.exec(leaf);
  if (!m) {
    const parents = levels.slice(0, -1);
    if (!parents.some((p) => PLAN_PARENT.test(p) && !p.includes('完成'))) return null;
    m = MONTH_LEAF.exec(leaf);
  }
  return m ? monthOf(m[1]) : null;
}

/**
 * The sheet's monthly plan columns, first column per month, in month order.
 * Columns mapped to a field or owned by the tool are left out.
 */
export function findMonthPlanColumns(header: HeaderInfo): MonthPlanColumn[] {
  const taken = new Set<number>([...Object.values(header.columns), ...header.ownColumns].filter((c): c is number => c !== undefined));
  const byMonth = new Map<number, MonthPlanColumn>();
  header.labels.forEach((label, c) => {
    if (taken.has(c) || !label) return;
    const month = monthPlanMonth(label);
    if (month === null || byMonth.has(month)) return;
    byMonth.set(month, { month, c, factor: UNIT_IN_WAN[unitInHeader(label) ?? header.unit] });
  });
  return [...byMonth.values()].sort((a, b) => a.month - b.month);
}

function toWan(v: number, factor: number): number {
  if (factor === 1) return v;
  // As the ledger reads amounts: divide by a whole number; round a product's noise away.
  if (factor < 1) return v / Math.round(1 / factor);
  return Math.round(v * factor * 1e6) / 1e6;
}

/**
 * One row's monthly plans in 万元, indexed by month (index 0 unused); a month
 * without a column is null, a blank or unreadable cell is 0 (nothing planned).
 */
export function readMonthPlans(grid: Grid, r: number, columns: readonly MonthPlanColumn[]): (number | null)[] {
  const out: (number | null)[] = new Array<number | null>(13).fill(null);
  for (const col of columns) {
    const v = numberOf(cellAt(grid, r, col.c));
    out[col.month] = v === null ? 0 : toWan(v, col.factor);
  }
  return out;
}

/** True when every month from `from` to `to` (inclusive) has a column. */
export function coversMonths(columns: readonly MonthPlanColumn[], from: number, to: number): boolean {
  const have = new Set(columns.map((c) => c.month));
  for (let m = from; m <= to; m++) if (!have.has(m)) return false;
  return true;
}
