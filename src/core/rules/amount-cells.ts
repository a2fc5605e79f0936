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

/** A cell and its reading (ReadNumber's fields, flat: there may be a whole column of them). */
export interface OddCell {
  row: ClassifiedRow;
  field: Field;
  c: number;
  v: CellValue;
  value: number | null;
  kind: ReadNumber['kind'];
  /** Text amounts: the forms the value reader met (figure-forms.ts FORM bits); 0 otherwise. */
  forms: number;
}

const cache = new WeakMap<Ledger, { grid: Grid; cells: OddCell[] }>();

export function oddAmountCells({ grid, header, ledger }: RuleContext): OddCell[] {
  const hit = cache.get(ledger);
  if (hit && hit.grid === grid) return hit.cells;
  const cols = amountColumns(header).map((x) => ({ ...x, unit: unitOf(header, x.field) }));
  const rateCol = columnOf(header, 'reportedRate');
  if (rateCol !== undefined) cols.push({ field: 'reportedRate', c: rateCol, unit: header.unit });
  // Period columns that continue the year to date (`8月中旬完成`) are read into it: checked as it is.
  const ytdUnit = unitOf(header, 'completedYtd');
  for (const c of header.ytdParts ?? []) if (!cols.some((x) => x.c === c)) cols.push({ field: 'completedYtd', c, unit: ytdUnit });
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
      if (typeof v === 'string' && field !== 'reportedRate') {
        // Amount text as the report reads it: a figure with its forms, blank, or not a number.
        const f = readTextFigure(v, unit);
        if (f !== null) cells.push({ row, field, c, v, value: f.value, kind: 'text-number', forms: f.forms });
        else cells.push({ row, field, c, v, value: null, kind: cleanText(v) === '' ? 'blank' : 'not-a-number', forms: 0 });
      } else {
        const read = readNumber(v);
        cells.push({ row, field, c, v, value: read.value, kind: read.kind, forms: 0 });
      }
    }
  }
  cache.set(ledger, { grid, cells });
  return cells;
}
