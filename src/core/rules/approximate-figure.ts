/**
 * approximate-figure: an amount written as an estimate (`约3000`, `3000左右`, `～3000`).
 * It is read as the number it names, so the sums hold it, but the ledger should carry
 * the figure itself. Said once per column, as number-as-text is.
 */
import { FORM } from '../figure-forms';
import { oddAmountCells } from './amount-cells';
import { tidy } from './cells';
import { cellsByColumn, groupedIssue } from './number-as-text';
import type { Rule } from './rule';

export const approximateFigure: Rule = (ctx) =>
  cellsByColumn(oddAmountCells(ctx), (odd, i) => {
    const value = odd.value[i];
    return typeof odd.v[i] === 'string' && value === value && odd.forms[i] & FORM.approx ? tidy(value) : null;
  }).map((g) => groupedIssue('approximate-figure', g));
