/**
 * Header wordings of the 山东, 四川 and 江苏 bulletins (test/fixtures/real: cols-binzhou-weekly,
 * cols-shandong-major-monthly, cols-wujin-quarterly): a week's `本周新增投资`, a month's
 * share of the plan under a month parent, a week's span of days as the period, and the
 * county words 所在市 / 所属板块.
 */
import { parseAsOf } from '../../../src/core/as-of';
import { partsCandidates } from '../../../src/core/header/parts';
import { scoreHeader } from '../../../src/core/header/synonyms';

const best = (levels: string[]) => partsCandidates(levels)[0]?.field ?? null;

describe('weekly bulletins', () => {
  it('reads 本周新增投资 as this period\'s completed, 新增投资 under 2020年 as the year\'s', () => {
    expect(best(['本周新增投资'])).toBe('monthCompleted');
    expect(best(['2020年', '新增投资'])).toBe('completedYtd');
  });
  it('takes the last day of a span of days as the period', () => {
    expect(parseAsOf('2020年全市重点投资项目4月13日—4月19日推进情况表')).toEqual({ year: 2020, month: 4, day: 19 });
    expect(parseAsOf('4月27日至5月3日')).toEqual({ month: 5, day: 3 });
    expect(parseAsOf('4月13日至19日')).toEqual({ month: 4, day: 19 });
    // A single day still reads as that day.
    expect(parseAsOf('截至4月19日')).toEqual({ month: 4, day: 19 });
  });
});

describe('a month\'s rate beside the year\'s', () => {
  it('reads `4月份 / 占年度计划（%）` as no completion rate, `年度累计 / 占年度计划（%）` as the rate', () => {
    expect(best(['4月份', '占年度计划（%）'])).toBeNull();
    expect(best(['年度累计', '占年度计划（%）'])).toBe('reportedRate');
    expect(best(['本月完成率'])).toBeNull();
    // A single-level rate of the plan is the completion rate, as before.
    expect(best(['占年度计划（%）'])).toBe('reportedRate');
    expect(best(['2021年', '完成率'])).toBe('reportedRate');
  });
  it('reads the amounts under the same parents as the month\'s and the year\'s', () => {
    expect(best(['4月份', '完成投资'])).toBe('monthCompleted');
    expect(best(['年度累计', '完成投资'])).toBe('completedYtd');
  });
});

describe('county words', () => {
  it('reads 所在市 and 所属板块 as the group', () => {
    expect(scoreHeader(['所在市'])[0].field).toBe('group');
    expect(scoreHeader(['所属板块'])[0].field).toBe('group');
    expect(scoreHeader(['板块'])[0].field).toBe('group');
  });
});
