/**
 * decreased-since-previous: a cumulative figure lower than in the previous
 * submission. Year to date is compared only within the same year (it restarts in
 * January); completed since start always. A warning: offices do revise figures down
 * after an audit, so this asks for an explanation rather than declaring an error.
 */
import type { Project, RawIssue } from '../types';
import { amountArray } from './amounts';
import { beyond, columnOf, issue, toSheetUnit } from './cells';
import { matchPrevious } from './match-previous';
import type { Rule } from './rule';

// The cumulative figures, read straight off the previous period's few matched projects.
const CUMULATIVE = [
  { field: 'completedYtd', of: (p: Project) => p.completedYtd },
  { field: 'completedSinceStart', of: (p: Project) => p.completedSinceStart },
] as const;

export const decreasedSincePrevious: Rule = ({ header, ledger, previous, settings }) => {
  const out: RawIssue[] = [];
  if (!previous) return out;
  const sameYear = previous.asOf.slice(0, 4) === ledger.asOf.slice(0, 4);
  const fields = sameYear ? CUMULATIVE : CUMULATIVE.filter((f) => f.field !== 'completedYtd');
  const cols = fields.flatMap(({ field, of }) => {
    const c = columnOf(header, field);
    return c === undefined ? [] : [{ field, c, now: amountArray(ledger, field), of }];
  });
  if (!cols.length) return out;
  const { matched } = matchPrevious(ledger, previous);
  const prev = previous.projects;
  ledger.projects.forEach((p, i) => {
    const j = matched[i];
    if (j < 0) return;
    for (const { field, c, now, of } of cols) {
      const before = of(prev[j]);
      // A blank on either side (NaN now, null before) compares false: nothing to say.
      if (before === null || !beyond(before - now[i], settings.sumTolerance)) continue;
      out.push(issue('decreased-since-previous', 'warning', p.r, c, {
        field, value: toSheetUnit(now[i], header), previous: toSheetUnit(before, header), unit: header.unit,
      }));
    }
  });
  return out;
};
