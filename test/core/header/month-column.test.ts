/**
 * A month pair per coming month (`8月` … over `当月完成投资额`): only the report's month is
 * this month's figure; with none of them it stays unmapped.
 */
import { findHeader } from '../../../src/core/header/find-header';
import { namedMonth } from '../../../src/core/header/parts';
import type { CellValue, Grid } from '../../../src/core/grid';
import { parseRange } from '../../fixtures/to-grid';
import { DEFAULT_SETTINGS, type HeaderInfo, type Settings } from '../../../src/core/types';

function read(ytdHeader: string, extra: Partial<Settings> = {}): HeaderInfo {
  const values: CellValue[][] = [
    ['某市战役项目明细表'],
    ['项目名称', '2010年计划投资', ytdHeader, '8月', null, '9月', null],
    [null, null, null, '当月完成投资额（万元）', '形象进度', '当月完成投资额（万元）', '形象进度'],
    ['甲', 800, 400, 50, '施工', 0, ' '],
    ['乙', 600, 240, 30, '施工', 0, ' '],
  ];
  const merges = ['A2:A3', 'B2:B3', 'C2:C3', 'D2:E2', 'F2:G2'].map(parseRange);
  const grid: Grid = { name: 'S', values, numFmts: new Map<number, string>(), merges, hiddenRows: new Set(), hiddenCols: new Set() };
  const h = findHeader(grid, { ...DEFAULT_SETTINGS, today: '2010-10-05', ...extra });
  if ('reason' in h) throw new Error(h.reason);
  return h;
}

describe('this month among named months', () => {
  it('as of July (1-7月): neither 8月 nor 9月 is this month', () => {
    const h = read('2010年1-7月完成投资');
    expect(h.columns.completedYtd).toBe(2);
    expect(h.columns.monthCompleted).toBeUndefined();
  });
  it('as of August (1-8月): the 8月 column', () => {
    expect(read('2010年1-8月完成投资').columns.monthCompleted).toBe(3);
  });
  it('as of September: the 9月 column, though 8月 comes first', () => {
    expect(read('2010年1-9月完成投资').columns.monthCompleted).toBe(5);
    expect(read('2010年累计完成投资', { asOf: '2010-09-30' }).columns.monthCompleted).toBe(5);
  });
  it('a user override is kept whatever month it names', () => {
    expect(read('2010年1-7月完成投资', { columnOverrides: { monthCompleted: 3 } }).columns.monthCompleted).toBe(3);
  });
});

describe('namedMonth', () => {
  it.each([
    [['8月', '当月完成投资额（万元）'], 8],
    [['6月份完成投资'], 6],
    [['1-6月完成投资'], null],
    [['8月至12月计划投资额'], null],
    [['本月完成投资'], null],
    [['2010年', '12月完成'], 12],
  ] as [string[], number | null][])('%j → %s', (levels, m) => {
    expect(namedMonth(levels)).toBe(m);
  });
});

describe('按月排进度: a 计划 | 实际 pair under each month', () => {
  it('reads the pairs as month figures: the plan of a month is no annual plan, its 实际 is this month only for the report\'s month', () => {
    const values: CellValue[][] = [
      ['某县2010年1-3月重点项目推进表'],
      ['项目名称', '年度计划投资', '1-3月完成投资', '1月', null, '2月', null, '3月', null],
      [null, null, null, '计划', '实际', '计划', '实际', '计划', '实际'],
      ['甲', 1200, 330, 100, 90, 100, 110, 100, 130],
      ['乙', 600, 140, 50, 40, 50, 50, 50, 50],
    ];
    const merges = ['A2:A3', 'B2:B3', 'C2:C3', 'D2:E2', 'F2:G2', 'H2:I2'].map(parseRange);
    const grid: Grid = { name: 'S', values, numFmts: new Map<number, string>(), merges, hiddenRows: new Set(), hiddenCols: new Set() };
    const h = findHeader(grid, { ...DEFAULT_SETTINGS, today: '2010-04-05' });
    if ('reason' in h) throw new Error(h.reason);
    expect(h.columns.annualPlan).toBe(1);
    expect(h.columns.completedYtd).toBe(2);
    expect(h.columns.monthCompleted).toBe(8);
  });
});
