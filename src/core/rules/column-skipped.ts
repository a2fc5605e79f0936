/**
 * column-skipped: a column whose header reads as a field but that is hidden or empty
 * lost the field to a visible, filled column (header/find-header.ts). Info, at the
 * skipped column's header cell: the reviewer sees which column was read instead.
 */
import { colLetter } from '../grid';
import type { RawIssue } from '../types';
import { headerRow, issue } from './cells';
import type { Rule } from './rule';

export const columnSkipped: Rule = ({ header }) => {
  const out: RawIssue[] = [];
  for (const s of header.skippedColumns ?? []) {
    out.push(issue('column-skipped', 'info', headerRow(header), s.column, {
      field: s.field, column: colLetter(s.column), chosen: colLetter(s.chosen), hidden: s.hidden,
      header: header.labels[s.column] ?? '',
    }));
  }
  return out;
};
