/**
 * month-exceeds-ytd: this month's figure above the year-to-date figure, which
 * includes it. One of the two is wrong, so the totals are: an error.
 */
import type { RawIssue } from '../types';
import { amountArray } from './amounts';
import { beyond, columnOf, issue, toSheetUnit } from './cells';
import type { Rule } from './rule';

export const monthExceedsYtd: Rule = ({ header, ledger, settings }) => {
  const out: RawIssue[] = [];
  const monthCol = columnOf(header, 'monthCompleted');
  if (monthCol === undefined) return out;
  const tol = settings.sumTolerance;
  // The figures from the ledger's arrays (NaN = blank, and NaN is beyond nothing): a
  // project object is looked at only when it has an issue.
  const months = amountArray(ledger, 'monthCompleted');
  const ytds = amountArray(ledger, 'completedYtd');
  for (let i = 0; i < months.length; i++) {
    const month = months[i];
    const ytd = ytds[i];
    if (!beyond(month - ytd, tol)) continue;
    out.push(issue('month-exceeds-ytd', 'error', ledger.projects[i].r, monthCol, {
      month: toSheetUnit(month, header),
      ytd: toSheetUnit(ytd, header),
      unit: header.unit,
    }));
  }
  return out;
};
