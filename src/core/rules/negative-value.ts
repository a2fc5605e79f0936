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
  for (const { row, field, c, value } of oddAmountCells(ctx)) {
    if (field === 'reportedRate' || value === null || !(value < 0)) continue;
    const severity = field === 'monthCompleted' ? 'warning' : 'error';
    out.push(issue('negative-value', severity, row.r, c, { field, value, unit: unitOf(ctx.header, field) }));
  }
  return out;
};
