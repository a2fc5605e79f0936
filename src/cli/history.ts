/**
 * `--previous`, given once or more (oldest first), each a workbook or a folder of them: the
 * earlier periods, read like this one, for the rules that compare with last period and for
 * lag that persists (core/history: streaks, the 挂牌 list, 摘牌).
 */
import * as fs from 'fs';
import * as path from 'path';
import type { SheetAnalysis } from '../core/analyze';
import { groupPeriods, snapshotOf, type EarlierWorkbook, type PeriodSnapshot } from '../core/history';
import { fileReport } from '../core/report';
import type { Settings } from '../core/types';
import type { CheckedWorkbook } from '../xlsx';

/** Reads one earlier workbook (no annotated copy); throws with a message when it cannot be used. */
export type LoadEarlier = (file: string, settings: Settings) => CheckedWorkbook;

interface Earlier extends EarlierWorkbook {
  checked: CheckedWorkbook;
}

export interface EarlierPeriods {
  /** The latest earlier period's sheets, for the rules that compare with last period. */
  last: SheetAnalysis[];
  /** Every workbook read, for keeping outputs off them. */
  files: string[];
  /** The periods as the history needs them, oldest first, once this period's date is known. */
  snapshots: (currentAsOf: string) => PeriodSnapshot[];
}

/** A date the workbook itself names (title, header, another sheet, file name); null for none. */
function namedAsOf(c: CheckedWorkbook): string | null {
  const s = c.sheets.find((x) => x.asOfSource && x.asOfSource !== 'today' && x.asOfSource !== 'option');
  return s ? s.asOf : null;
}

/**
 * Reads every `--previous` argument. `expand` lists a folder's workbooks. A workbook naming
 * no date is read again at the date its place in the order gives it (one month before the
 * period after it), so its statuses are measured at its own period.
 */
export function readEarlier(args: readonly string[], settings: Settings, load: LoadEarlier, expand: (dir: string) => string[]): EarlierPeriods {
  const own: Settings = { ...settings, asOf: undefined };
  const earlier: Earlier[] = [];
  args.forEach((arg, i) => {
    const inFolder = fs.statSync(arg, { throwIfNoEntry: false })?.isDirectory() ?? false;
    for (const file of inFolder ? expand(arg) : [arg]) {
      const checked = load(file, own);
      earlier.push({ file, arg: i, inFolder, namedAsOf: namedAsOf(checked), checked });
    }
  });
  const byFile = new Map(earlier.map((e) => [e.file, e]));
  const first = groupPeriods(earlier, settings.asOf ?? settings.today);
  const lastPeriod = first.length > 0 ? first[first.length - 1] : null;
  return {
    last: lastPeriod ? lastPeriod.workbooks.flatMap((w) => byFile.get(w.file)!.checked.analyses) : [],
    files: earlier.map((e) => path.resolve(e.file)),
    snapshots: (currentAsOf) => groupPeriods(earlier, currentAsOf).map((p) => snapshotOf(p.asOf, p.workbooks.map((w) => {
      const e = byFile.get(w.file)!;
      const checked = p.assumed ? load(e.file, { ...own, asOf: p.asOf }) : e.checked;
      return fileReport(e.file, null, checked.sheets);
    }))),
  };
}
