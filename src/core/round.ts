/**
 * Round half away from zero, as Excel's ROUND does, robust to binary noise:
 * 0.6705 is stored as 0.67049999…, which a spreadsheet still rounds to 0.671.
 */
export function roundHalfAway(x: number, decimals: number): number {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** decimals;
  const scaled = Math.abs(x) * f;
  // Nudge by a few ulps of the scaled value so decimal halves stored just below .5 round up.
  const nudged = scaled + scaled * 4 * Number.EPSILON;
  const r = Math.round(nudged) / f;
  return x < 0 ? -r : r;
}

// Powers of ten up to 10^22, the largest a double holds exactly.
const POW10: readonly number[] = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/**
 * Number(x.toPrecision(12)): x to 12 significant digits, the binary noise of a sum
 * (0.1 + 0.2) rounded away. The string round trip costs a few hundred nanoseconds,
 * a report calls it for every figure of every project: the usual case is computed
 * instead. x · 10^k (k chosen so 12 digits lie before the point) is off the exact
 * product by at most 1.2e-4, so unless it lies within 1e-3 of a half its nearest
 * whole number n is the one toPrecision finds, and n / 10^k (both exact, the division
 * correctly rounded) is the double Number would read. Near halves, outside
 * 1e-10 ≤ |x| < 1e11 and for non-finite x, the string round trip decides.
 */
export function toPrecision12(x: number): number {
  if (x === 0) return 0; // -0 too: toPrecision writes it as 0
  const a = x < 0 ? -x : x;
  if (!(a >= 1e-10 && a < 1e11)) return Number(x.toPrecision(12));
  const k = 11 - Math.floor(Math.log10(a));
  const scaled = a * POW10[k];
  // Math.log10 may be one off next to a power of ten: then let the string decide.
  if (!(scaled >= 1e11 && scaled < 1e12)) return Number(x.toPrecision(12));
  const whole = Math.floor(scaled);
  const frac = scaled - whole;
  if (frac > 0.499 && frac < 0.501) return Number(x.toPrecision(12));
  const n = frac < 0.5 ? whole : whole + 1;
  if (n >= 1e12) return Number(x.toPrecision(12));
  const r = n / POW10[k];
  return x < 0 ? -r : r;
}
