/**
 * This month's column checked against the period: a month pair per coming month (`8月` …
 * `12月` over `当月完成投资额`, the 漳州 campaign tables) names its month, and only the one of
 * the report's month is this month's figure. When none is, the field stays unmapped.
 */
import type { ColumnChoice, Field } from '../types';
import type { ColumnCandidate } from './find-header';
import { namedMonth } from './parts';

export function checkMonthColumn(
  levels: readonly string[][],
  columns: Partial<Record<Field, number>>,
  choices: Partial<Record<Field, ColumnChoice>> | undefined,
  candidates: readonly ColumnCandidate[],
  periodMonth: number | undefined,
  overridden: boolean,
): void {
  const c = columns.monthCompleted;
  if (c === undefined || periodMonth === undefined || overridden) return;
  const named = namedMonth(levels[c]);
  if (named === null || named === periodMonth) return;
  const used = new Set(Object.values(columns));
  const alt = candidates
    .filter((k) => k.field === 'monthCompleted' && !used.has(k.c) && namedMonth(levels[k.c]) === periodMonth)
    .sort((a, b) => b.score - a.score || a.c - b.c)[0];
  if (alt) {
    columns.monthCompleted = alt.c;
    if (choices) choices.monthCompleted = { column: alt.c, source: 'header' };
    return;
  }
  delete columns.monthCompleted;
  if (choices) delete choices.monthCompleted;
}
