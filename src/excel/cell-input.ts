/**
 * A plan cell as an entry of `Range.formulas`. Excel reads a written string like
 * typing: `0012` would become 12, `2022-06-30` a date, `-` a formula. Text that
 * Excel could take for anything else gets the apostrophe that keeps it text.
 */
import { isCellError } from '../core/grid';
import type { PlanCell } from '../core/types';

export type CellInput = string | number | boolean;

// First characters that make Excel parse: formula signs, digits (numbers, dates,
// fractions), currency, brackets of negatives, error literals, full-width digits and signs.
const PARSED_START = /^[=+\-@'#(.,0-9$¥￥€£\s\uFF0B\uFF0D\uFF1D\uFF10-\uFF19]/;
const WORD_VALUE = /^(true|false)$/i;

export function protectText(s: string): string {
  return s !== '' && (PARSED_START.test(s) || WORD_VALUE.test(s)) ? `'${s}` : s;
}

function quoteFormulaText(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

export function cellInput(cell: PlanCell): CellInput {
  if (cell.formula !== undefined && cell.formula !== '') return `=${cell.formula}`;
  const v = cell.value;
  if (cell.link) {
    // A link inside the workbook as a formula: it travels in the same array as the values.
    const text = v === null || isCellError(v) ? cell.link : String(v);
    return `=HYPERLINK(${quoteFormulaText(`#${cell.link}`)},${quoteFormulaText(text)})`;
  }
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? v : '';
  if (typeof v === 'boolean') return v;
  if (isCellError(v)) return v.error;
  return protectText(v);
}
