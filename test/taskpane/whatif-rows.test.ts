/** The what-if tab's rows and inputs, without a browser; and its words in every language. */
import { LANGS, type ProjectReport, type SheetReport } from '../../src/core/types';
import type { ScenarioResult, WhatifProjectReport } from '../../src/core/whatif/index';
import { whatifStrings, type WhatifStrings } from '../../src/taskpane/strings/whatif';
import { amount, indicatorText } from '../../src/taskpane/views/whatif';
import { adjustmentLabel } from '../../src/taskpane/views/whatif-adjust';
import {
  adjustmentProblem, adjustmentSpec, faultAt, parseByMonth, parseTargetPercent, projectOrder, projectSuggestions, rankChanges, targetText,
} from '../../src/taskpane/views/whatif-rows';

describe('parseTargetPercent', () => {
  it.each([
    ['100', 1],
    ['90', 0.9],
    [' 85% ', 0.85],
    ['120％', 1.2],
    ['1000', 10],
    ['0', null],
    ['-10', null],
    ['1001', null],
    ['', null],
    ['九十', null],
  ])('%p → %p', (text, share) => {
    expect(parseTargetPercent(text)).toBe(share);
  });

  it('shows a share back as the percentage typed', () => {
    expect(targetText(0.9)).toBe('90');
    expect(targetText(0.07)).toBe('7'); // 0.07 × 100 = 7.000000000000001, cleaned
    expect(targetText(1.125)).toBe('112.5');
  });
});

describe('parseByMonth', () => {
  it.each([
    ['', undefined],
    ['  ', undefined],
    ['2022-11', '2022-11'],
    [' 2023-02 ', '2023-02'],
    ['2022-13', null],
    ['2022-1', null],
    ['11月', null],
  ])('%p → %p', (text, by) => {
    expect(parseByMonth(text)).toBe(by);
  });
});

const project = (row: number, name: string, code: string | null, required: number | null, onCourse: boolean | null): WhatifProjectReport => ({
  row, name, code, group: '冠县', started: true, totalInvestment: 100, annualPlan: 100, completedYtd: 50, completionRate: 0.5, gapPp: 0,
  status: 'on-track', rankInGroup: null, rank: null,
  whatif: {
    monthsLeft: 6, requiredMonthly: required, currentMonthly: 8, projectedYearEnd: 100, projectedRate: 1, projectedAtBy: 100,
    onCourse, basis: 'pace', plannedToDate: null,
  },
});

describe('projectOrder', () => {
  it('lists those off course first, then by the pace needed, largest first, unknown last, then by row', () => {
    const ps = [
      project(5, 'a', null, 100, true),
      project(6, 'b', null, 50, false),
      project(7, 'c', null, null, null),
      project(8, 'd', null, 300, false),
      project(9, 'e', null, 100, null),
      project(10, 'f', null, 400, true),
    ];
    // Off course: d (300), b (50). Then f (400), a (100, row 5), e (100, row 9), c (unknown).
    expect(projectOrder(ps).map((p) => p.name)).toEqual(['d', 'b', 'f', 'a', 'e', 'c']);
  });
});

describe('rankChanges', () => {
  it('pairs each group after with itself before, in the order after', () => {
    const entry = (name: string, rate: number, rank: number) => ({ name, file: 'f.xlsx', sheet: 's', annualPlan: 1, completedYtd: rate, completionRate: rate, gapPp: 0, rank });
    const scenario: ScenarioResult = {
      adjustments: [],
      before: [entry('临清市', 0.46, 4), entry('莘县', 0.39, 5)],
      after: [entry('莘县', 0.47, 4), entry('临清市', 0.46, 5)],
    };
    expect(rankChanges(scenario)).toEqual([
      { name: '莘县', file: 'f.xlsx', sheet: 's', rateBefore: 0.39, rateAfter: 0.47, rankBefore: 5, rankAfter: 4 },
      { name: '临清市', file: 'f.xlsx', sheet: 's', rateBefore: 0.46, rateAfter: 0.46, rankBefore: 4, rankAfter: 5 },
    ]);
  });
});

const sheet = (projects: Partial<ProjectReport>[]) => ({ projects } as unknown as SheetReport);

describe('adjustments', () => {
  const sheets = [sheet([{ name: '莘县光伏发电项目', code: '2022-371522-44-02-361327', group: '莘县' }, { name: '冠县路网', code: null, group: '冠县' }])];

  it('are written as the command reads them', () => {
    expect(adjustmentSpec(' 冠县路网 ', 'completedYtd', ' +5000 ')).toBe('冠县路网:completedYtd=+5000');
  });

  it.each([
    ['冠县路网:completedYtd=+5000', null],
    ['2022-371522-44-02-361327:completionRate=80%', null],
    ['冠县路网:completedYtd=', 'bad-adjust'],
    ['冠县路网:annualPlan=80%', 'bad-adjust'],
    ['冠县路网:计划=100', 'unknown-adjust-field'],
    ['阳谷路网:completedYtd=100', 'adjust-not-found'],
  ])('%p: %p', (spec, code) => {
    const p = adjustmentProblem(spec, sheets);
    expect(p === null ? null : p.code).toBe(code);
  });

  it('suggests projects by name, then by code, each once, at most the limit', () => {
    expect(projectSuggestions(sheets, '光伏')).toEqual([{ value: '莘县光伏发电项目', label: '2022-371522-44-02-361327 · 莘县' }]);
    expect(projectSuggestions(sheets, '371522')).toEqual([{ value: '2022-371522-44-02-361327', label: '莘县光伏发电项目' }]);
    expect(projectSuggestions(sheets, '县', 1)).toHaveLength(1);
    expect(projectSuggestions(sheets, '  ')).toEqual([]);
  });
});

describe('faultAt', () => {
  it.each([
    ['anualPlan * 2', 1, { before: '', at: 'a', after: 'nualPlan * 2' }],
    ['annualPlan *', 13, { before: 'annualPlan *', at: ' ', after: '' }], // past the end: a blank marks the place
    ['cos.constructor', 4, { before: 'cos', at: '.', after: 'constructor' }],
    ['x', null, null],
  ])('%p at %p', (expression, position, want) => {
    expect(faultAt(expression, position)).toEqual(want);
  });

  it('shows 30 characters either side of a long expression', () => {
    const f = faultAt(`${'a'.repeat(100)}!${'b'.repeat(100)}`, 101)!;
    expect(f).toEqual({ before: `…${'a'.repeat(30)}`, at: '!', after: `${'b'.repeat(30)}…` });
  });
});

describe('indicatorText', () => {
  it.each([
    [11.8181818182, '11.82'],
    [85, '85'],
    [0.005, '0.01'], // half away from zero
    [null, '—'],
    [undefined, '—'],
  ])('%p → %p', (v, text) => {
    expect(indicatorText(v)).toBe(text);
  });
});

/** Every entry as text: sentences called with sample arguments, nested records flattened. */
function texts(t: WhatifStrings): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (prefix: string, o: Record<string, unknown>) => {
    for (const [k, v] of Object.entries(o)) {
      if (typeof v === 'string') out[prefix + k] = v;
      else if (typeof v === 'function') out[prefix + k] = String((v as (a: unknown) => string)({ asOf: 'A', elapsed: 1, by: 'B', left: 2, basis: 'C' }));
      else walk(`${prefix}${k}.`, v as Record<string, unknown>);
    }
  };
  walk('', t as unknown as Record<string, unknown>);
  return out;
}

describe('what-if strings', () => {
  const zh = texts(whatifStrings('zh-CN'));

  it.each(LANGS)('%s has every entry of zh-CN, none empty', (lang) => {
    const t = texts(whatifStrings(lang));
    expect(Object.keys(t).sort()).toEqual(Object.keys(zh).sort());
    for (const [k, v] of Object.entries(t)) expect({ k, empty: v.trim() === '' }).toEqual({ k, empty: false });
  });

  it('puts the figures into its sentences', () => {
    expect(whatifStrings('zh-CN').timing({ asOf: '2022-06-30', elapsed: 6, by: '2022-11', left: 5, basis: '按当前月均进度推算' }))
      .toBe('截至 2022-06-30，已过 6 个月，距 2022-11 还剩 5 个月（按当前月均进度推算）');
    expect(whatifStrings('en').offCourse(1)).toBe('1 project off course');
    expect(whatifStrings('en').offCourse(3)).toBe('3 projects off course');
    expect(whatifStrings('zh-TW').timeout(2)).toBe('指標計算超過 2 秒，已停止。請簡化運算式後重試。');
  });
});

describe('adjustmentLabel', () => {
  it.each([
    ['莘县光伏发电项目:completedYtd=+10000', 'zh-CN', '莘县光伏发电项目 · 本年累计完成 +10000万元'],
    ['蓝山:annualPlan=-5000', 'zh-TW', '蓝山 · 年度計劃投資 −5000萬元'],
    ['甲:completionRate=80%', 'en', '甲 · Completion rate = 80.0%'],
    ['甲:completionRate=+5%', 'zh-CN', '甲 · 完成率 +5.0%'],
    ['甲:totalInvestment=300', 'en', '甲 · Total investment = 300 万元'],
  ] as const)('%p in %s → %p', (spec, lang, text) => {
    expect(adjustmentLabel(spec, whatifStrings(lang))).toBe(text);
  });
});

describe('amount', () => {
  it.each([
    [18720, 'zh-CN', '1.87亿元'],
    [5333.333, 'zh-TW', '5333.33萬元'],
    [18720, 'en', '1.87 亿元'],
    [5333.333, 'en', '5333.33 万元'],
    [null, 'en', '—'],
  ] as const)('%p in %s → %p', (wan, lang, text) => {
    expect(amount(wan, lang)).toBe(text);
  });
});
