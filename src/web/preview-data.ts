/**
 * A few rows of a sheet around one cell, as display text: what the web page
 * shows where Excel would select the cell. Plain data, so a worker can send it.
 */
import { cellAt, cellKey, colLetter, fromA1, gridWidth, isCellError, isDateFormat, isPercentFormat, type Grid } from '../core/grid';
import { isoDate, serialToDate } from '../core/dates';
import { roundHalfAway } from '../core/round';

export interface PreviewRow {
  /** 0-based sheet row. */
  r: number;
  header: boolean;
  cells: string[];
}

export interface PreviewData {
  sheet: string;
  cell: string;
  r: number;
  c: number;
  /** 0-based columns shown, in order. */
  columns: number[];
  letters: string[];
  rows: PreviewRow[];
}

/** Rows shown above and below the cell's row. */
const AROUND = 3;
/** Columns shown at most; wider sheets show a window around the cell. */
const MAX_COLUMNS = 7;

export function displayValue(grid: Grid, r: number, c: number): string {
  const v = cellAt(grid, r, c);
  if (v === null) return '';
  if (isCellError(v)) return v.error;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return v;
  const fmt = grid.numFmts?.get(cellKey(r, c));
  if (isDateFormat(fmt) && v >= 1) return isoDate(serialToDate(v));
  if (isPercentFormat(fmt)) return `${roundHalfAway(v * 100, 1).toFixed(1)}%`;
  return String(roundHalfAway(v, 4));
}

/** Columns around `c`, with the name column kept in view when it would scroll out. */
function columnWindow(width: number, c: number, keep: number | undefined): number[] {
  if (width <= MAX_COLUMNS) return Array.from({ length: width }, (_, i) => i);
  const start = Math.max(0, Math.min(c - Math.floor(MAX_COLUMNS / 2), width - MAX_COLUMNS));
  const cols = Array.from({ length: MAX_COLUMNS }, (_, i) => start + i);
  // The cell sits mid-window, so trading the window's first column for the name never hides it.
  return keep !== undefined && keep < start ? [keep, ...cols.slice(1)] : cols;
}

export function previewOf(grid: Grid, a1: string, headerRows: number[], nameCol: number | undefined): PreviewData | null {
  const at = fromA1(a1);
  if (!at) return null;
  const width = Math.max(gridWidth(grid), at.c + 1);
  const columns = columnWindow(width, at.c, nameCol);
  const rows: PreviewRow[] = [];
  const header = headerRows.filter((r) => r < at.r - AROUND);
  for (const r of header) rows.push({ r, header: true, cells: columns.map((c) => displayValue(grid, r, c)) });
  const last = Math.max(at.r, grid.values.length - 1);
  for (let r = Math.max(0, at.r - AROUND); r <= Math.min(last, at.r + AROUND); r++) {
    rows.push({ r, header: headerRows.includes(r), cells: columns.map((c) => displayValue(grid, r, c)) });
  }
  return { sheet: grid.name, cell: a1.replace(/\$/g, '').toUpperCase(), r: at.r, c: at.c, columns, letters: columns.map(colLetter), rows };
}
