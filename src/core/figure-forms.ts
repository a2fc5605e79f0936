/**
 * The forms a figure stored as text takes in real exports, read by steps a spreadsheet
 * formula can repeat exactly (see formFormula): a leading `～`/`~` dropped, full-width
 * digits, point, comma and brackets narrowed, spaces removed, thousands separators
 * removed, `约`/`左右` removed, a unit (`万元`, `亿元`, `元`, bracketed or not) removed and
 * converted to the column's unit; what is left must be plain-number text
 * (plain-number.ts). Each step only removes or narrows characters no later step acts
 * on, so a formula holding only the steps a column needs reads every cell of the
 * column as this reader does: a step is a no-op on a cell without its form.
 * Over 300 lines because the reader, its quick pass and the formulas that repeat its
 * steps must change together, and side by side they are checked against each other.
 */
import type { CellValue, Grid } from './grid';
import { isPlainNumberText, MAX_PLAIN_DIGITS, plainTextFigureFormula, textFiguresOfCleaned } from './plain-number';
import type { Unit } from './types';

/** The forms, as bits: a column's forms are the union of its cells'. */
export const FORM = {
  approx: 1,
  fullWidth: 2,
  spaces: 4,
  grouped: 8,
  unit: 16,
} as const;
export type FormName = keyof typeof FORM;
export const FORM_NAMES = Object.keys(FORM) as FormName[];

const WIDE = '０１２３４５６７８９．，（）';
const NARROW = '0123456789.,()';
// Ordinary, ideographic and no-break spaces (web exports write U+00A0 between groups).
const SPACES = [' ', '\u3000', '\u00a0'];
const APPROX = ['约', '約', '左右'];
const LEADING_APPROX = ['～', '~'];
// Bracketed tokens first, so that `(万元)` goes whole and `(3000)` (a negative, in
// accounting) keeps its brackets and stays unread.
const UNIT_TOKENS = ['(万元)', '(萬元)', '(亿元)', '(億元)', '(元)', '万元', '萬元', '亿元', '億元', '元'];

export interface TextFigure {
  /** In the column's unit. */
  value: number;
  /** FORM bits found in the text. */
  forms: number;
}

function removeAll(s: string, token: string): string {
  return s.includes(token) ? s.split(token).join('') : s;
}

/** The unit a text names, by its first telling character (亿 before 万 before 元). */
function unitNamed(s: string): Unit | null {
  if (s.includes('亿') || s.includes('億')) return '亿元';
  if (s.includes('万') || s.includes('萬')) return '万元';
  if (s.includes('元')) return '元';
  return null;
}

/** How many of the column's unit one of the cell's unit is (1 when the same). */
export function unitFactor(cell: Unit, column: Unit): number {
  const k = POWER[cell] - POWER[column];
  // 10^k exactly, or 1/10^-k: the nearest double, as the formula's (1/10000) gives it.
  return k >= 0 ? 10 ** k : 1 / 10 ** -k;
}

/** A unit's factor as a formula literal without exponent notation. */
function factorLiteral(cell: Unit, column: Unit): string {
  const k = POWER[cell] - POWER[column];
  return k >= 0 ? String(10 ** k) : `(1/${10 ** -k})`;
}

/** Powers of ten of each unit in 元. */
const POWER: Record<Unit, number> = { 元: 0, 万元: 4, 亿元: 8 };

/**
 * Text as a figure in the column's unit, with the forms it took; null when the steps
 * leave anything but plain-number text (`3000-5000`, `(3000)`, `—`, `0.5%`).
 */
export function readTextFigure(raw: string, column: Unit): TextFigure | null {
  const value = textFigureValue(raw, column);
  return value === value ? { value, forms: lastForms } : null;
}

/** The FORM bits of the text textFigureValue read last (0 after one it could not read). */
let lastForms = 0;

/**
 * readTextFigure's value without an object: NaN for none. The forms it met are then
 * textFigureForms(). Readers of whole columns of text (an export writes every amount
 * so) take this, one object per cell being most of their garbage.
 */
export function textFigureValue(raw: string, column: Unit): number {
  const quick = quickTextFigure(raw, column);
  if (quick !== QUICK_UNDECIDED) return quick;
  const slow = slowTextFigure(raw, column);
  if (slow === null) {
    lastForms = 0;
    return NaN;
  }
  lastForms = slow.forms;
  return slow.value;
}

/** The forms of the text textFigureValue (or readTextFigure) read last. */
export function textFigureForms(): number {
  return lastForms;
}

/**
 * The unit written after a figure, by its characters: `万元`, `萬元`, `亿元`, `億元` or `元`,
 * alone or in brackets of one width (`(万元)`, `（亿元）`). Its length in the text (0 for
 * none, -1 for a closing bracket that does not close a unit), and its unit and bracket
 * width in TAIL_UNIT and TAIL_WIDE.
 */
let TAIL_UNIT: Unit = '万元';
let TAIL_WIDE = false;
function trailingUnit(raw: string): number {
  const end = raw.length;
  const last = raw.charCodeAt(end - 1);
  let at = end - 1;
  let open = 0;
  if (last === 0x29 || last === 0xff09) {
    at--;
    open = last === 0x29 ? 0x28 : 0xff08;
    if (raw.charCodeAt(at) !== 0x5143) return -1;
  } else if (last !== 0x5143) return 0;
  // raw[at] is 元: a 万 or 亿 before it makes the unit.
  const before = raw.charCodeAt(at - 1);
  let start = at;
  if (before === 0x4e07 || before === 0x842c) {
    TAIL_UNIT = '万元';
    start--;
  } else if (before === 0x4ebf || before === 0x5104) {
    TAIL_UNIT = '亿元';
    start--;
  } else TAIL_UNIT = '元';
  TAIL_WIDE = open === 0xff08;
  if (open === 0) return end - start;
  if (raw.charCodeAt(start - 1) !== open) return -1;
  return end - start + 1;
}

/** quickTextFigure's answer when the text holds a form it does not take (a figure is never negative). */
const QUICK_UNDECIDED = -1;
/** Exact powers of ten up to the most decimals plain-number text holds. */
const TENS = Array.from({ length: MAX_PLAIN_DIGITS + 1 }, (_, k) => 10 ** k);

/**
 * The common forms in one pass, as the steps of slowTextFigure read them: digits, points,
 * commas and spaces, narrow or full-width, then at most a unit at the end; plain-number
 * text (plain-number.ts: digits, at most one point, 1 to 15 digits) left after them.
 * QUICK_UNDECIDED when the text holds anything else (the steps decide then), NaN for
 * none; the forms go to lastForms. Plain text and most exported columns take this path.
 *
 * The value is built from the digits, not parsed from a cleaned copy: the digits as a
 * whole number m (at most 15 digits, so exact) over 10^k for k decimals (exact too) is
 * one correctly rounded division, the same double Number() gives for the cleaned text.
 */
function quickTextFigure(raw: string, column: Unit): number {
  let end = raw.length;
  lastForms = 0;
  if (end === 0) return NaN;
  let unit: Unit | null = null;
  let forms = 0;
  const tail = trailingUnit(raw);
  if (tail < 0) return QUICK_UNDECIDED;
  if (tail > 0) {
    end -= tail;
    unit = TAIL_UNIT;
    forms |= FORM.unit;
    if (TAIL_WIDE) forms |= FORM.fullWidth;
  }
  let m = 0;
  let digits = 0;
  let points = 0;
  let decimals = 0;
  for (let i = 0; i < end; i++) {
    const ch = raw.charCodeAt(i);
    let d: number;
    if (ch >= 0x30 && ch <= 0x39) d = ch - 0x30;
    else if (ch >= 0xff10 && ch <= 0xff19) {
      d = ch - 0xff10;
      forms |= FORM.fullWidth;
    } else {
      if (ch === 0x2e) points++;
      else if (ch === 0xff0e) {
        points++;
        forms |= FORM.fullWidth;
      } else if (ch === 0x2c) forms |= FORM.grouped;
      else if (ch === 0xff0c) forms |= FORM.fullWidth | FORM.grouped;
      else if (ch === 0x20 || ch === 0x3000 || ch === 0xa0) forms |= FORM.spaces;
      else return QUICK_UNDECIDED;
      continue;
    }
    digits++;
    m = m * 10 + d;
    if (points > 0) decimals++;
  }
  if (digits === 0 || digits > MAX_PLAIN_DIGITS || points > 1) return NaN;
  lastForms = forms;
  const n = decimals === 0 ? m : m / TENS[decimals];
  return unit === null ? n : n * unitFactor(unit, column);
}

/** The steps one by one, for any text (exported so tests can hold the quick pass to it). */
export function slowTextFigure(raw: string, column: Unit): TextFigure | null {
  let forms = 0;
  let s = raw;
  if (LEADING_APPROX.includes(s.charAt(0))) {
    s = s.slice(1);
    forms |= FORM.approx;
  }
  let narrowed = '';
  for (const ch of s) {
    const k = WIDE.indexOf(ch);
    narrowed += k < 0 ? ch : NARROW[k];
  }
  if (narrowed !== s) forms |= FORM.fullWidth;
  s = narrowed;
  for (const sp of SPACES) {
    const t = removeAll(s, sp);
    if (t !== s) forms |= FORM.spaces;
    s = t;
  }
  if (s.includes(',')) {
    s = removeAll(s, ',');
    forms |= FORM.grouped;
  }
  for (const a of APPROX) {
    const t = removeAll(s, a);
    if (t !== s) forms |= FORM.approx;
    s = t;
  }
  let factor = 1;
  const unit = unitNamed(raw);
  if (unit !== null) {
    for (const u of UNIT_TOKENS) s = removeAll(s, u);
    forms |= FORM.unit;
    factor = unitFactor(unit, column);
  }
  if (!isPlainNumberText(s)) return null;
  const n = Number(s);
  return { value: factor === 1 ? n : n * factor, forms };
}

const q = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * The reader's steps for the given forms as a formula over one cell or a range, giving
 * the cleaned text (no leading `=`). Only the steps in `forms` are written.
 * Arithmetic only, no IF or OR: it is spread over a range inside SUMPRODUCT too.
 */
export function cleanedTextFormula(ref: string, forms: number): string {
  let t = ref;
  if (forms & FORM.approx) {
    const lead = LEADING_APPROX.map((a) => `(LEFT(${ref},1)=${q(a)})`).join('+');
    t = `MID(${ref},1+${lead},LEN(${ref}))`;
  }
  if (forms & FORM.fullWidth) for (let k = 0; k < WIDE.length; k++) t = `SUBSTITUTE(${t},${q(WIDE[k])},${q(NARROW[k])})`;
  if (forms & FORM.spaces) for (const sp of SPACES) t = `SUBSTITUTE(${t},${q(sp)},"")`;
  if (forms & FORM.grouped) t = `SUBSTITUTE(${t},",","")`;
  if (forms & FORM.approx) for (const a of APPROX) t = `SUBSTITUTE(${t},${q(a)},"")`;
  if (forms & FORM.unit) for (const u of UNIT_TOKENS) t = `SUBSTITUTE(${t},${q(u)},"")`;
  return t;
}

/**
 * The factor a cell's unit gives in the column's unit, as a formula over the raw cell
 * or range; null when the column has no unit in its cells. 亿 wins over 万, 万 over 元.
 * Over a range (`spread`), sums of products of ISNUMBER(FIND(…)), which a SUMPRODUCT
 * spreads; over one cell, IFs, half as long.
 */
export function unitFactorFormula(ref: string, column: Unit, forms: number, spread = true): string | null {
  if (!(forms & FORM.unit)) return null;
  const f = (u: Unit) => factorLiteral(u, column);
  if (!spread) {
    const has = (chars: string[]) => chars.map((c) => `ISNUMBER(FIND(${q(c)},${ref}))`).join(',');
    return `IF(OR(${has(['亿', '億'])}),${f('亿元')},IF(OR(${has(['万', '萬'])}),${f('万元')},IF(${has(['元'])},${f('元')},1)))`;
  }
  // A comparison, not MIN: MIN would fold a range into one value.
  // `0+` makes a sum of one term a number: a bare TRUE/FALSE compares above every number.
  const has = (chars: string[]) => `((0+${chars.map((c) => `ISNUMBER(FIND(${q(c)},${ref}))`).join('+')})>0)`;
  const yi = has(['亿', '億']);
  const wan = has(['万', '萬']);
  const yuan = has(['元']);
  // yi·f(亿) + (1−yi)·(wan·f(万) + (1−wan)·(yuan·f(元) + (1−yuan)))
  return `(${yi}*${f('亿元')}+(1-${yi})*(${wan}*${f('万元')}+(1-${wan})*(${yuan}*${f('元')}+(1-${yuan}))))`;
}

/**
 * A cell as the report reads it, as a formula (no leading `=`): its number, or its text
 * through the column's steps, plain-number text after them, times its unit's factor;
 * else #N/A. With no forms this is figureFormula.
 */
export function formFigureFormula(ref: string, forms: number, column: Unit): string {
  const t = cleanedTextFormula(ref, forms);
  const factor = unitFactorFormula(ref, column, forms, false);
  return plainTextFigureFormula(ref, t, factor);
}

/** A cell as the report reads it: a finite number, or text by readTextFigure; else null. */
export function formFigureOf(v: unknown, column: Unit): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string') return null;
  const f = textFigureValue(v, column);
  return f === f ? f : null;
}

/**
 * The forms a column's text figures take over the given rows: the union of each read
 * cell's, the steps its formulas need. 0 when the column holds numbers and plain text.
 */
export function columnForms(grid: Grid, rows: readonly number[], c: number, column: Unit): number {
  let forms = 0;
  for (const r of rows) {
    const v: CellValue | undefined = grid.values[r]?.[c];
    if (typeof v !== 'string') continue;
    const f = readTextFigure(v, column);
    if (f !== null) forms |= f.forms;
  }
  return forms;
}

/**
 * A range's text figures as numbers in the column's unit, through the column's steps,
 * other cells 0: for a SUMPRODUCT beside a SUMIFS, which adds the real numbers. With
 * no forms it reads plain-number text only.
 */
export function textFormsFormula(range: string, forms: number, column: Unit): string {
  const t = cleanedTextFormula(range, forms);
  const read = textFiguresOfCleaned(range, t);
  const factor = unitFactorFormula(range, column, forms);
  return factor === null ? read : `${read}*${factor}`;
}
