import { cell, num, pct } from '../../src/i18n/format';

test.each([
  [12000, '12000'],
  [0.30000000000000004, '0.3'],
  [1.23456, '1.2346'],
  [-0.00001, '0'],
  [-100, '-100'],
  [NaN, '—'],
  [null, '—'],
  [undefined, '—'],
  ['3,187', '3,187'],
])('num(%p) = %s', (v, expected) => {
  expect(num(v)).toBe(expected);
});

test.each([
  [0.5, '50%'],
  [0.22534, '22.53%'],
  [1 / 3, '33.33%'],
  [null, '—'],
])('pct(%p) = %s', (v, expected) => {
  expect(pct(v)).toBe(expected);
});

test('cell shows what was typed, a placeholder for nothing', () => {
  expect(cell(' 3187 ')).toBe(' 3187 ');
  expect(cell(false)).toBe('false');
  expect(cell('')).toBe('—');
  expect(cell(null)).toBe('—');
});
