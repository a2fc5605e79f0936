/**
 * The amount and rate cells of figure rows that are not plain non-negative numbers,
 * found in one pass over the sheet and shared by not-a-number, number-as-text,
 * approximate-figure and negative-value: most cells are plain numbers, and each of
 * those rules needs only the few that are not. Amount text is read as the report
 * reads it (the value reader of figure-forms.ts, in the column's unit); rate text by
 * readNumber, as the typed rate is.
 */
import type { CellValue, Grid } from '../grid';
import type { ClassifiedRow, Field, Ledger, ReadNumber } from '../types';
import { textFigureForms, textFigureValue } from '../figure-forms';
import { cleanText, readNumber } from '../values';
import { amountColumns, columnOf, isFigureRow, unitOf } from './cells';
import type { RuleContext } from './rule';

/**
 * The odd cells and their readings (ReadNumber's fields), a column of facts each, cell
 * i across them: a sheet exported as text has a whole ledger of them, and one object
 * per cell was most of the work of reading it. The cells are counted first and the
 * columns made at their size: half a million pushes, each array growing and copied as
 * it goes, cost more than the reading, and a sheet of numbers has next to none.
 */
export interface OddCells {
  readonly length: number;
  readonly row: readonly ClassifiedRow[];
  readonly field: readonly Field[];
  readonly c: ArrayLike<number>;
  readonly v: readonly CellValue[];
  /** The reading's value, NaN for none (a reading is never NaN). */
  readonly value: ArrayLike<number>;
  readonly kind: readonly ReadNumber['kind'][];
  /** Text amounts: the forms the value reader met (figure-forms.ts FORM bits); 0 otherwise. */
  readonly forms: ArrayLike<number>;
}

/** A cell oddAmountCells keeps: anything but a blank or a non-negative number. */
function isOdd(v: CellValue | undefined): boolean {
  return !(v === null || v === undefined || (typeof v === 'number' && v >= 0));
}

function countOdd(grid: Grid, rows: readonly ClassifiedRow[], cols: readonly { c: number }[]): number {
  let n = 0;
  for (let i = 0; i < rows.length; i++) {
    const cr = rows[i];
    if (!isFigureRow(cr)) continue;
    const values = grid.values[cr.r];
    if (!values) continue;
    for (let k = 0; k < cols.length; k++) if (isOdd(values[cols[k].c])) n++;
  }
  return n;
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
  const max = countOdd(grid, rows, cols);
  const row = new Array<ClassifiedRow>(max);
  const field = new Array<Field>(max);
  const cs = new Int32Array(max);
  const vs = new Array<CellValue>(max);
  const value = new Float64Array(max);
  const kind = new Array<ReadNumber['kind']>(max);
  // FORM bits fit a byte.
  const forms = new Uint8Array(max);
  let n = 0;
  for (let i = 0; i < rows.length; i++) {
    const cr = rows[i];
    if (!isFigureRow(cr)) continue;
    const values = grid.values[cr.r];
    if (!values) continue;
    for (let k = 0; k < cols.length; k++) {
      const col = cols[k];
      const v = values[col.c];
      if (!isOdd(v)) continue;
      row[n] = cr;
      field[n] = col.field;
      cs[n] = col.c;
      vs[n] = v as CellValue;
      if (typeof v === 'string' && col.field !== 'reportedRate') {
        // Amount text as the report reads it: a figure with its forms, blank, or not a number.
        const f = textFigureValue(v, col.unit);
        if (f === f) {
          value[n] = f;
          kind[n] = 'text-number';
          forms[n] = textFigureForms();
        } else {
          value[n] = NaN;
          kind[n] = cleanText(v) === '' ? 'blank' : 'not-a-number';
        }
      } else {
        const read = readNumber(v);
        value[n] = read.value === null ? NaN : read.value;
        kind[n] = read.kind;
      }
      n++;
    }
  }
  const cells: OddCells = { length: n, row, field, c: cs, v: vs, value, kind, forms };
  cache.set(ledger, { grid, cells });
  return cells;
}
