/// <reference types="office-js" />
/**
 * Reads the visible sheets as grids in a fixed number of syncs:
 * 1. the sheet list;
 * 2. per sheet its used range, merges, visible cells, where the formulas are, and
 *    the first rows (which also tell how many bytes a row costs);
 * 3+. the remaining rows in chunks of at most 5,000, packed so that each response
 *    stays under budget. Formula text is fetched only for the formula cells: for a
 *    constant, `formulas` would repeat `values` and double the payload.
 */
import type { Grid, Range } from '../core/grid';
import type { Progress } from '../taskpane/host';
import { parseAreas } from './address';
import { API, supports } from './features';
import { fillFormulas, fillValues, setHidden } from './grid-fill';
import { officeCodeOf } from './host-error';
import { CHUNK_ROWS, jsonBytes, SYNC_BUDGET } from './payload';

const VALUE_PROPS = 'values,numberFormat,valueTypes';
/** A blank cell costs at least `"",` `"General",` `"Empty",` in the three arrays. */
const MIN_CELL_BYTES = 21;
/** Margin on the estimate: rows further down may be heavier than the first ones. */
const SAFETY = 1.15;
/** Beyond this many formula areas in a chunk, the chunk's whole `formulas` is cheaper to ask for. */
const MAX_FORMULA_AREAS = 300;

function isPayloadError(e: unknown): boolean {
  const code = officeCodeOf(e);
  return code === 'ResponsePayloadSizeLimitExceeded' || code === 'RequestPayloadSizeLimitExceeded' || code === 'RangeExceedsLimit';
}

interface SheetRead {
  ws: Excel.Worksheet;
  grid: Grid;
  used: Excel.Range;
  sample: Excel.Range | null;
  merged: Excel.RangeAreas | null;
  visible: Excel.RangeAreas | null;
  formulaCells: Excel.RangeAreas | null;
  /** After the inspection: formula areas, or null when the host cannot tell them. */
  formulaAreas?: Range[] | null;
}

interface Chunk {
  read: SheetRead;
  r0: number;
  rows: number;
  bytes: number;
}

function sampleRowsFor(sheets: number): number {
  return sheets <= 8 ? 60 : Math.max(8, Math.floor(480 / sheets));
}

/** Formula areas that meet rows [r0, r1], clipped to them. */
function areasIn(areas: Range[], r0: number, r1: number): Range[] {
  const out: Range[] = [];
  for (const a of areas) if (a.r1 >= r0 && a.r0 <= r1) out.push({ r0: Math.max(a.r0, r0), r1: Math.min(a.r1, r1), c0: a.c0, c1: a.c1 });
  return out;
}

function inspect(sheets: Excel.Worksheet[], sampleRows: number, useAreas: boolean): SheetRead[] {
  const canMerge = supports(API.merges);
  const canAreas = useAreas && supports(API.rangeAreas);
  return sheets.map((ws) => {
    const used = ws.getUsedRange(true).load('rowIndex,columnIndex,rowCount,columnCount,rowHidden,columnHidden');
    return {
      ws,
      grid: { name: ws.name, values: [] },
      used,
      sample: sampleRows > 0 ? used.getIntersectionOrNullObject(`1:${sampleRows}`).load(`${VALUE_PROPS},formulas,rowIndex,rowCount`) : null,
      merged: canMerge ? used.getMergedAreasOrNullObject().load('address') : null,
      visible: canAreas ? used.getSpecialCellsOrNullObject('Visible').load('address') : null,
      formulaCells: canAreas ? used.getSpecialCellsOrNullObject('Formulas').load('address') : null,
    };
  });
}

export async function readSheets(context: Excel.RequestContext, onProgress?: Progress): Promise<Grid[]> {
  const list = context.workbook.worksheets.load('items/name,items/visibility');
  const active = context.workbook.worksheets.getActiveWorksheet().load('name');
  await context.sync();
  const shown = list.items.filter((s) => s.visibility === 'Visible');
  const ordered = [...shown.filter((s) => s.name === active.name), ...shown.filter((s) => s.name !== active.name)];

  let reads = inspect(ordered, sampleRowsFor(ordered.length), true);
  try {
    await context.sync();
  } catch (e) {
    // A very wide sheet can make even the first rows too big: inspect again without them.
    // Otherwise the special cells (visible, formulas) are the likely refusal: do without.
    if (officeCodeOf(e) === 'InvalidOperationInCellEditMode') throw e;
    reads = isPayloadError(e) ? inspect(ordered, 0, true) : inspect(ordered, sampleRowsFor(ordered.length), false);
    await context.sync();
  }

  const chunks: Chunk[] = [];
  let totalRows = 0;
  let doneRows = 0;
  for (const read of reads) {
    const { used, grid } = read;
    const top = used.rowIndex;
    const left = used.columnIndex;
    const bottom = top + used.rowCount - 1;
    totalRows += used.rowCount;
    read.formulaAreas = read.formulaCells ? (read.formulaCells.isNullObject ? [] : parseAreas(read.formulaCells.address)) : null;
    let next = top;
    let rowBytes = used.columnCount * MIN_CELL_BYTES;
    if (read.sample && !read.sample.isNullObject) {
      const s = read.sample;
      fillValues(grid, s.rowIndex, left, s, s.formulas);
      next = s.rowIndex + s.rowCount;
      doneRows += s.rowCount;
      // What the chunks will carry: the three arrays, plus formula text (only of formula cells, when known).
      let bytes = jsonBytes(s.values) + jsonBytes(s.numberFormat) + jsonBytes(s.valueTypes);
      if (read.formulaAreas) {
        const vals = s.values.flat();
        bytes += jsonBytes(s.formulas.flat().filter((f, k) => typeof f === 'string' && f.startsWith('=') && f !== vals[k]));
      } else bytes += jsonBytes(s.formulas);
      rowBytes = Math.max(rowBytes, bytes / s.rowCount);
    }
    const perChunk = Math.max(1, Math.min(CHUNK_ROWS, Math.floor(SYNC_BUDGET / (rowBytes * SAFETY))));
    for (let r = next; r <= bottom; r += perChunk) {
      const rows = Math.min(perChunk, bottom - r + 1);
      chunks.push({ read, r0: r, rows, bytes: rows * rowBytes * SAFETY });
    }
    if (read.merged && !read.merged.isNullObject) grid.merges = parseAreas(read.merged.address);
    setHidden(grid, {
      rowHidden: used.rowHidden,
      columnHidden: used.columnHidden,
      visible: read.visible ? (read.visible.isNullObject ? [] : parseAreas(read.visible.address)) : null,
    }, top, bottom, left, left + used.columnCount - 1);
  }
  onProgress?.(totalRows ? doneRows / totalRows : 1);

  // Pack chunks into syncs; a sync whose payload is still refused is split and retried.
  const groups: Chunk[][] = [];
  for (const chunk of chunks) {
    const g = groups[groups.length - 1];
    if (g && g.reduce((s, c) => s + c.bytes, 0) + chunk.bytes <= SYNC_BUDGET) g.push(chunk);
    else groups.push([chunk]);
  }
  while (groups.length > 0) {
    const group = groups.shift() as Chunk[];
    const loads = group.map((c) => queueChunk(c));
    try {
      await context.sync();
    } catch (e) {
      if (!isPayloadError(e)) throw e;
      if (group.length > 1) groups.unshift(...group.map((c) => [c]));
      else if (group[0].rows > 1) {
        const c = group[0];
        const half = Math.ceil(c.rows / 2);
        groups.unshift([{ ...c, rows: half, bytes: c.bytes / 2 }], [{ ...c, r0: c.r0 + half, rows: c.rows - half, bytes: c.bytes / 2 }]);
      } else throw e;
      continue;
    }
    group.forEach((c, i) => {
      const { range, whole, parts } = loads[i];
      fillValues(c.read.grid, c.r0, c.read.used.columnIndex, range, whole ? range.formulas : undefined);
      for (const p of parts) fillFormulas(c.read.grid, p.at.r0, p.at.c0, p.range.formulas);
      doneRows += c.rows;
    });
    onProgress?.(totalRows ? doneRows / totalRows : 1);
  }
  return reads.map((r) => r.grid);
}

/** Queues one chunk's loads: values, formats and types of the rows, formulas of its formula cells. */
function queueChunk(c: Chunk): { range: Excel.Range; whole: boolean; parts: { at: Range; range: Excel.Range }[] } {
  const { ws, used, formulaAreas } = c.read;
  const range = ws.getRangeByIndexes(c.r0, used.columnIndex, c.rows, used.columnCount).load(VALUE_PROPS);
  const hits = formulaAreas ? areasIn(formulaAreas, c.r0, c.r0 + c.rows - 1) : null;
  if (!hits || hits.length > MAX_FORMULA_AREAS) {
    range.load('formulas');
    return { range, whole: true, parts: [] };
  }
  const parts = hits.map((at) => ({ at, range: ws.getRangeByIndexes(at.r0, at.c0, at.r1 - at.r0 + 1, at.c1 - at.c0 + 1).load('formulas') }));
  return { range, whole: false, parts };
}
