/**
 * The what-if added to the JSON report: `projects[].whatif`, `groups[].whatif`,
 * `total.whatif`, `sheets[].whatif` (months, basis, columns) and a top-level
 * `whatif` (target, indicators, scenario). report-v1's own fields are untouched.
 */
import { colLetter } from '../grid';
import { RANK_DECIMALS } from '../ledger/build-ledger';
import { rankValues } from '../rank';
import type { Ledger, Project, Report, Settings } from '../types';
import { applyAdjustments } from './adjust';
import { groupScope, projectScope, type IndicatorScope } from './indicator-fields';
import { indicatorColumnStart, isLiveOn, type PlannedIndicator } from './indicator-plan';
import { sheetWhatif, type SheetInput } from './pace';
import { toRankFirst } from './rank-first';
import type {
  Adjustment, GroupWhatif, IndicatorReport, PaceFigures, ProjectWhatif, SheetWhatif, WhatifOptions, WhatifReport, WhatifSheetReport,
} from './types';

export interface WhatifIndicator {
  /** Compiled (with evaluate), or plain data when `indicatorValues` are handed in. */
  compiled: PlannedIndicator;
  source: IndicatorReport['source'];
}

export interface WhatifRun {
  /** report-v1 as buildReport made it. */
  report: Report;
  /** The analysed sheets, per file and sheet in the order of report.files[].sheets. */
  sheets: SheetInput[][];
  settings: Settings;
  options: WhatifOptions;
  indicators?: WhatifIndicator[];
  /**
   * Values computed elsewhere (a worker): indicatorValues[i][j] is indicator i on
   * scope j of indicatorScopes(sheets). Without them each indicator's evaluate is used.
   */
  indicatorValues?: readonly (readonly (number | null)[])[];
  adjustments?: Adjustment[];
}

/**
 * Every scope an indicator is evaluated on, in the order buildWhatifReport reads
 * them: per file, per sheet, its projects, then its groups, then its total.
 * Plain data: post them to a worker with the definitions (indicators.ts evaluateBatch).
 */
export function indicatorScopes(sheets: readonly (readonly SheetInput[])[]): IndicatorScope[] {
  const out: IndicatorScope[] = [];
  for (const file of sheets) {
    for (const { ledger } of file) {
      const tp = ledger.timeProgress;
      for (const p of ledger.projects) out.push(projectScope(p, tp));
      const members = membersOf(ledger);
      for (const g of ledger.groups) out.push(groupScope(members.get(g.name) ?? [], g, tp));
      out.push(groupScope(ledger.projects, ledger.total, tp));
    }
  }
  return out;
}

/** Where each sheet's scopes start in indicatorScopes' list: its projects, its groups, its total. */
export function scopeOffsets(sheets: readonly (readonly SheetInput[])[]): { projects: number; groups: number; total: number }[][] {
  let at = 0;
  return sheets.map((file) => file.map(({ ledger }) => {
    const o = { projects: at, groups: at + ledger.projects.length, total: at + ledger.projects.length + ledger.groups.length };
    at = o.total + 1;
    return o;
  }));
}

/** Each group's projects. */
function membersOf(ledger: Ledger): Map<string, Project[]> {
  const members = new Map<string, Project[]>(ledger.groups.map((g) => [g.name, []]));
  for (const p of ledger.projects) members.get(p.group)?.push(p);
  return members;
}

/** Rounds away binary noise, as the report does (whole numbers need no work). */
function clean(x: number | null): number | null {
  if (x === null || Number.isInteger(x)) return x;
  return Number.isFinite(x) ? Number(x.toPrecision(12)) : null;
}

/** The figures as the JSON shows them, built in one go (100,000 projects: no spreads). */
function cleanPace(f: PaceFigures): PaceFigures {
  return {
    monthsLeft: f.monthsLeft,
    requiredMonthly: clean(f.requiredMonthly),
    currentMonthly: clean(f.currentMonthly),
    projectedYearEnd: clean(f.projectedYearEnd),
    projectedRate: clean(f.projectedRate),
    projectedAtBy: clean(f.projectedAtBy),
    onCourse: f.onCourse,
    basis: f.basis,
    plannedToDate: clean(f.plannedToDate),
  };
}


/** Every sheet's what-if, with toRankFirst over all groups given and indicator values. */
export function buildWhatifReport(run: WhatifRun): WhatifReport {
  const { report, settings, options } = run;
  const indicators = run.indicators ?? [];
  const computed: SheetWhatif[][] = run.sheets.map((file) => file.map((s) => sheetWhatif(s, options)));

  // toRankFirst: the ranking of every group of every file, as report.ranking ranks them.
  const entries = run.sheets.flatMap((file) => file.flatMap((s) => s.ledger.groups));
  const ranks = rankValues(entries.map((g) => g.completionRate), settings.rankMethod, RANK_DECIMALS);
  const extra = toRankFirst(entries.map((g, i) => ({ annualPlan: g.annualPlan, completedYtd: g.completedYtd, completionRate: g.completionRate, rank: ranks[i] })));
  let k = 0;
  // The indicators' values, scope by scope in indicatorScopes' order.
  const given = run.indicatorValues;
  let j = 0;
  const valuesOf = (scope: () => IndicatorScope): Record<string, number | null> => {
    const out: Record<string, number | null> = {};
    const sc = given ? null : scope();
    indicators.forEach((ind, i) => {
      const ev = ind.compiled.evaluate;
      out[ind.compiled.name] = clean(given ? given[i]?.[j] ?? null : ev ? ev.call(ind.compiled, sc as IndicatorScope) : null);
    });
    j++;
    return out;
  };

  const files = report.files.map((f, fi) => ({
    ...f,
    sheets: f.sheets.map((sr, si): WhatifSheetReport => {
      const input = run.sheets[fi][si];
      const w = computed[fi][si];
      const { ledger } = input;
      const tp = ledger.timeProgress;
      const members = membersOf(ledger);
      const withValues = <T extends ProjectWhatif | GroupWhatif>(x: T, scope: () => IndicatorScope): T => {
        if (indicators.length) x.indicators = valuesOf(scope);
        return x;
      };
      // No room for the indicator columns on this sheet: none is named (and none is written).
      const start = indicatorColumnStart(input.grid, input.header, indicators.length);
      const indicatorColumns: WhatifSheetReport['whatif']['indicatorColumns'] = {};
      if (start !== null) indicators.forEach((ind, i) => (indicatorColumns[ind.compiled.name] = { column: colLetter(start + i), formula: isLiveOn(ind.compiled, input) }));
      const monthPlanColumns: Record<string, string> = {};
      for (const c of w.monthPlanColumns) monthPlanColumns[String(c.month)] = colLetter(c.c);
      return {
        ...sr,
        projects: sr.projects.map((pr, i) => ({ ...pr, whatif: withValues(cleanPace(w.projects[i]), () => projectScope(ledger.projects[i], tp)) })),
        groups: sr.groups.map((gr, i) => {
          const g = ledger.groups[i];
          const gw: GroupWhatif = { ...cleanPace(w.groups[i]), toRankFirst: clean(extra[k++]) };
          return { ...gr, whatif: withValues(gw, () => groupScope(members.get(g.name) ?? [], g, tp)) };
        }),
        total: { ...sr.total, whatif: withValues(cleanPace(w.total), () => groupScope(ledger.projects, ledger.total, tp)) },
        whatif: {
          asOf: w.timing.asOf,
          by: w.timing.by,
          monthsElapsed: w.timing.monthsElapsed,
          monthsLeft: w.timing.monthsLeft,
          deadlinePassed: w.timing.deadlinePassed,
          basis: w.basis,
          monthPlanColumns,
          indicatorColumns,
        },
      };
    }),
  }));

  const adjustments = run.adjustments ?? [];
  const scenario = adjustments.length === 0
    ? null
    : applyAdjustments(run.sheets.flatMap((file, fi) => file.map((s) => ({ file: report.files[fi].file, ledger: s.ledger }))), adjustments, settings);
  return {
    ...report,
    files,
    whatif: {
      target: options.target,
      by: options.by ?? null,
      indicators: indicators.map((ind) => ({
        name: ind.compiled.name, expression: ind.compiled.expression, source: ind.source,
        fields: [...ind.compiled.fields], formula: ind.compiled.arith !== null,
      })),
      scenario: scenario && cleanScenario(scenario),
    },
  };
}

function cleanScenario(s: NonNullable<WhatifReport['whatif']['scenario']>): NonNullable<WhatifReport['whatif']['scenario']> {
  const entry = (e: (typeof s.before)[number]) => ({
    ...e, annualPlan: clean(e.annualPlan) ?? 0, completedYtd: clean(e.completedYtd) ?? 0, completionRate: clean(e.completionRate), gapPp: clean(e.gapPp),
  });
  return {
    adjustments: s.adjustments.map((a) => ({ ...a, matches: a.matches.map((m) => ({ ...m, before: clean(m.before), after: clean(m.after) })) })),
    before: s.before.map(entry),
    after: s.after.map(entry),
  };
}
