/**
 * Indicator columns (`指标：资金到位率`) written after the tool's own columns must be
 * recognised as the tool's on a second run, never read as the user's data.
 */
import { findHeader } from '../../../src/core/header/find-header';
import { findOwnColumns, INDICATOR_HEADER_PREFIX, isIndicatorHeader, OWN_COLUMN_HEADERS } from '../../../src/core/header/own-columns';
import { PLAN_LABELS } from '../../../src/core/plan-labels';
import type { CellValue } from '../../../src/core/grid';
import { DEFAULT_SETTINGS, LANGS, OUTPUT_KEYS, type Lang } from '../../../src/core/types';
import { gridOf } from '../../helpers/grid';

const USER = ['序号', '县（市、区）', '项目名称', '总投资', '年度计划投资', '1-6月完成投资', '资金到位'];

function ownBlock(lang: Lang): string[] {
  return [...OUTPUT_KEYS.map((k) => OWN_COLUMN_HEADERS[lang][k]), PLAN_LABELS[lang].rankKey];
}

describe('isIndicatorHeader', () => {
  it.each<[string, boolean]>([
    ['指标：资金到位率', true],
    ['指标:资金到位率', true], // half-width colon
    ['指標：資金到位率', true],
    ['Indicator: funds ratio', true],
    ['indicator:score', true],
    ['指标：', false], // a prefix with no name
    ['资金到位率', false],
    ['考核指标', false],
  ])('%s → %s', (text, want) => {
    expect(isIndicatorHeader(text)).toBe(want);
  });

  it('recognises the prefix written in every language', () => {
    for (const lang of LANGS) expect(isIndicatorHeader(`${INDICATOR_HEADER_PREFIX[lang]}x`)).toBe(true);
  });
});

describe('findOwnColumns with indicator columns', () => {
  it('takes indicator columns after the rank key into the block', () => {
    // USER is columns 0..6, own block 7..12 (five outputs and the rank key), indicators 13, 14.
    const labels = [...USER, ...ownBlock('zh-CN'), '指标：资金到位率', '指标：得分'];
    expect(findOwnColumns(labels)).toEqual([7, 8, 9, 10, 11, 12, 13, 14]);
  });

  it('does not take indicator-like columns when there is no own block', () => {
    expect(findOwnColumns([...USER, '指标：资金到位率'])).toEqual([]);
  });

  it('leaves the header finder mapping user columns only: 资金到位 stays column 6', () => {
    const row: CellValue[] = [...USER, ...ownBlock('zh-CN'), '指标：资金到位', '指标：投资完成率'];
    const data: CellValue[] = [1, '阳谷县', '甲项目', 1000, 500, 250, 300];
    const h = findHeader(gridOf([row, data]), { ...DEFAULT_SETTINGS, today: '2022-07-15' });
    if ('reason' in h) throw new Error(h.reason);
    expect(h.ownColumns).toEqual([7, 8, 9, 10, 11, 12, 13, 14]);
    expect(h.columns.fundsArrived).toBe(6);
    // Without the recognition, `指标：投资完成率` would be taken for the typed rate column.
    expect(h.columns.reportedRate).toBeUndefined();
  });
});
