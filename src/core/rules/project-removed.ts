/**
 * project-removed: a project of the previous submission that is no longer listed.
 * Its row is gone, so the issue points at the header cell of the name column.
 */
import type { RawIssue } from '../types';
import { columnOf, headerRow, issue } from './cells';
import { matchPrevious } from './match-previous';
import type { Rule } from './rule';

export const projectRemoved: Rule = ({ header, ledger, previous }) => {
  const out: RawIssue[] = [];
  if (!previous) return out;
  const c = columnOf(header, 'name') ?? columnOf(header, 'code') ?? 0;
  const r = headerRow(header);
  for (const p of matchPrevious(ledger, previous).removed) {
    out.push(issue('project-removed', 'info', r, c, { name: p.name, code: p.code, previousRow: p.r + 1 }));
  }
  return out;
};
