/**
 * Shared formulas: a child cell stores only `<f t="shared" si="0"/>`; its formula is
 * the master's with relative references moved by the child's offset.
 */
import { colIndex, colLetter } from '../../core/grid';

// The character before a reference is captured rather than looked behind at: Safari
// before 16.4 (Office on older Macs) cannot compile lookbehind.
const REF_RE =
  /(^|[^A-Za-z0-9_.$])(?:(\$?)([A-Z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(.!])|(\$?)([A-Z]{1,3}):(\$?)([A-Z]{1,3})(?![A-Za-z0-9_(.!])|(\$?)(\d+):(\$?)(\d+)(?![A-Za-z0-9_(.!:]))/g;

const MAX_ROW = 1048576;
const MAX_COL = 16384;

function shiftCol(abs: string, letters: string, dc: number): string | null {
  if (abs) return letters;
  const c = colIndex(letters) + dc;
  return c < 0 || c >= MAX_COL ? null : colLetter(c);
}

function shiftRow(abs: string, digits: string, dr: number): string | null {
  if (abs) return digits;
  const r = Number(digits) + dr;
  return r < 1 || r > MAX_ROW ? null : String(r);
}

function shiftRefs(seg: string, dr: number, dc: number): string {
  return seg.replace(REF_RE, (m, before: string, ...g: (string | undefined)[]) => {
    if (g[1] !== undefined) {
      if (colIndex(g[1]) >= MAX_COL) return m;
      const c = shiftCol(g[0] ?? '', g[1], dc);
      const r = shiftRow(g[2] ?? '', g[3] ?? '', dr);
      return before + (c === null || r === null ? '#REF!' : `${g[0]}${c}${g[2]}${r}`);
    }
    if (g[5] !== undefined) {
      const a = shiftCol(g[4] ?? '', g[5], dc);
      const b = shiftCol(g[6] ?? '', g[7] ?? '', dc);
      return before + (a === null || b === null ? '#REF!' : `${g[4]}${a}:${g[6]}${b}`);
    }
    if (before === ':') return m; // digits after a range colon are not a row range
    const a = shiftRow(g[8] ?? '', g[9] ?? '', dr);
    const b = shiftRow(g[10] ?? '', g[11] ?? '', dr);
    return before + (a === null || b === null ? '#REF!' : `${g[8]}${a}:${g[10]}${b}`);
  });
}

/** The formula moved by dr rows and dc columns; strings, quoted sheet names and [..] untouched. */
export function shiftFormula(formula: string, dr: number, dc: number): string {
  if (dr === 0 && dc === 0) return formula;
  let out = '';
  let seg = '';
  let i = 0;
  const n = formula.length;
  while (i < n) {
    const ch = formula[i];
    if (ch === '"' || ch === "'" || ch === '[') {
      out += shiftRefs(seg, dr, dc);
      seg = '';
      const end = ch === '[' ? bracketEnd(formula, i) : quoteEnd(formula, i, ch);
      out += formula.slice(i, end);
      i = end;
    } else {
      seg += ch;
      i++;
    }
  }
  return out + shiftRefs(seg, dr, dc);
}

function quoteEnd(s: string, i: number, q: string): number {
  let j = i + 1;
  while (j < s.length) {
    if (s[j] === q) {
      if (s[j + 1] === q) j += 2;
      else return j + 1;
    } else j++;
  }
  return s.length;
}

function bracketEnd(s: string, i: number): number {
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    if (s[j] === '[') depth++;
    else if (s[j] === ']' && --depth === 0) return j + 1;
  }
  return s.length;
}
