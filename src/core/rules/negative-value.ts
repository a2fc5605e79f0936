/**
 * negative-value: a negative amount. An error, except this month's figure, where a
 * negative number is how offices write down a correction of last month (核减).
 */
import type { RawIssue } from '../types';
import { readNumber } from '../values';
import { amountColumns, figureRows, issue, unitOf } from './cells';
import type { Rule } from './rule';

export const negativeValue: Rule = ({ grid, header, ledger }) => {
  const out: RawIssue[] = [];
  const cols = amountColumns(header).map((col) => ({ ...col, unit: unitOf(header, col.field) }));
  for (const row of figureRows(ledger.rows)) {
    const cells = grid.values[row.r];
    if (!cells) continue;
    for (const { field, c, unit } of cols) {
      const v = cells[c];
      const value = typeof v === 'number' ? v : typeof v === 'string' ? readNumber(v).value : null;
      if (value === null || !(value < 0)) continue;
      const severity = field === 'monthCompleted' ? 'warning' : 'error';
      out.push(issue('negative-value', severity, row.r, c, { field, value, unit }));
    }
  }
  return out;
};
