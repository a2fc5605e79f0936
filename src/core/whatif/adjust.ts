/**
 * Scenarios: named projects catch up or slip (`--adjust "<code or name>:<field>=<value|+delta|-delta>"`),
 * applied to copies of the projects; the groups' rates and the ranking of every
 * group given are recomputed. The ledgers handed in are never changed.
 */
import { parseIsoDate } from '../dates';
import { RANK_DECIMALS } from '../ledger/build-ledger';
import { computeProject, groupFigures } from '../ledger/figures';
import { byRank, rankValues } from '../rank';
import type { GroupFigures, Ledger, Project, Settings } from '../types';
import { WhatifInputError } from './errors';
import type { AdjustField, Adjustment, AdjustmentMatch, RankedGroup, ScenarioResult } from './types';

/** Field names an adjustment may name, and the Chinese words planners use for them. */
const FIELD_WORDS: Record<string, AdjustField> = {
  totalInvestment: 'totalInvestment', 总投资: 'totalInvestment', 總投資: 'totalInvestment',
  completedBeforeYear: 'completedBeforeYear',
  annualPlan: 'annualPlan', 年度计划投资: 'annualPlan', 年度計劃投資: 'annualPlan', 年度计划: 'annualPlan', 年度計劃: 'annualPlan',
  monthCompleted: 'monthCompleted', 本月完成: 'monthCompleted',
  completedYtd: 'completedYtd', 完成投资: 'completedYtd', 完成投資: 'completedYtd', 累计完成: 'completedYtd', 累計完成: 'completedYtd',
  completedSinceStart: 'completedSinceStart',
  fundsArrived: 'fundsArrived', 资金到位: 'fundsArrived', 資金到位: 'fundsArrived', 到位资金: 'fundsArrived',
  completionRate: 'completionRate', 完成率: 'completionRate', 投资完成率: 'completionRate', 投資完成率: 'completionRate',
};
export const ADJUST_FIELDS: readonly AdjustField[] = [
  'annualPlan', 'completedYtd', 'completionRate', 'totalInvestment', 'completedBeforeYear', 'monthCompleted',
  'completedSinceStart', 'fundsArrived',
];

// key : field = [+|-]number[%]; the key runs to the last colon, so a name may hold one.
const SPEC = /^(.+)[:：]\s*([^:：=＝]+?)\s*[=＝]\s*([+\-−]?)\s*(\d+(?:\.\d*)?|\.\d+)\s*(%?)\s*$/;

/** Parses one `--adjust` value; throws WhatifInputError with a code the messages explain. */
export function parseAdjustment(spec: string): Adjustment {
  const m = SPEC.exec(spec.trim());
  if (!m) throw new WhatifInputError('bad-adjust', { spec });
  const key = m[1].trim();
  const field = FIELD_WORDS[m[2].trim()];
  if (key === '') throw new WhatifInputError('bad-adjust', { spec });
  if (!field) throw new WhatifInputError('unknown-adjust-field', { spec, field: m[2].trim(), known: ADJUST_FIELDS.join(', ') });
  let value = Number(m[4]);
  if (m[5] === '%') {
    if (field !== 'completionRate') throw new WhatifInputError('bad-adjust', { spec });
    value /= 100;
  }
  const sign = m[3];
  if (sign === '-' || sign === '−') value = -value;
  return { spec, key, field, op: sign === '' ? 'set' : 'add', value };
}

export interface ScenarioSheet {
  file: string;
  ledger: Ledger;
}

const SPACES = /\s+/g;
const tidy = (s: string) => s.replace(SPACES, ' ').trim();

/** The groups of every sheet, ranked together as report.ranking ranks them. */
function rankedGroups(sheets: readonly ScenarioSheet[], groupsOf: (i: number) => GroupFigures[], settings: Settings): RankedGroup[] {
  const out: RankedGroup[] = [];
  sheets.forEach((s, i) => {
    for (const g of groupsOf(i)) {
      out.push({
        name: g.name, file: s.file, sheet: s.ledger.sheet, annualPlan: g.annualPlan, completedYtd: g.completedYtd,
        completionRate: g.completionRate, gapPp: g.gapPp, rank: null,
      });
    }
  });
  const ranks = rankValues(out.map((e) => e.completionRate), settings.rankMethod, RANK_DECIMALS);
  out.forEach((e, i) => (e.rank = ranks[i]));
  // Equal ranks keep the order of the files given.
  return byRank(out);
}

/** The projects a key names: those with that code, else those with that name (blanks tidied). */
export function matchProjects<P extends Pick<Project, 'code' | 'name'>>(projects: readonly (readonly P[])[], key: string): { si: number; p: P }[] {
  const k = tidy(key);
  const out: { si: number; p: P }[] = [];
  projects.forEach((ps, si) => ps.forEach((p) => p.code !== null && tidy(p.code) === k && out.push({ si, p })));
  if (out.length === 0) projects.forEach((ps, si) => ps.forEach((p) => tidy(p.name) === k && out.push({ si, p })));
  return out;
}

function fieldValue(p: Project, field: AdjustField): number | null {
  return field === 'completionRate' ? p.completionRate : p[field];
}

/** Applies one adjustment to a project copy; returns false when it cannot apply (a rate without a plan). */
function applyTo(p: Project, a: Adjustment): boolean {
  if (a.field === 'completionRate') {
    if (p.annualPlan === null || p.annualPlan <= 0) return false;
    const rate = a.op === 'set' ? a.value : (p.completionRate ?? 0) + a.value;
    p.completedYtd = Math.max(0, rate) * p.annualPlan;
    return true;
  }
  const old = p[a.field];
  p[a.field] = Math.max(0, a.op === 'set' ? a.value : (old ?? 0) + a.value);
  return true;
}

/**
 * Applies the adjustments in order to copies of the projects they name (by code,
 * else by name; every project that matches) and ranks the groups before and after.
 */
export function applyAdjustments(sheets: readonly ScenarioSheet[], adjustments: readonly Adjustment[], settings: Settings): ScenarioResult {
  const before = rankedGroups(sheets, (i) => sheets[i].ledger.groups, settings);
  const copies: Project[][] = sheets.map((s) => s.ledger.projects.map((p) => ({ ...p })));
  const changed = new Set<number>();
  const results = adjustments.map((a) => {
    const targets = matchProjects(copies, a.key);
    const matches: AdjustmentMatch[] = targets.map(({ si, p }) => {
      const was = fieldValue(p, a.field);
      const ok = applyTo(p, a);
      if (ok) {
        changed.add(si);
        recompute(p, sheets[si].ledger, settings);
      }
      return { file: sheets[si].file, sheet: sheets[si].ledger.sheet, row: p.r + 1, name: p.name, code: p.code, before: was, after: ok ? fieldValue(p, a.field) : null };
    });
    return { ...a, matches };
  });
  const groupsAfter = sheets.map((s, si) => (changed.has(si) ? regroup(s.ledger, copies[si], settings) : s.ledger.groups));
  const after = rankedGroups(sheets, (i) => groupsAfter[i], settings);
  return { adjustments: results, before, after };
}

function recompute(p: Project, ledger: Ledger, settings: Settings): void {
  const f = computeProject(p, ledger.timeProgress, settings, parseIsoDate(ledger.asOf));
  p.completionRate = f.completionRate;
  p.gapPp = f.gapPp;
  p.status = f.status;
}

/** The sheet's groups from adjusted projects, in the ledger's group order. */
function regroup(ledger: Ledger, projects: readonly Project[], settings: Settings): GroupFigures[] {
  const asOf = parseIsoDate(ledger.asOf);
  const members = new Map<string, Project[]>(ledger.groups.map((g) => [g.name, []]));
  for (const p of projects) members.get(p.group)?.push(p);
  return ledger.groups.map((g) => groupFigures(g.name, members.get(g.name) ?? [], ledger.timeProgress, settings, asOf));
}
