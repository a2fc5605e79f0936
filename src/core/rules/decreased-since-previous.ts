/**
 * decreased-since-previous: a cumulative figure lower than in the previous
 * submission. Year to date is compared only within the same year (it restarts in
 * January); completed since start always. A warning: offices do revise figures down
 * after an audit, so this asks for an explanation rather than declaring an error.
 */
import type { Field, RawIssue } from '../types';
import { amountGetter, beyond, columnOf, issue, toSheetUnit } from './cells';
import { matchPrevious } from './match-previous';
import type { Rule } from './rule';

export const decreasedSincePrevious: Rule = ({ header, ledger, previous, settings }) => {
  const out: RawIssue[] = [];
  if (!previous) return out;
  const sameYear = previous.asOf.slice(0, 4) === ledger.asOf.slice(0, 4);
  const fields: Field[] = sameYear ? ['completedYtd', 'completedSinceStart'] : ['completedSinceStart'];
  const cols = fields.flatMap((field) => {
    const c = columnOf(header, field);
    return c === undefined ? [] : [{ field, c, get: amountGetter(field) }];
  });
  if (!cols.length) return out;
  const { matched } = matchPrevious(ledger, previous);
  ledger.projects.forEach((p, i) => {
    const prev = matched[i];
    if (!prev) return;
    for (const { field, c, get } of cols) {
      const now = get(p);
      const before = get(prev);
      if (now === null || before === null || !beyond(before - now, settings.sumTolerance)) continue;
      out.push(issue('decreased-since-previous', 'warning', p.r, c, {
        field, value: toSheetUnit(now, header), previous: toSheetUnit(before, header), unit: header.unit,
      }));
    }
  });
  return out;
};
