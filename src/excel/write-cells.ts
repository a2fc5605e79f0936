/// <reference types="office-js" />
/**
 * Writes plan cells as rectangles: per run of adjacent columns, the rows from the
 * first to the last cell, cut into bands that fit the sync budget. A null entry
 * leaves a cell unchanged, so gaps inside a rectangle cost a few bytes and touch
 * nothing.
 */
import { boldRuns } from '../core/bold-runs';
import { cellKey } from '../core/grid';
import type { PlanCell } from '../core/types';
import type { SyncBudget } from './budget';
import { cellInput, type CellInput } from './cell-input';
import { COMMAND_BYTES, jsonBytes } from './payload';

interface ColumnRun {
  c0: number;
  c1: number;
  r0: number;
  r1: number;
  hasFmt: boolean;
}

function columnRuns(cells: PlanCell[]): ColumnRun[] {
  const byCol = new Map<number, { r0: number; r1: number; fmt: boolean }>();
  for (const cell of cells) {
    const s = byCol.get(cell.c);
    if (!s) byCol.set(cell.c, { r0: cell.r, r1: cell.r, fmt: cell.numFmt !== undefined });
    else {
      if (cell.r < s.r0) s.r0 = cell.r;
      if (cell.r > s.r1) s.r1 = cell.r;
      if (cell.numFmt !== undefined) s.fmt = true;
    }
  }
  const cols = [...byCol.keys()].sort((a, b) => a - b);
  const runs: ColumnRun[] = [];
  for (const c of cols) {
    const s = byCol.get(c) as { r0: number; r1: number; fmt: boolean };
    const last = runs[runs.length - 1];
    if (last && last.c1 === c - 1) {
      last.c1 = c;
      last.r0 = Math.min(last.r0, s.r0);
      last.r1 = Math.max(last.r1, s.r1);
      last.hasFmt ||= s.fmt;
    } else runs.push({ c0: c, c1: c, r0: s.r0, r1: s.r1, hasFmt: s.fmt });
  }
  return runs;
}

interface Band {
  r0: number;
  formulas: (CellInput | null)[][];
  formats: (string | null)[][];
  anyFmt: boolean;
  bytes: number;
}

export async function writeCells(ws: Excel.Worksheet, cells: PlanCell[], budget: SyncBudget): Promise<void> {
  if (cells.length === 0) return;
  const at = new Map<number, PlanCell>();
  for (const cell of cells) at.set(cellKey(cell.r, cell.c), cell);

  for (const run of columnRuns(cells)) {
    const width = run.c1 - run.c0 + 1;
    const overhead = COMMAND_BYTES * (run.hasFmt ? 3 : 2);
    const emit = async (band: Band) => {
      if (band.formulas.length === 0) return;
      await budget.reserve(band.bytes + overhead);
      const range = ws.getRangeByIndexes(band.r0, run.c0, band.formulas.length, width);
      range.formulas = band.formulas;
      if (band.anyFmt) range.numberFormat = band.formats;
    };
    let band: Band = { r0: run.r0, formulas: [], formats: [], anyFmt: false, bytes: 0 };
    for (let r = run.r0; r <= run.r1; r++) {
      const f: (CellInput | null)[] = [];
      const n: (string | null)[] = [];
      let rowFmt = false;
      for (let c = run.c0; c <= run.c1; c++) {
        const cell = at.get(cellKey(r, c));
        f.push(cell ? cellInput(cell) : null);
        n.push(cell?.numFmt ?? null);
        if (cell?.numFmt !== undefined) rowFmt = true;
      }
      const bytes = jsonBytes(f) + 1 + (run.hasFmt ? jsonBytes(n) + 1 : 0);
      if (band.formulas.length > 0 && band.bytes + bytes + overhead > budget.room) {
        await emit(band);
        band = { r0: r, formulas: [], formats: [], anyFmt: false, bytes: 0 };
      }
      if (band.formulas.length === 0 && bytes + overhead > budget.room) await budget.flush();
      band.formulas.push(f);
      band.formats.push(n);
      band.anyFmt ||= rowFmt;
      band.bytes += bytes;
    }
    await emit(band);
  }
  await writeBold(ws, cells, budget);
}

/** Bold cells as horizontal runs: headers are one range each. */
async function writeBold(ws: Excel.Worksheet, cells: PlanCell[], budget: SyncBudget): Promise<void> {
  for (const { r, c, width } of boldRuns(cells)) {
    await budget.reserve(COMMAND_BYTES * 4);
    ws.getRangeByIndexes(r, c, 1, width).format.font.bold = true;
  }
}

/** Column widths given in characters, as points (Excel's width in characters is about 7 px each, plus padding). */
export async function writeWidths(ws: Excel.Worksheet, widths: Record<number, number> | undefined, budget: SyncBudget): Promise<void> {
  for (const [c, chars] of Object.entries(widths ?? {})) {
    await budget.reserve(COMMAND_BYTES * 3);
    ws.getRangeByIndexes(0, Number(c), 1, 1).format.columnWidth = Math.round((chars * 7 + 5) * 0.75);
  }
}
