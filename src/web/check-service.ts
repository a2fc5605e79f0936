/**
 * The web page's work on one file, the way `ledger check` does it: the package is
 * read once (readWorkbook), then checked with checkReadWorkbook (the second half
 * of checkWorkbook) for each set of settings, and the copy is patched with
 * applyPlans. Runs in the worker, or on the page when there is no worker.
 */
import type { Grid } from '../core/grid';
import type { HistoryReport, SheetReport } from '../core/types';
import { ledgerInputCheck, type InputCheck } from '../core/input-rules';
import type { Lang, Settings, WritePlan } from '../core/types';
import type { IndicatorScope, SheetInput, WhatifReport } from '../core/whatif/index';
import { EarlierPeriods, type EarlierFile } from '../taskpane/earlier';
import type { CheckResult } from '../taskpane/model';
import { plansWithIndicators, whatifReportOf, whatifScopes, type IndicatorValues, type WhatifRequest } from '../taskpane/whatif/whatif-model';
import { checkReadWorkbook } from '../xlsx';
import { XlsxError } from '../xlsx';
import { applyPlans, portableInflateRaw } from '../xlsx';
import { readWorkbook, type Workbook } from '../xlsx';
import { previewOf, type PreviewData } from './preview-data';

/** The command's limit on a file's size. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

export type ProgressFn = (fraction: number) => void;

export class CheckService {
  private bytes: Uint8Array | null = null;
  private workbook: Workbook | null = null;
  /** The file's name, whose date (`…-20180927.xlsx`) gives the period when the workbook names none. */
  private fileName: string | undefined;
  private last: CheckResult | null = null;
  /** The analysed sheets of the last check, which the what-if reads. */
  private inputs: SheetInput[] = [];
  /** Earlier periods' workbooks (上期台账), read once; the history is measured from them. */
  private earlier = new EarlierPeriods([]);

  /**
   * The earlier periods' workbooks, as `--previous` given a folder: ordered by the date each
   * names, one month apart where none is named. An empty list drops the history.
   */
  setEarlier(files: readonly EarlierFile[]): void {
    this.earlier = new EarlierPeriods(files);
  }

  open(bytes: Uint8Array, onProgress?: ProgressFn, fileName?: string): { sheets: number } {
    this.bytes = null;
    this.fileName = fileName;
    this.workbook = null;
    this.last = null;
    this.inputs = [];
    if (bytes.length > MAX_FILE_BYTES) throw new XlsxError('too-large', 'the file is larger than 200 MB');
    if (bytes.length === 0) throw new XlsxError('not-a-workbook', 'the file is empty');
    // Parts inflated whole, so the sheet's rows are read straight from the bytes, as the command reads them.
    this.workbook = readWorkbook(bytes, { onProgress, inflateRaw: portableInflateRaw });
    this.bytes = bytes;
    return { sheets: this.workbook.sheets.length };
  }

  private opened(): { bytes: Uint8Array; workbook: Workbook } {
    if (!this.bytes || !this.workbook) throw new Error('no file is open');
    return { bytes: this.bytes, workbook: this.workbook };
  }

  check(settings: Settings, onProgress?: ProgressFn): CheckResult {
    const { bytes, workbook } = this.opened();
    onProgress?.(0.1);
    let made: HistoryReport | undefined;
    const history = this.earlier.count === 0 ? undefined
      : (sheets: SheetReport[]) => (made = this.earlier.historyOf(this.fileName ?? '', sheets, settings));
    const checked = checkReadWorkbook(bytes, workbook, settings, { write: false, fileName: this.fileName, history });
    const first = checked.analyses[0].ledger;
    this.inputs = checked.analyses.map((a) => ({ grid: a.grid, header: a.header, ledger: a.ledger }));
    this.last = {
      settings,
      sheets: checked.sheets,
      headers: checked.analyses.map((a) => a.header),
      plans: checked.plans,
      asOf: first.asOf,
      timeProgress: first.timeProgress,
      ...(made ? { history: made } : {}),
    };
    onProgress?.(1);
    return this.last;
  }

  /** The whole plans of the last check. */
  lastPlans(): WritePlan[] {
    return this.checked().result.plans;
  }

  /** The annotated copy: the original package with the plans patched in. */
  write(plans: WritePlan[]): Uint8Array {
    const { bytes, workbook } = this.opened();
    return applyPlans(bytes, workbook, plans, { inflateRaw: portableInflateRaw });
  }

  preview(sheet: string, a1: string): PreviewData | null {
    const { workbook } = this.opened();
    const ws = workbook.sheets.find((s) => s.name === sheet);
    if (!ws) return null;
    const i = this.last ? this.last.sheets.findIndex((s) => s.sheet === sheet) : -1;
    const header = i >= 0 && this.last ? this.last.headers[i] : null;
    return previewOf(ws.grid, a1, header?.rows ?? [], header?.columns.name);
  }

  private checked(): { result: CheckResult; inputs: SheetInput[] } {
    if (!this.last) throw new Error('no check yet');
    return { result: this.last, inputs: this.inputs };
  }

  whatif(request: WhatifRequest, file: string): WhatifReport {
    const { result, inputs } = this.checked();
    return whatifReportOf(result, inputs, file, request);
  }

  scopes(): IndicatorScope[] {
    return whatifScopes(this.checked().inputs);
  }

  indicatorPlans(indicators: IndicatorValues, lang: Lang): WritePlan[] {
    const { result, inputs } = this.checked();
    return plansWithIndicators(result, inputs, indicators, lang);
  }

  /** The input rules of 添加输入检查 for each ledger sheet of the last check, and the cells breaking them. */
  inputChecks(lang: Lang): InputCheck[] {
    return this.checked().inputs.map((a) => ledgerInputCheck(a, { lang }));
  }

  /** The visible sheets, as the Excel host would hand them over. */
  grids(): Grid[] {
    return this.opened().workbook.sheets.filter((s) => !s.hidden).map((s) => s.grid);
  }
}
