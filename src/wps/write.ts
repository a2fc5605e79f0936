/**
 * Writes plan cells as blocks: per run of adjacent columns, one Range.Formula =
 * 2-D array from the first to the last row (formulas in English, as Range.Formula
 * takes them); number formats per run of cells sharing one (Range.NumberFormat takes
 * one string for a whole range); bold per horizontal run. Unlike Office.js, an entry
 * of a written array cannot mean "leave this cell": an empty entry empties it, so a
 * rectangle may have gaps only where the tool owns the cell.
 */
import { boldRuns } from '../core/bold-runs';
import { cellKey } from '../core/grid';
import type { PlanCell } from '../core/types';
import { cellInput } from '../excel/cell-input';
import { rangeA1 } from './a1';
import type { EtSheet } from './et';

interface Rect {
  r0: number;
  r1: number;
  c0: number;
  c1: number;
}

/** Rectangles covering the cells; a gap is allowed only where `owned(c)`. */
function rectangles(cells: PlanCell[], owned: (c: number) => boolean): Rect[] {
  const rowsOf = new Map<number, number[]>();
  for (const cell of cells) {
    const list = rowsOf.get(cell.c);
    if (list) list.push(cell.r);
    else rowsOf.set(cell.c, [cell.r]);
  }
  const out: Rect[] = [];
  let run: Rect | null = null;
  for (const c of [...rowsOf.keys()].sort((a, b) => a - b)) {
    const rows = (rowsOf.get(c) as number[]).sort((a, b) => a - b);
    if (!owned(c)) {
      // Contiguous vertical pieces only.
      let a = rows[0];
      for (let k = 1; k <= rows.length; k++) {
        if (k < rows.length && rows[k] === rows[k - 1] + 1) continue;
        out.push({ r0: a, r1: rows[k - 1], c0: c, c1: c });
        if (k < rows.length) a = rows[k];
      }
      run = null;
      continue;
    }
    const r0 = rows[0];
    const r1 = rows[rows.length - 1];
    if (run && run.c1 === c - 1) {
      run.c1 = c;
      run.r0 = Math.min(run.r0, r0);
      run.r1 = Math.max(run.r1, r1);
    } else {
      run = { r0, r1, c0: c, c1: c };
      out.push(run);
    }
  }
  return out;
}

export function writeCells(ws: EtSheet, cells: PlanCell[], owned: (c: number) => boolean): void {
  if (cells.length === 0) return;
  const at = new Map<number, PlanCell>();
  for (const cell of cells) at.set(cellKey(cell.r, cell.c), cell);
  for (const rect of rectangles(cells, owned)) {
    const block: (string | number | boolean)[][] = [];
    for (let r = rect.r0; r <= rect.r1; r++) {
      const row: (string | number | boolean)[] = [];
      for (let c = rect.c0; c <= rect.c1; c++) {
        const cell = at.get(cellKey(r, c));
        row.push(cell ? cellInput(cell) : '');
      }
      block.push(row);
    }
    ws.Range(rangeA1(rect.r0, rect.c0, rect.r1, rect.c1)).Formula = block;
  }
  writeFormats(ws, cells);
  writeBold(ws, cells);
}

/**
 * Per format, the runs of consecutive rows of one column, joined into multi-area
 * addresses (`M4:M103,M105:M204`) of at most MAX_ADDRESS characters: Range("…")
 * takes no longer string (VBA's limit, which ET keeps). A computed column broken by
 * 小计 rows is then a handful of calls, not one per run.
 */
function writeFormats(ws: EtSheet, cells: PlanCell[]): void {
  const byCol = new Map<number, PlanCell[]>();
  for (const cell of cells) {
    if (cell.numFmt === undefined) continue;
    const list = byCol.get(cell.c);
    if (list) list.push(cell);
    else byCol.set(cell.c, [cell]);
  }
  const areas = new Map<string, string[]>();
  for (const [c, list] of byCol) {
    list.sort((a, b) => a.r - b.r);
    let k = 0;
    while (k < list.length) {
      let j = k;
      while (j + 1 < list.length && list[j + 1].numFmt === list[k].numFmt && list[j + 1].r === list[j].r + 1) j++;
      const fmt = list[k].numFmt as string;
      const l = areas.get(fmt) ?? [];
      l.push(rangeA1(list[k].r, c, list[j].r, c));
      areas.set(fmt, l);
      k = j + 1;
    }
  }
  for (const [fmt, list] of areas) for (const address of joinAddresses(list)) ws.Range(address).NumberFormat = fmt;
}

export const MAX_ADDRESS = 255;

/** Areas joined with commas into strings of at most MAX_ADDRESS characters. */
export function joinAddresses(areas: string[]): string[] {
  const out: string[] = [];
  let cur = '';
  for (const a of areas) {
    if (cur && cur.length + 1 + a.length > MAX_ADDRESS) {
      out.push(cur);
      cur = a;
    } else cur = cur ? `${cur},${a}` : a;
  }
  if (cur) out.push(cur);
  return out;
}

function writeBold(ws: EtSheet, cells: PlanCell[]): void {
  for (const { r, c, width } of boldRuns(cells)) ws.Range(rangeA1(r, c, r, c + width - 1)).Font.Bold = true;
}

/** Column widths in characters: ET's ColumnWidth is in characters, as the plan gives them. */
export function writeWidths(ws: EtSheet, widths: Record<number, number> | undefined): void {
  for (const [c, chars] of Object.entries(widths ?? {})) ws.Range(rangeA1(0, Number(c), 0, Number(c))).ColumnWidth = chars;
}
