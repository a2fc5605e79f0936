/**
 * Ranking, highest first: competition ranks (1, 2, 2, 4) as Excel's RANK.EQ gives,
 * or dense ranks (1, 2, 2, 3), the 中国式排名 of government tables. Values are
 * rounded to the displayed precision first so that ties that look like ties rank alike.
 */
import type { RankMethod } from './types';
import { f64Scratch, i32Scratch, u8Scratch } from './scratch';

// Working arrays of one ranking, taken again by the next (none leaves this module's calls).
const SORTED = f64Scratch();
const DISTINCT = f64Scratch();
const COUNTS = i32Scratch();
const ABOVE = i32Scratch();
const KEYS = f64Scratch();
const PRESENT = u8Scratch();
const NUMBERS = f64Scratch();
const RANKS = f64Scratch();

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

/** Ranks by sorting the keys: O(n log n), any spread of values. */
function rankBySort(keys: Float64Array, present: Uint8Array, m: number, dense: boolean, out: Float64Array): void {
  const n = keys.length;
  const sorted = SORTED.take(m);
  for (let i = 0, j = 0; i < n; i++) if (present[i]) sorted[j++] = keys[i];
  sorted.sort();
  let lookup = sorted;
  let length = m;
  if (dense) {
    // Distinct values only: the count above a value is then its dense rank minus one.
    const distinct = DISTINCT.take(m);
    let d = 0;
    for (let j = 0; j < m; j++) if (d === 0 || distinct[d - 1] !== sorted[j]) distinct[d++] = sorted[j];
    lookup = distinct;
    length = d;
  }
  for (let i = 0; i < n; i++) if (present[i]) out[i] = 1 + length - upperBound(lookup, length, keys[i]);
}

/**
 * Ranks by counting: O(n + spread). Rounded rates are whole numbers in a narrow
 * band (0..2000 for 0–200 % to 0.1 %), so this is the usual path.
 */
function rankByCount(keys: Float64Array, present: Uint8Array, min: number, spread: number, dense: boolean, out: Float64Array): void {
  const n = keys.length;
  const counts = COUNTS.take(spread + 1);
  for (let i = 0; i < n; i++) if (present[i]) counts[keys[i] - min]++;
  // above[k]: how many values (or distinct values) are greater than min + k.
  const above = ABOVE.take(spread + 1);
  let acc = 0;
  for (let k = spread; k >= 0; k--) {
    above[k] = acc;
    if (counts[k] > 0) acc += dense ? 1 : counts[k];
  }
  for (let i = 0; i < n; i++) if (present[i]) out[i] = 1 + above[keys[i] - min];
}

/**
 * Ranks of `values`, highest first; null (and NaN) values get null and do not count.
 * Competition rank = 1 + how many values are strictly greater; dense rank = 1 + how
 * many distinct values are strictly greater. O(n log n) at worst.
 */
export function rankValues(values: readonly (number | null)[], method: RankMethod, decimals = 3): (number | null)[] {
  const n = values.length;
  const numbers = NUMBERS.take(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    numbers[i] = v === null ? NaN : v;
  }
  const ranks = RANKS.take(n);
  rankInto(numbers, method, decimals, ranks);
  const out = new Array<number | null>(n);
  for (let i = 0; i < n; i++) out[i] = ranks[i] === ranks[i] ? ranks[i] : null;
  return out;
}

/**
 * rankValues over a typed array (NaN = no value), written into `out` (same length),
 * NaN where there is no value: for callers that keep many values in typed arrays.
 */
export function rankInto(values: Float64Array, method: RankMethod, decimals: number, out: Float64Array): void {
  const n = values.length;
  const keys = KEYS.take(n);
  const present = PRESENT.take(n);
  const scale = 10 ** decimals;
  let m = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v !== v) continue;
    const k = roundedKey(v, scale);
    keys[i] = k;
    present[i] = 1;
    if (k < min) min = k;
    if (k > max) max = k;
    m++;
  }
  out.fill(NaN, 0, n);
  if (m === 0) return;
  const spread = max - min;
  const dense = method === 'dense';
  if (spread <= 4 * m + 1024) rankByCount(keys, present, min, spread, dense, out);
  else rankBySort(keys, present, m, dense, out);
}

/**
 * A copy of the items best rank first, the unranked last; equal ranks keep their order
 * (the sort is stable), so groups tied in a table stay in the ledger's or the files' order.
 */
export function byRank<T extends { rank: number | null }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
}
