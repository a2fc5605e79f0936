/**
 * The web page's work on one file, the way `ledger check` does it: the package is
 * read once (readWorkbook), then checked with checkReadWorkbook (the second half
 * of checkWorkbook) for each set of settings, and the copy is patched with
 * applyPlans. Runs in the worker, or on the page when there is no worker.
 */
import type { Grid } from '../core/grid';
import { groupPeriods, snapshotOf, workbookHistory, type EarlierWorkbook, type PeriodSnapshot } from '../core/history';
import { buildReport, fileReport } from '../core/report';
import { DEFAULT_LIST_RULE, type HistoryReport, type SheetReport } from '../core/types';
import type { Lang, Settings, WritePlan } from '../core/types';
import type { IndicatorScope, SheetInput, WhatifReport } from '../core/whatif/index';
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
  private earlier: { name: string; bytes: Uint8Array; workbook: Workbook }[] = [];

  /**
   * The earlier periods' workbooks, as `--previous` given a folder: ordered by the date each
   * names, one month apart where none is named. An empty list drops the history.
   */
  setEarlier(files: readonly { name: string; bytes: Uint8Array }[]): void {
    this.earlier = files.map((f) => ({ ...f, workbook: readWorkbook(f.bytes, { inflateRaw: portableInflateRaw }) }));
  }

  /** The earlier periods at this period's date, read like `ledger check --previous` reads them. */
  private snapshots(settings: Settings, currentAsOf: string): PeriodSnapshot[] {
    const own: Settings = { ...settings, asOf: undefined };
    const sheetsOf = (e: (typeof this.earlier)[number], s: Settings): SheetReport[] =>
      checkReadWorkbook(e.bytes, e.workbook, s, { write: false, fileName: e.name }).sheets;
    const read = this.earlier.map((e) => {
      const sheets = sheetsOf(e, own);
      const named = sheets.find((x) => x.asOfSource && x.asOfSource !== 'today' && x.asOfSource !== 'option');
      const w: EarlierWorkbook = { file: e.name, arg: 0, inFolder: true, namedAsOf: named ? named.asOf : null };
      return { e, w, sheets };
    });
    return groupPeriods(read.map((x) => x.w), currentAsOf).map((p) => snapshotOf(p.asOf, p.workbooks.map((w) => {
      const x = read.find((y) => y.w === w)!;
      return fileReport(w.file, null, p.assumed ? sheetsOf(x.e, { ...own, asOf: p.asOf }) : x.sheets);
    })));
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
    const name = this.fileName ?? '';
    let made: HistoryReport | undefined;
    const history = this.earlier.length === 0 ? undefined : (sheets: SheetReport[]) => {
      const own = buildReport([fileReport(name, null, sheets)], settings, sheets[0].asOf, sheets[0].timeProgress);
      made = workbookHistory(own, this.snapshots(settings, own.asOf), DEFAULT_LIST_RULE);
      return made;
    };
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

  /** The visible sheets, as the Excel host would hand them over. */
  grids(): Grid[] {
    return this.opened().workbook.sheets.filter((s) => !s.hidden).map((s) => s.grid);
  }
}
