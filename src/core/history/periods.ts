/**
 * Which earlier workbooks make which period. `--previous` files are taken in the order
 * given (oldest first) and a folder's workbooks by the date their sheet names (`截至5月底`),
 * oldest first; consecutive workbooks that name the same date are one period, so a folder
 * of county files for April and May, or the same files named one by one, gives two
 * periods of several files each. A workbook that names no date is a period of its own,
 * taken as one month before the period after it (monthly reports), the last one as one
 * month before this period.
 */
import { monthEnd } from '../as-of';

export interface EarlierWorkbook {
  file: string;
  /** Index of the `--previous` argument it came from. */
  arg: number;
  /** Found in a folder rather than named. */
  inFolder: boolean;
  /** The date its sheet names (YYYY-MM-DD), or null. */
  namedAsOf: string | null;
}

export interface EarlierPeriod {
  asOf: string;
  /** True when the date was assumed (no sheet of the period names one). */
  assumed: boolean;
  workbooks: EarlierWorkbook[];
}

/** One month before `asOf`, at that month's end. */
export function monthBefore(asOf: string): string {
  const y = Number(asOf.slice(0, 4));
  const m = Number(asOf.slice(5, 7));
  return m === 1 ? monthEnd(y - 1, 12) : monthEnd(y, m - 1);
}

/** The periods, oldest first, with their dates (`currentAsOf` is this period's). */
export function groupPeriods(workbooks: readonly EarlierWorkbook[], currentAsOf: string): EarlierPeriod[] {
  const groups: EarlierWorkbook[][] = [];
  const args = [...new Set(workbooks.map((w) => w.arg))].sort((a, b) => a - b);
  // Workbooks that name the same date are one period (the counties of one month), whether
  // they come from one folder or from --previous given once per file.
  const join = (w: EarlierWorkbook) => {
    const open = groups.length > 0 ? groups[groups.length - 1] : null;
    if (open && w.namedAsOf !== null && open[0].namedAsOf === w.namedAsOf) open.push(w);
    else groups.push([w]);
  };
  for (const arg of args) {
    const mine = workbooks.filter((w) => w.arg === arg);
    const sorted = mine[0].inFolder ? [...mine].sort((a, b) => (a.namedAsOf ?? '').localeCompare(b.namedAsOf ?? '') || a.file.localeCompare(b.file)) : mine;
    for (const w of sorted) join(w);
  }
  const periods: EarlierPeriod[] = new Array(groups.length);
  let next = currentAsOf;
  for (let i = groups.length - 1; i >= 0; i--) {
    const named = groups[i].find((w) => w.namedAsOf !== null)?.namedAsOf ?? null;
    const asOf = named ?? monthBefore(next);
    periods[i] = { asOf, assumed: named === null, workbooks: groups[i] };
    next = asOf;
  }
  return periods;
}
