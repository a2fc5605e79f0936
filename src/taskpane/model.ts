/**
 * What the pane shows, as data: one check's reports, headers and plans, and the
 * lists drawn from them. No DOM here, so it is tested without a browser.
 */
import { analyzeWorkbook } from '../core/analyze';
import { colLetter, type Grid } from '../core/grid';
import { KEY_FIELDS } from '../core/header/find-header';
import { buildPlans } from '../core/plan';
import { buildReport, fileReport, sheetReport } from '../core/report';
import type {
  Field, FileErrorCode, HeaderInfo, Lang, HistoryReport, Issue, ProjectReport, Report, Settings, Severity, SheetReport, WritePlan,
} from '../core/types';
import type { InputCheck } from '../core/input-rules';
import type { SheetInput } from '../core/whatif/index';
import { toIssue } from '../i18n/index';

/** One check of a workbook: everything the pane renders and writes back. */
export interface CheckResult {
  settings: Settings;
  /** Ledger sheets, in workbook order; `headers[i]` belongs to `sheets[i]`. */
  sheets: SheetReport[];
  headers: HeaderInfo[];
  plans: WritePlan[];
  asOf: string;
  timeProgress: number;
  /** Lag that persists, when earlier periods' workbooks were given (上期台账, on the web page or in the pane). */
  history?: HistoryReport;
}

/** No sheet is a ledger; `missing` names what was looked for. Same shape as the xlsx layer's. */
export class NoLedgerFound extends Error {
  readonly code: FileErrorCode = 'no-ledger-found';
  constructor(readonly missing: Field[]) {
    super(`no project ledger found (looked for: ${missing.join(', ')})`);
    this.name = 'NoLedgerFound';
  }
}

/** Grids in, the pane's result out: the same steps as checkWorkbook, without a file. */
export function checkGrids(grids: Grid[], settings: Settings, fileName?: string): CheckResult {
  return analyseGrids(grids, settings, fileName).result;
}

/**
 * The check and the analysed sheets it came from (grid, header, ledger), which the what-if reads.
 * `history`, given the sheet reports, sets their streaks and returns the section the 汇总 sheet
 * and the report carry (earlier periods chosen), as checkWorkbook's option of that name.
 */
export function analyseGrids(
  grids: Grid[], settings: Settings, fileName?: string, history?: (sheets: SheetReport[]) => HistoryReport | undefined,
): { result: CheckResult; inputs: SheetInput[] } {
  const { ledgers, rejected } = analyzeWorkbook(grids, settings, undefined, { fileName });
  if (ledgers.length === 0) {
    const missing = new Set<Field>();
    for (const r of rejected) for (const f of r.noLedger.missing) missing.add(f);
    throw new NoLedgerFound(missing.size ? [...missing] : [...KEY_FIELDS]);
  }
  const sheets: SheetReport[] = [];
  const inputs = ledgers.map((a) => {
    const issues = a.issues.map((raw) => toIssue(raw, settings.lang));
    sheets.push(sheetReport(a, issues));
    return { grid: a.grid, header: a.header, ledger: a.ledger, issues };
  });
  const made = history?.(sheets);
  const result: CheckResult = {
    settings,
    sheets,
    headers: ledgers.map((a) => a.header),
    plans: buildPlans(inputs, settings, made),
    asOf: ledgers[0].ledger.asOf,
    timeProgress: ledgers[0].ledger.timeProgress,
    ...(made ? { history: made } : {}),
  };
  return { result, inputs: ledgers.map((a) => ({ grid: a.grid, header: a.header, ledger: a.ledger })) };
}

/** The report-v1 JSON of one file, as `ledger check --json` gives it for that file alone. */
export function reportOf(result: CheckResult, file: string, output: string | null): Report {
  const report = buildReport([fileReport(file, output, result.sheets)], result.settings, result.asOf, result.timeProgress);
  if (result.history) report.history = result.history;
  return report;
}

/**
 * The cells 添加输入检查 found breaking a rule, added to their sheet's issues (once: a second
 * press lists them again, not twice). Returns how many there are.
 */
export function addInputIssues(result: CheckResult | null, checks: readonly InputCheck[], lang: Lang): number {
  let n = 0;
  for (const check of checks) {
    const sheet = result?.sheets.find((s) => s.sheet === check.sheet);
    n += check.issues.length;
    if (!sheet) continue;
    sheet.issues = [...sheet.issues.filter((i) => i.code !== 'input-rule-broken'), ...check.issues.map((raw) => toIssue(raw, lang))];
  }
  return n;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then warnings, then notes; the report's order within each. */
export function sortedIssues(issues: readonly Issue[]): Issue[] {
  return issues
    .map((issue, i) => ({ issue, i }))
    .sort((a, b) => SEVERITY_ORDER[a.issue.severity] - SEVERITY_ORDER[b.issue.severity] || a.i - b.i)
    .map((x) => x.issue);
}

export function severityCounts(issues: readonly Issue[]): Record<Severity, number> {
  const n: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const x of issues) n[x.severity] += 1;
  return n;
}

const LAGGING = new Set(['behind', 'seriously-behind', 'overdue-start']);

/** Projects a group's `lagging` counts, the worst gap first and overdue starts last. */
export function laggingProjects(sheet: SheetReport): ProjectReport[] {
  return sheet.projects
    .filter((p) => LAGGING.has(p.status))
    .sort((a, b) => (a.gapPp ?? Infinity) - (b.gapPp ?? Infinity) || a.row - b.row);
}

/** Where to take the user for a project: its name cell, else the row's first cell. */
export function projectCell(sheet: SheetReport, p: ProjectReport): string {
  return `${sheet.columns.name ?? 'A'}${p.row}`;
}

/** Fields the mapping section always lists, found or not: the ones the figures need. */
export const MAPPING_FIELDS: readonly Field[] = [
  'name', 'code', 'group', 'responsibleUnit', 'totalInvestment', 'completedBeforeYear', 'annualPlan',
  'monthCompleted', 'completedYtd', 'reportedRate', 'status', 'startDate', 'finishDate',
];

export interface ColumnChoice {
  c: number;
  letter: string;
  label: string;
}

/** The columns a field can be mapped to: every header column except the tool's own. */
export function columnChoices(header: HeaderInfo): ColumnChoice[] {
  const own = new Set(header.ownColumns);
  const out: ColumnChoice[] = [];
  header.labels.forEach((label, c) => {
    if (!own.has(c)) out.push({ c, letter: colLetter(c), label: label.trim() });
  });
  return out;
}

/** How a field's column was chosen by the sheet's figures: the column taken, the others weighed, and whether it was close. */
export interface ColumnEvidenceNote {
  chosen: string;
  others: string[];
  close: boolean;
}

/** The evidence behind a field's column, when the figures chose it among several (header/evidence.ts); else null. */
export function columnEvidenceNote(header: HeaderInfo, field: Field): ColumnEvidenceNote | null {
  const ch = header.columnChoices?.[field];
  // The name column is chosen by its text even alone (no literal 项目名称): say so then too.
  const fewest = field === 'name' ? 1 : 2;
  if (!ch || ch.source !== 'evidence' || !ch.candidates || ch.candidates.length < fewest) return null;
  return {
    chosen: colLetter(ch.column),
    others: ch.candidates.filter((k) => k.column !== ch.column).map((k) => colLetter(k.column)),
    close: !!ch.ambiguous,
  };
}

/** Fields to list: the standard ones, then any other field the header mapped. */
export function mappingFields(header: HeaderInfo): Field[] {
  const extra = (Object.keys(header.columns) as Field[]).filter((f) => !MAPPING_FIELDS.includes(f));
  return [...MAPPING_FIELDS, ...extra];
}

/** Overrides with one field set (or cleared with `undefined`); empty overrides become undefined. */
export function withOverride(
  overrides: Partial<Record<Field, number>> | undefined,
  field: Field,
  c: number | undefined,
): Partial<Record<Field, number>> | undefined {
  const next = { ...(overrides ?? {}) };
  if (c === undefined) delete next[field];
  else next[field] = c;
  return Object.keys(next).length ? next : undefined;
}

/** Marks a plan will put on the workbook, over all sheets. */
export function markCount(plans: readonly WritePlan[]): number {
  return plans.reduce((n, p) => n + p.marks.length, 0);
}
