/**
 * Finding rows and cells in sheet XML without parsing it: positions, r and s only,
 * kept in reused typed arrays so that a 100,000-row sheet makes no object per cell.
 */
import { nameIs, scanAttrs } from './fast-scanner';
import { tagEnd } from './xml-text';

export interface RowInfo {
  r: number;
  hasR: boolean;
  start: number;
  openEnd: number;
  closeStart: number;
  end: number;
  selfClosing: boolean;
}

/** The cells of the row being patched (valid until the next scanCells). */
export const cells = {
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

export function isBoundary(ch: number): boolean {
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

export function scanRows(xml: string, from: number, to: number, p: string): RowInfo[] {
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
export function scanCells(xml: string, row: RowInfo, p: string): number {
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
