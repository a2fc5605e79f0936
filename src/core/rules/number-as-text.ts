/**
 * number-as-text: figures stored as text (`"3187"`, `"3,187.5"`, full-width `１２３`,
 * `52000.00(万元)`). They are read, so nothing is lost, but Excel's own sums skip them;
 * the fix is the number. Said once per column, at its first such cell, with the count
 * and a few examples: a column exported as text is one finding, not a wall of them.
 * Approximate figures (`约3000`) are approximate-figure's.
 */
import { FORM } from '../figure-forms';
import type { Field, RawIssue } from '../types';
import { readRate } from '../values';
import { oddAmountCells, type OddCell } from './amount-cells';
import { addToFinding, findingParams, issue, tidy, type ColumnFinding } from './cells';
import type { Rule } from './rule';

/** Cells of one column, in sheet order: their rows, and the first cells' texts and numbers. */
export interface ColumnCells extends ColumnFinding {
  field: Field;
  c: number;
  /** The first cell's text and number. */
  text: string;
  number: number;
}

/** The cells `pick` keeps (with their number, or null to skip), gathered per column. */
export function cellsByColumn(odd: readonly OddCell[], pick: (cell: OddCell) => number | null): ColumnCells[] {
  const byCol = new Map<number, ColumnCells>();
  for (let i = 0; i < odd.length; i++) {
    const cell = odd[i];
    const n = pick(cell);
    if (n === null) continue;
    const text = cell.v as string;
    let group = byCol.get(cell.c);
    if (!group) byCol.set(cell.c, (group = { field: cell.field, c: cell.c, rows: [], text, number: n, examples: [] }));
    addToFinding(group, cell.row.r, text);
  }
  return [...byCol.values()].sort((a, b) => a.c - b.c);
}

/** One finding for a column's cells: at the first, naming the count and the first few texts (tab-separated in `examples`). */
export function groupedIssue(code: 'number-as-text' | 'approximate-figure', group: ColumnCells): RawIssue {
  const { rows, c } = group;
  const params = { field: group.field, value: group.text, number: group.number, ...findingParams(group) };
  const one = rows.length === 1;
  const raw = issue(code, 'warning', rows[0], c, params, one && code === 'number-as-text' ? group.number : null);
  if (!one) raw.rows = rows;
  return raw;
}

export const numberAsText: Rule = (ctx) => {
  const percentNumbers = ctx.header.ratePercentNumbers;
  const groups = cellsByColumn(oddAmountCells(ctx), ({ field, v, kind, value, forms }) => {
    if (typeof v !== 'string' || kind !== 'text-number' || value === null) return null;
    if (forms & FORM.approx) return null;
    if (field !== 'reportedRate') return tidy(value);
    // The fix follows the column's convention: 22.5 under a `%` header, else 0.225.
    const rate = readRate(v, percentNumbers, ctx.header.ratePercentTextRatio);
    return rate === null ? null : tidy(percentNumbers ? rate * 100 : rate);
  });
  return groups.map((g) => groupedIssue('number-as-text', g));
};
