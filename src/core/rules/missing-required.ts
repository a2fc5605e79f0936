/**
 * missing-required: a project row with a blank name, annual plan or year-to-date
 * figure. Plan and year-to-date are errors (the completion rate cannot be computed),
 * except a blank year-to-date on a project marked not started, which reads as 0.
 */
import { cellAt } from '../grid';
import { readNumber } from '../values';
import type { Field, RawIssue } from '../types';
import { columnOf, issue } from './cells';
import type { Rule } from './rule';

const REQUIRED: readonly Field[] = ['name', 'annualPlan', 'completedYtd'];

export const missingRequired: Rule = ({ grid, header, ledger }) => {
  const out: RawIssue[] = [];
  const cols = REQUIRED.map((field) => ({ field, c: columnOf(header, field) }));
  for (const p of ledger.projects) {
    for (const { field, c } of cols) {
      // readNumber's blank also covers cells holding only spaces or invisible characters.
      if (c === undefined || readNumber(cellAt(grid, p.r, c)).kind !== 'blank') continue;
      if (field === 'completedYtd' && p.started === false) {
        out.push(issue('missing-required', 'warning', p.r, c, { field }, 0));
      } else {
        out.push(issue('missing-required', field === 'name' ? 'warning' : 'error', p.r, c, { field }));
      }
    }
  }
  return out;
};
