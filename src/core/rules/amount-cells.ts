/**
 * The amount and rate cells of figure rows that are not plain non-negative numbers,
 * found in one pass over the sheet and shared by not-a-number, number-as-text,
 * approximate-figure and negative-value: most cells are plain numbers, and each of
 * those rules needs only the few that are not. Text read as a plain figure, the bulk
 * of an export, is kept apart as rows per column (PlainTextColumn). Amount text is read as the report
 * reads it (the value reader of figure-forms.ts, in the column's unit); rate text by
 * readNumber, as the typed rate is.
 */
import type { CellValue, Grid } from '../grid';
import type { ClassifiedRow, Field, Ledger, ReadNumber, Unit } from '../types';
import { FORM, textFigureForms, textFigureValue } from '../figure-forms';
import { cleanText, readNumber } from '../values';
import { forgetReadings, readingsOf } from '../ledger/text-readings';
import { amountColumns, columnOf, isFigureRow, unitOf } from './cells';
import { i32Scratch } from '../scratch';
import type { RuleContext } from './rule';

/**
 * A column's text figures read as plain numbers (no approximation mark): only
 * number-as-text wants them, once per column, so they are kept as rows alone. A sheet
 * exported as text has a whole ledger of them, and cells kept one by one were most of
 * the work of reading it. Such a text never reads as a negative or a blank.
 */
export interface PlainTextColumn {
  readonly field: Field;
  readonly c: number;
  readonly unit: Unit;
  /** Sheet rows (0-based), ascending. */
  readonly rows: readonly number[];
}

/**
 * The other odd cells (blank-looking text, text that is not a figure, approximate
 * figures, negatives, errors, typed rates as text) and their readings (ReadNumber's
 * fields), a column of facts each, cell i across them.
 */
export interface OddCells {
  readonly length: number;
  readonly row: readonly ClassifiedRow[];
  readonly field: readonly Field[];
  readonly c: readonly number[];
  readonly v: readonly CellValue[];
  /** The reading's value, NaN for none (a reading is never NaN). */
  readonly value: readonly number[];
  readonly kind: readonly ReadNumber['kind'][];
  /** Text amounts: the forms the value reader met (figure-forms.ts FORM bits); 0 otherwise. */
  readonly forms: readonly number[];
  /** The amount columns' plain text figures, by column, in the order of the columns read. */
  readonly plainText: readonly PlainTextColumn[];
}

/** A cell oddAmountCells keeps: anything but a blank or a non-negative number. */
function isOdd(v: CellValue | undefined): boolean {
  return !(v === null || v === undefined || (typeof v === 'number' && v >= 0));
}

const cache = new WeakMap<Ledger, { grid: Grid; cells: OddCells }>();

/** A row the sheet does not hold: no cells. */
const NO_CELLS: readonly (CellValue | undefined)[] = [];

/** Columns whose plain rows are marked in a row's bit mask; any further ones push rows as found. */
const MASK_COLUMNS = 30;

/** The rows' masks, read by fillMasked and let go. */
const MASKS = i32Scratch();

/** Distinct row masks tallied before columns are compared on the tally; past it, row by row. */
const MAX_DISTINCT = 64;
const DISTINCT = new Int32Array(MAX_DISTINCT);
const DISTINCT_ROWS = new Int32Array(MAX_DISTINCT);

/**
 * The distinct masks into DISTINCT, with how many rows hold each in DISTINCT_ROWS; their
 * number, or -1 past MAX_DISTINCT. A sheet's rows take a handful of masks (every column
 * plain, a blank here or there), so columns are compared and counted over those alone.
 */
function tallyMasks(masks: Int32Array): number {
  let n = 0;
  let last = -1;
  for (let i = 0; i < masks.length; i++) {
    const m = masks[i];
    if (last >= 0 && DISTINCT[last] === m) {
      DISTINCT_ROWS[last]++;
      continue;
    }
    let d = 0;
    while (d < n && DISTINCT[d] !== m) d++;
    if (d === n) {
      if (n === MAX_DISTINCT) return -1;
      DISTINCT[n] = m;
      DISTINCT_ROWS[n++] = 0;
    }
    DISTINCT_ROWS[d]++;
    last = d;
  }
  return n;
}

/** Bit j and bit k agree on every row (on the n tallied masks, or row by row when n is -1). */
function sameBits(masks: Int32Array, n: number, j: number, k: number): boolean {
  const list = n < 0 ? masks : DISTINCT;
  const length = n < 0 ? masks.length : n;
  for (let i = 0; i < length; i++) if (((list[i] >>> j) ^ (list[i] >>> k)) & 1) return false;
  return true;
}

/** How many rows have bit k. */
function rowsWithBit(masks: Int32Array, n: number, k: number): number {
  let count = 0;
  if (n < 0) for (let i = 0; i < masks.length; i++) count += (masks[i] >>> k) & 1;
  else for (let d = 0; d < n; d++) if ((DISTINCT[d] >>> k) & 1) count += DISTINCT_ROWS[d];
  return count;
}

/**
 * The row lists of columns 0..n-1 from the masks: a column marked on the same rows as an
 * earlier one takes that one's list (one array for an export's every amount column).
 */
function fillMasked(plainRows: number[][], masks: Int32Array, rows: readonly ClassifiedRow[], n: number): void {
  const distinct = tallyMasks(masks);
  for (let k = 0; k < n; k++) {
    let j = 0;
    while (j < k && !sameBits(masks, distinct, j, k)) j++;
    if (j < k) {
      plainRows[k] = plainRows[j];
      continue;
    }
    const count = rowsWithBit(masks, distinct, k);
    if (count === 0) continue;
    const out = new Array<number>(count);
    for (let i = 0, o = 0; o < count; i++) if ((masks[i] >>> k) & 1) out[o++] = rows[i].r;
    plainRows[k] = out;
  }
}

export function oddAmountCells({ grid, header, ledger }: RuleContext): OddCells {
  const hit = cache.get(ledger);
  if (hit && hit.grid === grid) return hit.cells;
  const cols = amountColumns(header).map((x) => ({ ...x, unit: unitOf(header, x.field) }));
  const rateCol = columnOf(header, 'reportedRate');
  if (rateCol !== undefined) cols.push({ field: 'reportedRate', c: rateCol, unit: header.unit });
  // Period columns that continue the year to date (`8月中旬完成`) are read into it: checked as it is.
  const ytdUnit = unitOf(header, 'completedYtd');
  for (const c of header.ytdParts ?? []) if (!cols.some((x) => x.c === c)) cols.push({ field: 'completedYtd', c, unit: ytdUnit });
  // The projects' text was read when they were built: their readings are taken as they are.
  const readings = cols.map((col) => (col.field === 'reportedRate' ? undefined : readingsOf(ledger, grid, col.c, col.unit)));
  const rows = ledger.rows;
  // Which of the first MASK_COLUMNS columns hold plain text figures, per row (bit k for
  // column k): the row lists are built at the end, once per distinct list. An export writes
  // every amount as text, and its columns' lists are the same rows (shared, read-only).
  const masks = MASKS.take(rows.length);
  let anyMask = 0;
  const plainRows: number[][] = cols.map(() => []);
  const row: ClassifiedRow[] = [];
  const field: Field[] = [];
  const cs: number[] = [];
  const vs: CellValue[] = [];
  const value: number[] = [];
  const kind: ReadNumber['kind'][] = [];
  const forms: number[] = [];
  const keep = (cr: ClassifiedRow, k: number, v: CellValue, val: number, kd: ReadNumber['kind'], fm: number): void => {
    row.push(cr);
    field.push(cols[k].field);
    cs.push(cols[k].c);
    vs.push(v);
    value.push(val);
    kind.push(kd);
    forms.push(fm);
  };
  for (let i = 0; i < rows.length; i++) {
    const cr = rows[i];
    if (!isFigureRow(cr)) continue;
    // The row's cells, looked at only for cells the readings do not settle.
    let values: readonly (CellValue | undefined)[] | null = null;
    let mask = 0;
    for (let k = 0; k < cols.length; k++) {
      const col = cols[k];
      const rd = readings[k];
      const j = rd === undefined ? -1 : cr.r - rd.first;
      const read = rd !== undefined && j >= 0 && j < rd.forms.length && rd.forms[j] >= 0;
      // A project's text read as a plain figure when it was built: the cell need not be looked at.
      if (read && (rd.forms[j] & FORM.approx) === 0 && rd.value[j] === rd.value[j]) {
        if (k < MASK_COLUMNS) mask |= 1 << k;
        else plainRows[k].push(cr.r);
        continue;
      }
      values ??= grid.values[cr.r] ?? NO_CELLS;
      const v = values[col.c];
      if (!isOdd(v)) continue;
      if (typeof v === 'string' && col.field !== 'reportedRate') {
        // Amount text as the report reads it: a figure with its forms, blank, or not a number.
        let f: number;
        let fm: number;
        if (read) {
          f = rd.value[j];
          fm = rd.forms[j];
        } else {
          f = textFigureValue(v, col.unit);
          fm = textFigureForms();
        }
        if (f !== f) keep(cr, k, v, NaN, cleanText(v) === '' ? 'blank' : 'not-a-number', 0);
        else {
          if (fm & FORM.approx) keep(cr, k, v, f, 'text-number', fm);
          else if (k < MASK_COLUMNS) mask |= 1 << k;
          else plainRows[k].push(cr.r);
        }
      } else {
        const read = readNumber(v as CellValue);
        keep(cr, k, v as CellValue, read.value === null ? NaN : read.value, read.kind, 0);
      }
    }
    masks[i] = mask;
    anyMask |= mask;
  }
  if (anyMask !== 0) fillMasked(plainRows, masks, rows, Math.min(cols.length, MASK_COLUMNS));
  const plainText = cols.map((col, k) => ({ field: col.field, c: col.c, unit: col.unit, rows: plainRows[k] })).filter((x) => x.rows.length > 0);
  const cells: OddCells = { length: row.length, row, field, c: cs, v: vs, value, kind, forms, plainText };
  cache.set(ledger, { grid, cells });
  // Its cells are kept above: the readings (12 bytes a row per text column) are not needed again.
  if (readings.some((x) => x !== undefined)) forgetReadings(ledger);
  return cells;
}
