/** project-added: a project that was not in the previous submission (info, on its name cell). */
import type { RawIssue } from '../types';
import { columnOf, issue } from './cells';
import { matchPrevious } from './match-previous';
import type { Rule } from './rule';

export const projectAdded: Rule = ({ header, ledger, previous }) => {
  const out: RawIssue[] = [];
  if (!previous) return out;
  const c = columnOf(header, 'name') ?? columnOf(header, 'code');
  if (c === undefined) return out;
  const { matched } = matchPrevious(ledger, previous);
  ledger.projects.forEach((p, i) => {
    if (matched[i] < 0) out.push(issue('project-added', 'info', p.r, c, { name: p.name, code: p.code }));
  });
  return out;
};
