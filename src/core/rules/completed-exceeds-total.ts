/**
 * completed-exceeds-total: completed before the year + year to date, or completed
 * since the start, above the total investment by more than settings.sumTolerance.
 * A blank or zero total reads as unknown and is not compared.
 */
import type { HeaderInfo, RawIssue } from '../types';
import { amountArray } from './amounts';
import { beyond, columnOf, issue, toSheetUnit } from './cells';
import type { Rule } from './rule';

/** An amount in 万元 as the sheet shows it. */
function shown(wan: number | null, header: HeaderInfo): number | null {
  return wan === null ? null : toSheetUnit(wan, header);
}

export const completedExceedsTotal: Rule = ({ header, ledger, settings }) => {
  const out: RawIssue[] = [];
  const ytdCol = columnOf(header, 'completedYtd');
  const sinceCol = columnOf(header, 'completedSinceStart');
  const tol = settings.sumTolerance;
  const unit = header.unit;
  // The figures from the ledger's arrays (NaN = blank: not above 0, beyond nothing);
  // a project object is looked at only when it has an issue.
  const totals = amountArray(ledger, 'totalInvestment');
  const befores = amountArray(ledger, 'completedBeforeYear');
  const ytds = amountArray(ledger, 'completedYtd');
  const sinces = amountArray(ledger, 'completedSinceStart');
  for (let i = 0; i < totals.length; i++) {
    const total = totals[i];
    if (!(total > 0)) continue;
    if (ytdCol !== undefined) {
      const before = befores[i];
      const completed = (before === before ? before : 0) + ytds[i];
      if (beyond(completed - total, tol)) {
        const p = ledger.projects[i];
        out.push(issue('completed-exceeds-total', 'error', p.r, ytdCol, {
          field: 'completedYtd',
          completed: shown(completed, header),
          total: shown(total, header),
          before: shown(p.completedBeforeYear, header),
          ytd: shown(p.completedYtd, header),
          unit,
        }));
      }
    }
    if (sinceCol !== undefined && beyond(sinces[i] - total, tol)) {
      const p = ledger.projects[i];
      out.push(issue('completed-exceeds-total', 'error', p.r, sinceCol, {
        field: 'completedSinceStart',
        completed: shown(p.completedSinceStart, header),
        total: shown(total, header),
        before: null,
        ytd: null,
        unit,
      }));
    }
  }
  return out;
};
