/**
 * negative-value: a negative amount. An error, except this month's figure, where a
 * negative number is how offices write down a correction of last month (核减).
 */
import type { RawIssue } from '../types';
import { oddAmountCells } from './amount-cells';
import { issue, unitOf } from './cells';
import type { Rule } from './rule';

export const negativeValue: Rule = (ctx) => {
  const out: RawIssue[] = [];
  const odd = oddAmountCells(ctx);
  for (let i = 0; i < odd.length; i++) {
    const field = odd.field[i];
    const value = odd.value[i];
    // NaN (no reading) is not below 0.
    if (field === 'reportedRate' || !(value < 0)) continue;
    const row = odd.row[i];
    const c = odd.c[i];
    const severity = field === 'monthCompleted' ? 'warning' : 'error';
    out.push(issue('negative-value', severity, row.r, c, { field, value, unit: unitOf(ctx.header, field) }));
  }
  return out;
};
