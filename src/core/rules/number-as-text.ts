/**
 * number-as-text: a figure stored as text (`"3187"`, `"3,187.5"`, full-width `１２３`).
 * It is read, so nothing is lost, but Excel's own sums skip it; the fix is the number.
 */
import type { RawIssue } from '../types';
import { readNumber, readRate } from '../values';
import { amountColumns, columnOf, figureRows, issue, tidy } from './cells';
import type { Rule } from './rule';

export const numberAsText: Rule = ({ grid, header, ledger }) => {
  const out: RawIssue[] = [];
  const cols = amountColumns(header);
  const rateCol = columnOf(header, 'reportedRate');
  for (const row of figureRows(ledger.rows)) {
    const cells = grid.values[row.r];
    if (!cells) continue;
    for (const { field, c } of cols) {
      const v = cells[c];
      if (typeof v !== 'string') continue;
      const read = readNumber(v);
      if (read.kind !== 'text-number' || read.value === null) continue;
      out.push(issue('number-as-text', 'warning', row.r, c, { field, value: v, number: read.value }, read.value));
    }
    if (rateCol !== undefined) {
      const v = cells[rateCol];
      if (typeof v !== 'string') continue;
      const rate = readRate(v, header.ratePercentNumbers);
      if (rate === null) continue;
      // The fix follows the column's convention: 22.5 under a `%` header, else 0.225.
      const fix = tidy(header.ratePercentNumbers ? rate * 100 : rate);
      out.push(issue('number-as-text', 'warning', row.r, rateCol, { field: 'reportedRate', value: v, number: fix }, fix));
    }
  }
  return out;
};
