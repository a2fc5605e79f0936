/**
 * What an indicator expression may read: a project's numeric fields (Project in
 * types.ts, amounts in 万元), plus time progress. Also the `name=expression`
 * syntax and indicators saved in the workbook's settings. No mathjs here: this
 * module is on the start-up path; indicators.ts (mathjs) is loaded on demand.
 */
import type { GroupFigures, Lang, Project } from '../types';
import { WhatifInputError } from './errors';
import type { IndicatorDef } from './types';

export type IndicatorField =
  | 'totalInvestment' | 'completedBeforeYear' | 'annualPlan' | 'monthCompleted' | 'completedYtd'
  | 'completedSinceStart' | 'fundsArrived' | 'reportedRate' | 'completionRate' | 'gapPp'
  | 'rank' | 'rankInGroup' | 'started' | 'timeProgress';

/** The fields, in the order the messages list them. */
export const INDICATOR_FIELDS: readonly IndicatorField[] = [
  'totalInvestment', 'completedBeforeYear', 'annualPlan', 'monthCompleted', 'completedYtd', 'completedSinceStart',
  'fundsArrived', 'reportedRate', 'completionRate', 'gapPp', 'rank', 'rankInGroup', 'started', 'timeProgress',
];
const FIELD_SET: ReadonlySet<string> = new Set(INDICATOR_FIELDS);

export function isIndicatorField(name: string): name is IndicatorField {
  return FIELD_SET.has(name);
}

/** What each field is, for the list of known fields in messages. */
export const INDICATOR_FIELD_LABELS: Record<Lang, Record<IndicatorField, string>> = {
  'zh-CN': {
    totalInvestment: '总投资（万元）', completedBeforeYear: '截至上年底累计完成（万元）', annualPlan: '年度计划投资（万元）',
    monthCompleted: '本月完成（万元）', completedYtd: '本年累计完成（万元）', completedSinceStart: '开工以来累计完成（万元）',
    fundsArrived: '资金到位（万元）', reportedRate: '表中填报的完成率（小数）', completionRate: '投资完成率（小数）',
    gapPp: '与时间进度差（百分点）', rank: '排名', rankInGroup: '组内排名', started: '已开工（1/0）', timeProgress: '时间进度（小数）',
  },
  'zh-TW': {
    totalInvestment: '總投資（萬元）', completedBeforeYear: '截至上年底累計完成（萬元）', annualPlan: '年度計劃投資（萬元）',
    monthCompleted: '本月完成（萬元）', completedYtd: '本年累計完成（萬元）', completedSinceStart: '開工以來累計完成（萬元）',
    fundsArrived: '資金到位（萬元）', reportedRate: '表中填報的完成率（小數）', completionRate: '投資完成率（小數）',
    gapPp: '與時間進度差（百分點）', rank: '排名', rankInGroup: '組內排名', started: '已開工（1/0）', timeProgress: '時間進度（小數）',
  },
  en: {
    totalInvestment: 'total investment (万元)', completedBeforeYear: 'completed before the year (万元)', annualPlan: 'annual plan (万元)',
    monthCompleted: 'completed this month (万元)', completedYtd: 'completed this year (万元)', completedSinceStart: 'completed since start (万元)',
    fundsArrived: 'funds arrived (万元)', reportedRate: 'rate typed in the sheet (fraction)', completionRate: 'completion rate (fraction)',
    gapPp: 'gap to time progress (points)', rank: 'rank', rankInGroup: 'rank in group', started: 'started (1/0)', timeProgress: 'time progress (fraction)',
  },
};

/** The values an indicator reads; null = unknown, and an indicator reading it gives null. */
export type IndicatorScope = Partial<Record<IndicatorField, number | null>>;

export function projectScope(p: Project, timeProgress: number): IndicatorScope {
  return {
    totalInvestment: p.totalInvestment, completedBeforeYear: p.completedBeforeYear, annualPlan: p.annualPlan,
    monthCompleted: p.monthCompleted, completedYtd: p.completedYtd, completedSinceStart: p.completedSinceStart,
    fundsArrived: p.fundsArrived, reportedRate: p.reportedRate, completionRate: p.completionRate, gapPp: p.gapPp,
    rank: p.rank, rankInGroup: p.rankInGroup, started: p.started === null ? null : p.started ? 1 : 0, timeProgress,
  };
}


/**
 * A group read as one big project: amounts are sums over its projects (null when
 * none has the figure), rates and rank the group's own. Per-project fields
 * (typed rate, rank in group, started) are unknown for a group.
 */
export function groupScope(projects: readonly Project[], g: GroupFigures, timeProgress: number): IndicatorScope {
  // One pass with plain property reads: a county may hold tens of thousands of projects.
  const sums = [0, 0, 0, 0, 0, 0, 0];
  const seen = [false, false, false, false, false, false, false];
  const add = (i: number, v: number | null) => {
    if (v !== null) {
      sums[i] += v;
      seen[i] = true;
    }
  };
  for (const p of projects) {
    add(0, p.totalInvestment);
    add(1, p.completedBeforeYear);
    add(2, p.annualPlan);
    add(3, p.monthCompleted);
    add(4, p.completedYtd);
    add(5, p.completedSinceStart);
    add(6, p.fundsArrived);
  }
  const at = (i: number) => (seen[i] ? sums[i] : null);
  return {
    totalInvestment: at(0), completedBeforeYear: at(1), annualPlan: at(2), monthCompleted: at(3), completedYtd: at(4),
    completedSinceStart: at(5), fundsArrived: at(6), completionRate: g.completionRate, gapPp: g.gapPp, rank: g.rank, timeProgress,
  };
}

const MAX_NAME = 40;
// Control characters and the characters a header or a JSON key should not carry.
const BAD_NAME = /[\u0000-\u001f\u007f=＝]/;

/** `资金到位率=fundsArrived / totalInvestment * 100` → name and expression (split at the first `=`). */
export function parseIndicatorSpec(spec: string): IndicatorDef {
  const at = spec.search(/[=＝]/);
  if (at < 0) throw new WhatifInputError('bad-indicator-spec', { spec });
  const name = spec.slice(0, at).trim();
  const expression = spec.slice(at + 1).trim();
  if (name === '' || expression === '' || name.length > MAX_NAME || BAD_NAME.test(name)) {
    throw new WhatifInputError('bad-indicator-spec', { spec });
  }
  return { name, expression };
}

/**
 * Indicators saved in the workbook's settings (the pane's `ledgerCheck.settings`:
 * a JSON object, possibly JSON-encoded twice, with `indicators: [{name, expression}]`).
 * Whatever is malformed is dropped: a hand-edited value never stops a run.
 */
export function savedIndicators(raw: unknown): IndicatorDef[] {
  let v = raw;
  for (let i = 0; i < 2 && typeof v === 'string'; i++) {
    try {
      v = JSON.parse(v);
    } catch {
      return [];
    }
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return [];
  const list = (v as { indicators?: unknown }).indicators;
  if (!Array.isArray(list)) return [];
  const out: IndicatorDef[] = [];
  for (const x of list) {
    if (typeof x !== 'object' || x === null) continue;
    const { name, expression } = x as { name?: unknown; expression?: unknown };
    if (typeof name !== 'string' || typeof expression !== 'string') continue;
    const n = name.trim();
    if (n === '' || n.length > MAX_NAME || BAD_NAME.test(n) || expression.trim() === '') continue;
    out.push({ name: n, expression: expression.trim() });
  }
  return out;
}
