/**
 * Finding rows and cells in a sheet's UTF-8 bytes without parsing or decoding them:
 * positions, r and s only, kept in reused typed arrays so that a 100,000-row sheet
 * makes no object per cell. Markup is ASCII, so bytes compare as characters do.
 * Over 300 lines because the row and the cell scanners share those arrays and their cursor;
 * kept together they stay one pass over the bytes.
 */
import { ref, refCol } from './bytes-values';

export interface RowInfo {
  r: number;
  hasR: boolean;
  start: number;
  openEnd: number;
  closeStart: number;
  end: number;
  selfClosing: boolean;
  /** Span of the spans attribute's value, or -1. */
  spansStart: number;
  spansEnd: number;
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

const enc = new TextEncoder();
const dec = new TextDecoder();

export function ascii(s: string): Uint8Array {
  return enc.encode(s);
}

export function isBoundary(ch: number): boolean {
  return ch === 32 || ch === 62 || ch === 47 || ch === 9 || ch === 10 || ch === 13;
}

/**
 * First index of `pat` in `b[from..to)`, or -1. A plain loop: in sheet XML the first
 * byte (`<`) comes every few bytes, and a native search per candidate costs more.
 */
export function indexOfBytes(b: Uint8Array, pat: Uint8Array, from: number, to = b.length): number {
  const first = pat[0];
  const n = pat.length;
  const last = Math.min(to, b.length) - n;
  outer: for (let i = from; i <= last; i++) {
    if (b[i] !== first) continue;
    for (let k = 1; k < n; k++) if (b[i + k] !== pat[k]) continue outer;
    return i;
  }
  return -1;
}

/**
 * The same, searching natively for the byte at `anchor` in `pat`, for a pattern with a
 * byte that is rare in the text (the `w` of `<row` and `</row>`).
 */
export function indexOfAnchored(b: Uint8Array, pat: Uint8Array, anchor: number, from: number, to = b.length): number {
  const a = pat[anchor];
  const n = pat.length;
  const last = Math.min(to, b.length) - n;
  for (let j = b.indexOf(a, from + anchor); j >= 0; j = b.indexOf(a, j + 1)) {
    const i = j - anchor;
    if (i > last) return -1;
    let k = 0;
    while (k < n && b[i + k] === pat[k]) k++;
    if (k === n) return i;
  }
  return -1;
}

/** Last index of `pat` in `b[0..before)`, or -1. */
export function lastIndexOfBytes(b: Uint8Array, pat: Uint8Array, before = b.length): number {
  const first = pat[0];
  const n = pat.length;
  if (before - n < 0) return -1;
  for (let i = b.lastIndexOf(first, before - n); i >= 0; i = i > 0 ? b.lastIndexOf(first, i - 1) : -1) {
    let k = 1;
    while (k < n && b[i + k] === pat[k]) k++;
    if (k === n) return i;
  }
  return -1;
}

/** Index after the `>` that closes the tag starting at `p`, quotes respected. */
export function tagEndBytes(b: Uint8Array, p: number): number {
  const n = b.length;
  let q = p + 1;
  while (q < n) {
    const ch = b[q];
    if (ch === 62) return q + 1;
    if (ch === 34 || ch === 39) {
      const close = b.indexOf(ch, q + 1);
      if (close < 0) break;
      q = close + 1;
    } else q++;
  }
  throw new Error('malformed XML: unterminated tag');
}

/** Column of a cell's r, as the reader places it: -1 (position implied) unless the reference has a column and a row. */
function colOf(b: Uint8Array, vs: number, ve: number): number {
  const c = refCol(b, vs, ve);
  return c >= 0 && ref.row >= 0 ? c : -1;
}

function intOf(b: Uint8Array, vs: number, ve: number): number {
  let n = 0;
  for (let i = vs; i < ve; i++) {
    const ch = b[i];
    if (ch < 48 || ch > 57) return NaN;
    n = n * 10 + (ch - 48);
  }
  return ve > vs ? n : NaN;
}

// Attribute scratch of the last tag scanned.
let scratchR = -1;
let scratchS = 0;
let scratchSpansStart = -1;
let scratchSpansEnd = -1;

/**
 * Reads a start tag from `q` (just after its name) to its end: r (a row number for rows,
 * a column for cells), s and spans go to the scratch variables; returns the index after
 * the tag's `>`. One pass, quotes respected, nothing allocated.
 */
function scanTag(b: Uint8Array, q: number, isCell: boolean): number {
  scratchR = -1;
  scratchS = 0;
  scratchSpansStart = scratchSpansEnd = -1;
  const n = b.length;
  for (;;) {
    let ch = b[q];
    while (ch === 32 || ch === 9 || ch === 10 || ch === 13) ch = b[++q];
    if (ch === 62) return q + 1; // >
    if (ch === 47) return b.indexOf(62, q) + 1; // />
    if (q >= n) throw new Error('malformed worksheet: unterminated tag');
    const ns = q;
    while (ch !== 61 && q < n) ch = b[++q]; // =
    let ne = q;
    while (ne > ns && isBoundary(b[ne - 1])) ne--;
    q++;
    ch = b[q];
    while (ch !== 34 && ch !== 39 && q < n) ch = b[++q];
    const vs = q + 1;
    const ve = b.indexOf(ch, vs);
    if (ve < 0) throw new Error('malformed worksheet: unterminated attribute');
    const len = ne - ns;
    if (len === 1) {
      const name = b[ns];
      if (name === 114) scratchR = isCell ? colOf(b, vs, ve) : intOf(b, vs, ve);
      else if (name === 115 && isCell) scratchS = intOf(b, vs, ve);
    } else if (len === 5 && !isCell && b[ns] === 115 && b[ns + 1] === 112 && b[ns + 2] === 97 && b[ns + 3] === 110 && b[ns + 4] === 115) {
      scratchSpansStart = vs;
      scratchSpansEnd = ve;
    }
    q = ve + 1;
  }
}

export function scanRows(b: Uint8Array, from: number, to: number, open: Uint8Array, close: Uint8Array): RowInfo[] {
  const rows: RowInfo[] = [];
  let pos = from;
  let prev = -1;
  // Anchored on the w of `row`: cell markup has none, and text seldom has one.
  const openW = open.length - 1;
  const closeW = close.length - 2;
  for (;;) {
    const i = indexOfAnchored(b, open, openW, pos, to);
    if (i < 0) break;
    if (!isBoundary(b[i + open.length])) {
      pos = i + 1;
      continue;
    }
    const openEnd = scanTag(b, i + open.length, false);
    const selfClosing = b[openEnd - 2] === 47;
    const hasR = scratchR >= 1;
    const r = hasR ? scratchR - 1 : prev + 1;
    const closeStart = selfClosing ? openEnd : indexOfAnchored(b, close, closeW, openEnd, to);
    if (closeStart < 0) throw new Error('malformed worksheet: <row> not closed');
    const end = selfClosing ? openEnd : closeStart + close.length;
    rows.push({ r, hasR, start: i, openEnd, closeStart, end, selfClosing, spansStart: scratchSpansStart, spansEnd: scratchSpansEnd });
    prev = r;
    pos = end;
  }
  return rows;
}

/** Fills `cells` with the row's cells; returns their count. */
export function scanCells(b: Uint8Array, row: RowInfo, open: Uint8Array, close: Uint8Array): number {
  let n = 0;
  if (row.selfClosing) return (cells.n = 0);
  let q = row.openEnd;
  let prev = -1;
  for (;;) {
    const i = indexOfBytes(b, open, q, row.closeStart);
    if (i < 0) break;
    if (!isBoundary(b[i + open.length])) {
      q = i + 1;
      continue;
    }
    const te = scanTag(b, i + open.length, true);
    const end = b[te - 2] === 47 ? te : indexOfBytes(b, close, te, row.closeStart) + close.length;
    if (end < te) throw new Error('malformed worksheet: <c> not closed');
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

const SI = ascii('si="');

/**
 * The largest shared-formula si that a cell outside `skip` columns uses in `b[from..to)`,
 * or -1: the tool's shared formulas are numbered above it. Cells in the skipped (the
 * tool's own) columns go on every run, so their numbers do not count.
 */
export function maxSharedSi(b: Uint8Array, from: number, to: number, open: Uint8Array, skip: Set<number>): number {
  let max = -1;
  // Anchored on the i, far rarer in sheet XML than the s of every cell's style.
  for (let i = indexOfAnchored(b, SI, 1, from, to); i >= 0; i = indexOfAnchored(b, SI, 1, i + 1, to)) {
    if (isBoundary(b[i - 1]) === false) continue;
    const si = intOf(b, i + 4, b.indexOf(34, i + 4));
    if (!(si > max)) continue;
    // The cell it is in: its column decides.
    let c = lastIndexOfBytes(b, open, i);
    while (c >= from && !isBoundary(b[c + open.length])) c = lastIndexOfBytes(b, open, c);
    if (c >= from) {
      scanTag(b, c + open.length, true);
      if (scratchR >= 0 && skip.has(scratchR)) continue;
    }
    max = si;
  }
  return max;
}

/** A worksheet part split around its rows: the markup as text, the rows as bytes. */
export interface SplitSheet {
  /** The document with the content of <sheetData> left out. */
  xml: string;
  bytes: Uint8Array;
  /** The content of <sheetData> in `bytes` (empty for `<sheetData/>`). */
  from: number;
  to: number;
}

const SHEET_DATA = ascii('sheetData');

function isNameByte(ch: number): boolean {
  return ch > 127 || (ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122) || (ch >= 48 && ch <= 57) || ch === 95 || ch === 45 || ch === 46;
}

/**
 * The content of <sheetData> in a worksheet part: `bytes[from..to)`, empty for
 * `<sheetData/>`. Throws when there is none or it is not closed.
 */
export function sheetDataSpan(bytes: Uint8Array): { from: number; to: number } {
  for (let i = indexOfBytes(bytes, SHEET_DATA, 0); i >= 0; i = indexOfBytes(bytes, SHEET_DATA, i + 1)) {
    if (!isBoundary(bytes[i + SHEET_DATA.length])) continue;
    let lt = i - 1;
    if (bytes[lt] === 58) { // `:` of a prefix
      lt--;
      while (lt >= 0 && isNameByte(bytes[lt])) lt--;
    }
    if (lt < 0 || bytes[lt] !== 60) continue;
    const openEnd = tagEndBytes(bytes, lt);
    if (bytes[openEnd - 2] === 47) return { from: openEnd, to: openEnd };
    const close = lastIndexOfBytes(bytes, ascii(`</${dec.decode(bytes.subarray(lt + 1, i + SHEET_DATA.length))}>`));
    if (close < openEnd) throw new Error('malformed worksheet: <sheetData> not closed');
    return { from: openEnd, to: close };
  }
  throw new Error('malformed worksheet: no <sheetData>');
}

/** Splits a worksheet part around its rows, which are never decoded. */
export function splitSheet(bytes: Uint8Array): SplitSheet {
  const { from, to } = sheetDataSpan(bytes);
  const xml = from === to ? dec.decode(bytes) : dec.decode(bytes.subarray(0, from)) + dec.decode(bytes.subarray(to));
  return { xml, bytes, from, to };
}
