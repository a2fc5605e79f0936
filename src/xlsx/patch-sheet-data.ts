/**
 * Splicing plan cells into <sheetData> at the string level: rows and cells the plan
 * does not touch are copied character for character; a touched row keeps every
 * other cell's XML (only a mark's `s`, or a missing `r`, is rewritten).
 */
import { colLetter } from '../core/grid';
import type { PlanCell, Severity } from '../core/types';
import { planCellXml, styledBlankXml } from './cell-xml';
import { nameIs, scanAttrs } from './fast-scanner';
import type { StylesPatch } from './patch-styles';
import type { Utf8Sink } from './utf8-sink';
import { removeAttr, setAttr, tagEnd } from './xml-text';

export interface SheetDataPlan {
  /** Namespace prefix of the worksheet's elements (`x:`), usually ''. */
  prefix: string;
  own: Set<number>;
  /** Plan cells sorted by row, then column. */
  cells: PlanCell[];
  marks: Map<number, Map<number, Severity>>;
  styles: StylesPatch;
  date1904: boolean;
}

interface RowInfo {
  r: number;
  hasR: boolean;
  start: number;
  openEnd: number;
  closeStart: number;
  end: number;
  selfClosing: boolean;
}

/**
 * The cells of the row being patched, in reused typed arrays: a 100,000-row sheet
 * would otherwise make an object per cell.
 */
const cells = {
  n: 0,
  col: new Int32Array(64),
  s: new Int32Array(64),
  start: new Int32Array(64),
  tagEnd: new Int32Array(64),
  end: new Int32Array(64),
  hasR: new Uint8Array(64),
};

function growCells(): void {
  const size = cells.col.length * 2;
  const grow = <T extends Int32Array | Uint8Array>(a: T): T => {
    const b = new (a.constructor as new (n: number) => T)(size);
    b.set(a);
    return b;
  };
  cells.col = grow(cells.col);
  cells.s = grow(cells.s);
  cells.start = grow(cells.start);
  cells.tagEnd = grow(cells.tagEnd);
  cells.end = grow(cells.end);
  cells.hasR = grow(cells.hasR);
}

function isBoundary(ch: number): boolean {
  return ch === 32 || ch === 62 || ch === 47 || ch === 9 || ch === 10 || ch === 13;
}

function colOf(s: string, vs: number, ve: number): number {
  let c = 0;
  for (let i = vs; i < ve; i++) {
    const ch = s.charCodeAt(i);
    if (ch >= 65 && ch <= 90) c = c * 26 + (ch - 64);
    else if (ch >= 97 && ch <= 122) c = c * 26 + (ch - 96);
    else if (ch !== 36) break;
  }
  return c - 1;
}

function intOf(s: string, vs: number, ve: number): number {
  let n = 0;
  for (let i = vs; i < ve; i++) {
    const ch = s.charCodeAt(i);
    if (ch < 48 || ch > 57) return NaN;
    n = n * 10 + (ch - 48);
  }
  return ve > vs ? n : NaN;
}

// Attribute scratch: r (as a number for rows, a column for cells) and s.
let scratchR = -1;
let scratchS = 0;
const readRowR = (s: string, ns: number, ne: number, vs: number, ve: number): void => {
  if (nameIs(s, ns, ne, 'r')) scratchR = intOf(s, vs, ve);
};

function scanRows(xml: string, from: number, to: number, p: string): RowInfo[] {
  const open = `<${p}row`;
  const close = `</${p}row>`;
  const rows: RowInfo[] = [];
  let pos = from;
  let prev = -1;
  for (;;) {
    const i = xml.indexOf(open, pos);
    if (i < 0 || i >= to) break;
    if (!isBoundary(xml.charCodeAt(i + open.length))) {
      pos = i + 1;
      continue;
    }
    const openEnd = tagEnd(xml, i);
    const selfClosing = xml.charCodeAt(openEnd - 2) === 47;
    scratchR = -1;
    scanAttrs(xml, i + open.length, openEnd, readRowR);
    const hasR = scratchR >= 1;
    const r = hasR ? scratchR - 1 : prev + 1;
    const closeStart = selfClosing ? openEnd : xml.indexOf(close, openEnd);
    if (closeStart < 0) throw new Error('malformed worksheet: <row> not closed');
    const end = selfClosing ? openEnd : closeStart + close.length;
    rows.push({ r, hasR, start: i, openEnd, closeStart, end, selfClosing });
    prev = r;
    pos = end;
  }
  return rows;
}

/**
 * Reads the start tag of a cell at `i` (just after its name): its r (as a column)
 * and s go to the scratch variables; returns the index after the tag's `>`.
 * One pass, quotes respected, no strings made.
 */
function scanCellTag(xml: string, q: number): number {
  scratchR = -1;
  scratchS = 0;
  const n = xml.length;
  for (;;) {
    let ch = xml.charCodeAt(q);
    while (ch === 32 || ch === 9 || ch === 10 || ch === 13) ch = xml.charCodeAt(++q);
    if (ch === 62) return q + 1; // >
    if (ch === 47) return xml.indexOf('>', q) + 1; // />
    if (q >= n) throw new Error('malformed worksheet: unterminated <c>');
    const ns = q;
    while (ch !== 61 && q < n) ch = xml.charCodeAt(++q); // =
    let ne = q;
    while (ne > ns && isBoundary(xml.charCodeAt(ne - 1))) ne--;
    q++;
    ch = xml.charCodeAt(q);
    while (ch !== 34 && ch !== 39 && q < n) ch = xml.charCodeAt(++q);
    const vs = q + 1;
    const ve = xml.indexOf(ch === 34 ? '"' : "'", vs);
    if (ve < 0) throw new Error('malformed worksheet: unterminated attribute');
    if (ne - ns === 1) {
      const name = xml.charCodeAt(ns);
      if (name === 114) scratchR = colOf(xml, vs, ve);
      else if (name === 115) scratchS = intOf(xml, vs, ve);
    }
    q = ve + 1;
  }
}

/** Fills `cells` with the row's cells; returns their count. */
function scanCells(xml: string, row: RowInfo, p: string): number {
  const open = `<${p}c`;
  const close = `</${p}c>`;
  let n = 0;
  if (row.selfClosing) return (cells.n = 0);
  let q = row.openEnd;
  let prev = -1;
  for (;;) {
    const i = xml.indexOf(open, q);
    if (i < 0 || i >= row.closeStart) break;
    if (!isBoundary(xml.charCodeAt(i + open.length))) {
      q = i + 1;
      continue;
    }
    const te = scanCellTag(xml, i + open.length);
    const end = xml.charCodeAt(te - 2) === 47 ? te : xml.indexOf(close, te) + close.length;
    if (n === cells.col.length) growCells();
    const col = scratchR >= 0 ? scratchR : prev + 1;
    cells.col[n] = col;
    cells.hasR[n] = scratchR >= 0 ? 1 : 0;
    cells.s[n] = Number.isFinite(scratchS) ? scratchS : 0;
    cells.start[n] = i;
    cells.tagEnd[n] = te;
    cells.end[n] = end;
    n++;
    prev = col;
    q = end;
  }
  return (cells.n = n);
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
  const markRows = [...plan.marks.keys()].sort((a, b) => a - b);
  let pi = 0;
  let mi = 0;
  // Runs of untouched rows (and the text between rows) are copied in one slice when rows are in order.
  let copyFrom = ordered ? from : -1;
  const flush = (upTo: number): void => {
    if (copyFrom >= 0 && upTo > copyFrom) out.push(xml.slice(copyFrom, upTo));
    copyFrom = -1;
  };
  /** Rows the plan writes that the sheet does not have yet, below `limit`. */
  const newRowsBefore = (limit: number, at: number): void => {
    for (;;) {
      const pr = pi < planCells.length ? planCells[pi].r : Infinity;
      const mr = mi < markRows.length ? markRows[mi] : Infinity;
      const r = pr < mr ? pr : mr;
      if (r >= limit) return;
      flush(at);
      selectPlanRow(planCells, pi, r);
      pi = planTo;
      if (mr === r) mi++;
      out.push(newRow(r, plan));
    }
  };
  for (const row of rows) {
    newRowsBefore(row.r, row.start);
    selectPlanRow(planCells, pi, row.r);
    pi = planTo;
    while (mi < markRows.length && markRows[mi] <= row.r) mi++;
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
  let touched = planTo > planFrom || plan.marks.has(row.r);
  for (let i = 0; !touched && i < n; i++) {
    touched = plan.own.has(cells.col[i]) || plan.styles.isOldMark(cells.s[i]);
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

const EMPTY_MARKS = new Map<number, Severity>();
let order = new Int32Array(64);

/** `<c r=".." s=".."/>` and nothing else. */
function isBareCell(xml: string, i: number): boolean {
  if (cells.end[i] !== cells.tagEnd[i]) return false;
  const rest = removeAttr(removeAttr(xml.slice(cells.start[i], cells.tagEnd[i]), 'r'), 's');
  return /^<[\w.:-]*\s*\/>$/.test(rest.replace(/^<[\w.-]+:/, '<'));
}

/**
 * Existing cells (kept, re-styled when marked) merged with plan cells in column order,
 * pushed to `out`; returns the columns written.
 */
function buildCells(r: number, xml: string, plan: SheetDataPlan, out: string[]): { lo: number; hi: number } {
  const p = plan.prefix;
  const { styles, own } = plan;
  const all = plan.cells;
  const pFrom = planFrom;
  const pTo = planTo;
  const marks = plan.marks.get(r) ?? EMPTY_MARKS;
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
  let blanks: number[] = [];
  if (marks.size) {
    for (const col of marks.keys()) {
      let seen = false;
      for (let j = pFrom; j < pTo; j++) if (all[j].c === col) seen = true;
      for (let i = 0; !seen && i < k; i++) seen = cells.col[order[i]] === col;
      if (!seen) blanks.push(col);
    }
    blanks = blanks.sort((a, b) => a - b);
  }
  let i = 0;
  let j = pFrom;
  let b = 0;
  let lastBase = 0;
  let lo = Infinity;
  let hi = -1;
  // Fast path: leading cells kept as they are (the usual case, the tool's columns being
  // on the right) are copied in one slice.
  const firstNew = Math.min(pTo > pFrom ? all[pFrom].c : Infinity, blanks.length ? blanks[0] : Infinity);
  while (i < k && order[i] === i && cells.hasR[i] && cells.col[i] < firstNew &&
    !marks.has(cells.col[i]) && !styles.isOldMark(cells.s[i])) i++;
  if (i > 0) {
    out.push(xml.slice(cells.start[0], cells.end[i - 1]));
    lastBase = cells.s[i - 1];
    lo = cells.col[0];
    hi = cells.col[i - 1];
  }
  for (;;) {
    const ec = i < k ? cells.col[order[i]] : Infinity;
    const pc = j < pTo ? all[j].c : Infinity;
    const bc = b < blanks.length ? blanks[b] : Infinity;
    const next = ec < pc ? (ec < bc ? ec : bc) : (pc < bc ? pc : bc);
    if (next === Infinity) break;
    let text: string;
    if (next === ec) {
      const x = order[i++];
      const cs = cells.s[x];
      const base = styles.unmark(cs);
      const mark = marks.get(next);
      const s = mark ? styles.markXf(base, mark) : base;
      lastBase = base;
      if (s === 0 && base !== cs && isBareCell(xml, x)) text = ''; // a blank the tool made to carry a mark
      else if (s === cs && cells.hasR[x]) text = xml.slice(cells.start[x], cells.end[x]);
      else {
        let tag = xml.slice(cells.start[x], cells.tagEnd[x]);
        if (!cells.hasR[x]) tag = setAttr(tag, 'r', colLetter(next) + String(r + 1));
        tag = s === 0 ? removeAttr(tag, 's') : setAttr(tag, 's', String(s));
        text = tag + xml.slice(cells.tagEnd[x], cells.end[x]);
      }
    } else if (next === pc) {
      const cell = all[j++];
      let s = styles.cellXf(lastBase, cell.numFmt ?? 'General', cell.bold === true);
      const mark = marks.get(next);
      if (mark) s = styles.markXf(s, mark);
      text = planCellXml(p, cell, s, plan.date1904);
    } else {
      b++;
      const s = styles.markXf(0, marks.get(next)!);
      text = s !== 0 ? styledBlankXml(p, r, next, s) : '';
    }
    if (text) {
      out.push(text);
      if (next < lo) lo = next;
      if (next > hi) hi = next;
    }
  }
  return { lo, hi };
}
