/**
 * number-as-text: a figure stored as text (`"3187"`, `"3,187.5"`, full-width `１２３`).
 * It is read, so nothing is lost, but Excel's own sums skip it; the fix is the number.
 */
import type { RawIssue } from '../types';
import { readRate } from '../values';
import { oddAmountCells } from './amount-cells';
import { issue, tidy } from './cells';
import type { Rule } from './rule';

export const numberAsText: Rule = (ctx) => {
  const out: RawIssue[] = [];
  const percentNumbers = ctx.header.ratePercentNumbers;
  for (const { row, field, c, v, read } of oddAmountCells(ctx)) {
    if (typeof v !== 'string' || read.kind !== 'text-number' || read.value === null) continue;
    let fix = read.value;
    if (field === 'reportedRate') {
      // The fix follows the column's convention: 22.5 under a `%` header, else 0.225.
      const rate = readRate(v, percentNumbers);
      if (rate === null) continue;
      fix = tidy(percentNumbers ? rate * 100 : rate);
    }
    out.push(issue('number-as-text', 'warning', row.r, c, { field, value: v, number: fix }, fix));
  }
  return out;
};
