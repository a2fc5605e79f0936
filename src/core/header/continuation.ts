/**
 * Period columns that continue the year to date. A 旬报 (report every ten days) keeps
 * the year to date at the last month's end and adds the periods since as columns:
 * `1-7月完成投资`, then `8月上旬完成`, `8月中旬完成` (or `8月完成` alone). This year's
 * completed is their sum, measured at the end of the last period: the 10th for 上旬,
 * the 20th for 中旬, the month's end for 下旬 or the month.
 */
import { normalizeHeader } from '../text';
import type { Field } from '../types';

export interface Continuation {
  /** 0-based columns added to the year-to-date column, in sheet order. */
  cols: number[];
  /** The period the last one ends: its month, and the day for 上旬/中旬. */
  month: number;
  day?: number;
}

// Over normalized text (half-width, no blanks, simplified); the last level of a joined header.
const YTD_RANGE = /(?:^|[^\d])1(?:-|至|到)(\d{1,2})月/;
const PERIOD = /^(?:(?:19|20)\d{2}年)?(\d{1,2})月份?(上旬|中旬|下旬)?(?:实际)?完成(?:投资|额|投资额)?(?:\((?:万元|亿元)\))?$/;
const TEN_DAYS = ['上旬', '中旬', '下旬'];

function lastLevel(label: string): string {
  const i = label.lastIndexOf(' / ');
  return normalizeHeader(i < 0 ? label : label.slice(i + 3));
}

/**
 * The columns after the year-to-date column that continue it into the next month, or
 * null: 上旬, 中旬, 下旬 of month N+1 in that order from 上旬, or month N+1 alone. A
 * column another figure field holds (other than this month's) never counts.
 */
export function findContinuation(labels: readonly string[], columns: Partial<Record<Field, number>>): Continuation | null {
  const ytd = columns.completedYtd;
  if (ytd === undefined) return null;
  const range = YTD_RANGE.exec(lastLevel(labels[ytd] ?? ''));
  if (!range) return null;
  const next = Number(range[1]) + 1;
  if (next > 12) return null;
  const held = new Map<number, Field>();
  for (const [f, c] of Object.entries(columns) as [Field, number][]) held.set(c, f);
  const tenDays: { c: number; part: number }[] = [];
  const wholeMonth: number[] = [];
  for (let c = ytd + 1; c < labels.length; c++) {
    const m = PERIOD.exec(lastLevel(labels[c] ?? ''));
    if (!m || Number(m[1]) !== next) continue;
    const f = held.get(c);
    if (f !== undefined && f !== 'monthCompleted') continue;
    if (m[2] === undefined) wholeMonth.push(c);
    else tenDays.push({ c, part: TEN_DAYS.indexOf(m[2]) });
  }
  if (wholeMonth.length === 1 && tenDays.length === 0) return { cols: wholeMonth, month: next };
  if (wholeMonth.length > 0 || tenDays.length === 0 || tenDays.length > 3) return null;
  // 上旬, then 中旬, then 下旬: no gap, no repeat.
  if (!tenDays.every((t, i) => t.part === i)) return null;
  const last = tenDays[tenDays.length - 1].part;
  const out: Continuation = { cols: tenDays.map((t) => t.c), month: next };
  if (last < 2) out.day = last === 0 ? 10 : 20;
  return out;
}
