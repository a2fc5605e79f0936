import { partsCandidates, readParts } from '../../../src/core/header/parts';

const top = (levels: string[], year?: number) => partsCandidates(levels, year)[0]?.field ?? null;

describe('readParts: scope, qualifier, year, unit, percent', () => {
  it.each([
    [['开工至上一年度底累计完成投资'], 'completed', 'beforeYear'],
    [['截至上年底累计完成'], 'completed', 'beforeYear'],
    [['以前年度完成投资'], 'completed', 'beforeYear'],
    [['开工以来累计完成投资'], 'completed', 'sinceStart'],
    [['自开工累计完成'], 'completed', 'sinceStart'],
    [['本月完成投资'], 'completed', 'month'],
    [['本旬完成'], 'completed', 'month'],
    [['本周完成投资'], 'completed', 'month'],
    [['1-3月实际完成投资(万元)'], 'completed', 'year'],
    [['1至6月完成投资'], 'completed', 'year'],
    [['1-  月完成投资'], 'completed', 'year'],
    [['上半年完成投资'], 'completed', 'year'],
    [['前三季度完成'], 'completed', 'year'],
    [['截至9月底完成投资'], 'completed', 'year'],
    [['今年以来完成投资'], 'completed', 'year'],
    [['累计完成投资'], 'completed', 'cumulative'],
    [['2010年实际完成情况', '累计完成投资'], 'completed', 'year'],
    [['年度计划投资'], 'plan', 'year'],
  ] as [string[], string, string][])('%j → %s over %s', (levels, measure, scope) => {
    const p = readParts(levels);
    expect(p.measure).toBe(measure);
    expect(p.scope).toBe(scope);
  });

  it('reads the qualifier, the year from a parent, the unit and a percent sign', () => {
    const p = readParts(['2010年实际完成情况', '1-3月实际完成投资(万元)']);
    expect(p.qualifier).toBe('actual');
    expect(p.year).toBe(2010);
    expect(p.unit).toBe('万元');
    expect(readParts(['完成投资占年计划%']).percent).toBe(true);
    expect(readParts(['1-3月计划完成投资']).measure).toBe('plan');
  });
});

describe('partsCandidates: the field a header is', () => {
  it.each([
    [['开工至上一年度底累计完成投资'], 'completedBeforeYear'],
    [['2010年实际完成情况', '1-3月实际完成投资(万元)'], 'completedYtd'],
    [['2010年实际完成情况', '完成投资占年计划%'], 'reportedRate'],
    [['开工以来累计完成'], 'completedSinceStart'],
    [['本月完成投资'], 'monthCompleted'],
    [['总投资（亿元）'], 'totalInvestment'],
    [['2022年', '计划投资'], 'annualPlan'],
    [['资金到位'], 'fundsArrived'],
    [['開工以來累計完成投資'], 'completedSinceStart'],
    [['1-6月完成投資'], 'completedYtd'],
  ] as [string[], string][])('%j → %s', (levels, field) => {
    expect(top(levels)).toBe(field);
  });

  it('a lone 累计完成投资 is weak: the year to date or since start, for the figures to decide', () => {
    const c = partsCandidates(['累计完成投资']);
    expect(c.map((x) => x.field).sort()).toEqual(['completedSinceStart', 'completedYtd']);
    expect(c.every((x) => x.weak)).toBe(true);
  });

  it('another year is not this year: 2009年完成 in a 2010 ledger, 2009年计划 neither', () => {
    expect(top(['2009年完成投资'], 2010)).toBeNull();
    expect(top(['2009年计划投资'], 2010)).toBeNull();
    expect(top(['2010年完成投资'], 2010)).toBe('completedYtd');
  });

  it('a monthly plan (按月排进度) is not the annual plan; dates and texts are no figures', () => {
    expect(top(['1-3月计划完成投资'])).toBeNull();
    expect(top(['3月计划'])).toBeNull();
    expect(top(['计划开工时间'])).toBeNull();
    expect(top(['形象进度'])).toBeNull();
  });
});
