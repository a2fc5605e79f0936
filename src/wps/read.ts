/**
 * Reads the visible sheets as grids with block calls only: per sheet the used
 * range's Value2 and Formula as one 2-D block each (cell-by-cell access is slow in
 * WPS: about 2 s per 10,000 single-cell accesses by WPS's own figures), number
 * formats per column (a column with one format answers in one call; a mixed one is
 * halved until each part answers, within a budget), hidden rows and columns from the
 * visible cells' address, merges from the header rows.
 */
import { cellKey, type Grid, type Range } from '../core/grid';
import type { Progress } from '../taskpane/host';
import { parseAreas } from '../excel/address';
import { fillFormulas, setHidden } from '../excel/grid-fill';
import { cellOf, toRows } from './block';
import { rangeA1 } from './a1';
import { XL, type EtRange, type EtSheet, type EtWorkbook } from './et';
import { addressOf, isVisible } from './sheets';

/** Number-format reads per sheet beyond one per column; past it a part takes the format of its first number. */
export const FORMAT_BUDGET = 400;
/** Rows from the top in which merged cells are looked for (the header and title rows). */
export const MERGE_ROWS = 60;

export function readSheets(wb: EtWorkbook, onProgress?: Progress): Grid[] {
  const list = wb.Worksheets;
  const active = wb.ActiveSheet?.Name;
  const sheets: EtSheet[] = [];
  for (let i = 1; i <= list.Count; i++) {
    const ws = list.Item(i);
    if (isVisible(ws)) sheets.push(ws);
  }
  const ordered = [...sheets.filter((s) => s.Name === active), ...sheets.filter((s) => s.Name !== active)];
  const grids: Grid[] = [];
  ordered.forEach((ws, k) => {
    grids.push(readSheet(ws));
    onProgress?.((k + 1) / ordered.length);
  });
  return grids;
}

function readSheet(ws: EtSheet): Grid {
  const grid: Grid = { name: ws.Name, values: [] };
  const used = ws.UsedRange;
  const top = used.Row - 1;
  const left = used.Column - 1;
  const rows = used.Rows.Count;
  const cols = used.Columns.Count;
  const bottom = top + rows - 1;
  const right = left + cols - 1;
  const values = toRows(used.Value2, rows, cols);
  let any = false;
  for (let i = 0; i < rows; i++) {
    const src = values[i] ?? [];
    let row: Grid['values'][number] | undefined;
    for (let j = 0; j < cols; j++) {
      const v = cellOf(src[j]);
      if (v === undefined) continue;
      row ??= grid.values[top + i] = [];
      row[left + j] = v;
      any = true;
    }
  }
  if (!any && rows * cols === 1) return grid;
  fillFormulas(grid, top, left, toRows(used.Formula, rows, cols), values.map((r) => r.map((v) => (typeof v === 'string' ? v : undefined))));
  readFormats(ws, grid, top, left, bottom, right);
  readMerges(ws, used, grid, top, left, Math.min(bottom, top + MERGE_ROWS - 1), right);
  readHidden(used, grid, top, bottom, left, right);
  return grid;
}

/** Cells holding a number, per column: only their formats matter (dates, percents). */
function readFormats(ws: EtSheet, grid: Grid, top: number, left: number, bottom: number, right: number): void {
  const nf = (grid.numFmts ??= new Map());
  let budget = FORMAT_BUDGET;
  const hasNumber = (c: number, r0: number, r1: number) => {
    for (let r = r0; r <= r1; r++) if (typeof grid.values[r]?.[c] === 'number') return true;
    return false;
  };
  const assign = (c: number, r0: number, r1: number, fmt: string) => {
    if (fmt === 'General' || fmt === 'G/通用格式') return;
    for (let r = r0; r <= r1; r++) if (grid.values[r]?.[c] !== undefined) nf.set(cellKey(r, c), fmt);
  };
  for (let c = left; c <= right; c++) {
    // Only the span of rows that hold numbers is asked; a column without numbers costs nothing.
    let r0 = -1;
    let r1 = -1;
    for (let r = top; r <= bottom; r++) if (typeof grid.values[r]?.[c] === 'number') { if (r0 < 0) r0 = r; r1 = r; }
    if (r0 < 0) continue;
    const parts: [number, number][] = [[r0, r1]];
    let first = true;
    while (parts.length > 0) {
      const [a, b] = parts.pop() as [number, number];
      if (!hasNumber(c, a, b)) continue;
      if (!first && budget <= 0) {
        let r = a;
        while (typeof grid.values[r]?.[c] !== 'number') r++;
        const f = ws.Range(rangeA1(r, c, r, c)).NumberFormat;
        if (typeof f === 'string') for (let k = a; k <= b; k++) if (typeof grid.values[k]?.[c] === 'number') assign(c, k, k, f);
        continue;
      }
      if (!first) budget--;
      first = false;
      const f = ws.Range(rangeA1(a, c, b, c)).NumberFormat;
      if (typeof f === 'string') assign(c, a, b, f);
      else if (a < b) {
        const m = Math.floor((a + b) / 2);
        parts.push([m + 1, b], [a, m]);
      }
    }
  }
}

function readMerges(ws: EtSheet, used: EtRange, grid: Grid, top: number, left: number, last: number, right: number): void {
  let some: boolean | null;
  try {
    some = used.MergeCells;
  } catch {
    return;
  }
  if (some === false) return;
  const merges: Range[] = [];
  for (let r = top; r <= last; r++) {
    const row = ws.Range(rangeA1(r, left, r, right));
    if (row.MergeCells === false) continue;
    for (let c = left; c <= right; c++) {
      if (merges.some((m) => r >= m.r0 && r <= m.r1 && c >= m.c0 && c <= m.c1)) continue;
      const cell = ws.Range(rangeA1(r, c, r, c));
      if (!cell.MergeCells) continue;
      const area = cell.MergeArea;
      merges.push({ r0: area.Row - 1, c0: area.Column - 1, r1: area.Row - 2 + area.Rows.Count, c1: area.Column - 2 + area.Columns.Count });
    }
  }
  if (merges.length) grid.merges = merges;
}

function readHidden(used: EtRange, grid: Grid, top: number, bottom: number, left: number, right: number): void {
  if (typeof used.SpecialCells !== 'function') return;
  let visible: Range[];
  try {
    visible = parseAreas(addressOf(used.SpecialCells(XL.cellTypeVisible)));
  } catch {
    // WPS, like Excel, refuses SpecialCells when no cell qualifies: then nothing is visible.
    visible = [];
  }
  setHidden(grid, { rowHidden: null, columnHidden: null, visible }, top, bottom, left, right);
}
