import type { CellValue } from '../../src/core/grid';
import type { ReadNumber } from '../../src/core/types';
import { cleanText, numberOf, readNumber, readRate } from '../../src/core/values';

describe('readNumber', () => {
  const cases: [CellValue | undefined, number | null, ReadNumber['kind']][] = [
    [3187, 3187, 'number'],
    [0, 0, 'number'],
    [-12.5, -12.5, 'number'],
    ['3187', 3187, 'text-number'],
    [' 3,187.5 ', 3187.5, 'text-number'],
    ['1,234', 1234, 'text-number'],
    ['1,234,567.25', 1234567.25, 'text-number'],
    ['１２３', 123, 'text-number'], // full-width digits
    ['１，２３４．５', 1234.5, 'text-number'], // full-width comma and point
    ['－５', -5, 'text-number'], // full-width minus
    ['\u22125', -5, 'text-number'], // U+2212 minus sign
    ['12.5%', 0.125, 'text-number'], // 12.5 / 100
    ['12.5 %', 0.125, 'text-number'],
    ['１２.５％', 0.125, 'text-number'], // full-width percent
    ['.5', 0.5, 'text-number'],
    ['1e3', 1000, 'text-number'],
    ['\u200b3187', 3187, 'text-number'], // zero-width space before
    ['约3000', null, 'not-a-number'],
    ['3000左右', null, 'not-a-number'],
    ['—', null, 'not-a-number'],
    ['-', null, 'not-a-number'],
    ['/', null, 'not-a-number'],
    ['无', null, 'not-a-number'],
    ['12,34', null, 'not-a-number'], // not a thousands grouping
    ['3 187', null, 'not-a-number'], // inner space
    ['3000万元', null, 'not-a-number'],
    [true, null, 'not-a-number'],
    [false, null, 'not-a-number'],
    [NaN, null, 'not-a-number'],
    [null, null, 'blank'],
    [undefined, null, 'blank'],
    ['', null, 'blank'],
    ['   ', null, 'blank'],
    ['\u3000', null, 'blank'], // ideographic space
    [{ error: '#DIV/0!' }, null, 'error'],
    [{ error: '#REF!' }, null, 'error'],
  ];
  test.each(cases)('%p → %p (%s)', (v, value, kind) => {
    const got = readNumber(v);
    expect(got.kind).toBe(kind);
    if (value === null) expect(got.value).toBeNull();
    else expect(got.value).toBeCloseTo(value, 12);
    expect(numberOf(v)).toBe(got.value);
  });

  test('keeps the raw cell for messages', () => {
    expect(readNumber(' 3,187 ').raw).toBe(' 3,187 ');
    expect(readNumber({ error: '#N/A' }).raw).toEqual({ error: '#N/A' });
  });
});

describe('readRate', () => {
  const cases: [CellValue, boolean, number | null][] = [
    [0.225, false, 0.225], // a fraction formatted as %
    [22.5, true, 0.225], // 22.5 typed under a `%` header: 22.5 / 100
    ['22.5%', false, 0.225], // the string says percent whatever the column
    ['22.5%', true, 0.225],
    ['0.225', false, 0.225],
    ['22.5', true, 0.225],
    ['—', false, null],
    [null, true, null],
    [{ error: '#DIV/0!' }, false, null],
  ];
  test.each(cases)('%p (percent numbers %p) → %p', (v, pct, want) => {
    const got = readRate(v, pct);
    if (want === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(want, 12);
  });
});

describe('cleanText', () => {
  test('trimmed, invisible characters dropped, full-width forms narrowed', () => {
    expect(cleanText(' \u200b（一）ＡＢ１：\u3000')).toBe('(一)AB1:');
    expect(cleanText('阳谷县')).toBe('阳谷县');
  });
});
