import fc from 'fast-check';
import type { CellValue } from '../../src/core/grid';
import type { LooseDate } from '../../src/core/types';
import {
  MAX_SERIAL, compareLoose, dateNeedsFormat, dateToSerial, isoDate, parseIsoDate, readDate, readPeriod, serialToDate,
} from '../../src/core/dates';

describe('serialToDate / dateToSerial (Excel 1900 system)', () => {
  const cases: [number, string][] = [
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [60, '1900-02-29'], // the fictitious leap day Excel keeps from Lotus 1-2-3
    [61, '1900-03-01'],
    [25569, '1970-01-01'],
    [36526, '2000-01-01'],
    [43890, '2020-02-29'], // 2020-01-01 = 43831, + 31 (January) + 28
    [44562, '2022-01-01'],
    [44742, '2022-06-30'], // 44562 + 31+28+31+30+31 (Jan–May) + 29
    [45351, '2024-02-29'], // 2024-01-01 = 45292, + 31 + 28
    [MAX_SERIAL, '9999-12-31'],
  ];
  test.each(cases)('%d ↔ %s', (serial, iso) => {
    expect(isoDate(serialToDate(serial))).toBe(iso);
    const [y, m, d] = iso.split('-').map(Number);
    expect(dateToSerial({ year: y, month: m, day: d })).toBe(serial);
  });

  test('the time of day is dropped', () => {
    expect(isoDate(serialToDate(44742.75))).toBe('2022-06-30');
  });

  test('a missing month or day counts as the first', () => {
    expect(dateToSerial({ year: 2022 })).toBe(44562);
    expect(dateToSerial({ year: 2022, month: 6 })).toBe(44713); // 44742 − 29
  });

  test('property: dateToSerial inverts serialToDate over the whole range', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_SERIAL }), (s) => dateToSerial(serialToDate(s)) === s),
    );
  });

  test('property: consecutive serials are consecutive days', () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: MAX_SERIAL - 1 }), (s) => {
        const a = serialToDate(s);
        const b = serialToDate(s + 1);
        return compareLoose(a, b) < 0 && (b.day === (a.day as number) + 1 || b.day === 1);
      }),
    );
  });
});

describe('readDate', () => {
  const valid: [CellValue, string | undefined, string][] = [
    [44742, 'yyyy-mm-dd', '2022-06-30'],
    [44742.5, 'yyyy/m/d h:mm', '2022-06-30'],
    // A date-formatted 2022 is a serial: 1899-12-30 + 2022 days = 1905-07-14
    // (2 days to 1900-01-01, 1826 to 1905-01-01, then 194 = 181 (Jan–Jun) + 13).
    [2022, 'yyyy"年"m"月"d"日"', '1905-07-14'],
    [2022, undefined, '2022'], // a year
    [202206, undefined, '2022-06'], // year and month
    [20220630, undefined, '2022-06-30'],
    [2022.6, undefined, '2022-06'], // `2022.6` typed into a General cell
    [2022.12, undefined, '2022-12'],
    [2022.1, undefined, '2022-01'],
    [2022.1, '0.00', '2022-10'], // shown as 2022.10
    [44742, undefined, '2022-06-30'], // a serial in a General cell
    ['2022.6.30', undefined, '2022-06-30'],
    ['2022-06-30', undefined, '2022-06-30'],
    ['2022/6/30', undefined, '2022-06-30'],
    ['2022-06-30 00:00:00', undefined, '2022-06-30'],
    ['2022年6月', undefined, '2022-06'],
    ['2022年6月30日', undefined, '2022-06-30'],
    ['2022 年 6 月', undefined, '2022-06'],
    ['２０２２年６月', undefined, '2022-06'], // full-width digits
    ['2022年6月底', undefined, '2022-06'],
    ['2022.6', undefined, '2022-06'],
    ['2022年', undefined, '2022'],
    ['2022年底', undefined, '2022'],
    ['2022', undefined, '2022'],
    ['202206', undefined, '2022-06'],
    ['2020-02-29', undefined, '2020-02-29'], // leap year
    ['2000-02-29', undefined, '2000-02-29'], // divisible by 400: leap
  ];
  test.each(valid)('%p (format %p) → %s', (v, fmt, iso) => {
    const got = readDate(v, fmt);
    expect(got.invalid).toBe(false);
    expect(got.date && isoDate(got.date)).toBe(iso);
  });

  const invalid: [CellValue, string | undefined][] = [
    ['2022.13', undefined],
    ['2022-02-30', undefined],
    ['2022-02-29', undefined], // 2022 is not a leap year
    ['2100-02-29', undefined], // divisible by 100, not by 400: not leap
    ['1900-02-29', undefined], // text follows the real calendar, not Excel's bug
    ['2022.6.31', undefined],
    ['2022年13月', undefined],
    ['22.6.30', undefined],
    ['第3季度', undefined],
    [202213, undefined],
    [20220230, undefined],
    [2022.13, undefined],
    [0, 'yyyy-mm-dd'],
    [-3, undefined],
    [3000000, undefined],
    [true, undefined],
  ];
  test.each(invalid)('%p (format %p) is invalid', (v, fmt) => {
    expect(readDate(v, fmt)).toEqual({ date: null, invalid: true });
  });

  const none: CellValue[] = [null, '', '  ', '待定', '—', { error: '#VALUE!' }];
  test.each(none)('%p is no date, and not an invalid one', (v) => {
    expect(readDate(v)).toEqual({ date: null, invalid: false });
  });
});

describe('dateNeedsFormat', () => {
  test('true exactly where the format changes the reading', () => {
    // Years, yyyymm and yyyymmdd read differently with a date format (as serials).
    for (const v of [1900, 2022, 2022.6, 2200, 202206, 220012, 20220630]) expect(dateNeedsFormat(v)).toBe(true);
    for (const v of [1, 1899, 2201, 44742, 44742.5, 189999, 220013, 2958465]) {
      expect(dateNeedsFormat(v)).toBe(false);
      expect(readDate(v)).toEqual(readDate(v, 'yyyy-mm-dd'));
    }
  });

  test('property: where it is false, the format makes no difference', () => {
    fc.assert(
      fc.property(fc.double({ min: -10, max: 3e7, noNaN: true }), (v) =>
        dateNeedsFormat(v) || JSON.stringify(readDate(v)) === JSON.stringify(readDate(v, 'yyyy-mm-dd'))),
    );
  });
});

describe('readPeriod', () => {
  const cases: [CellValue, string | null, string | null][] = [
    ['2021-2023', '2021', '2023'],
    ['2021—2023年', '2021', '2023'],
    ['2021～2023', '2021', '2023'],
    ['2021至2023年', '2021', '2023'],
    ['2021.3-2023.12', '2021-03', '2023-12'],
    ['2021年3月-2023年12月', '2021-03', '2023-12'],
    ['2021-03-2023-12', '2021-03', '2023-12'], // three hyphens: the middle one splits
    ['2021-23', '2021', '2023'], // short finish year takes the start's century
    ['2022年', '2022', '2022'], // a one-year project
    [2022, '2022', '2022'],
    ['2022-06-30', '2022-06-30', null], // a single date: a start
    ['', null, null],
  ];
  test.each(cases)('%p → %p … %p', (v, start, finish) => {
    const got = readPeriod(v);
    expect(got.invalid).toBe(false);
    expect(got.start && isoDate(got.start)).toBe(start);
    expect(got.finish && isoDate(got.finish)).toBe(finish);
  });

  test.each(['2021.13-2023', '2021-2023-12', '2021—2023—2025', '2021-2023.13'])('%p is invalid', (v) => {
    expect(readPeriod(v).invalid).toBe(true);
  });
});

describe('compareLoose', () => {
  const d = (year: number, month?: number, day?: number): LooseDate => ({ year, month, day });
  const cases: [LooseDate, LooseDate, number][] = [
    [d(2021), d(2022, 6, 30), -1],
    [d(2023), d(2022, 6, 30), 1],
    [d(2022), d(2022, 6, 30), 0], // equal at the precision both have
    [d(2022, 6), d(2022, 6, 30), 0],
    [d(2022, 6), d(2022, 7, 1), -1],
    [d(2022, 6, 29), d(2022, 6, 30), -1],
    [d(2022, 6, 30), d(2022, 6, 30), 0],
    [d(2022, 12, 1), d(2022, 6, 30), 1],
  ];
  test.each(cases)('%p vs %p → %d', (a, b, want) => {
    expect(compareLoose(a, b)).toBe(want);
    expect(compareLoose(b, a)).toBe(want === 0 ? 0 : -want);
  });
});

describe('isoDate and parseIsoDate', () => {
  test('as precise as the date', () => {
    expect(isoDate({ year: 2022 })).toBe('2022');
    expect(isoDate({ year: 2022, month: 6 })).toBe('2022-06');
    expect(isoDate({ year: 2022, month: 6, day: 3 })).toBe('2022-06-03');
  });
  test('parses real days only', () => {
    expect(parseIsoDate('2022-06-30')).toEqual({ year: 2022, month: 6, day: 30 });
    expect(parseIsoDate('2022-06-31')).toBeNull();
    expect(parseIsoDate('2022-6-30')).toBeNull();
  });
});
