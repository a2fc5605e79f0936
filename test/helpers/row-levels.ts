/**
 * A ledger with two row levels, categories outside and counties inside, worked out by hand
 * once for the tests that read it (the row tree, `--group-by level:N`, the pane's picker):
 * 一 工业 › （一）阳谷县: a (100 / 40 / 20), b (100 / 60 / 30); （二）冠县: c (200 / 50 / 10).
 * 二 服务业 › （一）阳谷县: d (100 / 20 / 15); （二）冠县: e (100 / 30 / 5).
 * 阳谷县 = a + b + d: plan 40 + 60 + 20 = 120, done 20 + 30 + 15 = 65 (54.2%).
 * 冠县 = c + e: plan 50 + 30 = 80, done 10 + 5 = 15 (18.8%).
 * 工业 = a + b + c: plan 150, done 60 (40.0%); 服务业 = d + e: plan 50, done 20 (40.0%).
 */
import type { CellValue } from '../../src/core/grid';

/** 序号 | 项目名称 | 总投资 | 年度计划投资 | 1-6月完成投资 */
export const LEVELS_HEAD: CellValue[] = ['序号', '项目名称', '总投资', '年度计划投资', '1-6月完成投资'];

/** The rows under the header. */
export const LEVELS_BODY: CellValue[][] = [
  ['一', '工业', null, null, null],
  ['（一）', '阳谷县', null, null, null],
  [1, 'a', 100, 40, 20],
  [2, 'b', 100, 60, 30],
  ['（二）', '冠县', null, null, null],
  [3, 'c', 200, 50, 10],
  ['二', '服务业', null, null, null],
  ['（一）', '阳谷县', null, null, null],
  [4, 'd', 100, 20, 15],
  ['（二）', '冠县', null, null, null],
  [5, 'e', 100, 30, 5],
];

/** The whole sheet as an office sends it: a title, the header, the rows. */
export const LEVELS_SHEET: CellValue[][] = [['2022年重点项目1-6月进展情况'], LEVELS_HEAD, ...LEVELS_BODY];
