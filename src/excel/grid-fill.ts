/**
 * Turning what Office.js returns into a Grid: values with errors as {error},
 * formulas without `=`, number formats other than General, hidden rows and columns
 * from where the visible cells are.
 */
import { cellKey, type CellValue, type Grid, type Range } from '../core/grid';

export interface ValueBlock {
  values: unknown[][];
  numberFormat: unknown[][];
  valueTypes: string[][];
}

/** Puts a block whose top-left cell is (r0, c0) into the grid; `formulas`, when given, has the same shape. */
export function fillValues(grid: Grid, r0: number, c0: number, block: ValueBlock, formulas?: unknown[][]): void {
  const { values, numberFormat, valueTypes } = block;
  const nf = (grid.numFmts ??= new Map());
  for (let i = 0; i < values.length; i++) {
    const r = r0 + i;
    let row = grid.values[r];
    for (let j = 0; j < values[i].length; j++) {
      const c = c0 + j;
      const v = values[i][j];
      const type = valueTypes[i][j];
      if (type === 'Empty') continue;
      let cell: CellValue;
      if (type === 'Error') cell = { error: String(v) };
      else if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') cell = v;
      else cell = v === null || v === undefined ? null : String(v);
      if (!row) row = grid.values[r] = [];
      row[c] = cell;
      const fmt = numberFormat[i][j];
      if (typeof fmt === 'string' && fmt !== 'General') nf.set(cellKey(r, c), fmt);
    }
  }
  // A constant's `formulas` entry is its value; a formula's starts with `=` and differs from it.
  if (formulas) fillFormulas(grid, r0, c0, formulas, values);
}

/**
 * Records the formulas of a block. Without `values` every `=` entry is a formula
 * (the block came from the sheet's formula cells).
 */
export function fillFormulas(grid: Grid, r0: number, c0: number, formulas: unknown[][], values?: unknown[][]): void {
  const fm = (grid.formulas ??= new Map());
  for (let i = 0; i < formulas.length; i++) {
    for (let j = 0; j < formulas[i].length; j++) {
      const f = formulas[i][j];
      if (typeof f !== 'string' || !f.startsWith('=') || f.length < 2) continue;
      if (values && f === values[i][j]) continue;
      const r = r0 + i;
      const c = c0 + j;
      fm.set(cellKey(r, c), f.slice(1));
      // A formula that gives "" still is a cell of the sheet.
      const row = (grid.values[r] ??= []);
      if (row[c] === undefined) row[c] = '';
    }
  }
}

/** Rows (or columns) in [a, b] that no span covers. */
export function uncovered(a: number, b: number, spans: [number, number][]): Set<number> {
  const seen = new Uint8Array(b - a + 1);
  for (const [x, y] of spans) for (let i = Math.max(a, x); i <= Math.min(b, y); i++) seen[i - a] = 1;
  const out = new Set<number>();
  for (let i = 0; i < seen.length; i++) if (!seen[i]) out.add(a + i);
  return out;
}

export interface Visibility {
  /** Range.rowHidden / columnHidden of the used range: true all, false none, null some. */
  rowHidden: boolean | null;
  columnHidden: boolean | null;
  /** Areas of visible cells, when the host could tell (ExcelApi 1.9); [] when none is visible. */
  visible: Range[] | null;
}

/** Hidden rows and columns of the used range [top..bottom] × [left..right]. */
export function setHidden(grid: Grid, v: Visibility, top: number, bottom: number, left: number, right: number): void {
  if (v.rowHidden === true) grid.hiddenRows = uncovered(top, bottom, []);
  else if (v.rowHidden === null && v.visible) grid.hiddenRows = uncovered(top, bottom, v.visible.map((a) => [a.r0, a.r1]));
  if (v.columnHidden === true) grid.hiddenCols = uncovered(left, right, []);
  else if (v.columnHidden === null && v.visible) grid.hiddenCols = uncovered(left, right, v.visible.map((a) => [a.c0, a.c1]));
}
