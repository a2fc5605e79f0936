/**
 * The pane's 上期台账（可选） and 下载通报（Word）, inside Excel and WPS (the web page has its own
 * input and download links around the pane): earlier workbooks chosen in the pane are read
 * here (File API, the xlsx room's reader) and handed to the engine, whose next check measures
 * lag against them; the 通报 is the .docx `ledger bulletin --docx` writes, from the current report.
 */
import type { Lang } from '../core/types';
import { browserDownload, DOCX_TYPE, type Download } from './download';
import type { EarlierFile } from './earlier';
import type { PaneEngine } from './engine';
import { reportOf, type CheckResult } from './model';
import type { PaneNotice } from './no-room';
import { periodStrings } from './strings/periods';

export interface PeriodsState {
  /** The earlier workbooks the engine holds, by file name, in the order chosen. */
  earlier: string[];
}

export interface PeriodsActions {
  chooseEarlier(files: readonly File[]): void;
  clearEarlier(): void;
  downloadBulletin(): void;
}

export interface PeriodsDeps {
  engine: PaneEngine;
  lang(): Lang;
  result(): CheckResult | null;
  /** The open workbook's file name, where the host knows it. */
  fileName(): string | null;
  /** Runs a step with the pane busy; its outcome goes to the notice line. */
  busy(op: () => Promise<string | PaneNotice | null>): Promise<void>;
  /** Checks again with what was read last (the earlier periods changed). */
  recheck(): Promise<void>;
  download?: Download;
}

/** The 通报's file name: the workbook's own name with `.通报.docx`, as the web page names it. */
export function bulletinFileName(fileName: string | null): string {
  const base = (fileName ?? '').replace(/(\.checked)?\.(xlsx|xlsm|xls)$/i, '').trim();
  return `${base || '通报'}${base ? '.通报' : ''}.docx`;
}

/**
 * The .docx of the current check's report, as `ledger bulletin --docx` writes it for this workbook.
 * The Word writer is loaded on first use, out of the pane's start-up bundle.
 */
export async function bulletinOf(result: CheckResult, fileName: string | null, lang: Lang): Promise<Uint8Array> {
  const { bulletinDocx } = await import('../docx');
  return bulletinDocx(reportOf(result, fileName ?? '', null), lang);
}

/** Chosen files' bytes, in the order chosen. */
export function readFiles(files: readonly File[]): Promise<EarlierFile[]> {
  return Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
}

/**
 * Offers the bulletin; a host that refuses downloads gets a warning naming the other ways
 * (the web page, the command) instead of an error with a stack.
 */
export async function offerBulletin(result: CheckResult, fileName: string | null, lang: Lang, download: Download): Promise<string | PaneNotice> {
  const t = periodStrings(lang);
  const name = bulletinFileName(fileName);
  const bytes = await bulletinOf(result, fileName, lang);
  try {
    download(bytes, name, DOCX_TYPE);
  } catch {
    return { kind: 'warning', lines: [t.bulletinBlocked] };
  }
  return t.bulletinOffered(name);
}

export function createPeriods(deps: PeriodsDeps): { state: PeriodsState; act: PeriodsActions } {
  const state: PeriodsState = { earlier: [] };
  const download = deps.download ?? browserDownload;
  const setEarlier = async (files: readonly File[]): Promise<void> => {
    const engine = deps.engine;
    if (!engine.setEarlier) return;
    let changed = false;
    await deps.busy(async () => {
      const read = await readFiles(files);
      const n = await engine.setEarlier!(read);
      state.earlier = read.map((f) => f.name);
      changed = true;
      return n === 0 ? periodStrings(deps.lang()).earlierCleared : periodStrings(deps.lang()).earlierRead(n);
    });
    // The shown check was made without these periods: check again, as the web page does.
    if (changed && deps.result()) await deps.recheck();
  };
  const act: PeriodsActions = {
    chooseEarlier: (files) => void setEarlier(files),
    clearEarlier: () => void setEarlier([]),
    downloadBulletin: () => void deps.busy(async () => {
      const result = deps.result();
      if (!result) return null;
      return offerBulletin(result, deps.fileName(), deps.lang(), download);
    }),
  };
  return { state, act };
}
