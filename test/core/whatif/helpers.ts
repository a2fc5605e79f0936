/** Small ledgers for the what-if tests, analysed by the real engine. */
import { analyzeSheet, type SheetAnalysis } from '../../../src/core/analyze';
import type { CellValue } from '../../../src/core/grid';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/core/types';
import { gridOf } from '../../helpers/grid';

export const SETTINGS: Settings = { ...DEFAULT_SETTINGS, today: '2022-07-15', asOf: '2022-06-30' };

export function analyze(rows: CellValue[][], name = 'Sheet1', settings: Settings = SETTINGS): SheetAnalysis {
  const a = analyzeSheet(gridOf(rows, [], name), settings);
  if (!a.ok) throw new Error(`not a ledger: ${a.noLedger.reason} ${a.noLedger.missing.join(',')}`);
  return a;
}

export const HEAD = ['序号', '县（市、区）', '项目名称', '总投资', '年度计划投资', '1-6月完成投资'];
export const MONTHS_7_12 = ['7月计划', '8月计划', '9月计划', '10月计划', '11月计划', '12月计划'];
