/**
 * rows-ambiguous: a row's figures add up both the projects right above it and those
 * right below it, so two readings of the sheet's blocks fit (ledger/row-tree.ts). Said
 * once per sheet, on the first such row's label, naming every such row and the choice.
 */
import type { RawIssue } from '../types';
import { issue } from './cells';
import type { Rule } from './rule';

export const rowsAmbiguous: Rule = ({ header, ledger }) => {
  const rows = ledger.rowsAmbiguous ?? [];
  if (rows.length === 0) return [];
  const first = rows[0];
  const out: RawIssue[] = [
    issue('rows-ambiguous', 'warning', first.r, header.columns.name ?? header.columns.index ?? 0, {
      rows: rows.map((a) => a.r + 1).join(', '),
      count: rows.length,
      chosen: first.chosen,
      chosenFrom: first.chosenRows[0] + 1,
      chosenTo: first.chosenRows[1] + 1,
      otherFrom: first.otherRows[0] + 1,
      otherTo: first.otherRows[1] + 1,
    }),
  ];
  return out;
};
