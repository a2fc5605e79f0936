/**
 * reported-rate-mismatch: a completion rate typed in the sheet that differs from
 * year to date ÷ annual plan by more than settings.rateTolerance. The fix is the
 * computed rate in the column's convention (0.2253, or 22.53 under a `%` header).
 */
import { roundHalfAway } from '../round';
import type { RawIssue } from '../types';
import { colLetter } from '../grid';
import { beyond, columnOf, headerRow, issue, toSheetUnit } from './cells';
import type { Rule } from './rule';

/** Below this many comparable rows a sheet's disagreements are read row by row. */
const SUSPECT_MIN_ROWS = 4;

/** How many typed rates could be compared, and how many disagree. */
export function rateAgreement(ctx: Parameters<Rule>[0]): { compared: number; mismatched: number } {
  const out = { compared: 0, mismatched: 0 };
  if (columnOf(ctx.header, 'reportedRate') === undefined) return out;
  for (const p of ctx.ledger.projects) {
    const { reportedRate: reported, annualPlan: plan, completedYtd: ytd } = p;
    if (reported === null || plan === null || !(plan > 0) || ytd === null) continue;
    out.compared++;
    const diff = reported - ytd / plan;
    if (beyond(diff < 0 ? -diff : diff, ctx.settings.rateTolerance)) out.mismatched++;
  }
  return out;
}

/** Most typed rates disagree: the column reading is suspect, not the rows. */
export function columnsAreSuspect(a: { compared: number; mismatched: number }): boolean {
  return a.compared >= SUSPECT_MIN_ROWS && a.mismatched * 2 > a.compared;
}

/**
 * columns-suspect: the typed rate column disagrees with year to date ÷ annual plan
 * on most rows. Said once, on the rate column's header, instead of one
 * reported-rate-mismatch per row: the columns were likely read wrong.
 */
export const columnsSuspect: Rule = (ctx) => {
  const a = rateAgreement(ctx);
  if (!columnsAreSuspect(a)) return [];
  const { header } = ctx;
  const rateCol = columnOf(header, 'reportedRate')!;
  return [issue('columns-suspect', 'warning', headerRow(header), rateCol, {
    mismatched: a.mismatched,
    compared: a.compared,
    rate: colLetter(rateCol),
    ytd: header.columns.completedYtd === undefined ? '' : colLetter(header.columns.completedYtd),
    plan: header.columns.annualPlan === undefined ? '' : colLetter(header.columns.annualPlan),
  })];
};

export const reportedRateMismatch: Rule = (ctx) => {
  const { header, ledger, settings } = ctx;
  const out: RawIssue[] = [];
  const rateCol = columnOf(header, 'reportedRate');
  if (rateCol === undefined) return out;
  if (columnsAreSuspect(rateAgreement(ctx))) return out;
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
