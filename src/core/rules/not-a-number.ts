/**
 * not-a-number: text in an amount or rate column that cannot be read as a number
 * (`约3000`, `—`). An error where the figure is needed for the completion rate
 * (annual plan, year to date on a project row), a warning elsewhere.
 */
import type { Field, RawIssue } from '../types';
import { oddAmountCells } from './amount-cells';
import { issue, paramValue } from './cells';
import type { Rule } from './rule';

const NEEDED: ReadonlySet<Field> = new Set<Field>(['annualPlan', 'completedYtd']);

export const notANumber: Rule = (ctx) => {
  const out: RawIssue[] = [];
  const odd = oddAmountCells(ctx);
  for (let i = 0; i < odd.length; i++) {
    const v = odd.v[i];
    // Error values are formula-error's; NaN and infinities cannot come from a sheet.
    if (odd.kind[i] !== 'not-a-number' || typeof v === 'number') continue;
    const row = odd.row[i];
    const field = odd.field[i];
    const c = odd.c[i];
    const severity = row.kind === 'project' && NEEDED.has(field) ? 'error' : 'warning';
    out.push(issue('not-a-number', severity, row.r, c, { field, value: paramValue(v) }));
  }
  return out;
};
