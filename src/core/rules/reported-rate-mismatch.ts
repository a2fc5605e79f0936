/**
 * reported-rate-mismatch: a completion rate typed in the sheet that differs from
 * year to date ÷ annual plan by more than settings.rateTolerance. The fix is the
 * computed rate in the column's convention (0.2253, or 22.53 under a `%` header).
 */
import { roundHalfAway } from '../round';
import type { RawIssue } from '../types';
import { beyond, columnOf, issue, toSheetUnit } from './cells';
import type { Rule } from './rule';

export const reportedRateMismatch: Rule = ({ header, ledger, settings }) => {
  const out: RawIssue[] = [];
  const rateCol = columnOf(header, 'reportedRate');
  if (rateCol === undefined) return out;
  const projects = ledger.projects;
  for (let i = 0; i < projects.length; i++) {
    const p = projects[i];
    const { reportedRate: reported, annualPlan: plan, completedYtd: ytd } = p;
    if (reported === null || plan === null || !(plan > 0) || ytd === null) continue;
    const computed = ytd / plan;
    const diff = reported - computed;
    if (!beyond(diff < 0 ? -diff : diff, settings.rateTolerance)) continue;
    const fix = header.ratePercentNumbers ? roundHalfAway(computed * 100, 2) : roundHalfAway(computed, 4);
    out.push(issue('reported-rate-mismatch', 'warning', p.r, rateCol, {
      reported,
      computed,
      ytd: toSheetUnit(ytd, header),
      plan: toSheetUnit(plan, header),
      unit: header.unit,
    }, fix));
  }
  return out;
};
