/** Small grids for tests: rows of values, merges as A1 ranges (`'A3:A4'`) or ranges. */
import { fromA1, type CellValue, type Grid, type Range } from '../../src/core/grid';

/** `'B2:D3'` → 0-based range. */
export function rangeOf(a1: string): Range {
  const [from, to = from] = a1.split(':');
  const a = fromA1(from);
  const b = fromA1(to);
  if (!a || !b) throw new Error(`not an A1 range: ${a1}`);
  return { r0: Math.min(a.r, b.r), c0: Math.min(a.c, b.c), r1: Math.max(a.r, b.r), c1: Math.max(a.c, b.c) };
}

export function gridOf(rows: CellValue[][], merges: (Range | string)[] = [], name = 'Sheet1'): Grid {
  return {
    name,
    values: rows.map((row) => [...row]),
    merges: merges.map((m) => (typeof m === 'string' ? rangeOf(m) : m)),
  };
}
