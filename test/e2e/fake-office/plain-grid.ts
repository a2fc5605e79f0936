/** A Grid as JSON (no Maps or Sets), to hand from the test to the page. */
import { cellKey, MAX_COLS, type CellValue, type Grid, type Range } from '../../../src/core/grid';

export interface PlainGrid {
  name: string;
  values: (CellValue | null)[][];
  numFmts: [number, number, string][];
  merges: Range[];
  hiddenRows: number[];
}

export function plainGrid(grid: Grid): PlainGrid {
  return {
    name: grid.name,
    values: grid.values.map((row) => (row ? Array.from(row, (v) => (v === undefined ? null : v)) : [])),
    numFmts: [...(grid.numFmts ?? new Map<number, string>())].map(([k, fmt]) => [Math.floor(k / MAX_COLS), k % MAX_COLS, fmt]),
    merges: grid.merges ?? [],
    hiddenRows: [...(grid.hiddenRows ?? [])],
  };
}

export function gridFromPlain(p: PlainGrid): Grid {
  return {
    name: p.name,
    values: p.values,
    numFmts: new Map(p.numFmts.map(([r, c, fmt]) => [cellKey(r, c), fmt])),
    merges: p.merges,
    hiddenRows: new Set(p.hiddenRows),
    hiddenCols: new Set(),
  };
}
