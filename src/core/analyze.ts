/**
 * The engine's one entry point: grid in, checked and computed ledger out.
 * read grid → understand header → build ledger → run rules → (report, plan).
 */
import type { Grid } from './grid';
import { findHeader } from './header/find-header';
import { monthEnd } from './as-of';
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
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The report date: the one given in settings, else the period the sheet names
 * (`截至6月底` → the last day of June), else today.
 */
export function resolveAsOf(header: HeaderInfo | null, settings: Settings): string {
  if (settings.asOf && ISO_DATE.test(settings.asOf)) return settings.asOf;
  const todayYear = Number(settings.today.slice(0, 4));
  if (header?.asOf) {
    const year = header.asOf.year ?? todayYear;
    const { month, day } = header.asOf;
    if (day !== undefined) return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    return monthEnd(year, month);
  }
  return settings.today;
}

export function analyzeSheet(grid: Grid, settings: Settings, options: AnalyzeOptions = {}): SheetAnalysis | SheetRejection {
  const header = findHeader(grid, settings);
  if ('reason' in header) return { ok: false, sheet: grid.name, noLedger: header };
  const asOf = resolveAsOf(header, settings);
  const ledger = buildLedger(grid, header, settings, asOf);
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

/**
 * Analyses every sheet of a workbook and keeps the ledgers. When no sheet is a
 * ledger, returns the rejections so the host can say what was looked for.
 */
export function analyzeWorkbook(
  grids: Grid[],
  settings: Settings,
  previous?: SheetAnalysis[],
): { ledgers: SheetAnalysis[]; rejected: SheetRejection[] } {
  const ledgers: SheetAnalysis[] = [];
  const rejected: SheetRejection[] = [];
  for (const grid of grids) {
    const prev = previous?.find((p) => p.ledger.sheet === grid.name) ?? (previous?.length === 1 ? previous[0] : undefined);
    const result = analyzeSheet(grid, settings, { previous: prev });
    if (result.ok) ledgers.push(result);
    else rejected.push(result);
  }
  return { ledgers, rejected };
}
