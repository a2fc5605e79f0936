import { findMonthPlanColumns, monthPlanMonth, readMonthPlans } from '../../../src/core/whatif/monthly-plan';
import { gridOf } from '../../helpers/grid';
import { analyze, HEAD, MONTHS_7_12 } from './helpers';

describe('monthPlanMonth', () => {
  it.each<[string, number | null]>([
    ['7月计划', 7],
    ['7月份计划', 7],
    ['7月计划投资（万元）', 7],
    ['2022年7月计划', 7],
    ['12月计划投资', 12],
    ['七月计划', 7],
    ['十月计划', 10],
    ['十二月计划', 12],
    ['7 月 计 划', 7],
    ['７月計劃', 7],
    ['按月排进度 / 7月', 7],
    ['2022年计划投资按月分解 / 8月份', 8],
    ['月度计划 / 十一月', 11],
    ['1-7月计划', null], // cumulative
    ['7月完成', null],
    ['7月完成投资', null],
    ['月度完成 / 7月', null],
    ['计划完成情况 / 7月', null],
    ['13月计划', null],
    ['年度计划投资', null],
    ['7月', null], // a month alone, under no planning parent
  ])('%s → %s', (label, want) => {
    expect(monthPlanMonth(label)).toBe(want);
  });
});

describe('findMonthPlanColumns', () => {
  it('finds the monthly plan columns after the ledger columns, in month order', () => {
    const a = analyze([
      [...HEAD, ...MONTHS_7_12],
      [1, '甲县', 'A', 1000, 600, 240, 60, 60, 60, 60, 60, 60],
    ]);
    // HEAD is columns 0..5, so 7月计划 is column 6 … 12月计划 column 11.
    expect(findMonthPlanColumns(a.ledger.header).map((c) => [c.month, c.c, c.factor])).toEqual([
      [7, 6, 1], [8, 7, 1], [9, 8, 1], [10, 9, 1], [11, 10, 1], [12, 11, 1],
    ]);
    expect(a.ledger.header.columns.annualPlan).toBe(4);
  });

  it('takes the first column of a month and the unit of its header', () => {
    const a = analyze([
      [...HEAD, '7月计划（亿元）', '7月计划（调整后）', '8月计划'],
      [1, '甲县', 'A', 1000, 600, 240, 0.006, 70, 60],
    ]);
    expect(findMonthPlanColumns(a.ledger.header).map((c) => [c.month, c.c, c.factor])).toEqual([[7, 6, 10000], [8, 8, 1]]);
  });
});

describe('readMonthPlans', () => {
  it('reads 万元, scales other units, blanks and junk as 0, months without a column as null', () => {
    const grid = gridOf([[null, 0.0123, null, '约50', 5000000]]);
    const cols = [
      { month: 7, c: 1, factor: 10000 }, // 0.0123 亿元 = 123 万元
      { month: 8, c: 2, factor: 1 }, // blank → 0
      { month: 9, c: 3, factor: 1 }, // not a number → 0
      { month: 10, c: 4, factor: 0.0001 }, // 5,000,000 元 = 500 万元
    ];
    const m = readMonthPlans(grid, 0, cols);
    expect(m.length).toBe(13);
    expect(m.slice(7, 11)).toEqual([123, 0, 0, 500]);
    expect(m[6]).toBeNull();
    expect(m[11]).toBeNull();
  });
});
