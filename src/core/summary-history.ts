/**
 * Lag that persists on the 汇总 sheet, below the groups' table, when earlier periods were
 * given: the 挂牌 list (each project with its streak and reasons) and the 摘牌 line, in the
 * words of the 通报 (history/lines.ts).
 */
import type { CellValue } from './grid';
import { historyLines, reasonText } from './history/lines';
import { PLAN_LABELS } from './plan-labels';
import type { HistoryReport, Lang, PlanCell } from './types';

type Put = (r: number, c: number, value: CellValue, extra?: Partial<PlanCell>) => void;

/** Writes the block from row `r0` (0-based); returns the row after it. */
export function historyRows(history: HistoryReport, lang: Lang, r0: number, put: Put): number {
  const l = PLAN_LABELS[lang];
  const lines = historyLines(history, lang);
  let r = r0;
  put(r++, 0, l.listedTitle, { bold: true });
  if (history.listed.length === 0) put(r++, 0, lines[0]);
  else {
    [l.projectName, l.group, l.behindStreak, l.listReasons, l.newlyListed].forEach((text, c) => put(r, c, text, { bold: true }));
    r++;
    for (const p of history.listed) {
      put(r, 0, p.name);
      put(r, 1, p.group);
      put(r, 2, p.behindStreak);
      put(r, 3, reasonText(p, lang));
      put(r, 4, p.newlyListed ? l.yes : '');
      r++;
    }
  }
  // The 摘牌 line, as the bulletin words it.
  if (history.delisted.length > 0) put(r++, 0, lines[1]);
  return r;
}
