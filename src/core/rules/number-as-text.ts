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
import { issue, tidy } from './cells';
import type { Rule } from './rule';

/** How many texts a grouped finding quotes. */
const EXAMPLES = 3;

/** Cells of one column, in sheet order, with the number each is read as. */
export interface ColumnCells {
  field: Field;
  c: number;
  cells: { r: number; text: string; number: number }[];
}

/** The cells `pick` keeps (with their number, or null to skip), gathered per column. */
export function cellsByColumn(odd: readonly OddCell[], pick: (cell: OddCell) => number | null): ColumnCells[] {
  const byCol = new Map<number, ColumnCells>();
  for (const cell of odd) {
    const n = pick(cell);
    if (n === null) continue;
    let group = byCol.get(cell.c);
    if (!group) byCol.set(cell.c, (group = { field: cell.field, c: cell.c, cells: [] }));
    group.cells.push({ r: cell.row.r, text: cell.v as string, number: n });
  }
  return [...byCol.values()].sort((a, b) => a.c - b.c);
}

/** One finding for a column's cells: at the first, naming the count and the first few texts (tab-separated in `examples`). */
export function groupedIssue(code: 'number-as-text' | 'approximate-figure', group: ColumnCells): RawIssue {
  const [first] = group.cells;
  const examples = [...new Set(group.cells.map((x) => x.text))].slice(0, EXAMPLES);
  const params = { field: group.field, value: first.text, number: first.number, count: group.cells.length, examples: examples.join('\t') };
  const one = group.cells.length === 1;
  const raw = issue(code, 'warning', first.r, group.c, params, one && code === 'number-as-text' ? first.number : null);
  if (!one) raw.cells = group.cells.map((x) => ({ r: x.r, c: group.c }));
  return raw;
}

export const numberAsText: Rule = (ctx) => {
  const percentNumbers = ctx.header.ratePercentNumbers;
  const groups = cellsByColumn(oddAmountCells(ctx), ({ field, v, read }) => {
    if (typeof v !== 'string' || read.kind !== 'text-number' || read.value === null) return null;
    if (read.forms !== undefined && read.forms & FORM.approx) return null;
    if (field !== 'reportedRate') return tidy(read.value);
    // The fix follows the column's convention: 22.5 under a `%` header, else 0.225.
    const rate = readRate(v, percentNumbers);
    return rate === null ? null : tidy(percentNumbers ? rate * 100 : rate);
  });
  return groups.map((g) => groupedIssue('number-as-text', g));
};
