/**
 * Which projects each total, subtotal and heading row covers:
 * - a total (合计) covers every project of the sheet;
 * - a closing subtotal (`小计`, `阳谷县合计`) covers the block that began after the
 *   last heading, subtotal or total row; when that block is empty and projects follow,
 *   the line is written above its block (`阳谷县合计12个` under the 合计) and covers the
 *   projects below it, up to the next subtotal or total row; the sheet's later lines of
 *   that level followed by projects are written the same way;
 * - a heading (with or without figures) covers the projects below it until the next
 *   heading of the same or a higher level (a smaller number), or a total row.
 * The classifier gives a closing subtotal the level of the heading it sits under, so
 * the level alone cannot tell it from a heading with figures: the caller says which.
 * `其中` breakdown rows neither cover projects nor end a block.
 */
import type { Grid } from '../grid';
import type { ClassifiedRow } from '../types';
import { NAMED_TOTAL, SUBTOTAL, compactText, labelOf } from './row-text';

export interface Coverage {
  row: ClassifiedRow;
  /** Projects covered, as a half-open range of indexes into the row-ordered project list. */
  start: number;
  end: number;
}

/** Number of sorted rows strictly before r. */
export function countBefore(sortedRows: Int32Array, r: number): number {
  let lo = 0;
  let hi = sortedRows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sortedRows[mid] < r) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The coverage of every total, subtotal and heading row, in O(rows + blocks·log n).
 * `projectRows` are the sheet rows of the projects, ascending; `rows` ascending too.
 */
export function coverages(
  rows: readonly ClassifiedRow[],
  projectRows: Int32Array,
  isClosing: (row: ClassifiedRow) => boolean,
): Coverage[] {
  const out: Coverage[] = [];
  const open: { row: ClassifiedRow; level: number; start: number }[] = [];
  const n = projectRows.length;
  let blockStart = 0;
  // A closing-worded line above its projects, waiting for the row that ends its block.
  let above: { row: ClassifiedRow; start: number } | null = null;
  // The level (classifier's, -1 for none) whose subtotal lines this sheet writes above their blocks.
  let aboveLevel: number | null = null;
  let afterHeading = false;
  const endAbove = (end: number): void => {
    if (above) out.push({ row: above.row, start: above.start, end });
    above = null;
  };
  const closeTo = (level: number, end: number): void => {
    while (open.length && open[open.length - 1].level >= level) {
      const b = open.pop() as { row: ClassifiedRow; start: number };
      out.push({ row: b.row, start: b.start, end });
    }
  };
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (row.kind !== 'heading' && row.kind !== 'subtotal' && row.kind !== 'total') continue;
    const heading = row.kind === 'heading' || (row.kind === 'subtotal' && row.level !== undefined && !isClosing(row));
    const at = countBefore(projectRows, row.r);
    if (heading) {
      const level = row.level ?? 1;
      closeTo(level, at);
      open.push({ row, level, start: at });
    } else if (row.kind === 'subtotal') {
      endAbove(at);
      const level = row.level ?? -1;
      // Not a 小计 closing a heading's empty block: that one closes, whatever follows.
      if (at < n && !afterHeading && (at === blockStart || aboveLevel === level)) {
        above = { row, start: at };
        aboveLevel = level;
      } else out.push({ row, start: blockStart, end: at });
    } else {
      endAbove(at);
      closeTo(-Infinity, at);
      out.push({ row, start: 0, end: n });
    }
    blockStart = at;
    afterHeading = heading;
  }
  endAbove(n);
  closeTo(-Infinity, n);
  return out;
}

/** A subtotal row that closes its block (`小计`, `阳谷县合计`) rather than opening one. */
export function closesBlock(grid: Grid, row: ClassifiedRow): boolean {
  if (row.level === undefined) return true;
  for (const v of grid.values[row.r] ?? []) {
    if (typeof v !== 'string') continue;
    const t = compactText(v);
    if (SUBTOTAL.test(t) || NAMED_TOTAL.test(labelOf(t).label)) return true;
  }
  return false;
}
