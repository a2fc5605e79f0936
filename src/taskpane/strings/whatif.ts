/**
 * The what-if tab's words, per language (one file each, like strings.ts). Field
 * names of adjustments and indicators, input errors and the projection basis come
 * from the engine (src/core/whatif), so the pane and the command say the same.
 */
import type { Lang } from '../../core/types';
import type { AdjustField } from '../../core/whatif/index';
import { whatifEn } from './whatif-en';
import { whatifZhCN } from './whatif-zh-cn';
import { whatifZhTW } from './whatif-zh-tw';

export interface WhatifStrings {
  tabsLabel: string;
  tabCheck: string;
  tabWhatif: string;
  intro: string;
  computing: string;
  // target and deadline
  timingTitle: string;
  target: string;
  targetHint: string;
  badTarget: string;
  by: string;
  byHint: (december: string) => string;
  badBy: string;
  timing: (p: { asOf: string; elapsed: number; by: string; left: number; basis: string }) => string;
  basis: { pace: string; 'monthly-plan': string };
  deadlinePassed: string;
  // groups and projects
  groupsTitle: string;
  group: string;
  project: string;
  total: string;
  rank: string;
  required: string;
  current: string;
  yearEndRate: string;
  onCourse: string;
  toRankFirst: string;
  yes: string;
  no: string;
  unknown: string;
  perMonth: string;
  projectsTitle: string;
  offCourse: (n: number) => string;
  showAll: (n: number) => string;
  showFewer: string;
  goToRow: (row: number) => string;
  // scenario
  adjustTitle: string;
  adjustHint: string;
  adjustProject: string;
  adjustField: string;
  adjustValue: string;
  adjustValueHint: string;
  adjustAdd: string;
  adjustRemove: (spec: string) => string;
  adjustMatches: (n: number) => string;
  adjustNone: string;
  adjustFields: Record<AdjustField, string>;
  /** The unit of amounts after a number: 万元 (with a space in English). */
  wan: string;
  beforeAfter: string;
  rateChange: string;
  rankChange: string;
  // indicators
  indicatorsTitle: string;
  indicatorsHint: string;
  indicatorsSaved: { excel: string; web: string };
  fieldsTitle: string;
  indicatorName: string;
  indicatorExpression: string;
  indicatorAdd: string;
  indicatorRemove: (name: string) => string;
  indicatorNone: string;
  indicatorOk: string;
  indicatorMissing: string;
  indicatorChecking: string;
  engineLoading: string;
  engineWorker: (seconds: number) => string;
  engineInPane: string;
  engineFailed: string;
  timeout: (seconds: number) => string;
  asFormula: (column: string) => string;
  asValues: (column: string) => string;
  writeIndicators: string;
  writeIndicatorsHint: { excel: string; web: string };
  indicatorsWritten: (n: number) => string;
  /** No `count` free columns after the computed ones (as `ledger whatif` says it). */
  indicatorNoRoom: (sheet: string, count: number) => string;
}

const ALL: Record<Lang, WhatifStrings> = { 'zh-CN': whatifZhCN, 'zh-TW': whatifZhTW, en: whatifEn };

export function whatifStrings(lang: Lang): WhatifStrings {
  return ALL[lang];
}
