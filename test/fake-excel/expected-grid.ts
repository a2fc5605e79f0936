/**
 * What a host must read from a fake sheet, computed straight from the model (not
 * through the API), and a normal form of grids for comparing them.
 */
import { cellKey, type CellValue, type Grid } from '../../src/core/grid';
import { contains } from './a1';
import { unkey, type FakeSheet } from './model';

/** The sheet's values-only used range as a Grid: values, formulas, formats, merges, hidden rows and columns. */
export function expectedGrid(sheet: FakeSheet): Grid {
  const grid: Grid = { name: sheet.name, values: [], formulas: new Map(), numFmts: new Map() };
  const used = sheet.usedRect(true);
  if (!used) return grid;
  for (const [k, cell] of sheet.cells) {
    if (cell.value === undefined && cell.formula === undefined) continue;
    const { r, c } = unkey(k);
    const v: CellValue = cell.value === undefined ? '' : cell.value;
    (grid.values[r] ??= [])[c] = v;
    if (cell.formula !== undefined) grid.formulas?.set(cellKey(r, c), cell.formula);
    if (cell.numFmt !== undefined) grid.numFmts?.set(cellKey(r, c), cell.numFmt);
  }
  const merges = sheet.merges.filter((m) => contains(used, m.r0, m.c0));
  if (merges.length) grid.merges = merges.map((m) => ({ ...m }));
  const rows = [...sheet.hiddenRows].filter((r) => r >= used.r0 && r <= used.r1);
  if (rows.length) grid.hiddenRows = new Set(rows);
  const cols = [...sheet.hiddenCols].filter((c) => c >= used.c0 && c <= used.c1);
  if (cols.length) grid.hiddenCols = new Set(cols);
  return grid;
}

/** Plain data for toEqual: maps and sets as sorted entries, missing parts as empty. */
export function normalGrid(g: Grid): unknown {
  const byFirst = (a: [number, string], b: [number, string]) => a[0] - b[0];
  return {
    name: g.name,
    values: g.values,
    formulas: [...(g.formulas ?? [])].sort(byFirst),
    numFmts: [...(g.numFmts ?? [])].sort(byFirst),
    merges: [...(g.merges ?? [])].sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0),
    hiddenRows: [...(g.hiddenRows ?? [])].sort((a, b) => a - b),
    hiddenCols: [...(g.hiddenCols ?? [])].sort((a, b) => a - b),
  };
}
