/**
 * Reads the visible sheets as grids with block calls only: per sheet the used
 * range's Value2 and Formula as one 2-D block each (cell-by-cell access is slow in
 * WPS: about 2 s per 10,000 single-cell accesses by WPS's own figures), number
 * formats per column and kind of row (see readFormats), hidden rows and columns from the
 * visible cells' address, merges from the header rows.
 */
import { cellKey, type Grid, type Range } from '../core/grid';
import type { Progress } from '../taskpane/host';
import { parseAreas } from '../excel/address';
import { fillFormulas, setHidden } from '../excel/grid-fill';
import { cellOf, toRows } from './block';
import { rangeA1 } from './a1';
import { joinAddresses } from './write';
import { XL, type EtRange, type EtSheet, type EtWorkbook } from './et';
import { addressOf, isVisible } from './sheets';

/** Number-format reads per sheet at most (see readFormats). */
export const FORMAT_BUDGET = 3000;
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

/** What kind of value each cell of a row holds: rows alike (the projects, the 小计 rows) tend to share formats. */
function signature(grid: Grid, r: number, left: number, right: number): string {
  const row = grid.values[r];
  if (!row) return '';
  let s = '';
  for (let c = left; c <= right; c++) {
    const v = row[c];
    s += v === undefined ? '.' : typeof v === 'number' ? 'n' : typeof v === 'string' ? 's' : typeof v === 'boolean' ? 'b' : 'e';
  }
  return s;
}

/** Runs of consecutive rows as `F4:F103` areas. */
function areasOf(rows: number[], c: number): string[] {
  const out: string[] = [];
  let a = 0;
  for (let k = 1; k <= rows.length; k++) {
    if (k < rows.length && rows[k] === rows[k - 1] + 1) continue;
    out.push(rangeA1(rows[a], c, rows[k - 1], c));
    a = k;
  }
  return out;
}

/**
 * Number formats of the non-empty cells, exactly, in few calls. NumberFormat takes
 * one string for a range, and answers null when its cells differ. Rows are grouped by
 * the kinds of their values; per column, each group's cells are asked for at once
 * (multi-area addresses within 255 characters), and a group that answers null is
 * halved until each part answers. Every format kept is one WPS gave for those cells.
 * Past FORMAT_BUDGET calls, what is left stays General.
 */
function readFormats(ws: EtSheet, grid: Grid, top: number, left: number, bottom: number, right: number): void {
  const nf = (grid.numFmts ??= new Map());
  const groups = new Map<string, number[]>();
  for (let r = top; r <= bottom; r++) {
    const sig = signature(grid, r, left, right);
    if (!sig || !/[^.]/.test(sig)) continue;
    const g = groups.get(sig);
    if (g) g.push(r);
    else groups.set(sig, [r]);
  }
  let budget = FORMAT_BUDGET;
  for (let c = left; c <= right; c++) {
    const parts: number[][] = [];
    for (const rows of groups.values()) {
      const filled = rows.filter((r) => grid.values[r]?.[c] !== undefined);
      if (filled.length) parts.push(filled);
    }
    while (parts.length > 0 && budget > 0) {
      const rows = parts.pop() as number[];
      const areas = joinAddresses(areasOf(rows, c));
      if (areas.length > 1) {
        // Too long for one address: halve first, without asking.
        const m = Math.ceil(rows.length / 2);
        parts.push(rows.slice(m), rows.slice(0, m));
        continue;
      }
      budget--;
      const f = ws.Range(areas[0]).NumberFormat;
      if (typeof f === 'string') {
        if (f !== 'General' && f !== 'G/通用格式') for (const r of rows) nf.set(cellKey(r, c), f);
      } else if (rows.length > 1) {
        const m = Math.ceil(rows.length / 2);
        parts.push(rows.slice(m), rows.slice(0, m));
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
