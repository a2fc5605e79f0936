/**
 * The what-if tab's data as rows, with no DOM: the inputs read, the projects in
 * the order shown, the ranking before and after a scenario, project suggestions.
 * Tested without a browser.
 */
import type { ProjectReport, SheetReport } from '../../core/types';
import {
  matchProjects, parseAdjustment, parseYearMonth, WhatifInputError,
  type AdjustField, type RankedGroup, type ScenarioResult, type WhatifProjectReport,
} from '../../core/whatif/index';
import type { IndicatorProblem } from '../whatif/whatif-indicators';

/** The target typed as a percentage (`90`, `90%`, ` 100 `) → a share of the plan; null when not in (0, 1000]. */
export function parseTargetPercent(text: string): number | null {
  const t = text.trim().replace(/[%％]$/, '').trim();
  if (t === '') return null;
  const v = Number(t);
  return Number.isFinite(v) && v > 0 && v <= 1000 ? v / 100 : null;
}

/** The deadline typed: '' → undefined (December of the as-of year), `YYYY-MM` → itself, anything else null. */
export function parseByMonth(text: string): string | undefined | null {
  const t = text.trim();
  if (t === '') return undefined;
  const ym = parseYearMonth(t);
  return ym ? `${ym.year}-${String(ym.month).padStart(2, '0')}` : null;
}

/** A share as the target input shows it: 0.9 → "90". */
export function targetText(target: number): string {
  return String(Number((target * 100).toPrecision(12)));
}

/**
 * Projects as the tab lists them: those off course first, then by the monthly
 * pace they need, largest first (unknown last), then by row.
 */
export function projectOrder(projects: readonly WhatifProjectReport[]): WhatifProjectReport[] {
  const need = (p: WhatifProjectReport) => p.whatif.requiredMonthly ?? -Infinity;
  return projects
    .map((p) => ({ p, off: p.whatif.onCourse === false ? 0 : 1 }))
    .sort((a, b) => a.off - b.off || need(b.p) - need(a.p) || a.p.row - b.p.row)
    .map((x) => x.p);
}

export interface RankChange {
  name: string;
  file: string;
  sheet: string;
  rateBefore: number | null;
  rateAfter: number | null;
  rankBefore: number | null;
  rankAfter: number | null;
}

/** Every group of the scenario in its order after, with its rate and rank before and after. */
export function rankChanges(scenario: ScenarioResult): RankChange[] {
  const key = (e: RankedGroup) => `${e.file}\u0000${e.sheet}\u0000${e.name}`;
  const before = new Map(scenario.before.map((e) => [key(e), e]));
  return scenario.after.map((e) => {
    const b = before.get(key(e));
    return {
      name: e.name, file: e.file, sheet: e.sheet,
      rateBefore: b?.completionRate ?? null, rateAfter: e.completionRate,
      rankBefore: b?.rank ?? null, rankAfter: e.rank,
    };
  });
}

/** `<code or name>:<field>=<value>` from the editor's three inputs. */
export function adjustmentSpec(key: string, field: AdjustField, value: string): string {
  return `${key.trim()}:${field}=${value.trim()}`;
}

/**
 * What is wrong with an adjustment, as the command would say it: its form, or
 * that no project of the check has that code or name. Null when it can be applied.
 */
export function adjustmentProblem(spec: string, sheets: readonly SheetReport[]): IndicatorProblem | null {
  try {
    const a = parseAdjustment(spec);
    if (matchProjects(sheets.map((s) => s.projects), a.key).length === 0) {
      throw new WhatifInputError('adjust-not-found', { spec: a.spec, key: a.key });
    }
    return null;
  } catch (e) {
    if (!(e instanceof WhatifInputError)) throw e;
    return { code: e.code, params: e.params, position: e.position };
  }
}

/**
 * Projects whose name or code holds `text`, for the picker: a name first, then
 * a code; each offered once; at most `limit`.
 */
export function projectSuggestions(sheets: readonly SheetReport[], text: string, limit = 20): { value: string; label: string }[] {
  const t = text.trim();
  const out: { value: string; label: string }[] = [];
  if (t === '') return out;
  const seen = new Set<string>();
  const offer = (value: string, label: string) => {
    if (seen.has(value)) return;
    seen.add(value);
    out.push({ value, label });
  };
  for (const s of sheets) {
    for (const p of s.projects as readonly ProjectReport[]) {
      if (out.length >= limit) return out;
      if (p.name.includes(t)) offer(p.name, p.code ? `${p.code} · ${p.group}` : p.group);
      else if (p.code !== null && p.code.includes(t)) offer(p.code, p.name);
    }
  }
  return out;
}

/** The expression around a problem's position: text before, the character at fault, text after. */
export function faultAt(expression: string, position: number | null): { before: string; at: string; after: string } | null {
  if (position === null || position < 1) return null;
  const i = Math.min(position - 1, expression.length);
  const start = Math.max(0, i - 30);
  const end = Math.min(expression.length, i + 31);
  return {
    before: `${start > 0 ? '…' : ''}${expression.slice(start, i)}`,
    at: i < expression.length ? expression[i] : ' ',
    after: `${expression.slice(i + 1, end)}${end < expression.length ? '…' : ''}`,
  };
}
