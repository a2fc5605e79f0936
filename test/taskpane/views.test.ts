import type { ProjectReport, SheetReport } from '../../src/core/types';
import { laggingFigures } from '../../src/taskpane/views/lagging';
import { messages } from '../../src/i18n';
import { paneStrings } from '../../src/taskpane/strings';
import type { ViewContext } from '../../src/taskpane/views/context';
import { groupingOptions, parsePoints } from '../../src/taskpane/views/settings';
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

describe('groupingOptions: the 分组 picker', () => {
  const ctxOf = (lang: 'zh-CN' | 'en') => ({ t: paneStrings(lang), m: messages(lang) }) as unknown as ViewContext;
  // Categories outside, counties inside, and a 责任单位 column (test/cli/group-by.test.ts's sheet plus D).
  const sheet = {
    columns: { name: 'B', responsibleUnit: 'D' },
    groupSource: 'heading',
    rowLevels: [
      { level: 1, labels: ['工业', '服务业'], places: false, use: 'subgroup' },
      { level: 2, labels: ['阳谷县', '冠县', '莘县', '东阿县'], places: true, use: 'group' },
    ],
  } as unknown as SheetReport;

  it('offers automatic (saying what it gives), each grouping column and each row level', () => {
    expect(groupingOptions(ctxOf('zh-CN'), sheet)).toEqual([
      { value: '', label: '自动（第2级（地区）：阳谷县、冠县、莘县…）' },
      { value: 'field:responsibleUnit', label: '责任单位（D 列）' },
      { value: 'level:1', label: '第1级：工业、服务业' },
      { value: 'level:2', label: '第2级（地区）：阳谷县、冠县、莘县…' },
    ]);
  });

  it('names the column the automatic choice took, in English too', () => {
    const byColumn = { columns: { group: 'C' }, groupSource: 'group' } as unknown as SheetReport;
    expect(groupingOptions(ctxOf('en'), byColumn)).toEqual([
      { value: '', label: `Automatic (${messages('en').fields.group} (column C))` },
      { value: 'field:group', label: `${messages('en').fields.group} (column C)` },
    ]);
    expect(groupingOptions(ctxOf('zh-CN'), undefined)).toEqual([{ value: '', label: '自动（不分组）' }]);
  });
});

describe('laggingFigures: the lagging list shows the streak once earlier periods were read', () => {
  const base = { name: '甲项目', group: '阳谷县', completionRate: 0.45, gapPp: -5, status: 'behind' } as unknown as ProjectReport;
  it.each([
    // No --previous / no earlier workbook: the report has no behindStreak, nothing is added.
    ['zh-CN', {}, '阳谷县 · 完成率 45.0% · −5.0个百分点'],
    // Behind in May and June: 2 reports in a row.
    ['zh-CN', { behindStreak: 2 }, '阳谷县 · 完成率 45.0% · −5.0个百分点 · 连续2期滞后'],
    ['zh-TW', { behindStreak: 3 }, '阳谷县 · 完成率 45.0% · −5.0個百分點 · 連續3期滯後'],
    ['en', { behindStreak: 2 }, '阳谷县 · Completion rate 45.0% · −5.0 pp · behind 2 reports in a row'],
    // An overdue start is not behind: streak 0, only its group.
    ['zh-CN', { status: 'overdue-start', completionRate: null, gapPp: null, behindStreak: 0 }, '阳谷县'],
  ] as const)('%s %j → %s', (lang, extra, text) => {
    const m = messages(lang);
    expect(laggingFigures(paneStrings(lang), m.ui.completionRate, { ...base, ...extra } as ProjectReport)).toBe(text);
  });
});
