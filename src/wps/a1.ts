/** A1 addresses for WPS's Range("…"): 0-based indexes in, `B3:D40` out. */
import { colLetter } from '../core/grid';

export function rangeA1(r0: number, c0: number, r1: number, c1: number): string {
  const a = `${colLetter(c0)}${r0 + 1}`;
  return r0 === r1 && c0 === c1 ? a : `${a}:${colLetter(c1)}${r1 + 1}`;
}

/** `'My sheet'!$A$1`, the form Names.Add takes in RefersTo. */
export function absoluteRef(sheet: string, r: number, c: number): string {
  return `${quoteSheet(sheet)}!$${colLetter(c)}$${r + 1}`;
}

export function quoteSheet(name: string): string {
  return /^[A-Za-z_\u4e00-\u9fff][A-Za-z0-9_.\u4e00-\u9fff]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
