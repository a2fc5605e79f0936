/**
 * Shared formulas for the tool's columns: where a column's formula is the one above it
 * moved down (`IF(ISNUMBER(O6),…)` under `IF(ISNUMBER(O5),…)`), the first cell carries
 * it with the range it covers and the others only `<f t="shared" si="0"/>`, as Excel
 * writes a filled-down column. A 100,000-row sheet then carries each formula once
 * instead of 100,000 times.
 *
 * A cell joins only when its formula equals the master's moved by its row offset,
 * checked in one pass without building the moved text: cell references are the
 * tokens shared-formula.ts moves, anything it could read differently (brackets,
 * lower-case references, row ranges) keeps the formula written out in full.
 */
import { colLetter } from '../../core/grid';
import type { PlanCell } from '../../core/types';

const MAX_ROW = 1048576;

export interface SharedFormulas {
  /** Per plan cell: its shared formula's si, or -1 when the formula is written in full. */
  si: Int32Array;
  /** Per master cell (index into the plan cells): the range its formula covers. */
  refs: Map<number, string>;
}

function isNameChar(c: number): boolean {
  // A-Z a-z 0-9 _ . $
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 36;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

function isLetter(c: number): boolean {
  return isUpper(c) || (c >= 97 && c <= 122);
}

/**
 * If `s[from..to)` is a cell reference (`$?[A-Z]{1,3}$?[0-9]+`), the index where its row
 * digits start, with bit 30 set when the row is absolute; -1 for any other token, -2 for
 * one this module will not judge (a lower-case reference; a `$` elsewhere, as in
 * `A5$B$7`, where a reader moves the `A5`).
 */
function refDigits(s: string, from: number, to: number): number {
  const r = cleanRef(s, from, to);
  if (r !== -1) return r;
  for (let i = from; i < to; i++) if (s.charCodeAt(i) === 36) return -2;
  return -1;
}

function cleanRef(s: string, from: number, to: number): number {
  let i = from;
  if (s.charCodeAt(i) === 36) i++;
  const l0 = i;
  let upper = true;
  while (i < to && isLetter(s.charCodeAt(i))) {
    if (!isUpper(s.charCodeAt(i))) upper = false;
    i++;
  }
  if (i === l0 || i - l0 > 3) return -1;
  let col = 0;
  for (let k = l0; k < i; k++) col = col * 26 + ((s.charCodeAt(k) | 32) - 96);
  const l1 = i;
  let abs = 0;
  if (s.charCodeAt(i) === 36) {
    abs = 1 << 30;
    i++;
  }
  const d0 = i;
  while (i < to && isDigit(s.charCodeAt(i))) i++;
  if (i === d0 || i !== to) return -1;
  // Past the last column (XFD) a reader leaves it as it is.
  return upper && col <= 16384 && l1 > l0 ? d0 | abs : -2;
}

/** End of a quoted run (`"…"` or `'…'`, doubled quotes inside) starting at `i`, or -1. */
function quoteEnd(s: string, i: number): number {
  const q = s.charCodeAt(i);
  for (let j = i + 1; j < s.length; j++) {
    if (s.charCodeAt(j) === q) {
      if (s.charCodeAt(j + 1) === q) j++;
      else return j + 1;
    }
  }
  return -1;
}

/**
 * A master formula cut for matching: text to find as it is, and between the pieces the
 * relative row numbers that move: `cuts` holds (digitsStart, digitsEnd, row) triples.
 */
export interface MoveTemplate {
  master: string;
  cuts: number[];
}

/** The template of a formula, or null when it holds something this module will not judge. */
export function moveTemplate(master: string): MoveTemplate | null {
  const n = master.length;
  const cuts: number[] = [];
  let i = 0;
  while (i < n) {
    const c = master.charCodeAt(i);
    if (c === 34 || c === 39) {
      i = quoteEnd(master, i);
      if (i < 0) return null;
      continue;
    }
    if (c === 91 || c === 93) return null; // [ ]: external or structured references
    if (!isNameChar(c)) {
      i++;
      continue;
    }
    // A token: a name, a number, a function or a cell reference.
    let e = i;
    while (e < n && isNameChar(master.charCodeAt(e))) e++;
    const next = master.charCodeAt(e);
    const digits = refDigits(master, i, e);
    if (digits === -2) return null;
    if (digits === -1 || next === 40 || next === 33) {
      // Not moved. Beside a colon it is a row or column range: not judged.
      if (next === 58 || (i > 0 && master.charCodeAt(i - 1) === 58)) return null;
    } else if ((digits & (1 << 30)) === 0) {
      cuts.push(digits, e, intAt(master, digits, e));
    }
    i = e;
  }
  return { master, cuts };
}

/**
 * True when `f` is the template's formula with every relative row reference moved down
 * by `dr` rows (columns and absolute rows unchanged): what a reader gives for a shared
 * formula's cell. One pass over `f`, nothing built.
 */
export function matchesMoved(t: MoveTemplate, f: string, dr: number): boolean {
  const { master, cuts } = t;
  let i = 0;
  let j = 0;
  for (let k = 0; k < cuts.length; k += 3) {
    const d = cuts[k];
    if (!same(master, i, f, j, d - i)) return false;
    j += d - i;
    const want = cuts[k + 2] + dr;
    // The moved row as a reader writes it: no leading zero, within the sheet.
    if (want > MAX_ROW || f.charCodeAt(j) === 48) return false;
    let v = 0;
    const j0 = j;
    for (let ch = f.charCodeAt(j); isDigit(ch) && j - j0 < 8; ch = f.charCodeAt(++j)) v = v * 10 + (ch - 48);
    if (j === j0 || v !== want) return false;
    i = cuts[k + 1];
  }
  return f.length - j === master.length - i && same(master, i, f, j, master.length - i);
}

/** `moveTemplate` and `matchesMoved` in one, for a single comparison. */
export function isMovedDown(master: string, f: string, dr: number): boolean {
  const t = moveTemplate(master);
  return t !== null && matchesMoved(t, f, dr);
}

/** `a[ai..ai+n)` equals `b[bi..bi+n)`. */
function same(a: string, ai: number, b: string, bi: number, n: number): boolean {
  if (bi + n > b.length) return false;
  for (let x = 0; x < n; x++) if (a.charCodeAt(ai + x) !== b.charCodeAt(bi + x)) return false;
  return true;
}

/** The decimal digits `s[from..to)` as a number, NaN when one is not a digit. */
function intAt(s: string, from: number, to: number): number {
  if (to <= from) return NaN;
  let v = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (!isDigit(c)) return NaN;
    v = v * 10 + (c - 48);
  }
  return v;
}

function formulaOf(cell: PlanCell): string | null {
  const f = cell.formula;
  if (f === undefined || f === '') return null;
  return f.charCodeAt(0) === 61 ? f.slice(1) : f;
}

/**
 * Groups the formulas of each own column into shared formulas: runs of cells, top to
 * bottom, each the run's first formula moved down. Cells are in row, then column order
 * (`list[idx[k]]`, at r[k], c[k]); si numbers start at `firstSi` (above those the sheet's
 * other cells use).
 */
export function shareFormulas(cells: { list: PlanCell[]; idx: Int32Array | null; r: Int32Array; c: Int32Array }, own: Set<number>, firstSi: number): SharedFormulas {
  const { list, idx, r, c } = cells;
  const n = r.length;
  // While a run is open its members hold -2 - (master's index); resolved at the end.
  const si = new Int32Array(n).fill(-1);
  const refs = new Map<number, string>();
  const runs = new Map<number, { master: number; template: MoveTemplate; last: number; size: number }>();
  let next = firstSi;
  const close = (run: { master: number; last: number; size: number }): void => {
    if (run.size < 2) return;
    const col = colLetter(c[run.master]);
    refs.set(run.master, `${col}${r[run.master] + 1}:${col}${run.last + 1}`);
    si[run.master] = next++;
  };
  for (let i = 0; i < n; i++) {
    if (!own.has(c[i])) continue;
    const f = formulaOf(idx ? list[idx[i]] : list[i]);
    const run = runs.get(c[i]);
    if (f !== null && run && matchesMoved(run.template, f, r[i] - r[run.master])) {
      si[i] = -2 - run.master;
      run.last = r[i];
      run.size++;
      continue;
    }
    if (run) {
      close(run);
      runs.delete(c[i]);
    }
    const template = f === null ? null : moveTemplate(f);
    if (template) runs.set(c[i], { master: i, template, last: r[i], size: 1 });
  }
  for (const run of runs.values()) close(run);
  for (let i = 0; i < si.length; i++) if (si[i] < -1) si[i] = si[-2 - si[i]];
  return { si, refs };
}
