/** date-order: a finish date before the start date, compared at the precision both have. */
import { compareLoose, isoDate } from '../dates';
import type { RawIssue } from '../types';
import { columnOf, issue } from './cells';
import type { Rule } from './rule';

export const dateOrder: Rule = ({ header, ledger }) => {
  const out: RawIssue[] = [];
  const c = columnOf(header, 'finishDate') ?? columnOf(header, 'period') ?? columnOf(header, 'startDate');
  if (c === undefined) return out;
  const projects = ledger.projects;
  for (let i = 0; i < projects.length; i++) {
    const p = projects[i];
    if (p.startDate === null || p.finishDate === null || compareLoose(p.finishDate, p.startDate) >= 0) continue;
    out.push(issue('date-order', 'warning', p.r, c, { start: isoDate(p.startDate), finish: isoDate(p.finishDate) }));
  }
  return out;
};
