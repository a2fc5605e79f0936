/**
 * The sheet as the engine sees it: cell values as Excel gives them, plus what a
 * host can tell about formulas, merges, hidden rows and number formats.
 * All coordinates are 0-based (row r, column c); A1 addresses only at the edges.
 */

/** An Excel error value such as `#DIV/0!` or `#REF!`. */
export interface CellError {
  readonly error: string;
}

/** What a cell holds: dates arrive as serial numbers, with a date number format. */
export type CellValue = number | string | boolean | CellError | null;

export interface Range {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface Grid {
  /** Sheet name. */
  name: string;
  /** values[r][c]; rows and cells may be missing (undefined = blank). */
  values: (CellValue | undefined)[][];
  /** Formulas (without the leading `=`) keyed by cellKey(r, c), when the host knows them. */
  formulas?: Map<number, string>;
  /** Number formats that are not `General`, keyed by cellKey(r, c). */
  numFmts?: Map<number, string>;
  merges?: Range[];
  hiddenRows?: Set<number>;
  hiddenCols?: Set<number>;
}

/** Excel's widest sheet has 16384 columns, so this key is unique and cheap. */
export const MAX_COLS = 16384;
/** Excel's longest sheet: 1,048,576 rows. */
export const MAX_ROWS = 1048576;
/** The longest formula a cell holds (Excel and WPS: 8,192 characters). */
export const MAX_FORMULA_CHARS = 8192;
export function cellKey(r: number, c: number): number {
  return r * MAX_COLS + c;
}

export function isCellError(v: unknown): v is CellError {
  return typeof v === 'object' && v !== null && typeof (v as CellError).error === 'string';
}

export function cellAt(grid: Grid, r: number, c: number): CellValue {
  const row = grid.values[r];
  if (!row) return null;
  const v = row[c];
  return v === undefined ? null : v;
}

export function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** Column index to letters: 0 → A, 25 → Z, 26 → AA. */
export function colLetter(c: number): string {
  let s = '';
  let n = c + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Letters to column index: A → 0, AA → 26. */
export function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    n = n * 26 + (ch.charCodeAt(0) - 64);
  }
  return n - 1;
}

/** 0-based (r, c) to an A1 address. */
export function toA1(r: number, c: number): string {
  return colLetter(c) + String(r + 1);
}

/** An A1 address (no sheet, `$` allowed) to 0-based (r, c); null when it is not one. */
export function fromA1(a1: string): { r: number; c: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a1.trim());
  if (!m) return null;
  return { r: Number(m[2]) - 1, c: colIndex(m[1]) };
}

/** Number of columns in the widest row. */
export function gridWidth(grid: Grid): number {
  let w = 0;
  for (const row of grid.values) if (row && row.length > w) w = row.length;
  return w;
}

/** The merge that covers (r, c), if any. */
export function mergeAt(grid: Grid, r: number, c: number): Range | undefined {
  if (!grid.merges) return undefined;
  for (const m of grid.merges) {
    if (r >= m.r0 && r <= m.r1 && c >= m.c0 && c <= m.c1) return m;
  }
  return undefined;
}

/** True when a number format shows a date or time (`yyyy-mm-dd`, `m/d`, `yyyy"年"m"月"`). */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  // Drop quoted text, escapes and colour/condition brackets before looking for date tokens.
  const bare = fmt
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?!h\]|m\]|s\])[^\]]*\]/gi, '');
  return /[ymdhs]/i.test(bare) && !/^[#0.,%\s]*$/.test(bare);
}

/** True when a number format shows a percentage. */
export function isPercentFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  return fmt.replace(/"[^"]*"/g, '').includes('%');
}
