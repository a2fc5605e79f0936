import { daysInMonth, monthEnd, parseAsOf, parseYear } from '../../src/core/as-of';

describe('parseAsOf', () => {
  it.each<[string, ReturnType<typeof parseAsOf>]>([
    ['2022年聊城市重点项目进展情况表（截至6月底）', { year: 2022, month: 6 }],
    ['截至6月底', { month: 6 }],
    ['截止6月底', { month: 6 }],
    ['截至六月底', { month: 6 }],
    ['截至十二月底', { month: 12 }],
    ['截至2022年6月30日', { year: 2022, month: 6, day: 30 }],
    ['截至2022年6月20日', { year: 2022, month: 6, day: 20 }],
    ['截至2022年6月', { year: 2022, month: 6 }],
    ['（截至2022.6.30）', { year: 2022, month: 6, day: 30 }],
    ['截至6月二十日', { month: 6, day: 20 }],
    ['重点项目进展情况（1-3月）', { month: 3 }],
    ['1-6月完成投资', { month: 6 }],
    ['1—6月完成投资', { month: 6 }],
    ['1~6月', { month: 6 }],
    ['1至6月', { month: 6 }],
    ['一至六月', { month: 6 }],
    ['2022年1-9月完成投资', { year: 2022, month: 9 }],
    ['上半年', { month: 6 }],
    ['2022年上半年重点项目观摩', { year: 2022, month: 6 }],
    ['一季度', { month: 3 }],
    ['第一季度', { month: 3 }],
    ['第二季度', { month: 6 }],
    ['前三季度', { month: 9 }],
    ['全年', { month: 12 }],
    ['6月份重点项目进展', { month: 6 }],
    ['2022年6月重点项目旬报', { year: 2022, month: 6 }],
    ['6月上旬', { month: 6, day: 10 }],
    ['6月中旬', { month: 6, day: 20 }],
    ['6月下旬', { month: 6 }], // the month's end
    // traditional and full width
    ['2022年聊城市重點項目進展情況表（截至6月底）', { year: 2022, month: 6 }],
    ['１－６月完成投資', { month: 6 }],
    ['截至2022年2月29日', { year: 2022, month: 2 }], // not a leap year: the day is dropped
  ])('%s', (text, expected) => {
    expect(parseAsOf(text)).toEqual(expected);
  });

  it.each([
    ['1-  月累计完成投资'], // the month is left blank for the filler
    ['1-月'],
    ['2022年1-N月完成投资'],
    ['截至上年底累计完成投资'], // a period before this report
    ['2022年计划投资'],
    ['总投资（万元）'],
    ['项目名称'],
    [''],
    ['截至13月底'],
  ])('%s → null', (text) => {
    expect(parseAsOf(text)).toBeNull();
  });
});

describe('parseYear', () => {
  it('reads a year written with 年', () => {
    expect(parseYear('2022年聊城市重点项目')).toBe(2022);
    expect(parseYear('總投資')).toBeUndefined();
    expect(parseYear('2021-2023')).toBeUndefined();
  });
});

describe('monthEnd', () => {
  it.each([
    [2022, 6, '2022-06-30'],
    [2022, 1, '2022-01-31'],
    [2022, 2, '2022-02-28'],
    [2024, 2, '2024-02-29'], // divisible by 4
    [1900, 2, '1900-02-28'], // divisible by 100, not 400
    [2000, 2, '2000-02-29'], // divisible by 400
    [2022, 9, '2022-09-30'],
    [2022, 12, '2022-12-31'],
  ])('%i-%i → %s', (y, m, out) => {
    expect(monthEnd(y, m)).toBe(out);
  });

  it('counts 365 days in a common year and 366 in a leap year', () => {
    const sum = (y: number) => Array.from({ length: 12 }, (_, i) => daysInMonth(y, i + 1)).reduce((a, b) => a + b, 0);
    expect(sum(2022)).toBe(365);
    expect(sum(2024)).toBe(366);
  });
});
