/** Lag that persists across periods: streaks, the 挂牌 list and 摘牌. Code outside imports from here. */
export { applyHistory, historyAt, listReasons, workbookHistory, type ProjectHistory } from './streaks';
export { snapshotOf, type PeriodSnapshot, type SnapshotProject } from './snapshot';
export { groupPeriods, monthBefore, type EarlierPeriod, type EarlierWorkbook } from './periods';
export { historyLines } from './lines';
