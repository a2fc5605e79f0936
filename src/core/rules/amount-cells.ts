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
import { amountColumns, columnOf, isFigureRow, unitOf } from './cells';
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

export function oddAmountCells({ grid, header, ledger }: RuleContext): OddCells {
  const hit = cache.get(ledger);
  if (hit && hit.grid === grid) return hit.cells;
  const cols = amountColumns(header).map((x) => ({ ...x, unit: unitOf(header, x.field) }));
  const rateCol = columnOf(header, 'reportedRate');
  if (rateCol !== undefined) cols.push({ field: 'reportedRate', c: rateCol, unit: header.unit });
  // Period columns that continue the year to date (`8月中旬完成`) are read into it: checked as it is.
  const ytdUnit = unitOf(header, 'completedYtd');
  for (const c of header.ytdParts ?? []) if (!cols.some((x) => x.c === c)) cols.push({ field: 'completedYtd', c, unit: ytdUnit });
  const rows = ledger.rows;
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
    const values = grid.values[cr.r];
    if (!values) continue;
    for (let k = 0; k < cols.length; k++) {
      const col = cols[k];
      const v = values[col.c];
      if (!isOdd(v)) continue;
      if (typeof v === 'string' && col.field !== 'reportedRate') {
        // Amount text as the report reads it: a figure with its forms, blank, or not a number.
        const f = textFigureValue(v, col.unit);
        if (f !== f) keep(cr, k, v, NaN, cleanText(v) === '' ? 'blank' : 'not-a-number', 0);
        else {
          const fm = textFigureForms();
          if (fm & FORM.approx) keep(cr, k, v, f, 'text-number', fm);
          else plainRows[k].push(cr.r);
        }
      } else {
        const read = readNumber(v as CellValue);
        keep(cr, k, v as CellValue, read.value === null ? NaN : read.value, read.kind, 0);
      }
    }
  }
  const plainText = cols.map((col, k) => ({ field: col.field, c: col.c, unit: col.unit, rows: plainRows[k] })).filter((x) => x.rows.length > 0);
  const cells: OddCells = { length: row.length, row, field, c: cs, v: vs, value, kind, forms, plainText };
  cache.set(ledger, { grid, cells });
  return cells;
}
