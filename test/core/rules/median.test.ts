import fc from 'fast-check';
import { medianInPlace } from '../../../src/core/rules/median';

test.each([
  [[5], 5],
  [[3, 1, 2], 2],
  [[4, 1, 3, 2], 2.5], // (2 + 3) / 2
  [[7, 7, 7, 1], 7],
])('median of %j is %d', (values, expected) => {
  expect(medianInPlace(Float64Array.from(values), values.length)).toBe(expected);
});

test('only the first n values count', () => {
  expect(medianInPlace(Float64Array.from([9, 1, 5, 1000, 1000]), 3)).toBe(5);
});

test('property: equals the median of the sorted values', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 60 }), (values) => {
      const sorted = [...values].sort((a, b) => a - b);
      const n = sorted.length;
      const expected = n % 2 ? sorted[n >> 1] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
      expect(medianInPlace(Float64Array.from(values), n)).toBe(expected);
    }),
  );
});
