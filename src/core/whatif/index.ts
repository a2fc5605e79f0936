/**
 * The what-if engine without mathjs (safe on the start-up path). Indicators are
 * compiled by ./indicators, which loads mathjs: import that one on demand.
 */
export * from './types';
export * from './errors';
export { whatifTiming, monthsElapsed, parseYearMonth } from './timing';
export { findMonthPlanColumns, monthPlanMonth, readMonthPlans } from './monthly-plan';
export { paceFigures, projectionBasis, sheetWhatif, type PaceInput, type SheetInput } from './pace';
export { toRankFirst, type RankFirstEntry } from './rank-first';
export { ADJUST_FIELDS, applyAdjustments, matchProjects, parseAdjustment, type ScenarioSheet } from './adjust';
export {
  INDICATOR_FIELDS, INDICATOR_FIELD_LABELS, groupScope, isIndicatorField, parseIndicatorSpec, projectScope, savedIndicators,
  type IndicatorField, type IndicatorScope,
} from './indicator-fields';
export { arithText, evaluateArith, indicatorFormula, type Arith, type FieldRef } from './indicator-formula';
export { indicatorColumnStart, isLiveOn, withIndicators, type IndicatorMeta, type IndicatorSheet, type PlannedIndicator } from './indicator-plan';
export { buildWhatifReport, indicatorScopes, scopeOffsets, type WhatifIndicator, type WhatifRun } from './report';
export { indicatorNoRoomMessage, whatifErrorMessage } from './messages';
export { whatifSummary } from './summary';
