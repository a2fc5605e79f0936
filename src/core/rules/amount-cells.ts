/**
 * The amount and rate cells of figure rows that are not plain non-negative numbers,
 * found in one pass over the sheet and shared by not-a-number, number-as-text and
 * negative-value: most cells are plain numbers, and each of those rules needs only
 * the few that are not.
 */
import type { CellValue, Grid } from '../grid';
import type { ClassifiedRow, Field, Ledger, ReadNumber } from '../types';
import { readNumber } from '../values';
import { amountColumns, columnOf, isFigureRow } from './cells';
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
  const cols = amountColumns(header);
  const rateCol = columnOf(header, 'reportedRate');
  if (rateCol !== undefined) cols.push({ field: 'reportedRate', c: rateCol });
  // Period columns that continue the year to date (`8月中旬完成`) are read into it: checked as it is.
  for (const c of header.ytdParts ?? []) if (!cols.some((x) => x.c === c)) cols.push({ field: 'completedYtd', c });
  const cells: OddCell[] = [];
  const rows = ledger.rows;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (!isFigureRow(row)) continue;
    const values = grid.values[row.r];
    if (!values) continue;
    for (let k = 0; k < cols.length; k++) {
      const { field, c } = cols[k];
      const v = values[c];
      if (v === null || v === undefined || (typeof v === 'number' && v >= 0)) continue;
      cells.push({ row, field, c, v, read: readNumber(v) });
    }
  }
  cache.set(ledger, { grid, cells });
  return cells;
}
