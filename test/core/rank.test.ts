import fc from 'fast-check';
import { rankInto, rankValues } from '../../src/core/rank';
import { roundHalfAway } from '../../src/core/round';

describe('rankValues', () => {
  const cases: [string, (number | null)[], (number | null)[], (number | null)[]][] = [
    // name, values, competition, dense
    ['distinct', [0.5, 0.9, 0.7], [3, 1, 2], [3, 1, 2]],
    ['a tie in second place', [0.9, 0.8, 0.8, 0.7], [1, 2, 2, 4], [1, 2, 2, 3]],
    ['a tie at the top', [0.8, 0.8, 0.8, 0.1], [1, 1, 1, 4], [1, 1, 1, 2]],
    ['nulls are not ranked and not counted', [null, 0.3, null, 0.6], [null, 2, null, 1], [null, 2, null, 1]],
    ['all null', [null, null], [null, null], [null, null]],
    ['empty', [], [], []],
    // 0.6705 is stored as 0.67049999…; rounded half away it is 0.671, as Excel's ROUND gives.
    ['binary noise still ties', [0.6705, 0.671, 0.67], [1, 1, 3], [1, 1, 2]],
    // 0.67041 and 0.6696 both show as 0.670 (0.1 %): a displayed tie is a tie.
    ['ties at the displayed precision', [0.67041, 0.6696, 0.6694], [1, 1, 3], [1, 1, 2]],
    ['negative and zero rates', [0, -0.1, 0.2], [2, 3, 1], [2, 3, 1]],
    ['rates above 100 %', [1.25, 0.98, 1.25], [1, 3, 1], [1, 2, 1]],
  ];
  test.each(cases)('%s', (_name, values, competition, dense) => {
    expect(rankValues(values, 'competition')).toEqual(competition);
    expect(rankValues(values, 'dense')).toEqual(dense);
  });

  test('decimals set the precision compared', () => {
    // To 1 decimal 0.64 and 0.61 are both 0.6; to 2 decimals they differ.
    expect(rankValues([0.64, 0.61], 'competition', 1)).toEqual([1, 1]);
    expect(rankValues([0.64, 0.61], 'competition', 2)).toEqual([1, 2]);
  });

  test('values far apart, and infinities', () => {
    expect(rankValues([1e9, 5, 1e9, -1e9], 'competition')).toEqual([1, 3, 1, 4]);
    expect(rankValues([1e9, 5, 1e9, -1e9], 'dense')).toEqual([1, 2, 1, 3]);
    expect(rankValues([Infinity, 0.5, -Infinity], 'competition')).toEqual([1, 2, 3]);
  });

  test('NaN is treated as missing', () => {
    expect(rankValues([NaN, 0.5], 'dense')).toEqual([null, 1]);
  });

  const valuesArb = fc.array(
    fc.option(fc.double({ min: -2, max: 3, noNaN: true }), { nil: null, freq: 5 }),
    { maxLength: 60 },
  );
  // Small pool so that ties are common.
  const tiedArb = fc.array(fc.option(fc.constantFrom(0.1, 0.25, 0.5, 0.6705, 0.671, 1), { nil: null }), { maxLength: 40 });

  // Far apart once rounded: ranked by sorting rather than by counting.
  const wideArb = fc.array(fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { nil: null, freq: 5 }), { maxLength: 60 });

  test.each([['random', valuesArb], ['tied', tiedArb], ['wide', wideArb]] as const)('property (%s values): definitions of both methods', (_n, arb) => {
    fc.assert(
      fc.property(arb, (values) => {
        const keys = values.map((v) => (v === null ? null : roundHalfAway(v, 3)));
        const present = keys.filter((k): k is number => k !== null);
        const comp = rankValues(values, 'competition');
        const dense = rankValues(values, 'dense');
        for (let i = 0; i < values.length; i++) {
          const k = keys[i];
          if (k === null) {
            if (comp[i] !== null || dense[i] !== null) return false;
            continue;
          }
          const greater = present.filter((x) => x > k);
          if (comp[i] !== 1 + greater.length) return false;
          if (dense[i] !== 1 + new Set(greater).size) return false;
          for (let j = 0; j < values.length; j++) {
            if (keys[j] === k && (comp[j] !== comp[i] || dense[j] !== dense[i])) return false;
          }
        }
        // 1-based, and the best value (if any) ranks 1.
        const ranked = comp.filter((r): r is number => r !== null);
        return ranked.every((r) => r >= 1 && r <= present.length) && (ranked.length === 0 || ranked.includes(1));
      }),
    );
  });

  test('100,000 values', () => {
    const values = Array.from({ length: 100_000 }, (_, i) => ((i * 7919) % 1000) / 1000);
    const ranks = rankValues(values, 'dense');
    // (i·7919) mod 1000 takes every value 0..999 (7919 is prime to 1000): 0.999 ranks 1, 0 ranks 1000.
    expect(ranks[values.indexOf(0.999)]).toBe(1);
    expect(ranks[0]).toBe(1000);
  });
});

describe('rankInto', () => {
  test('writes ranks into a typed array, NaN where there is no value', () => {
    const out = new Float64Array(5).fill(7);
    const values = new Float64Array([0.5, NaN, 0.2, NaN, 0.5]);
    // 0.5 and 0.5 tie for first; 0.2 has one greater distinct value (dense 2) and two greater values (competition 3).
    rankInto(values, 'competition', 3, out);
    expect(Array.from(out)).toEqual([1, NaN, 3, NaN, 1]);
    rankInto(values, 'dense', 3, out);
    expect(Array.from(out)).toEqual([1, NaN, 2, NaN, 1]);
  });

  test('ranks a stretch of a larger array through subarray views, leaving the rest alone', () => {
    const values = new Float64Array([9, 0.1, 0.3, 0.2, 9]);
    const out = new Float64Array(5).fill(-1);
    // Only 0.1, 0.3, 0.2 are ranked: 0.3 → 1, 0.2 → 2, 0.1 → 3.
    rankInto(values.subarray(1, 4), 'competition', 3, out.subarray(1, 4));
    expect(Array.from(out)).toEqual([-1, 3, 1, 2, -1]);
  });

  test('no values: every entry NaN', () => {
    const out = new Float64Array(2);
    rankInto(new Float64Array([NaN, NaN]), 'competition', 3, out);
    expect(Array.from(out)).toEqual([NaN, NaN]);
  });
});
