/**
 * Splicing plan cells into <sheetData> at the byte level: rows and cells the plan does
 * not touch are copied byte for byte; a touched row keeps every other cell's XML (only
 * a missing `r` is added). Marks are conditional formats and never touch a cell; an
 * earlier version's mark formats are taken off again.
 */
import { colLetter } from '../../core/grid';
import type { ByteSink } from '../xml';
import { writePlanCell } from '../write';
import type { OrderedCells } from './patch-sheet';
import type { StylesPatch } from './patch-styles';
import { shareFormulas, type SharedFormulas } from './share-formulas';
import { ascii, cells, maxSharedSi, scanCells, scanRows, type RowInfo } from '../xml';
import { removeAttr, setAttr } from '../xml';

export interface SheetDataPlan {
  /** Namespace prefix of the worksheet's elements (`x:`), usually ''. */
  prefix: string;
  own: Set<number>;
  /** Plan cells sorted by row, then column. */
  cells: OrderedCells;
  styles: StylesPatch;
  date1904: boolean;
}

const dec = new TextDecoder();

/** The sheet data being patched: its bytes, the row's pieces and where the plan is. */
interface State {
  b: Uint8Array;
  plan: SheetDataPlan;
  out: ByteSink;
  cOpen: Uint8Array;
  cClose: Uint8Array;
  rowClose: string;
  /** The plan cells of the row being written: plan.cells[planFrom..planTo). */
  planFrom: number;
  planTo: number;
  shared: SharedFormulas;
  /** 1 at the tool's own columns. */
  ownMask: Uint8Array;
}

/** Writes the new content of <sheetData> (`b[from..to)`, between its tags) to `out`. */
export function patchSheetData(b: Uint8Array, from: number, to: number, plan: SheetDataPlan, out: ByteSink): void {
  const p = plan.prefix;
  const cOpen = ascii(`<${p}c`);
  const shared = shareFormulas(plan.cells, plan.own, maxSharedSi(b, from, to, cOpen, plan.own) + 1);
  const st: State = {
    b, plan, out, cOpen, cClose: ascii(`</${p}c>`), rowClose: `</${p}row>`, planFrom: 0, planTo: 0, shared,
    ownMask: new Uint8Array(Math.max(0, ...plan.own) + 1),
  };
  for (const c of plan.own) if (c >= 0) st.ownMask[c] = 1;
  let rows = scanRows(b, from, to, ascii(`<${p}row`), ascii(st.rowClose));
  const ordered = rows.every((row, i) => i === 0 || row.r > rows[i - 1].r);
  if (!ordered) rows = rows.map((row, i) => ({ row, i })).sort((x, y) => x.row.r - y.row.r || x.i - y.i).map((x) => x.row);
  const planRows = plan.cells.r;
  let pi = 0;
  // Runs of untouched rows (and the text between rows) are copied in one piece when rows are in order.
  let copyFrom = ordered ? from : -1;
  const flush = (upTo: number): void => {
    if (copyFrom >= 0 && upTo > copyFrom) out.bytes(b, copyFrom, upTo);
    copyFrom = -1;
  };
  /** Rows the plan writes that the sheet does not have yet, below `limit`. */
  const newRowsBefore = (limit: number, at: number): void => {
    for (;;) {
      const r = pi < planRows.length ? planRows[pi] : Infinity;
      if (r >= limit) return;
      flush(at);
      selectPlanRow(st, pi, r);
      pi = st.planTo;
      newRow(st, r);
      out.checkpoint();
    }
  };
  for (const row of rows) {
    out.checkpoint();
    newRowsBefore(row.r, row.start);
    selectPlanRow(st, pi, row.r);
    pi = st.planTo;
    if (!patchRow(st, row, flush)) {
      if (!ordered) out.bytes(b, row.start, row.end);
      else if (copyFrom < 0) copyFrom = row.start;
      continue;
    }
    if (ordered) copyFrom = row.end;
  }
  if (ordered) flush(to);
  newRowsBefore(Infinity, to);
}

/** Points planFrom..planTo at the plan cells of row r, starting the search at `from`. */
function selectPlanRow(st: State, from: number, r: number): void {
  const rows = st.plan.cells.r;
  let to = from;
  while (to < rows.length && rows[to] === r) to++;
  st.planFrom = from;
  st.planTo = to;
}

function newRow(st: State, r: number): void {
  cells.n = 0;
  const out = st.out;
  const start = out.length;
  out.byte(60);
  out.raw(st.plan.prefix);
  out.ascii('row r="');
  out.number(r + 1);
  out.ascii('">');
  if (writeCells(st, r, 0)) out.raw(st.rowClose);
  else out.truncate(start);
}

/** The row rewritten (written to `out`), or false when the plan does not touch it. */
function patchRow(st: State, row: RowInfo, flush: (at: number) => void): boolean {
  const { b, plan, out } = st;
  const n = scanCells(b, row, st.cOpen, st.cClose);
  const oldMarks = plan.styles.hasOldMarks;
  let touched = st.planTo > st.planFrom;
  for (let i = 0; !touched && i < n; i++) {
    touched = st.ownMask[cells.col[i]] === 1 || (oldMarks && plan.styles.isOldMark(cells.s[i]));
  }
  if (!touched) {
    if (row.hasR) return false;
    flush(row.start);
    out.raw(setAttr(dec.decode(b.subarray(row.start, row.openEnd)), 'r', String(row.r + 1)));
    out.bytes(b, row.openEnd, row.end);
    return true;
  }
  flush(row.start);
  const lastEnd = n ? cells.end[n - 1] : row.openEnd;
  const trailingFrom = row.selfClosing ? row.closeStart : lastEnd;
  let blankTrailing = true;
  for (let i = trailingFrom; blankTrailing && i < row.closeStart; i++) {
    const ch = b[i];
    blankTrailing = ch === 32 || ch === 9 || ch === 10 || ch === 13;
  }
  const k = keptCells(st);
  // The columns the row will span: its kept cells and the plan's (cells are in column order).
  const pc = plan.cells.c;
  const hasPlan = st.planTo > st.planFrom;
  const lo = Math.min(k ? cells.col[order[0]] : Infinity, hasPlan ? pc[st.planFrom] : Infinity);
  const hi = Math.max(k ? cells.col[order[k - 1]] : -1, hasPlan ? pc[st.planTo - 1] : -1);
  const start = out.length;
  if (row.hasR && !row.selfClosing && (row.spansStart < 0 || hi < 0)) out.bytes(b, row.start, row.openEnd);
  else if (row.hasR && !row.selfClosing) {
    // Only spans to widen: the tag around its value is copied.
    out.bytes(b, row.start, row.spansStart);
    out.ascii(widenSpans(dec.decode(b.subarray(row.spansStart, row.spansEnd)), lo, hi));
    out.bytes(b, row.spansEnd, row.openEnd);
  } else {
    let tag = dec.decode(b.subarray(row.start, row.openEnd));
    if (!row.hasR) tag = setAttr(tag, 'r', String(row.r + 1));
    if (hi >= 0 && row.spansStart >= 0) {
      tag = tag.replace(/(\sspans\s*=\s*)"([^"]*)"/, (_m, pre: string, v: string) => `${pre}"${widenSpans(v, lo, hi)}"`);
    }
    if (row.selfClosing) tag = tag.replace(/\s*\/>$/, '>');
    out.raw(tag);
  }
  if (!writeCells(st, row.r, k) && blankTrailing) {
    const tag = dec.decode(b.subarray(row.start, row.openEnd));
    const bare = removeAttr(removeAttr(tag, 'r'), 'spans').replace(/\s*\/?>$/, '');
    if (bare === `<${plan.prefix}row`) {
      out.truncate(start); // nothing but the tool's cells: the row goes too
      return true;
    }
  }
  if (!blankTrailing) out.bytes(b, trailingFrom, row.closeStart);
  out.raw(st.rowClose);
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
function isBareCell(b: Uint8Array, i: number): boolean {
  if (cells.end[i] !== cells.tagEnd[i]) return false;
  const rest = removeAttr(removeAttr(dec.decode(b.subarray(cells.start[i], cells.tagEnd[i])), 'r'), 's');
  return /^<[\w.:-]*\s*\/>$/.test(rest.replace(/^<[\w.-]+:/, '<'));
}

/** The row's existing cells that stay (not in the tool's columns, not planned), into `order` in column order; their count. */
function keptCells(st: State): number {
  const own = st.ownMask;
  const pc = st.plan.cells.c;
  const pFrom = st.planFrom;
  const pTo = st.planTo;
  if (order.length < cells.n) order = new Int32Array(cells.col.length);
  let k = 0;
  for (let i = 0; i < cells.n; i++) {
    const col = cells.col[i];
    if (own[col] === 1) continue;
    let planned = false;
    for (let j = pFrom; !planned && j < pTo; j++) planned = pc[j] === col;
    if (!planned) order[k++] = i;
  }
  for (let i = 1; i < k; i++) {
    if (cells.col[order[i]] <= cells.col[order[i - 1]]) {
      const sorted = Array.from(order.subarray(0, k)).sort((x, y) => cells.col[x] - cells.col[y]);
      order.set(sorted);
      break;
    }
  }
  return k;
}

/**
 * The kept cells `order[0..k)` merged with the row's plan cells in column order, written
 * to `out`; false when nothing was written.
 */
function writeCells(st: State, r: number, k: number): boolean {
  const { b, plan, out } = st;
  const p = plan.prefix;
  const { styles } = plan;
  const oldMarks = styles.hasOldMarks;
  const { list, idx, r: pr, c: pc } = plan.cells;
  const pFrom = st.planFrom;
  const pTo = st.planTo;
  const start = out.length;
  let i = 0;
  let j = pFrom;
  let lastBase = 0;
  // Fast path: leading cells kept as they are (the usual case, the tool's columns being
  // on the right) are copied in one piece.
  const firstNew = pTo > pFrom ? pc[pFrom] : Infinity;
  while (i < k && order[i] === i && cells.hasR[i] && cells.col[i] < firstNew && !(oldMarks && styles.isOldMark(cells.s[i]))) i++;
  if (i > 0) {
    out.bytes(b, cells.start[0], cells.end[i - 1]);
    lastBase = cells.s[i - 1];
  }
  for (;;) {
    const ec = i < k ? cells.col[order[i]] : Infinity;
    const nc = j < pTo ? pc[j] : Infinity;
    if (ec === Infinity && nc === Infinity) break;
    if (ec < nc) {
      const x = order[i++];
      const cs = cells.s[x];
      const s = oldMarks ? styles.unmark(cs) : cs;
      lastBase = s;
      if (s === 0 && s !== cs && isBareCell(b, x)) continue; // a blank an earlier version made to carry a mark
      if (s === cs && cells.hasR[x]) out.bytes(b, cells.start[x], cells.end[x]);
      else {
        let tag = dec.decode(b.subarray(cells.start[x], cells.tagEnd[x]));
        if (!cells.hasR[x]) tag = setAttr(tag, 'r', colLetter(ec) + String(r + 1));
        if (s !== cs) tag = s === 0 ? removeAttr(tag, 's') : setAttr(tag, 's', String(s));
        out.raw(tag);
        out.bytes(b, cells.tagEnd[x], cells.end[x]);
      }
    } else {
      const si = st.shared.si[j];
      const cell = idx ? list[idx[j]] : list[j];
      const s = styles.cellXf(lastBase, cell.numFmt ?? 'General', cell.bold === true);
      writePlanCell(out, p, cell, s, plan.date1904, si, si >= 0 ? st.shared.refs.get(j) ?? null : null, pr[j], nc);
      j++;
    }
  }
  return out.length > start;
}
