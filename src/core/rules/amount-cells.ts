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
import { readTextFigure } from '../figure-forms';
import { cleanText, readNumber } from '../values';
import { amountColumns, columnOf, isFigureRow, unitOf } from './cells';
import type { RuleContext } from './rule';

/**
 * The odd cells and their readings (ReadNumber's fields), a column of facts each, cell
 * i across them: a sheet exported as text has a whole ledger of them, and one object
 * per cell was most of the work of reading it.
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
  const row: ClassifiedRow[] = [];
  const field: Field[] = [];
  const cs: number[] = [];
  const vs: CellValue[] = [];
  const value: number[] = [];
  const kind: ReadNumber['kind'][] = [];
  const forms: number[] = [];
  const rows = ledger.rows;
  for (let i = 0; i < rows.length; i++) {
    const cr = rows[i];
    if (!isFigureRow(cr)) continue;
    const values = grid.values[cr.r];
    if (!values) continue;
    for (let k = 0; k < cols.length; k++) {
      const col = cols[k];
      const v = values[col.c];
      if (v === null || v === undefined || (typeof v === 'number' && v >= 0)) continue;
      row.push(cr);
      field.push(col.field);
      cs.push(col.c);
      vs.push(v);
      if (typeof v === 'string' && col.field !== 'reportedRate') {
        // Amount text as the report reads it: a figure with its forms, blank, or not a number.
        const f = readTextFigure(v, col.unit);
        if (f !== null) {
          value.push(f.value);
          kind.push('text-number');
          forms.push(f.forms);
        } else {
          value.push(NaN);
          kind.push(cleanText(v) === '' ? 'blank' : 'not-a-number');
          forms.push(0);
        }
      } else {
        const read = readNumber(v);
        value.push(read.value === null ? NaN : read.value);
        kind.push(read.kind);
        forms.push(0);
      }
    }
  }
  const cells: OddCells = { length: row.length, row, field, c: cs, v: vs, value, kind, forms };
  cache.set(ledger, { grid, cells });
  return cells;
}
