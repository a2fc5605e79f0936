import fc from 'fast-check';
import { roundHalfAway, toPrecision12 } from '../../src/core/round';

/** The definition toPrecision12 stands in for. */
const reference = (x: number): number => Number(x.toPrecision(12));

describe('toPrecision12', () => {
  it.each([
    [0.1 + 0.2, 0.3],
    [1234.56, 1234.56],
    [2 / 3, 0.666666666667], // 0.666666666666|67 → the 12th digit rounds up
    [-2 / 3, -0.666666666667],
    [123456789012.4, 123456789012], // 12 digits before the point: the fraction goes
    [0, 0],
    [-0, 0], // toPrecision writes -0 as 0
    [1e-12, 1e-12], // outside the computed range: the string decides
    [1e15 + 0.3, 1e15],
  ])('%p → %p', (x, y) => {
    expect(Object.is(toPrecision12(x), y)).toBe(true);
    expect(Object.is(toPrecision12(x), reference(x))).toBe(true);
  });

  it('agrees with the string round trip at and next to halves of the 12th digit', () => {
    // 0.1234567890125 is a half in the 13th digit; its neighbours one ulp away fall either side.
    for (const x of [0.1234567890125, 1.000000000005, 99999999999.5, 999999999999.5, 0.9999999999995, 1234567.890125]) {
      for (const y of [x, x * (1 + Number.EPSILON), x * (1 - Number.EPSILON), -x]) {
        expect([y, toPrecision12(y)]).toEqual([y, reference(y)]);
      }
    }
  });

  it('agrees with the string round trip on any double', () => {
    fc.assert(fc.property(fc.double({ noNaN: true }), (x) => Object.is(toPrecision12(x), reference(x))), { numRuns: 20000 });
  });

  it('agrees with it on amounts, sums and quotients as ledgers make them', () => {
    const cents = fc.integer({ min: -1e9, max: 1e11 }).map((n) => n / 100);
    const sums = fc.array(cents, { minLength: 1, maxLength: 20 }).map((xs) => xs.reduce((s, x) => s + x, 0));
    const quotients = fc.tuple(cents, cents).map(([a, b]) => (b === 0 ? a : a / b));
    const scaled = fc.tuple(quotients, fc.integer({ min: -12, max: 12 })).map(([q, e]) => q * 10 ** e);
    fc.assert(fc.property(fc.oneof(cents, sums, quotients, scaled), (x) => Object.is(toPrecision12(x), reference(x))), { numRuns: 20000 });
  });

  it('leaves infinities and NaN to the string round trip', () => {
    expect(toPrecision12(Infinity)).toBe(Infinity);
    expect(toPrecision12(-Infinity)).toBe(-Infinity);
    expect(toPrecision12(NaN)).toBeNaN();
  });
});

describe('roundHalfAway', () => {
  it.each([
    [0.6705, 3, 0.671], // stored as 0.67049999…, rounded as a spreadsheet does
    [-0.6705, 3, -0.671],
    [2.5, 0, 3],
    [1.005, 2, 1.01],
  ])('roundHalfAway(%p, %p) = %p', (x, d, y) => {
    expect(roundHalfAway(x, d)).toBe(y);
  });
});
