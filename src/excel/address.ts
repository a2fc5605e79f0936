/**
 * Addresses as Office.js gives and takes them: `Sheet1!A1:B4,Sheet1!D1:D4` for
 * RangeAreas, quoted sheet names (`'My, sheet'!A1`) that may hold commas.
 */
import { colLetter, fromA1, type Range } from '../core/grid';

const MAX_ROW = 1048575;
const MAX_COL = 16383;

/** `B2`, `B2:D5`, `C:D`, `3:7` (no sheet) → 0-based range; null when it is none of these. */
export function parseRef(ref: string): Range | null {
  const [a, b = a] = ref.trim().split(':');
  const cols = /^\$?([A-Za-z]{1,3})$/;
  const rows = /^\$?(\d+)$/;
  if (cols.test(a) && cols.test(b)) {
    const p = fromA1(`${a.replace('$', '')}1`);
    const q = fromA1(`${b.replace('$', '')}1`);
    if (!p || !q) return null;
    return { r0: 0, r1: MAX_ROW, c0: Math.min(p.c, q.c), c1: Math.max(p.c, q.c) };
  }
  if (rows.test(a) && rows.test(b)) {
    const x = Number(a.replace('$', '')) - 1;
    const y = Number(b.replace('$', '')) - 1;
    return { r0: Math.min(x, y), r1: Math.max(x, y), c0: 0, c1: MAX_COL };
  }
  const p = fromA1(a);
  const q = fromA1(b);
  if (!p || !q) return null;
  return { r0: Math.min(p.r, q.r), r1: Math.max(p.r, q.r), c0: Math.min(p.c, q.c), c1: Math.max(p.c, q.c) };
}

/** A RangeAreas address → its rectangles (sheet names dropped). Unreadable parts are skipped. */
export function parseAreas(address: string): Range[] {
  const out: Range[] = [];
  let i = 0;
  const n = address.length;
  while (i < n) {
    while (i < n && (address[i] === ' ' || address[i] === ',' || address[i] === ';')) i++;
    if (i >= n) break;
    if (address[i] === "'") {
      // Quoted sheet name: '' is a quote inside it.
      i++;
      while (i < n && !(address[i] === "'" && address[i + 1] !== "'")) i += address[i] === "'" ? 2 : 1;
      i++;
    }
    let j = i;
    while (j < n && address[j] !== ',' && address[j] !== ';') j++;
    const part = address.slice(i, j);
    const bang = part.lastIndexOf('!');
    const r = parseRef(bang >= 0 ? part.slice(bang + 1) : part);
    if (r) out.push(r);
    i = j;
  }
  return out;
}

/** 0-based cell to `B5`. */
export function cellA1(r: number, c: number): string {
  return `${colLetter(c)}${r + 1}`;
}
