/**
 * The top of a sheet as the header finder reads it: a window of rows, merged cells
 * resolved, which rows look like a header, how far a multi-row header reaches, and
 * the numbering row (`1 2 3 …`, `甲 乙 丙`) some templates put under it.
 * Only the window is read, never the whole sheet.
 */
import { cellKey, isCellError, type CellValue, type Grid, type Range } from '../grid';
import { normalizeHeader } from '../text';
import { looksLikeHeaderCell } from './synonyms';

/** Rows read for the header, from the first non-blank row. */
export const WINDOW_ROWS = 30;
/** Blank rows skipped at the top before giving up on finding anything. */
const MAX_LEADING_BLANK = 1000;
/** Columns read; a ledger is far narrower. */
const MAX_COLS = 1024;
/** A header has at most this many rows. */
const MAX_HEADER_ROWS = 3;

export interface HeaderWindow {
  grid: Grid;
  /** First and one-past-last row of the window. */
  r0: number;
  r1: number;
  width: number;
  /** Merges touching the window, by each covered cell. */
  merges: Map<number, Range>;
}

function textOf(v: CellValue | undefined): string {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return String(v);
  return '';
}

function rowIsBlank(row: (CellValue | undefined)[] | undefined): boolean {
  if (!row) return true;
  for (const v of row) if (textOf(v) !== '' || isCellError(v) || typeof v === 'boolean') return false;
  return true;
}

/** The window over the top of the sheet, or null when the sheet is blank there. */
export function readWindow(grid: Grid): HeaderWindow | null {
  const limit = Math.min(grid.values.length, MAX_LEADING_BLANK);
  let r0 = 0;
  while (r0 < limit && rowIsBlank(grid.values[r0])) r0++;
  if (r0 >= limit) return null;
  const r1 = Math.min(grid.values.length, r0 + WINDOW_ROWS);
  let width = 0;
  for (let r = r0; r < r1; r++) width = Math.max(width, grid.values[r]?.length ?? 0);
  width = Math.min(width, MAX_COLS);
  const merges = new Map<number, Range>();
  for (const m of grid.merges ?? []) {
    if (m.r1 < r0 || m.r0 >= r1) continue;
    // Excel refuses overlapping merges: a cell already claimed ends this one, which bounds
    // the work by the window's cells however many merges a file lists.
    cells: for (let r = Math.max(m.r0, r0); r <= Math.min(m.r1, r1 - 1); r++) {
      for (let c = m.c0; c <= Math.min(m.c1, width - 1); c++) {
        const key = cellKey(r, c);
        if (merges.has(key)) break cells;
        merges.set(key, m);
      }
    }
  }
  return { grid, r0, r1, width, merges };
}

/** The text a reader sees at (r, c): a merged cell shows its top-left value everywhere. */
export function seenText(w: HeaderWindow, r: number, c: number): string {
  const m = w.merges.get(cellKey(r, c));
  if (m) return textOf(w.grid.values[m.r0]?.[m.c0]);
  return textOf(w.grid.values[r]?.[c]);
}

/** Cells of a row that hold their own value (not the covered part of a merge). */
export function ownCells(w: HeaderWindow, r: number): { c: number; text: string; value: CellValue }[] {
  const row = w.grid.values[r];
  const out: { c: number; text: string; value: CellValue }[] = [];
  if (!row) return out;
  const n = Math.min(row.length, w.width);
  for (let c = 0; c < n; c++) {
    const v = row[c];
    if (v === undefined || v === null) continue;
    const m = w.merges.get(cellKey(r, c));
    if (m && (m.r0 !== r || m.c0 !== c)) continue;
    const text = textOf(v);
    if (text === '' && typeof v === 'string') continue;
    out.push({ c, text, value: v });
  }
  return out;
}

/** How many cells of a row read as field headers. */
export function headerScore(w: HeaderWindow, r: number): number {
  let n = 0;
  for (const cell of ownCells(w, r)) if (typeof cell.value === 'string' && looksLikeHeaderCell(cell.text)) n++;
  return n;
}

const STEMS = '甲乙丙丁戊己庚辛壬癸';

/** `1 2 3 4 …` or `甲 乙 丙 1 2 …` under a header: column numbers, not a project. */
export function isNumberingRow(w: HeaderWindow, r: number): boolean {
  const cells = ownCells(w, r);
  if (cells.length < 3) return false;
  let lastNumber = 0;
  let lastStem = -1;
  for (const { value, text } of cells) {
    const n = typeof value === 'number' ? value : /^\d{1,3}$/.test(text) ? Number(text) : NaN;
    if (Number.isInteger(n)) {
      if (n <= lastNumber) return false;
      lastNumber = n;
      continue;
    }
    const stem = text.length === 1 ? STEMS.indexOf(text) : -1;
    if (stem < 0 || stem <= lastStem || lastNumber > 0) return false;
    lastStem = stem;
  }
  return true;
}

const BODY_START = /^(?:合计|总计|小计|其中|[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\))/;

/** Holds figures, or opens with 合计 / 一、 / （一）: a row of the body, not of the header. */
function looksLikeBody(w: HeaderWindow, r: number): boolean {
  const cells = ownCells(w, r);
  for (const { value } of cells) {
    if (typeof value === 'boolean') return true;
    if (typeof value === 'number' && !(Number.isInteger(value) && value >= 1990 && value <= 2100)) return true;
  }
  const first = cells.find((x) => x.text !== '');
  return first !== undefined && BODY_START.test(normalizeHeader(first.text));
}

/** A merge that starts in one of `rows` and reaches down into row r. */
function mergeReachesDown(w: HeaderWindow, rows: readonly number[], r: number): boolean {
  for (let c = 0; c < w.width; c++) {
    const m = w.merges.get(cellKey(r, c));
    if (m && m.r0 < r && rows.includes(m.r0)) return true;
  }
  return false;
}

/** Some cell of row r sits under a blank or under a cell merged across: a child row. */
function fillsUnderParents(w: HeaderWindow, r: number): boolean {
  for (const { c } of ownCells(w, r)) {
    const above = w.merges.get(cellKey(r - 1, c));
    if (above ? above.c1 > above.c0 : seenText(w, r - 1, c) === '') return true;
  }
  return false;
}

/**
 * The rows of a header that starts at `top`: the rows below belong to it while
 * merged cells of the header reach into them, or while they hold header words
 * under the blanks and spans of the row above.
 */
export function headerRowsFrom(w: HeaderWindow, top: number): number[] {
  const rows = [top];
  for (let r = top + 1; r < w.r1 && rows.length < MAX_HEADER_ROWS; r++) {
    if (isNumberingRow(w, r) || looksLikeBody(w, r)) break;
    if (mergeReachesDown(w, rows, r)) rows.push(r);
    else if (headerScore(w, r) >= 1 && fillsUnderParents(w, r)) rows.push(r);
    else break;
  }
  return rows;
}

/** Each column's header levels, outermost first; a level repeated by a merge is kept once. */
export function columnLevels(w: HeaderWindow, rows: readonly number[]): string[][] {
  const out: string[][] = [];
  for (let c = 0; c < w.width; c++) {
    const levels: string[] = [];
    let lastMerge: Range | undefined;
    for (const r of rows) {
      const m = w.merges.get(cellKey(r, c));
      if (m && m === lastMerge) continue;
      lastMerge = m;
      const text = seenText(w, r, c);
      if (text !== '' && (levels.length === 0 || normalizeHeader(levels[levels.length - 1]) !== normalizeHeader(text))) {
        levels.push(text);
      }
    }
    out.push(levels);
  }
  return out;
}
