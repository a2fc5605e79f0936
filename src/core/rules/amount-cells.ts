/**
 * The amount and rate cells of figure rows that are not plain non-negative numbers,
 * found in one pass over the sheet and shared by not-a-number, number-as-text,
 * approximate-figure and negative-value: most cells are plain numbers, and each of
 * those rules needs only the few that are not. Amount text is read as the report
 * reads it (the value reader of figure-forms.ts, in the column's unit); rate text by
 * readNumber, as the typed rate is.
 */
import type { CellValue, Grid } from '../grid';
import type { ClassifiedRow, Field, Ledger, ReadNumber, Unit } from '../types';
import { readTextFigure } from '../figure-forms';
import { cleanText, readNumber } from '../values';
import { amountColumns, columnOf, isFigureRow, unitOf } from './cells';
import type { RuleContext } from './rule';

export interface OddCell {
  row: ClassifiedRow;
  field: Field;
  c: number;
  v: CellValue;
  read: ReadNumber;
}

const cache = new WeakMap<Ledger, { grid: Grid; cells: OddCell[] }>();

export function oddAmountCells({ grid, header, ledger }: RuleContext): OddCell[] {
  const hit = cache.get(ledger);
  if (hit && hit.grid === grid) return hit.cells;
  const cols = amountColumns(header).map((x) => ({ ...x, unit: unitOf(header, x.field) }));
  const rateCol = columnOf(header, 'reportedRate');
  if (rateCol !== undefined) cols.push({ field: 'reportedRate', c: rateCol, unit: header.unit });
  const cells: OddCell[] = [];
  const rows = ledger.rows;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (!isFigureRow(row)) continue;
    const values = grid.values[row.r];
    if (!values) continue;
    for (let k = 0; k < cols.length; k++) {
      const { field, c, unit } = cols[k];
      const v = values[c];
      if (v === null || v === undefined || (typeof v === 'number' && v >= 0)) continue;
      cells.push({ row, field, c, v, read: typeof v === 'string' && field !== 'reportedRate' ? readAmountText(v, unit) : readNumber(v) });
    }
  }
  cache.set(ledger, { grid, cells });
  return cells;
}

/** Amount text as the report reads it: a figure with its forms, blank, or not a number. */
function readAmountText(v: string, unit: Unit): ReadNumber {
  const f = readTextFigure(v, unit);
  if (f !== null) return { value: f.value, kind: 'text-number', raw: v, forms: f.forms };
  return { value: null, kind: cleanText(v) === '' ? 'blank' : 'not-a-number', raw: v };
}
