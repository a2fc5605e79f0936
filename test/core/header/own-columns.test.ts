import { findHeader } from '../../../src/core/header/find-header';
import { findOwnColumns, OWN_COLUMN_HEADERS, ownHeaderKey } from '../../../src/core/header/own-columns';
import { PLAN_LABELS } from '../../../src/core/plan-labels';
import type { CellValue } from '../../../src/core/grid';
import { DEFAULT_SETTINGS, LANGS, OUTPUT_KEYS, type HeaderInfo, type Lang } from '../../../src/core/types';
import { gridOf } from '../../helpers/grid';

const settings = { ...DEFAULT_SETTINGS, today: '2022-07-15' };
const USER = ['序号', '县（市、区）', '项目名称', '总投资', '年度计划投资', '1-6月完成投资', '是否开工'];

/** The header row a plan writer leaves: the user's columns, then its own in `lang`, then the rank key. */
function rerun(lang: Lang): CellValue[] {
  const own = OUTPUT_KEYS.map((k) => OWN_COLUMN_HEADERS[lang][k]);
  return [...USER, ...own, PLAN_LABELS[lang].rankKey];
}

function header(rows: CellValue[][], merges: string[] = []): HeaderInfo {
  const h = findHeader(gridOf(rows, merges), settings);
  if ('reason' in h) throw new Error(JSON.stringify(h));
  return h;
}

describe('OWN_COLUMN_HEADERS', () => {
  it('has the five headers in each language', () => {
    expect(OWN_COLUMN_HEADERS['zh-CN']).toEqual({
      completionRate: '完成率', gapPp: '与时间进度差（百分点）', status: '状态', rankInGroup: '组内排名', rank: '排名',
    });
    expect(OWN_COLUMN_HEADERS['zh-TW']).toEqual({
      completionRate: '完成率', gapPp: '與時間進度差（百分點）', status: '狀態', rankInGroup: '組內排名', rank: '排名',
    });
    expect(OWN_COLUMN_HEADERS.en).toEqual({
      completionRate: 'Completion rate', gapPp: 'Gap (pp)', status: 'Status', rankInGroup: 'Rank in group', rank: 'Rank',
    });
  });

  it('recognises every own header in every language, whatever the width of its brackets', () => {
    for (const lang of LANGS) {
      for (const key of OUTPUT_KEYS) expect(ownHeaderKey(OWN_COLUMN_HEADERS[lang][key])).toBe(key);
    }
    expect(ownHeaderKey('与时间进度差(百分点)')).toBe('gapPp');
    expect(ownHeaderKey('gap (PP)')).toBe('gapPp');
    expect(ownHeaderKey('完成率（%）')).toBeUndefined();
  });
});

describe('findOwnColumns', () => {
  it.each<[string, string[], number[]]>([
    ['the full block with the rank key', ['项目名称', '完成率', '与时间进度差（百分点）', '状态', '组内排名', '排名', '排名依据'], [1, 2, 3, 4, 5, 6]],
    ['blank columns after the block are ignored', ['项目名称', '完成率', 'Gap (pp)', '', ''], [1, 2]],
    ['three own headers without the gap', ['项目名称', '状态', '组内排名', '排名'], [1, 2, 3]],
    ['a lone 完成率 at the end is the user\'s', ['项目名称', '年度计划', '完成率'], []],
    ['完成率 and 状态 at the end are the user\'s', ['项目名称', '完成率', '状态'], []],
    ['own headers followed by a user column', ['项目名称', '完成率', '与时间进度差（百分点）', '备注'], []],
    ['a sheet of nothing but own headers', ['完成率', '与时间进度差（百分点）', '状态'], []],
    ['only a rank key', ['项目名称', '排名依据'], []],
  ])('%s', (_name, labels, expected) => {
    expect(findOwnColumns(labels)).toEqual(expected);
  });
});

describe('findHeader with columns from an earlier run', () => {
  it.each(LANGS)('recognises the %s block and maps none of it', (lang) => {
    const h = header([rerun(lang), [1, '阳谷县', '某项目', 100, 50, 25, '是', 0.5, 0, '正常推进', 1, 1, 0.5]]);
    // 7 user columns (0-6), 5 own columns (7-11), the rank key (12)
    expect(h.ownColumns).toEqual([7, 8, 9, 10, 11, 12]);
    expect(h.columns).toEqual({
      index: 0, group: 1, name: 2, totalInvestment: 3, annualPlan: 4, completedYtd: 5, status: 6,
    });
  });

  it('leaves the user\'s 完成率 in the middle to reportedRate', () => {
    const h = header([['项目名称', '年度计划', '1-6月完成', '完成率', '备注', '完成率', '与时间进度差（百分点）', '状态', '组内排名', '排名']]);
    expect(h.columns).toEqual({ name: 0, annualPlan: 1, completedYtd: 2, reportedRate: 3, remarks: 4 });
    expect(h.ownColumns).toEqual([5, 6, 7, 8, 9]);
  });

  it('leaves a user column named 完成率 at the end to reportedRate', () => {
    const h = header([['项目名称', '年度计划', '1-6月完成', '完成率']]);
    expect(h.columns.reportedRate).toBe(3);
    expect(h.ownColumns).toEqual([]);
  });

  it('finds the block written in the last row of a two-row header', () => {
    const h = header([
      ['项目名称', '2022年', null, null, null, null, null, null, null],
      [null, '计划投资', '1-6月完成', '完成率', '与时间进度差（百分点）', '状态', '组内排名', '排名', '排名依据'],
    ], ['A1:A2', 'B1:C1']);
    // The merge of 2022年 covers B..C only, so the own columns have a one-level label.
    expect(h.ownColumns).toEqual([3, 4, 5, 6, 7, 8]);
    expect(h.columns).toEqual({ name: 0, annualPlan: 1, completedYtd: 2 });
  });
});
