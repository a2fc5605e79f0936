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
