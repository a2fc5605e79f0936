/**
 * missing-required: a project row with a blank name, annual plan or year-to-date
 * figure. Plan and year-to-date are errors (the completion rate cannot be computed),
 * except a blank year-to-date on a project marked not started, which reads as 0. A
 * blank name is an error on a row that carries figures (its money is in every total
 * and nobody can tell whose it is), a warning on a row without any.
 */
import type { CellValue } from '../grid';
import type { Field, RawIssue } from '../types';
import { columnOf, issue } from './cells';
import type { Rule } from './rule';

const REQUIRED: readonly Field[] = ['name', 'annualPlan', 'completedYtd'];
// Blank as readNumber sees it: nothing, or only spaces and invisible characters.
const BLANK_TEXT = /^[\s\u200B-\u200D\u2060\u00AD]*$/;

function isBlankCell(v: CellValue): boolean {
  return v === null || (typeof v === 'string' && BLANK_TEXT.test(v));
}

export const missingRequired: Rule = ({ grid, header, ledger }) => {
  const out: RawIssue[] = [];
  const cols = REQUIRED.map((field) => ({ field, c: columnOf(header, field) }));
  const projects = ledger.projects;
  for (let i = 0; i < projects.length; i++) {
    const p = projects[i];
    // A value the ledger read is no blank: only the rest need their cell looked at.
    if (p.name !== '' && p.annualPlan !== null && p.completedYtd !== null) continue;
    const cells = grid.values[p.r] ?? [];
    for (const { field, c } of cols) {
      if (c === undefined || !isBlankCell(cells[c] ?? null)) continue;
      if (field === 'completedYtd' && p.started === false) {
        out.push(issue('missing-required', 'warning', p.r, c, { field }, 0));
      } else {
        const figures = p.totalInvestment !== null || p.annualPlan !== null || p.completedYtd !== null;
        out.push(issue('missing-required', field === 'name' && !figures ? 'warning' : 'error', p.r, c, { field }));
      }
    }
  }
  return out;
};
