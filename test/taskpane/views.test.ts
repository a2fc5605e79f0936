import { parsePoints } from '../../src/taskpane/views/settings';
import { signedPoints } from '../../src/taskpane/views/summary';

describe('signedPoints', () => {
  it.each([
    [4.2, '+4.2'],
    [-3.14, '−3.1'],
    [0.05, '+0.1'], // half away from zero
    [-0.05, '−0.1'],
    [0.04, '0.0'],
    [0, '0.0'],
    [null, '—'],
    [Number.NaN, '—'],
  ])('%p → %s', (gap, text) => {
    expect(signedPoints(gap)).toBe(text);
  });
});

describe('parsePoints', () => {
  it.each([
    ['10', 10],
    [' 2.5 ', 2.5],
    ['0', 0],
    ['100', 100],
    ['', null],
    ['-1', null],
    ['101', null],
    ['十', null],
  ])('%p → %p', (text, value) => {
    expect(parsePoints(text)).toBe(value);
  });
});
