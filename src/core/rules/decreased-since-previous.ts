/**
 * decreased-since-previous: a cumulative figure lower than in the previous
 * submission. Year to date is compared only within the same year (it restarts in
 * January); completed since start always. A warning: offices do revise figures down
 * after an audit, so this asks for an explanation rather than declaring an error.
 */
import type { Field, RawIssue } from '../types';
import { amountArray } from './amounts';
import { beyond, columnOf, issue, toSheetUnit } from './cells';
import { matchPrevious } from './match-previous';
import type { Rule } from './rule';

export const decreasedSincePrevious: Rule = ({ header, ledger, previous, settings }) => {
  const out: RawIssue[] = [];
  if (!previous) return out;
  const sameYear = previous.asOf.slice(0, 4) === ledger.asOf.slice(0, 4);
  const fields: Field[] = sameYear ? ['completedYtd', 'completedSinceStart'] : ['completedSinceStart'];
  const cols = fields.flatMap((field) => {
    const c = columnOf(header, field);
    return c === undefined ? [] : [{ field, c, now: amountArray(ledger, field), before: amountArray(previous, field) }];
  });
  if (!cols.length) return out;
  const { matched } = matchPrevious(ledger, previous);
  ledger.projects.forEach((p, i) => {
    const j = matched[i];
    if (j < 0) return;
    for (const { field, c, now, before } of cols) {
      // A blank (NaN) on either side compares false: nothing to say.
      if (!beyond(before[j] - now[i], settings.sumTolerance)) continue;
      out.push(issue('decreased-since-previous', 'warning', p.r, c, {
        field, value: toSheetUnit(now[i], header), previous: toSheetUnit(before[j], header), unit: header.unit,
      }));
    }
  });
  return out;
};
