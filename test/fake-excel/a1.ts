/**
 * A1 addresses for the fake: 0-based inclusive rectangles, sheet quoting the way
 * Excel writes it in `Range.address`. Plain TypeScript, no Node APIs.
 */
import { colIndex, colLetter } from '../../src/core/grid';

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** Column letters as the engine writes them (0 → A, 26 → AA). */
export const colLetters = colLetter;
const colNumber = colIndex;

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLS = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/;
const ROWS = /^\$?(\d{1,7}):\$?(\d{1,7})$/;

/** `B2`, `B2:D5`, `C:E`, `3:7` → rectangle; null when it is none of these. */
export function parseRect(a1: string): Rect | null {
  const s = a1.trim();
  let m = COLS.exec(s);
  if (m) {
    const a = colNumber(m[1]);
    const b = colNumber(m[2]);
    return { r0: 0, r1: MAX_ROWS - 1, c0: Math.min(a, b), c1: Math.max(a, b) };
  }
  m = ROWS.exec(s);
  if (m) {
    const a = Number(m[1]) - 1;
    const b = Number(m[2]) - 1;
    return { r0: Math.min(a, b), r1: Math.max(a, b), c0: 0, c1: MAX_COLS - 1 };
  }
  const parts = s.split(':');
  if (parts.length > 2) return null;
  const p = CELL.exec(parts[0]);
  const q = CELL.exec(parts[1] ?? parts[0]);
  if (!p || !q) return null;
  const r0 = Number(p[2]) - 1;
  const r1 = Number(q[2]) - 1;
  const c0 = colNumber(p[1]);
  const c1 = colNumber(q[1]);
  if (r0 < 0 || r1 < 0 || r0 >= MAX_ROWS || r1 >= MAX_ROWS || c0 >= MAX_COLS || c1 >= MAX_COLS) return null;
  return { r0: Math.min(r0, r1), r1: Math.max(r0, r1), c0: Math.min(c0, c1), c1: Math.max(c0, c1) };
}

export function rectA1(r: Rect): string {
  if (r.r0 === 0 && r.r1 === MAX_ROWS - 1) return `${colLetters(r.c0)}:${colLetters(r.c1)}`;
  if (r.c0 === 0 && r.c1 === MAX_COLS - 1) return `${r.r0 + 1}:${r.r1 + 1}`;
  const a = colLetters(r.c0) + (r.r0 + 1);
  if (r.r0 === r.r1 && r.c0 === r.c1) return a;
  return `${a}:${colLetters(r.c1)}${r.r1 + 1}`;
}

/** Excel quotes a sheet name unless it is a plain word that does not start with a digit. */
export function quoteSheet(name: string): string {
  if (/^[A-Za-z_\u3400-\u9fff][A-Za-z0-9_.\u3400-\u9fff]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)) return name;
  return `'${name.replace(/'/g, "''")}'`;
}

export function addressOf(sheet: string, r: Rect): string {
  return `${quoteSheet(sheet)}!${rectA1(r)}`;
}

export function cellCount(r: Rect): number {
  return (r.r1 - r.r0 + 1) * (r.c1 - r.c0 + 1);
}

export function intersect(a: Rect, b: Rect): Rect | null {
  const r0 = Math.max(a.r0, b.r0);
  const r1 = Math.min(a.r1, b.r1);
  const c0 = Math.max(a.c0, b.c0);
  const c1 = Math.min(a.c1, b.c1);
  return r0 <= r1 && c0 <= c1 ? { r0, r1, c0, c1 } : null;
}

export function contains(a: Rect, r: number, c: number): boolean {
  return r >= a.r0 && r <= a.r1 && c >= a.c0 && c <= a.c1;
}

/** Strips an optional `Sheet!` or `'Sheet'!` prefix: [sheet or null, rest]. */
export function splitSheet(address: string): [string | null, string] {
  const s = address.trim();
  const bang = s.lastIndexOf('!');
  if (bang < 0) return [null, s];
  let sheet = s.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return [sheet, s.slice(bang + 1)];
}
