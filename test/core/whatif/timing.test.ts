import { monthsElapsed, parseYearMonth, whatifTiming } from '../../../src/core/whatif/timing';
import { timeProgress } from '../../../src/core/ledger/figures';

describe('monthsElapsed', () => {
  it.each<[string, number, string]>([
    ['2022-06-30', 6, 'the last day of June closes June'],
    ['2022-07-05', 6, 'mid-July: July is not reported yet'],
    ['2022-07-31', 7, 'the end of July'],
    ['2022-01-15', 0, 'mid-January: nothing reported'],
    ['2022-12-31', 12, 'the end of the year'],
    ['2024-02-29', 2, 'leap year: 29 February is the last day'],
    ['2023-02-28', 2, 'common year: 28 February is the last day'],
    ['2024-02-28', 1, 'leap year: 28 February is not'],
  ])('%s → %d (%s)', (asOf, want) => {
    expect(monthsElapsed(asOf)).toBe(want);
  });

  it('agrees with time progress on the month basis: elapsed / 12', () => {
    for (const asOf of ['2022-06-30', '2022-07-05', '2022-01-15', '2022-12-31', '2024-02-29']) {
      expect(monthsElapsed(asOf) / 12).toBe(timeProgress(asOf, 'month'));
    }
  });

  it('refuses a date that is not YYYY-MM-DD', () => {
    expect(() => monthsElapsed('2022-06')).toThrow(RangeError);
  });
});

describe('whatifTiming', () => {
  it.each<[string, string | undefined, number, string, boolean]>([
    // left = (by year − as-of year) × 12 + by month − elapsed
    ['2022-06-30', undefined, 12 - 6, '2022-12', false], // default December: 12 − 6 = 6
    ['2022-07-05', undefined, 12 - 6, '2022-12', false], // 6 elapsed, so still 6 left
    ['2022-06-30', '2022-09', 9 - 6, '2022-09', false], // 3
    ['2022-06-30', '2023-03', 12 + 3 - 6, '2023-03', false], // 9
    ['2022-06-30', '2022-06', 6 - 6, '2022-06', true], // 0: deadline reached
    ['2022-09-30', '2022-06', 6 - 9, '2022-06', true], // −3: passed
    ['2022-12-31', undefined, 12 - 12, '2022-12', true], // 0
  ])('%s by %s → %d months left', (asOf, by, left, byOut, passed) => {
    const t = whatifTiming(asOf, by);
    expect(t.monthsLeft).toBe(left);
    expect(t.by).toBe(byOut);
    expect(t.deadlinePassed).toBe(passed);
    expect(t.asOf).toBe(asOf);
  });

  it('refuses a malformed --by', () => {
    expect(() => whatifTiming('2022-06-30', '2022-13')).toThrow(RangeError);
    expect(() => whatifTiming('2022-06-30', '2022/09')).toThrow(RangeError);
  });

  it('parseYearMonth', () => {
    expect(parseYearMonth('2022-09')).toEqual({ year: 2022, month: 9 });
    expect(parseYearMonth(' 2023-12 ')).toEqual({ year: 2023, month: 12 });
    expect(parseYearMonth('2022-9')).toBeNull();
    expect(parseYearMonth('2022-00')).toBeNull();
  });
});
