/**
 * Ranking, highest first: competition ranks (1, 2, 2, 4) as Excel's RANK.EQ gives,
 * or dense ranks (1, 2, 2, 3), the 中国式排名 of government tables. Values are
 * rounded to the displayed precision first so that ties that look like ties rank alike.
 */
import type { RankMethod } from './types';

/**
 * roundHalfAway(v, decimals) × 10^decimals, as a whole number: the same arithmetic
 * (so ties are exactly those of the rounded values) without the final division.
 */
function roundedKey(v: number, scale: number): number {
  if (!Number.isFinite(v)) return v;
  const scaled = Math.abs(v) * scale;
  const r = Math.round(scaled + scaled * 4 * Number.EPSILON);
  return v < 0 ? -r : r;
}

/** Index of the first element of `sorted` (ascending) that is greater than `x`. */
function upperBound(sorted: Float64Array, length: number, x: number): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Ranks of `values`, highest first; null (and NaN) values get null and do not count.
 * Competition rank = 1 + how many values are strictly greater; dense rank = 1 + how
 * many distinct values are strictly greater. O(n log n).
 */
export function rankValues(values: readonly (number | null)[], method: RankMethod, decimals = 3): (number | null)[] {
  const n = values.length;
  const keys = new Float64Array(n);
  const present = new Uint8Array(n);
  const scale = 10 ** decimals;
  let m = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === null || Number.isNaN(v)) continue;
    keys[i] = roundedKey(v, scale);
    present[i] = 1;
    m++;
  }
  const sorted = new Float64Array(m);
  for (let i = 0, j = 0; i < n; i++) if (present[i]) sorted[j++] = keys[i];
  sorted.sort();

  let lookup = sorted;
  let length = m;
  if (method === 'dense') {
    // Distinct values only: the count above a value is then its dense rank minus one.
    const distinct = new Float64Array(m);
    let d = 0;
    for (let j = 0; j < m; j++) if (d === 0 || distinct[d - 1] !== sorted[j]) distinct[d++] = sorted[j];
    lookup = distinct;
    length = d;
  }

  const out: (number | null)[] = new Array<number | null>(n);
  for (let i = 0; i < n; i++) {
    out[i] = present[i] ? 1 + length - upperBound(lookup, length, keys[i]) : null;
  }
  return out;
}
