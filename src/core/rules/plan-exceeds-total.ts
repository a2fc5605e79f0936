/**
 * plan-exceeds-total: the annual plan above what remains of the total investment
 * (total − completed before the year, when that is known), else above the total.
 * A warning: totals are often revised upward during the year without the ledger
 * catching up, so this asks for a look rather than declaring the figures wrong.
 */
import type { RawIssue } from '../types';
import { amountArray } from './amounts';
import { beyond, columnOf, issue, toSheetUnit } from './cells';
import type { Rule } from './rule';

export const planExceedsTotal: Rule = ({ header, ledger, settings }) => {
  const out: RawIssue[] = [];
  const planCol = columnOf(header, 'annualPlan');
  if (planCol === undefined) return out;
  const tol = settings.sumTolerance;
  // The figures from the ledger's arrays (NaN = blank: not above 0, beyond nothing).
  const totals = amountArray(ledger, 'totalInvestment');
  const plans = amountArray(ledger, 'annualPlan');
  const befores = amountArray(ledger, 'completedBeforeYear');
  for (let i = 0; i < totals.length; i++) {
    const total = totals[i];
    if (!(total > 0)) continue;
    const plan = plans[i];
    const before = befores[i];
    const remaining = before > 0 ? total - before : null;
    if (!beyond(plan - (remaining ?? total), tol)) continue;
    out.push(issue('plan-exceeds-total', 'warning', ledger.projects[i].r, planCol, {
      plan: toSheetUnit(plan, header),
      total: toSheetUnit(total, header),
      before: before > 0 ? toSheetUnit(before, header) : null,
      remaining: remaining === null ? null : toSheetUnit(remaining, header),
      unit: header.unit,
    }));
  }
  return out;
};
