/**
 * Header parts met in the real corpus (test/fixtures/real): the report's own period
 * written without its number (`月完成投资` under `2009年完成情况`, `旬完成投资额`,
 * `至   旬完成投资额`), month ranges with 月 on both ends (`8月至12月`) or a letter for the
 * month (`1-N月`), rates of another base than the annual plan, and targets (`力争完成`).
 */
import { assignColumns } from '../../../src/core/header/find-header';
import { partsCandidates, readParts } from '../../../src/core/header/parts';

const top = (levels: string[], year?: number) => partsCandidates(levels, year)[0]?.field ?? null;

describe('the report\'s period without its number is this period', () => {
  it.each([
    [['2009年完成情况', '月完成\n投资']],
    [['月完成情况', '  旬完成投资额']],
    [['月完成情况', '至   旬完成投资额']],
    [['周完成投资']],
  ])('%j → this month', (...levels) => {
    expect(readParts(levels[0]).scope).toBe('month');
    expect(top(levels[0], 2009)).toBe('monthCompleted');
  });

  it('keeps a month range with a letter or a blank for the month as this year', () => {
    expect(readParts(['2022年', '1-N月完成投资']).scope).toBe('year');
    expect(top(['2022年', '1-N月完成投资'])).toBe('completedYtd');
    expect(top(['2009年完成情况', '1-  月累计完成投资'], 2009)).toBe('completedYtd');
  });

  it('`8月至12月计划投资额` is part of the year, so not the annual plan; `月计划投资额` is this month\'s', () => {
    const p = readParts(['8月至12月计划投资额']);
    expect(p.scope).toBe('year');
    expect(p.partOfYear).toBe(true);
    expect(top(['8月至12月计划投资额'])).toBeNull();
    expect(readParts(['月完成情况', '   月计划投资额']).scope).toBe('month');
    expect(top(['月完成情况', '   月计划投资额'])).toBeNull();
  });

  it('a 2009 summary: I is this month, J the year to date (not the other way round)', () => {
    const levels = [['项目名称'], ['年度计划投资'], ['2009年完成情况', '月完成\n投资'], ['2009年完成情况', '1-  月累计完成投资'],
      ['2009年完成情况', '完成年度投资计划%']];
    expect(assignColumns(levels, [], undefined)).toEqual({ name: 0, annualPlan: 1, monthCompleted: 2, completedYtd: 3, reportedRate: 4 });
  });
});

describe('rates of another base are not the completion rate', () => {
  it.each([
    ['本旬占月计划投资额（%）'],
    ['占月计划投资（%）'],
    ['完成1-4月投资计划%'],
    ['占总投资（%）'],
  ])('%s → no field', (h) => {
    expect(top([h])).toBeNull();
  });
  it.each([
    ['完成投资占年计划%'],
    ['占年度计划%'],
    ['投资完成率'],
    ['完成年度投资计划%'],
  ])('%s → reportedRate', (h) => {
    expect(top([h])).toBe('reportedRate');
  });
});

describe('a target is a plan, not a figure done', () => {
  it('`大干150天力争完成的投资额` reads as planned', () => {
    expect(readParts(['大干150天力争完成的投资额（万元）']).measure).toBe('plan');
    expect(partsCandidates(['大干150天力争完成的投资额（万元）']).map((c) => c.field)).not.toContain('completedYtd');
  });
  it('beside the real plan and year to date it takes neither', () => {
    const levels = [['项目名称'], ['2010年计划投资\n（万元）'], ['2010年1-7月完成投资（万元）'], ['大干150天力争完成的投资额（万元）']];
    expect(assignColumns(levels, [], undefined, 2010)).toEqual({ name: 0, annualPlan: 1, completedYtd: 2 });
  });
});

describe('a column the parts read is not also a weak synonym reading of another figure', () => {
  it('`至   旬完成投资额` is this month so far, never the year to date', () => {
    const levels = [['项目名称'], ['总投资'], ['2010年度计划投资额'], ['月完成情况', '  旬完成投资额'], ['月完成情况', '至   旬完成投资额']];
    const cols = assignColumns(levels, [], undefined, 2010);
    expect(cols.completedYtd).toBeUndefined();
    expect(cols.monthCompleted).toBe(3);
  });
});

describe('more scope words met in public key-project systems', () => {
  // 年初至报告期 / 开工至报告期 (the 南平 system's monthly entry form), 本年至当月 and 下一月度 (a
  // contract-level progress table), 开累 (a provincial project's bulletin: 项目开累完成投资).
  it.each([
    [['年初至报告期累计完成投资（万元）'], 'completedYtd'],
    [['本年至当月实际完成投资'], 'completedYtd'],
    [['开工至报告期累计完成投资（万元）'], 'completedSinceStart'],
    [['项目开累完成投资'], 'completedSinceStart'],
    [['开累完成投资'], 'completedSinceStart'],
    [['下旬完成投资'], 'monthCompleted'],
  ] as [string[], string][])('%j → %s', (levels, field) => {
    expect(top(levels)).toBe(field);
  });
  it.each([[['下一月度计划完成投资（万元）']], [['下月计划投资']], [['下年度计划投资']]])('%j is a plan ahead: no field', (levels) => {
    expect(top(levels)).toBeNull();
  });
});

describe('a stretch target never takes the annual plan from the plan', () => {
  it('`2010年力争完成的投资额` left of `2010年计划投资`: the plan is H, whatever the order', () => {
    const levels = [['项目名称'], ['2010年力争完成的投资额（万元）'], ['2010年计划投资\n（万元）'], ['2010年1-7月完成投资（万元）']];
    expect(assignColumns(levels, [], undefined, 2010)).toEqual({ name: 0, annualPlan: 2, completedYtd: 3 });
  });
});

describe('padded words of the 南平 summary sheet (分级管理（在建）)', () => {
  it.each([
    [['1～  月                 完成投资                (万元) '], 'completedYtd'],
    [['年度计划    投资                     (万元)'], 'annualPlan'],
    [['完成投资    占年计划             (%)'], 'reportedRate'],
    [['开工至上一年度底累计完成投资'], 'completedBeforeYear'],
  ] as [string[], string][])('%j → %s', (levels, field) => {
    expect(top(levels)).toBe(field);
  });
});

describe('last year\'s figure for the same span is not this ledger\'s', () => {
  it.each([[['上年同月完成投资']], [['去年同期完成投资']], [['1-6月完成投资', '同比增长%']]])('%j → no field', (levels) => {
    expect(top(levels)).toBeNull();
  });
});
