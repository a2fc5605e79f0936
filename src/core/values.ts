/**
 * Reading numbers out of cells the way people fill ledgers: real numbers, numbers
 * typed as text (`"3,187.5"`, full-width `１２３`, `12.5%`), and placeholders that
 * are not numbers at all (`约3000`, `—`, `无`).
 */
import { isCellError, type CellValue } from './grid';
import { removeInvisible, toHalfWidth } from './text';
import type { ReadNumber } from './types';

const MINUS_SIGNS = /[\u2212\u2012\u2013\uFE63]/g;

const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;

/** Trimmed, invisible characters removed, full-width forms narrowed. */
export function cleanText(s: string): string {
  return toHalfWidth(removeInvisible(s)).trim();
}

/** A string read as a number: its value, whether it ended with `%`, and the number written before it. */
function parseNumberText(s: string): { value: number; percent: boolean; written: number } | null {
  let t = cleanText(s);
  if (t === '') return null;
  t = t.replace(MINUS_SIGNS, '-');
  let percent = false;
  if (t.endsWith('%')) {
    percent = true;
    t = t.slice(0, -1).trimEnd();
  }
  if (t.includes(',')) {
    if (!GROUPED_NUMBER.test(t)) return null;
    t = t.replace(/,/g, '');
  }
  if (!PLAIN_NUMBER.test(t)) return null;
  const n = Number(t);
  if (!Number.isFinite(n)) return null;
  return { value: percent ? n / 100 : n, percent, written: n };
}

function isBlankText(s: string): boolean {
  return cleanText(s) === '';
}

/**
 * A cell as a number. Real numbers take the quick path; text is read when it is
 * plainly a number (`kind: 'text-number'`), otherwise it is `not-a-number`.
 * A string ending in `%` is read as a fraction (`"12.5%"` → 0.125).
 */
export function readNumber(v: CellValue | undefined): ReadNumber {
  if (typeof v === 'number') {
    return Number.isFinite(v) ? { value: v, kind: 'number', raw: v } : { value: null, kind: 'not-a-number', raw: v };
  }
  if (v === null || v === undefined) return { value: null, kind: 'blank', raw: null };
  if (typeof v === 'string') {
    const parsed = parseNumberText(v);
    if (parsed) return { value: parsed.value, kind: 'text-number', raw: v };
    return { value: null, kind: isBlankText(v) ? 'blank' : 'not-a-number', raw: v };
  }
  if (typeof v === 'boolean') return { value: null, kind: 'not-a-number', raw: v };
  if (isCellError(v)) return { value: null, kind: 'error', raw: v };
  return { value: null, kind: 'not-a-number', raw: v };
}

/** Just the value of readNumber, for callers that do not report. */
export function numberOf(v: CellValue | undefined): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  // Only text can hold a number: blanks, booleans and errors read as none without a record.
  if (typeof v !== 'string') return null;
  const parsed = parseNumberText(v);
  return parsed === null ? null : parsed.value;
}

/**
 * A completion rate as a fraction. Numbers are fractions (0.225) unless the column
 * holds percent numbers (22.5); a string with `%` (`"22.5%"`) is a percentage, unless
 * the column's figures show its `%` follows a ratio (`"0.225%"`, `percentTextRatio`).
 */
export function readRate(v: CellValue | undefined, percentNumbers: boolean, percentTextRatio = false): number | null {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return null;
    return percentNumbers ? v / 100 : v;
  }
  if (typeof v !== 'string') return null;
  const parsed = parseNumberText(v);
  if (!parsed) return null;
  if (parsed.percent) return percentTextRatio ? parsed.written : parsed.value;
  return percentNumbers ? parsed.value / 100 : parsed.value;
}
