/**
 * Totals as evidence for the year-to-date column: in the rows evidence.ts samples, the
 * 合计 / 小计 rows of the right column equal the sums of the rows they cover; a ratio
 * column, a stale copy or a column whose total cell is blank beside figures does not add up.
 * Rows are marked once per header (the evaluation runs before row classification, so with the
 * classifier's own words, row-text.ts, not its walk); each contender is then read in one pass
 * each way.
 */
import type { Grid } from '../grid';
import { figureOf } from '../plain-number';
import { BREAKDOWN, NAMED_TOTAL, SUBTOTAL, SUMMARY_HINT, TOTAL, compactText, labelOf } from '../ledger/row-text';

/**
 * What a sampled row is, for the sums. other: blank, or a breakdown (`其中：`) whose figures
 * are part of a row above; project: any other row with figures (its figure, where a number,
 * is summed); heading: text but no figures (`一、交通`, `阳谷县`), a 小计's block starts below it.
 */
export type SampleKind = 'other' | 'project' | 'heading' | 'subtotal' | 'total';

export interface TotalRows {
  /** One kind per sampled row, from the sample's first row. */
  kinds: SampleKind[];
  /** How many total and subtotal rows the sample holds. */
  count: number;
  /** The sample runs to the sheet's last row: a total at the top covers only sampled rows. */
  wholeSheet: boolean;
}

/** Text cells read for a total's word: the name cell and up to this many to its left, or the row's first ones. */
const LABEL_CELLS = 3;

function labelKind(raw: string): SampleKind | null {
  if (!SUMMARY_HINT.test(raw)) return null;
  const t = compactText(raw);
  if (TOTAL.test(t)) return 'total';
  if (SUBTOTAL.test(t)) return 'subtotal';
  if (BREAKDOWN.test(t)) return 'other';
  // `阳谷县合计`: a named block's total.
  if (NAMED_TOTAL.test(labelOf(t).label)) return 'subtotal';
  return null;
}

/**
 * Marks the rows from..to-1 of the grid. nameCol: the mapped name column; figureCols: the
 * columns whose numbers make a row more than a heading (the amounts and the contenders).
 */
export function markTotalRows(grid: Grid, from: number, to: number, nameCol: number | undefined, figureCols: readonly number[]): TotalRows {
  const kinds: SampleKind[] = [];
  const isFigureCol = new Set(figureCols);
  let count = 0;
  for (let r = from; r < to; r++) {
    const row = grid.values[r] ?? [];
    let kind: SampleKind | null = null;
    const texts: string[] = [];
    const name = nameCol === undefined ? undefined : row[nameCol];
    if (typeof name === 'string' && name.trim() !== '') texts.push(name);
    const upTo = nameCol ?? row.length;
    for (let c = 0; c < upTo && texts.length < LABEL_CELLS + (nameCol === undefined ? 0 : 1); c++) {
      const v = row[c];
      if (typeof v === 'string' && v.trim() !== '' && !isFigureCol.has(c)) texts.push(v);
    }
    for (const t of texts) {
      kind = labelKind(t);
      if (kind !== null) break;
    }
    if (kind === null) {
      let figures = false;
      for (const c of figureCols) {
        if (figureOf(row[c]) !== null) {
          figures = true;
          break;
        }
      }
      let text = texts.length > 0;
      for (let c = 0; !figures && !text && c < row.length; c++) {
        const v = row[c];
        text = typeof v === 'string' && v.trim() !== '' && !isFigureCol.has(c);
      }
      kind = figures ? 'project' : text ? 'heading' : 'other';
    }
    if (kind === 'total' || kind === 'subtotal') count++;
    kinds.push(kind);
  }
  return { kinds, count, wholeSheet: to >= grid.values.length };
}

/** A sum of figures and how many figures went into it. */
interface Sum {
  sum: number;
  n: number;
}

const noSum = (): Sum => ({ sum: 0, n: 0 });

/** Adds a figure (none when null) to each of the sums. */
function addTo(v: number | null, a: Sum, b: Sum): void {
  if (v === null) return;
  a.sum += v;
  a.n++;
  b.sum += v;
  b.n++;
}

function addsUp(total: number | null, sum: Sum): boolean {
  return total !== null && Math.abs(total - sum.sum) <= 0.5 + Math.abs(total) * 0.001;
}

/**
 * Share of the usable total rows whose figure in this column equals the sum of the rows it
 * covers; null when none is usable. values: the column's figures, one per sampled row.
 * A 合计 covers the project rows above it, or the 小计 rows above it, or (at the top of a
 * sheet the sample holds whole) those below it. A 小计 covers the project rows since the
 * previous 小计, 合计 or heading, or (a block's total written above it) those down to the next.
 * A total row is usable when some rows it covers hold figures; a blank total cell then does
 * not add up.
 */
export function sumsShare(values: readonly (number | null)[], t: TotalRows): number | null {
  const { kinds } = t;
  const n = kinds.length;
  // Per sampled total row: the sums above it, then those below it.
  const above = new Map<number, Sum[]>();
  const all = noSum();
  const subs = noSum();
  let block = noSum();
  for (let i = 0; i < n; i++) {
    const k = kinds[i];
    const v = values[i];
    if (k === 'project') addTo(v, all, block);
    else if (k === 'heading') block = noSum();
    else if (k === 'subtotal') {
      above.set(i, [{ ...block }]);
      block = noSum();
      if (v !== null) {
        subs.sum += v;
        subs.n++;
      }
    } else if (k === 'total') {
      above.set(i, [{ ...all }, { ...subs }]);
      block = noSum();
    }
  }
  let usable = 0;
  let ok = 0;
  const belowAll = noSum();
  const belowSubs = noSum();
  let below = noSum();
  // The block below a 小计 is whole when a boundary closes it inside the sample or the sheet ends.
  let closed = t.wholeSheet;
  for (let i = n - 1; i >= 0; i--) {
    const k = kinds[i];
    const v = values[i];
    if (k === 'project') {
      addTo(v, belowAll, below);
      continue;
    }
    if (k === 'other') continue;
    if (k === 'subtotal' || k === 'total') {
      const sums = above.get(i) ?? [];
      if (k === 'subtotal' && closed) sums.push({ ...below });
      if (k === 'total' && t.wholeSheet) sums.push({ ...belowAll }, { ...belowSubs });
      const covered = sums.filter((s) => s.n > 0);
      if (covered.length > 0) {
        usable++;
        if (covered.some((s) => addsUp(v, s))) ok++;
      }
      if (k === 'subtotal' && v !== null) {
        belowSubs.sum += v;
        belowSubs.n++;
      }
    }
    below = noSum();
    closed = true;
  }
  return usable === 0 ? null : ok / usable;
}
