/**
 * Earlier periods' workbooks (上期台账), read from their bytes as `ledger check --previous`
 * reads them, and the history of this period's check measured against them. The web page
 * (in its worker) and the add-in pane (on the pane's thread, the files chosen in the pane)
 * both use this: the xlsx room's reader runs in any browser.
 */
import { groupPeriods, snapshotOf, workbookHistory, type EarlierWorkbook, type PeriodSnapshot } from '../core/history';
import { buildReport, fileReport } from '../core/report';
import { DEFAULT_LIST_RULE, type HistoryReport, type Settings, type SheetReport } from '../core/types';
import { checkReadWorkbook, readWorkbook, type Workbook } from '../xlsx';

/** One earlier workbook as chosen: its file name (whose date may give the period) and bytes. */
export interface EarlierFile {
  name: string;
  bytes: Uint8Array;
}

export class EarlierPeriods {
  private readonly files: { name: string; bytes: Uint8Array; workbook: Workbook }[];

  /** Reads every workbook once; throws the xlsx room's XlsxError for one that cannot be read. */
  constructor(files: readonly EarlierFile[]) {
    this.files = files.map((f) => ({ ...f, workbook: readWorkbook(f.bytes) }));
  }

  get count(): number {
    return this.files.length;
  }

  /**
   * The earlier periods at this period's date, as `--previous` given a folder: ordered by the
   * date each names, one month apart where none is named.
   */
  snapshots(settings: Settings, currentAsOf: string): PeriodSnapshot[] {
    const own: Settings = { ...settings, asOf: undefined };
    const sheetsOf = (e: (typeof this.files)[number], s: Settings): SheetReport[] =>
      checkReadWorkbook(e.bytes, e.workbook, s, { write: false, fileName: e.name }).sheets;
    const read = this.files.map((e) => {
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

  /**
   * The history of the workbook `fileName` whose sheets were just checked: streaks are set on
   * its projects (in `sheets`), and the section its 汇总 sheet and report carry is returned.
   * Undefined when no earlier workbook was given.
   */
  historyOf(fileName: string, sheets: SheetReport[], settings: Settings): HistoryReport | undefined {
    if (this.files.length === 0 || sheets.length === 0) return undefined;
    const own = buildReport([fileReport(fileName, null, sheets)], settings, sheets[0].asOf, sheets[0].timeProgress);
    return workbookHistory(own, this.snapshots(settings, own.asOf), DEFAULT_LIST_RULE);
  }
}
