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
import { removeAttr, setAttr, tagEnd } from './xml-text';

export interface SheetDataPlan {
  /** Namespace prefix of the worksheet's elements (`x:`), usually ''. */
  prefix: string;
  own: Set<number>;
  /** Plan cells by row, each list sorted by column. */
  cells: Map<number, PlanCell[]>;
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

interface CellInfo {
  col: number;
  hasR: boolean;
  s: number;
  start: number;
  tagEnd: number;
  end: number;
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

let scratchR = '';
let scratchS = -1;
const readRS = (s: string, ns: number, ne: number, vs: number, ve: number): void => {
  if (nameIs(s, ns, ne, 'r')) scratchR = s.slice(vs, ve);
  else if (nameIs(s, ns, ne, 's')) scratchS = Number(s.slice(vs, ve));
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
    scratchR = '';
    scanAttrs(xml, i + open.length, openEnd, readRS);
    const n = Number(scratchR);
    const hasR = scratchR !== '' && n >= 1;
    const r = hasR ? n - 1 : prev + 1;
    const closeStart = selfClosing ? openEnd : xml.indexOf(close, openEnd);
    if (closeStart < 0) throw new Error('malformed worksheet: <row> not closed');
    const end = selfClosing ? openEnd : closeStart + close.length;
    rows.push({ r, hasR, start: i, openEnd, closeStart, end, selfClosing });
    prev = r;
    pos = end;
  }
  return rows;
}

function scanCells(xml: string, row: RowInfo, p: string): CellInfo[] {
  const open = `<${p}c`;
  const close = `</${p}c>`;
  const cells: CellInfo[] = [];
  let q = row.openEnd;
  let prev = -1;
  for (;;) {
    const i = xml.indexOf(open, q);
    if (i < 0 || i >= row.closeStart) break;
    if (!isBoundary(xml.charCodeAt(i + open.length))) {
      q = i + 1;
      continue;
    }
    const te = tagEnd(xml, i);
    const end = xml.charCodeAt(te - 2) === 47 ? te : xml.indexOf(close, te) + close.length;
    scratchR = '';
    scratchS = 0;
    scanAttrs(xml, i + open.length, te, readRS);
    const c = scratchR ? colOf(scratchR, 0, scratchR.length) : -1;
    const col = c >= 0 ? c : prev + 1;
    cells.push({ col, hasR: c >= 0, s: Number.isFinite(scratchS) ? scratchS : 0, start: i, tagEnd: te, end });
    prev = col;
    q = end;
  }
  return cells;
}

/** The new content of <sheetData> (between its tags), as pieces to join or encode. */
export function patchSheetData(xml: string, from: number, to: number, plan: SheetDataPlan): string[] {
  const p = plan.prefix;
  let rows = scanRows(xml, from, to, p);
  const ordered = rows.every((row, i) => i === 0 || row.r > rows[i - 1].r);
  if (!ordered) rows = rows.map((row, i) => ({ row, i })).sort((a, b) => a.row.r - b.row.r || a.i - b.i).map((x) => x.row);
  const newRows = new Set<number>([...plan.cells.keys(), ...plan.marks.keys()]);
  for (const row of rows) newRows.delete(row.r);
  const pending = [...newRows].sort((a, b) => a - b);
  const out: string[] = [];
  let k = 0;
  // Runs of untouched rows (and the text between rows) are copied in one slice when rows are in order.
  let copyFrom = ordered ? from : -1;
  const flush = (upTo: number): void => {
    if (copyFrom >= 0 && upTo > copyFrom) out.push(xml.slice(copyFrom, upTo));
    copyFrom = -1;
  };
  for (const row of rows) {
    while (k < pending.length && pending[k] < row.r) {
      flush(row.start);
      out.push(newRow(pending[k++], plan));
    }
    const text = patchRow(xml, row, plan);
    if (text === null) {
      if (!ordered) out.push(xml.slice(row.start, row.end));
      else if (copyFrom < 0) copyFrom = row.start;
      continue;
    }
    flush(row.start);
    out.push(text);
    if (ordered) copyFrom = row.end;
  }
  if (ordered) flush(to);
  while (k < pending.length) out.push(newRow(pending[k++], plan));
  return out;
}

function newRow(r: number, plan: SheetDataPlan): string {
  const p = plan.prefix;
  const built = buildCells(r, [], '', plan);
  return built.text ? `<${p}row r="${r + 1}">${built.text}</${p}row>` : '';
}

const SPANS_RE = /(\sspans\s*=\s*)"([^"]*)"/;

/** The row rewritten, or null when the plan does not touch it. */
function patchRow(xml: string, row: RowInfo, plan: SheetDataPlan): string | null {
  const p = plan.prefix;
  const planCells = plan.cells.get(row.r);
  const marks = plan.marks.get(row.r);
  const cells = row.selfClosing ? [] : scanCells(xml, row, p);
  let touched = planCells !== undefined || marks !== undefined;
  for (let i = 0; !touched && i < cells.length; i++) {
    touched = plan.own.has(cells[i].col) || plan.styles.isOldMark(cells[i].s);
  }
  if (!touched) return row.hasR ? null : withRowRef(xml, row);
  const built = buildCells(row.r, cells, xml, plan);
  let openTag = xml.slice(row.start, row.openEnd);
  if (!row.hasR) openTag = setAttr(openTag, 'r', String(row.r + 1));
  const trailing = row.selfClosing ? '' : xml.slice(cells.length ? cells[cells.length - 1].end : row.openEnd, row.closeStart);
  if (built.text === '' && trailing.trim() === '') {
    const bare = removeAttr(removeAttr(openTag, 'r'), 'spans').replace(/\s*\/?>$/, '');
    if (bare === `<${p}row`) return ''; // nothing but the tool's cells: the row goes too
  }
  if (built.text !== '') {
    const m = SPANS_RE.exec(openTag);
    if (m) openTag = openTag.replace(SPANS_RE, `$1"${widenSpans(m[2], built.lo, built.hi)}"`);
  }
  if (row.selfClosing) openTag = openTag.replace(/\s*\/>$/, '>');
  return `${openTag}${built.text}${trailing.trim() === '' ? '' : trailing}</${p}row>`;
}

function withRowRef(xml: string, row: RowInfo): string {
  const tag = setAttr(xml.slice(row.start, row.openEnd), 'r', String(row.r + 1));
  return tag + xml.slice(row.openEnd, row.end);
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

/** `<c r=".." s=".."/>` and nothing else. */
function isBareCell(xml: string, cell: CellInfo): boolean {
  if (cell.end !== cell.tagEnd) return false;
  const rest = removeAttr(removeAttr(xml.slice(cell.start, cell.tagEnd), 'r'), 's');
  return /^<[\w.:-]*\s*\/>$/.test(rest.replace(/^<[\w.-]+:/, '<'));
}

/** Existing cells (kept, re-styled when marked) merged with plan cells, in column order. */
function buildCells(r: number, cells: CellInfo[], xml: string, plan: SheetDataPlan): { text: string; lo: number; hi: number } {
  const p = plan.prefix;
  const { styles, own } = plan;
  const planCells = plan.cells.get(r) ?? [];
  const marks = plan.marks.get(r) ?? EMPTY_MARKS;
  const kept: CellInfo[] = [];
  for (const c of cells) {
    if (own.has(c.col)) continue;
    let planned = false;
    for (const pc of planCells) if (pc.c === c.col) planned = true;
    if (!planned) kept.push(c);
  }
  for (let i = 1; i < kept.length; i++) {
    if (kept[i].col <= kept[i - 1].col) {
      kept.sort((a, b) => a.col - b.col);
      break;
    }
  }
  const blanks: number[] = [];
  for (const col of marks.keys()) {
    if (!planCells.some((c) => c.c === col) && !kept.some((k) => k.col === col)) blanks.push(col);
  }
  blanks.sort((a, b) => a - b);
  let out = '';
  let i = 0;
  let j = 0;
  let b = 0;
  let lastBase = 0;
  let lo = Infinity;
  let hi = -1;
  for (;;) {
    const ec = i < kept.length ? kept[i].col : Infinity;
    const pc = j < planCells.length ? planCells[j].c : Infinity;
    const bc = b < blanks.length ? blanks[b] : Infinity;
    const next = Math.min(ec, pc, bc);
    if (next === Infinity) break;
    let text: string;
    if (next === ec) {
      const cell = kept[i++];
      const base = styles.unmark(cell.s);
      const mark = marks.get(cell.col);
      const s = mark ? styles.markXf(base, mark) : base;
      lastBase = base;
      if (s === 0 && base !== cell.s && isBareCell(xml, cell)) text = ''; // a blank the tool made to carry a mark
      else if (s === cell.s && cell.hasR) text = xml.slice(cell.start, cell.end);
      else {
        let tag = xml.slice(cell.start, cell.tagEnd);
        if (!cell.hasR) tag = setAttr(tag, 'r', colLetter(cell.col) + String(r + 1));
        tag = s === 0 ? removeAttr(tag, 's') : setAttr(tag, 's', String(s));
        text = tag + xml.slice(cell.tagEnd, cell.end);
      }
    } else if (next === pc) {
      const cell = planCells[j++];
      let s = styles.cellXf(lastBase, cell.numFmt ?? 'General', cell.bold === true);
      const mark = marks.get(cell.c);
      if (mark) s = styles.markXf(s, mark);
      text = planCellXml(p, cell, s, plan.date1904);
    } else {
      const col = blanks[b++];
      const s = styles.markXf(0, marks.get(col)!);
      text = s !== 0 ? styledBlankXml(p, r, col, s) : '';
    }
    if (text) {
      out += text;
      if (next < lo) lo = next;
      if (next > hi) hi = next;
    }
  }
  return { text: out, lo, hi };
}
