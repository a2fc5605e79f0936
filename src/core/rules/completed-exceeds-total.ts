/**
 * completed-exceeds-total: completed before the year + year to date, or completed
 * since the start, above the total investment by more than settings.sumTolerance.
 * A blank or zero total reads as unknown and is not compared.
 */
import type { RawIssue } from '../types';
import { beyond, columnOf, issue, toSheetUnit } from './cells';
import type { Rule } from './rule';

export const completedExceedsTotal: Rule = ({ header, ledger, settings }) => {
  const out: RawIssue[] = [];
  const ytdCol = columnOf(header, 'completedYtd');
  const sinceCol = columnOf(header, 'completedSinceStart');
  const tol = settings.sumTolerance;
  const show = (wan: number | null): number | null => (wan === null ? null : toSheetUnit(wan, header));
  const unit = header.unit;
  for (const p of ledger.projects) {
    const total = p.totalInvestment;
    if (total === null || !(total > 0)) continue;
    if (ytdCol !== undefined && p.completedYtd !== null) {
      const completed = (p.completedBeforeYear ?? 0) + p.completedYtd;
      if (beyond(completed - total, tol)) {
        out.push(issue('completed-exceeds-total', 'error', p.r, ytdCol, {
          field: 'completedYtd',
          completed: show(completed),
          total: show(total),
          before: show(p.completedBeforeYear),
          ytd: show(p.completedYtd),
          unit,
        }));
      }
    }
    if (sinceCol !== undefined && p.completedSinceStart !== null && beyond(p.completedSinceStart - total, tol)) {
      out.push(issue('completed-exceeds-total', 'error', p.r, sinceCol, {
        field: 'completedSinceStart',
        completed: show(p.completedSinceStart),
        total: show(total),
        before: null,
        ytd: null,
        unit,
      }));
    }
  }
  return out;
};
