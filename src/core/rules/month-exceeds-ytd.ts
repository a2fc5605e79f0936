/**
 * month-exceeds-ytd: this month's figure above the year-to-date figure, which
 * includes it. One of the two is wrong, so the totals are: an error.
 */
import type { RawIssue } from '../types';
import { beyond, columnOf, issue, toSheetUnit } from './cells';
import type { Rule } from './rule';

export const monthExceedsYtd: Rule = ({ header, ledger, settings }) => {
  const out: RawIssue[] = [];
  const monthCol = columnOf(header, 'monthCompleted');
  if (monthCol === undefined) return out;
  const tol = settings.sumTolerance;
  for (const p of ledger.projects) {
    const { monthCompleted: month, completedYtd: ytd } = p;
    if (month === null || ytd === null || !beyond(month - ytd, tol)) continue;
    out.push(issue('month-exceeds-ytd', 'error', p.r, monthCol, {
      month: toSheetUnit(month, header),
      ytd: toSheetUnit(ytd, header),
      unit: header.unit,
    }));
  }
  return out;
};
