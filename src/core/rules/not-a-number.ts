/**
 * not-a-number: text in an amount or rate column that cannot be read as a number
 * (`约3000`, `—`). An error where the figure is needed for the completion rate
 * (annual plan, year to date on a project row), a warning elsewhere.
 */
import type { Field, RawIssue } from '../types';
import { readNumber } from '../values';
import { amountColumns, columnOf, figureRows, issue } from './cells';
import type { Rule } from './rule';

const NEEDED: ReadonlySet<Field> = new Set<Field>(['annualPlan', 'completedYtd']);

export const notANumber: Rule = ({ grid, header, ledger }) => {
  const out: RawIssue[] = [];
  const cols = amountColumns(header);
  const rateCol = columnOf(header, 'reportedRate');
  if (rateCol !== undefined) cols.push({ field: 'reportedRate', c: rateCol });
  for (const row of figureRows(ledger.rows)) {
    const cells = grid.values[row.r];
    if (!cells) continue;
    for (const { field, c } of cols) {
      const v = cells[c];
      if (typeof v !== 'string' && typeof v !== 'boolean') continue;
      const read = readNumber(v);
      if (read.kind !== 'not-a-number') continue;
      const severity = row.kind === 'project' && NEEDED.has(field) ? 'error' : 'warning';
      out.push(issue('not-a-number', severity, row.r, c, { field, value: v }));
    }
  }
  return out;
};
