/**
 * row-unaccounted: a row under the header that is none of the roles a ledger row can
 * have (ledger/row-account.ts), so none of its figures count anywhere. Said at the
 * row's first filled cell, so the reviewer sees what was left out.
 */
import { isBlank } from '../grid';
import { ledgerRowAccount } from '../ledger/row-account';
import type { RawIssue } from '../types';
import { issue, paramValue } from './cells';
import type { Rule } from './rule';

export const rowUnaccounted: Rule = ({ grid, ledger }) => {
  const out: RawIssue[] = [];
  const own = new Set(ledger.header.ownColumns);
  for (const r of ledgerRowAccount(grid, ledger).unaccounted) {
    const row = grid.values[r] ?? [];
    let c = 0;
    while (c < row.length && (isBlank(row[c]) || own.has(c))) c++;
    out.push(issue('row-unaccounted', 'warning', r, c, { row: r + 1, value: paramValue(row[c] ?? null) }));
  }
  return out;
};
