/** The bold cells of a plan as horizontal runs, so a host sets a header's bold in one range, not a cell at a time. */
import { cellKey, MAX_COLS } from './grid';
import type { PlanCell } from './types';

export interface CellRun {
  r: number;
  c: number;
  /** Cells in the run, from c rightwards. */
  width: number;
}

export function boldRuns(cells: readonly PlanCell[]): CellRun[] {
  const keys = cells.filter((c) => c.bold).map((c) => cellKey(c.r, c.c)).sort((a, b) => a - b);
  const runs: CellRun[] = [];
  let i = 0;
  while (i < keys.length) {
    let j = i;
    while (j + 1 < keys.length && keys[j + 1] === keys[j] + 1) j++;
    runs.push({ r: Math.floor(keys[i] / MAX_COLS), c: keys[i] % MAX_COLS, width: j - i + 1 });
    i = j + 1;
  }
  return runs;
}
