/**
 * The sources of a merged city sheet (`ledger merge`): its 来源 column holds `file!sheet!row`
 * per project. What duplicate-project and duplicate-across-files need to tell rows of one
 * file from rows of two, and to name where each came from.
 */
import { cellAt } from '../grid';
import type { RuleContext } from './rule';

export interface RowSource {
  file: string;
  sheet: string;
  /** 1-based row of the source sheet. */
  row: number;
}

/** Per project (ledger order): where it came from; null when the sheet is not a merge. */
export function mergeSources(ctx: RuleContext): (RowSource | null)[] | null {
  const c = ctx.settings.sourceColumn;
  if (c === undefined) return null;
  return ctx.ledger.projects.map((p) => {
    const v = cellAt(ctx.grid, p.r, c);
    if (typeof v !== 'string') return null;
    // The file and sheet names may hold '!' themselves; the row is the last part.
    const m = /^(.*)!([^!]*)!(\d+)$/.exec(v);
    if (!m) return null;
    return { file: m[1], sheet: m[2], row: Number(m[3]) };
  });
}
