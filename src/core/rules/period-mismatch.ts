/**
 * period-mismatch: the header or the file name names another period than the one the
 * as-of date was taken from (core/period.ts). The sheet wins: the title over the header,
 * the sheet over the file name. Once per disagreeing text, on the header cell that lost,
 * or, for the file name, on the title or header cell the date was read from.
 */
import type { RawIssue } from '../types';
import { issue } from './cells';
import type { Rule } from './rule';

export const periodMismatch: Rule = ({ ledger }) => {
  const out: RawIssue[] = [];
  for (const k of ledger.periodConflicts ?? []) {
    out.push(issue('period-mismatch', 'warning', k.r, k.c, {
      chosenFrom: k.chosen.from,
      chosen: k.chosen.source,
      otherFrom: k.other.from,
      other: k.other.source,
      otherDate: k.other.date,
      asOf: ledger.asOf,
    }));
  }
  return out;
};
