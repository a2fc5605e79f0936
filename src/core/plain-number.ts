/**
 * The one rule for a figure stored as text: it counts as a number, in the report
 * and in the formulas the tool writes, only when it is plain-number text —
 * digits with at most one decimal point (`"3187"`, `"3187.5"`, `".5"`), no sign,
 * spaces, separators, full-width digits or units, at most 15 digits. That is the
 * text every spreadsheet's VALUE reads alike; `"1,234.5"`, `"约3000"`, `"１２３"`
 * are flagged (number-as-text, not-a-number) and count as no figure.
 */
import type { CellValue } from './grid';

const PLAIN = /^(?:\d+\.?\d*|\.\d+)$/;
/** VALUE keeps 15 significant digits: past that the text and the number differ. */
const MAX_DIGITS = 15;
/** The same, for readers that count digits themselves (figure-forms.ts). */
export const MAX_PLAIN_DIGITS = MAX_DIGITS;

/** True for plain-number text (see above). */
export function isPlainNumberText(s: string): boolean {
  if (!PLAIN.test(s)) return false;
  const digits = s.includes('.') ? s.length - 1 : s.length;
  return digits <= MAX_DIGITS;
}

/** A cell as the formulas read it: a finite number, or plain-number text's value; else null. */
export function figureOf(v: CellValue | undefined): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && isPlainNumberText(v)) return Number(v);
  return null;
}

/**
 * The same rule as a formula over one cell (no leading `=`): the cell's number, the
 * value of plain-number text, else #N/A (callers wrap it in IFERROR).
 */
export function figureFormula(ref: string): string {
  return plainTextFigureFormula(ref, ref, null);
}

/**
 * The same over a text expression `text` derived from the cell `ref` (figure-forms.ts
 * cleans a cell's forms into it), its value times `factor` when one is given. The
 * test, with `text` written only twice (a column's cleaning can be long): the text
 * without its digits, less its first point, is empty; and the text less its first
 * point has 1 to 15 characters (|len − 8| < 8), so it is all digits, 1 to 15 of them.
 */
export function plainTextFigureFormula(ref: string, text: string, factor: string | null): string {
  let rest = text;
  for (let d = 0; d <= 9; d++) rest = `SUBSTITUTE(${rest},"${d}","")`;
  const plain = `AND(SUBSTITUTE(${rest},".","",1)="",ABS(LEN(SUBSTITUTE(${text},".","",1))-${(MAX_DIGITS + 1) / 2})<${(MAX_DIGITS + 1) / 2})`;
  const value = factor === null ? `--${text}` : `(--${text})*${factor}`;
  return `IF(ISNUMBER(${ref}),${ref},IF(${plain},${value},NA()))`;
}

/**
 * The plain-number text of a range as numbers, text elsewhere 0, for a SUMPRODUCT
 * beside a SUMIFS (which adds the real numbers), over a text expression `text` derived
 * from the range (figure-forms.ts cleans a column's forms into it; the range itself
 * when it has none): only text cells count, read after their cleaning. No IF or
 * IFERROR, which a SUMPRODUCT does not spread over a range in older Excel; REPT keeps
 * a text only when it is all digits and at most one point, so "0"&… is a number.
 */
export function textFiguresOfCleaned(range: string, text: string): string {
  let digitsGone = text;
  for (let d = 0; d <= 9; d++) digitsGone = `SUBSTITUTE(${digitsGone},"${d}","")`;
  const noPoint = `SUBSTITUTE(${text},".","")`;
  const plain = `ISTEXT(${range})*(LEN(${text})-LEN(${noPoint})<2)*(LEN(${noPoint})<${MAX_DIGITS + 1})*(LEN(SUBSTITUTE(${digitsGone},".",""))=0)`;
  return `--("0"&REPT(${text},${plain}))`;
}
