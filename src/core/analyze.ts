/**
 * The engine's one entry point: grid in, checked and computed ledger out.
 * read grid → understand header → build ledger → run rules → (report, plan).
 */
import type { Grid } from './grid';
import { findHeader } from './header/find-header';
import { fileNamePeriod, periodDate, resolvePeriod, type PeriodContext, type WorkbookPeriod } from './period';
import { buildLedger } from './ledger/build-ledger';
import { runRules } from './rules/index';
import type { HeaderInfo, Ledger, NoLedger, RawIssue, Settings } from './types';

export interface SheetAnalysis {
  ok: true;
  grid: Grid;
  header: HeaderInfo;
  ledger: Ledger;
  issues: RawIssue[];
}

export interface SheetRejection {
  ok: false;
  sheet: string;
  noLedger: NoLedger;
}

export interface AnalyzeOptions {
  /** Last period's analysis of the same ledger, for cross-period rules. */
  previous?: SheetAnalysis;
  /** The workbook's file name, whose date (`…-20180927.xlsx`) gives the period when the workbook names none. */
  fileName?: string;
  /** The period the workbook's other sheets name, for a sheet that names none. */
  workbook?: WorkbookPeriod | null;
  /** A year another sheet names, for a period written without one. */
  workbookYear?: number;
}

/**
 * The report date: the one given in settings, else the period the sheet names
 * (`截至6月底` → the last day of June), else the workbook's, else the file name's,
 * else today (core/period.ts).
 */
export function resolveAsOf(header: HeaderInfo | null, settings: Settings, context: PeriodContext = {}): string {
  return resolvePeriod(header, settings, context).asOf;
}

function analyzeFound(grid: Grid, header: HeaderInfo, settings: Settings, options: AnalyzeOptions): SheetAnalysis {
  const period = resolvePeriod(header, settings, options);
  const ledger = buildLedger(grid, header, settings, period.asOf);
  ledger.asOfSource = period.source;
  if (period.from !== null) ledger.asOfFrom = period.from;
  if (period.conflicts.length > 0) ledger.periodConflicts = period.conflicts;
  const issues = runRules({
    grid,
    header,
    ledger,
    settings,
    previous: options.previous?.ledger,
    previousGrid: options.previous?.grid,
  });
  return { ok: true, grid, header, ledger, issues };
}

export function analyzeSheet(grid: Grid, settings: Settings, options: AnalyzeOptions = {}): SheetAnalysis | SheetRejection {
  const header = findHeader(grid, settings);
  if ('reason' in header) return { ok: false, sheet: grid.name, noLedger: header };
  return analyzeFound(grid, header, settings, options);
}

/**
 * The period the workbook names: the latest one its sheets' titles or headers name (a
 * workbook that keeps a sheet per month is at its last month), the first sheet of equals,
 * with its year filled in (its own, the file name's, today's).
 */
function workbookPeriod(found: readonly { grid: Grid; header: HeaderInfo }[], settings: Settings, fileName: string | undefined): WorkbookPeriod | null {
  const file = fileName ? fileNamePeriod(fileName) : null;
  const fallbackYear = file?.year ?? Number(settings.today.slice(0, 4));
  let best: { period: WorkbookPeriod; date: string } | null = null;
  for (const { grid, header } of found) {
    const claim = header.asOf;
    if (!claim) continue;
    const filled = claim.year !== undefined ? claim : { ...claim, year: fallbackYear };
    const date = periodDate(filled, fallbackYear);
    if (!best || date > best.date) best = { period: { claim: filled, sheet: grid.name }, date };
  }
  return best?.period ?? null;
}

/**
 * Analyses every sheet of a workbook and keeps the ledgers. When no sheet is a
 * ledger, returns the rejections so the host can say what was looked for. All sheets
 * share a period: a sheet that names none takes the one its neighbours name.
 */
export function analyzeWorkbook(
  grids: Grid[],
  settings: Settings,
  previous?: SheetAnalysis[],
  context: { fileName?: string } = {},
): { ledgers: SheetAnalysis[]; rejected: SheetRejection[] } {
  const rejected: SheetRejection[] = [];
  const found: { grid: Grid; header: HeaderInfo }[] = [];
  for (const grid of grids) {
    const header = findHeader(grid, settings);
    if ('reason' in header) rejected.push({ ok: false, sheet: grid.name, noLedger: header });
    else found.push({ grid, header });
  }
  const workbook = workbookPeriod(found, settings, context.fileName);
  const workbookYear = found.find((f) => f.header.year !== undefined)?.header.year;
  const ledgers = found.map(({ grid, header }) => {
    const prev = previous?.find((p) => p.ledger.sheet === grid.name) ?? (previous?.length === 1 ? previous[0] : undefined);
    return analyzeFound(grid, header, settings, { previous: prev, fileName: context.fileName, workbook, workbookYear });
  });
  return { ledgers, rejected };
}
