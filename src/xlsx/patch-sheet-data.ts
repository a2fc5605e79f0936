/**
 * Splicing plan cells into <sheetData> at the string level: rows and cells the plan
 * does not touch are copied character for character; a touched row keeps every
 * other cell's XML (only a missing `r` is added). Marks are conditional formats and
 * never touch a cell; an earlier version's mark formats are taken off again.
 */
import { colLetter } from '../core/grid';
import type { PlanCell } from '../core/types';
import { planCellXml } from './cell-xml';
import type { StylesPatch } from './patch-styles';
import { cells, scanCells, scanRows, type RowInfo } from './sheet-data-scan';
import type { Utf8Sink } from './utf8-sink';
import { removeAttr, setAttr } from './xml-text';

export interface SheetDataPlan {
  /** Namespace prefix of the worksheet's elements (`x:`), usually ''. */
  prefix: string;
  own: Set<number>;
  /** Plan cells sorted by row, then column. */
  cells: PlanCell[];
  styles: StylesPatch;
  date1904: boolean;
}

// The plan cells of the row being written: plan.cells[planFrom..planTo).
let planFrom = 0;
let planTo = 0;

/** Writes the new content of <sheetData> (between its tags) to `out`. */
export function patchSheetData(xml: string, from: number, to: number, plan: SheetDataPlan, out: Utf8Sink): void {
  const p = plan.prefix;
  let rows = scanRows(xml, from, to, p);
  const ordered = rows.every((row, i) => i === 0 || row.r > rows[i - 1].r);
  if (!ordered) rows = rows.map((row, i) => ({ row, i })).sort((a, b) => a.row.r - b.row.r || a.i - b.i).map((x) => x.row);
  const planCells = plan.cells;
  let pi = 0;
  // Runs of untouched rows (and the text between rows) are copied in one slice when rows are in order.
  let copyFrom = ordered ? from : -1;
  const flush = (upTo: number): void => {
    if (copyFrom >= 0 && upTo > copyFrom) out.push(xml.slice(copyFrom, upTo));
    copyFrom = -1;
  };
  /** Rows the plan writes that the sheet does not have yet, below `limit`. */
  const newRowsBefore = (limit: number, at: number): void => {
    for (;;) {
      const r = pi < planCells.length ? planCells[pi].r : Infinity;
      if (r >= limit) return;
      flush(at);
      selectPlanRow(planCells, pi, r);
      pi = planTo;
      out.push(newRow(r, plan));
    }
  };
  for (const row of rows) {
    newRowsBefore(row.r, row.start);
    selectPlanRow(planCells, pi, row.r);
    pi = planTo;
    if (!patchRow(xml, row, plan, out, flush)) {
      if (!ordered) out.push(xml.slice(row.start, row.end));
      else if (copyFrom < 0) copyFrom = row.start;
      continue;
    }
    if (ordered) copyFrom = row.end;
  }
  if (ordered) flush(to);
  newRowsBefore(Infinity, to);
}

/** Points planFrom..planTo at the plan cells of row r, starting the search at `from`. */
function selectPlanRow(planCells: PlanCell[], from: number, r: number): void {
  let to = from;
  while (to < planCells.length && planCells[to].r === r) to++;
  planFrom = from;
  planTo = to;
}

function newRow(r: number, plan: SheetDataPlan): string {
  const p = plan.prefix;
  cells.n = 0;
  const body: string[] = [];
  buildCells(r, '', plan, body);
  return body.length ? `<${p}row r="${r + 1}">${body.join('')}</${p}row>` : '';
}

const SPANS_RE = /(\sspans\s*=\s*)"([^"]*)"/;

/** The row rewritten (pushed to `out`), or false when the plan does not touch it. */
function patchRow(xml: string, row: RowInfo, plan: SheetDataPlan, sink: Utf8Sink, flush: (at: number) => void): boolean {
  const p = plan.prefix;
  const n = scanCells(xml, row, p);
  const oldMarks = plan.styles.hasOldMarks;
  let touched = planTo > planFrom;
  for (let i = 0; !touched && i < n; i++) {
    touched = plan.own.has(cells.col[i]) || (oldMarks && plan.styles.isOldMark(cells.s[i]));
  }
  if (!touched) {
    if (row.hasR) return false;
    flush(row.start);
    sink.push(setAttr(xml.slice(row.start, row.openEnd), 'r', String(row.r + 1)));
    sink.push(xml.slice(row.openEnd, row.end));
    return true;
  }
  flush(row.start);
  const out: string[] = [];
  const lastEnd = n ? cells.end[n - 1] : row.openEnd;
  const trailing = row.selfClosing || lastEnd === row.closeStart ? '' : xml.slice(lastEnd, row.closeStart);
  out.push('');
  const span = buildCells(row.r, xml, plan, out);
  let openTag = xml.slice(row.start, row.openEnd);
  if (!row.hasR) openTag = setAttr(openTag, 'r', String(row.r + 1));
  if (out.length === 1 && trailing.trim() === '') {
    const bare = removeAttr(removeAttr(openTag, 'r'), 'spans').replace(/\s*\/?>$/, '');
    if (bare === `<${p}row`) return true; // nothing but the tool's cells: the row goes too
  }
  if (span.hi >= 0) {
    const m = SPANS_RE.exec(openTag);
    if (m) openTag = openTag.replace(SPANS_RE, `$1"${widenSpans(m[2], span.lo, span.hi)}"`);
  }
  if (row.selfClosing) openTag = openTag.replace(/\s*\/>$/, '>');
  out[0] = openTag;
  if (trailing.trim() !== '') out.push(trailing);
  out.push(`</${p}row>`);
  for (const piece of out) sink.push(piece);
  return true;
}

/** `spans` ("1:14", 1-based) widened to cover columns lo..hi (0-based). */
function widenSpans(spans: string, lo: number, hi: number): string {
  let a = lo + 1;
  let b = hi + 1;
  for (const part of spans.split(' ')) {
    const i = part.indexOf(':');
    if (i < 0) continue;
    a = Math.min(a, Number(part.slice(0, i)) || a);
    b = Math.max(b, Number(part.slice(i + 1)) || b);
  }
  return `${a}:${b}`;
}

let order = new Int32Array(64);

/** `<c r=".." s=".."/>` and nothing else. */
function isBareCell(xml: string, i: number): boolean {
  if (cells.end[i] !== cells.tagEnd[i]) return false;
  const rest = removeAttr(removeAttr(xml.slice(cells.start[i], cells.tagEnd[i]), 'r'), 's');
  return /^<[\w.:-]*\s*\/>$/.test(rest.replace(/^<[\w.-]+:/, '<'));
}

/**
 * Existing cells (kept as they are) merged with plan cells in column order, pushed to
 * `out`; returns the columns written.
 */
function buildCells(r: number, xml: string, plan: SheetDataPlan, out: string[]): { lo: number; hi: number } {
  const p = plan.prefix;
  const { styles, own } = plan;
  const oldMarks = styles.hasOldMarks;
  const all = plan.cells;
  const pFrom = planFrom;
  const pTo = planTo;
  // Kept existing cells, as indexes into `cells`, in column order.
  if (order.length < cells.n) order = new Int32Array(cells.col.length);
  let k = 0;
  for (let i = 0; i < cells.n; i++) {
    const col = cells.col[i];
    if (own.has(col)) continue;
    let planned = false;
    for (let j = pFrom; j < pTo; j++) if (all[j].c === col) planned = true;
    if (!planned) order[k++] = i;
  }
  for (let i = 1; i < k; i++) {
    if (cells.col[order[i]] <= cells.col[order[i - 1]]) {
      const sorted = Array.from(order.subarray(0, k)).sort((a, b) => cells.col[a] - cells.col[b]);
      order.set(sorted);
      break;
    }
  }
  let i = 0;
  let j = pFrom;
  let lastBase = 0;
  let lo = Infinity;
  let hi = -1;
  // Fast path: leading cells kept as they are (the usual case, the tool's columns being
  // on the right) are copied in one slice.
  const firstNew = pTo > pFrom ? all[pFrom].c : Infinity;
  while (i < k && order[i] === i && cells.hasR[i] && cells.col[i] < firstNew && !(oldMarks && styles.isOldMark(cells.s[i]))) i++;
  if (i > 0) {
    out.push(xml.slice(cells.start[0], cells.end[i - 1]));
    lastBase = cells.s[i - 1];
    lo = cells.col[0];
    hi = cells.col[i - 1];
  }
  for (;;) {
    const ec = i < k ? cells.col[order[i]] : Infinity;
    const pc = j < pTo ? all[j].c : Infinity;
    const next = ec < pc ? ec : pc;
    if (next === Infinity) break;
    let text: string;
    if (next === ec) {
      const x = order[i++];
      const cs = cells.s[x];
      const s = oldMarks ? styles.unmark(cs) : cs;
      lastBase = s;
      if (s === 0 && s !== cs && isBareCell(xml, x)) text = ''; // a blank an earlier version made to carry a mark
      else if (s === cs && cells.hasR[x]) text = xml.slice(cells.start[x], cells.end[x]);
      else {
        let tag = xml.slice(cells.start[x], cells.tagEnd[x]);
        if (!cells.hasR[x]) tag = setAttr(tag, 'r', colLetter(next) + String(r + 1));
        if (s !== cs) tag = s === 0 ? removeAttr(tag, 's') : setAttr(tag, 's', String(s));
        text = tag + xml.slice(cells.tagEnd[x], cells.end[x]);
      }
    } else {
      const cell = all[j++];
      text = planCellXml(p, cell, styles.cellXf(lastBase, cell.numFmt ?? 'General', cell.bold === true), plan.date1904);
    }
    if (text) {
      out.push(text);
      if (next < lo) lo = next;
      if (next > hi) hi = next;
    }
  }
  return { lo, hi };
}
