/**
 * One workbook's bytes in; its sheet reports, write plans and annotated copy out.
 * Shared by the command and the web page, so both give the same report and copy.
 */
import { analyzeWorkbook, type SheetAnalysis } from '../core/analyze';
import { buildPlans, type PlanInput } from '../core/plan';
import { sheetReport } from '../core/report';
import type { Field, HistoryReport, Settings, SheetReport, WritePlan } from '../core/types';
import { toIssue } from '../i18n/index';
import { XlsxError } from './errors';
import { applyPlans, type PatchOptions } from './patch';
import { readWorkbook, type ReadOptions, type Workbook } from './read';

export interface CheckedWorkbook {
  workbook: Workbook;
  analyses: SheetAnalysis[];
  sheets: SheetReport[];
  plans: WritePlan[];
  /** The annotated copy, when asked for. */
  output: Uint8Array | null;
}

/** No sheet is a ledger: what was looked for, for the message. */
export class NoLedgerError extends XlsxError {
  constructor(readonly missing: Field[]) {
    super('no-ledger-found', `no project ledger found (looked for: ${missing.join(', ')})`);
  }
}

export interface CheckOptions {
  previous?: SheetAnalysis[];
  write?: boolean;
  read?: ReadOptions;
  /** Codecs a host may hand in (Node's zlib is several times faster than the portable one). */
  patch?: PatchOptions;
  /** The file's name, whose date (`…-20180927.xlsx`) gives the period when the workbook names none. */
  fileName?: string;
  /**
   * Lag that persists for this workbook's 汇总 sheet, given its sheet reports (the host holds
   * the earlier periods); nothing when it returns undefined.
   */
  history?: (sheets: SheetReport[]) => HistoryReport | undefined;
}

/** Reads and checks one workbook; throws XlsxError (with a code) when it cannot be used. */
export function checkWorkbook(bytes: Uint8Array, settings: Settings, options: CheckOptions = {}): CheckedWorkbook {
  const workbook = readWorkbook(bytes, options.read);
  return checkReadWorkbook(bytes, workbook, settings, options);
}

export function checkReadWorkbook(bytes: Uint8Array, workbook: Workbook, settings: Settings, options: CheckOptions = {}): CheckedWorkbook {
  const visible = workbook.sheets.filter((s) => !s.hidden);
  const { ledgers, rejected } = analyzeWorkbook(visible.map((s) => s.grid), settings, options.previous, { fileName: options.fileName });
  if (ledgers.length === 0) {
    const missing = new Set<Field>();
    for (const r of rejected) for (const f of r.noLedger.missing) missing.add(f);
    throw new NoLedgerError(missing.size ? [...missing] : ['name', 'annualPlan', 'completedYtd']);
  }
  const sheets: SheetReport[] = [];
  const inputs: PlanInput[] = ledgers.map((a) => {
    const issues = a.issues.map((raw) => toIssue(raw, settings.lang));
    sheets.push(sheetReport(a, issues));
    return { grid: a.grid, header: a.header, ledger: a.ledger, issues };
  });
  const plans = buildPlans(inputs, settings, options.history?.(sheets));
  const output = options.write === false ? null : applyPlans(bytes, workbook, plans, options.patch);
  return { workbook, analyses: ledgers, sheets, plans, output };
}
