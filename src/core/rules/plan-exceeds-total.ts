/**
 * plan-exceeds-total: the annual plan above what remains of the total investment
 * (total − completed before the year, when that is known), else above the total.
 * A warning: totals are often revised upward during the year without the ledger
 * catching up, so this asks for a look rather than declaring the figures wrong.
 */
import type { RawIssue } from '../types';
import { beyond, columnOf, issue, toSheetUnit } from './cells';
import type { Rule } from './rule';

export const planExceedsTotal: Rule = ({ header, ledger, settings }) => {
  const out: RawIssue[] = [];
  const planCol = columnOf(header, 'annualPlan');
  if (planCol === undefined) return out;
  const tol = settings.sumTolerance;
  for (const p of ledger.projects) {
    const { totalInvestment: total, annualPlan: plan, completedBeforeYear: before } = p;
    if (total === null || !(total > 0) || plan === null) continue;
    const remaining = before !== null && before > 0 ? total - before : null;
    if (!beyond(plan - (remaining ?? total), tol)) continue;
    out.push(issue('plan-exceeds-total', 'warning', p.r, planCol, {
      plan: toSheetUnit(plan, header),
      total: toSheetUnit(total, header),
      before: before !== null && before > 0 ? toSheetUnit(before, header) : null,
      remaining: remaining === null ? null : toSheetUnit(remaining, header),
      unit: header.unit,
    }));
  }
  return out;
};
