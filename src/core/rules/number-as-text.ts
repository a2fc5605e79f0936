/**
 * number-as-text: figures stored as text (`"3187"`, `"3,187.5"`, full-width `１２３`,
 * `52000.00(万元)`). They are read, so nothing is lost, but Excel's own sums skip them;
 * the fix is the number. Said once per column, at its first such cell, with the count
 * and a few examples: a column exported as text is one finding, not a wall of them.
 * Approximate figures (`约3000`) are approximate-figure's.
 */
import { FORM, textFigureValue } from '../figure-forms';
import type { Grid } from '../grid';
import type { Field, RawIssue } from '../types';
import { readRate } from '../values';
import { oddAmountCells, type OddCells, type PlainTextColumn } from './amount-cells';
import { addToFinding, EXAMPLES, findingParams, issue, tidy, type ColumnFinding } from './cells';
import type { Rule } from './rule';

/** Cells of one column, in sheet order: their rows, and the first cells' texts and numbers. */
export interface ColumnCells extends ColumnFinding {
  field: Field;
  c: number;
  /** The first cell's text and number. */
  text: string;
  number: number;
}

/** The cells `pick` keeps (cell i of `odd`, with its number, or null to skip), gathered per column. */
export function cellsByColumn(odd: OddCells, pick: (odd: OddCells, i: number) => number | null): ColumnCells[] {
  const byCol = new Map<number, ColumnCells>();
  // A column's cells come in runs of rows: the last group found is asked first.
  let lastC = -1;
  let last: ColumnCells | undefined;
  for (let i = 0; i < odd.length; i++) {
    const n = pick(odd, i);
    if (n === null) continue;
    const text = odd.v[i] as string;
    const c = odd.c[i];
    let group = c === lastC ? last : byCol.get(c);
    if (!group) byCol.set(c, (group = { field: odd.field[i], c, rows: [], text, number: n, examples: [] }));
    lastC = c;
    last = group;
    addToFinding(group, odd.row[i].r, text);
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

/** A column's plain text figures as one finding's cells: its first text and number, and the first few distinct texts. */
function plainGroup(values: Grid['values'], col: PlainTextColumn): ColumnCells {
  const { rows, c } = col;
  const text = values[rows[0]]?.[c] as string;
  const examples: string[] = [];
  for (let i = 0; i < rows.length && examples.length < EXAMPLES; i++) {
    const t = values[rows[i]]?.[c] as string;
    if (!examples.includes(t)) examples.push(t);
  }
  return { field: col.field, c, rows: rows as number[], text, number: tidy(textFigureValue(text, col.unit)), examples };
}

export const numberAsText: Rule = (ctx) => {
  const percentNumbers = ctx.header.ratePercentNumbers;
  const odd = oddAmountCells(ctx);
  const groups = cellsByColumn(odd, (odd, i) => {
    const v = odd.v[i];
    const value = odd.value[i];
    if (typeof v !== 'string' || odd.kind[i] !== 'text-number' || value !== value) return null;
    if (odd.forms[i] & FORM.approx) return null;
    const field = odd.field[i];
    if (field !== 'reportedRate') return tidy(value);
    // The fix follows the column's convention: 22.5 under a `%` header, else 0.225.
    const rate = readRate(v, percentNumbers, ctx.header.ratePercentTextRatio);
    return rate === null ? null : tidy(percentNumbers ? rate * 100 : rate);
  });
  // An amount column's plain texts are all in plainText, a rate column's all among the
  // other odd cells: a column's finding comes from one of the two.
  for (const col of odd.plainText) groups.push(plainGroup(ctx.grid.values, col));
  groups.sort((a, b) => a.c - b.c);
  return groups.map((g) => groupedIssue('number-as-text', g));
};
