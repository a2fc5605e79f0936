/**
 * formula-error: a cell holding an Excel error value (`#DIV/0!`, `#REF!`, …) on any
 * row of the ledger body, in any column: a broken formula anywhere makes figures wrong.
 */
import { isCellError } from '../grid';
import type { RawIssue } from '../types';
import { fieldsByColumn, issue } from './cells';
import type { Rule } from './rule';

export const formulaError: Rule = ({ grid, header, ledger }) => {
  const out: RawIssue[] = [];
  const fields = fieldsByColumn(header);
  const rows = ledger.rows;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (row.kind === 'blank' || row.kind === 'footer') continue;
    const cells = grid.values[row.r];
    if (!cells) continue;
    for (let c = 0; c < cells.length; c++) {
      const v = cells[c];
      if (typeof v !== 'object' || v === null || !isCellError(v)) continue;
      out.push(issue('formula-error', 'error', row.r, c, { field: fields.get(c) ?? null, value: v.error }));
    }
  }
  return out;
};
