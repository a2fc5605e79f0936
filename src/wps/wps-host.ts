/**
 * The pane's host inside WPS 表格: the same LedgerHost as the Excel host, over
 * WPS's synchronous ET object model. Each call runs with screen updating off and
 * turns what WPS throws into a HostError in the user's language.
 */
import type { Grid } from '../core/grid';
import type { Lang, WritePlan } from '../core/types';
import type { InputCheck } from '../core/input-rules';
import type { InputRulesOutcome, LedgerHost, Progress, SavedSettings } from '../taskpane/host';
import { HostError } from '../excel/host-error';
import { rangeA1 } from './a1';
import { writeColumns } from './columns';
import type { EtApplication, EtWorkbook } from './et';
import { writeMarks } from './marks';
import { readSheets } from './read';
import { removeAll } from './remove';
import { loadSettings, saveSettings } from './settings';
import { findSheet } from './sheets';
import { hasValidation, writeValidation } from './validation';
import { fromA1 } from '../core/grid';

const MESSAGES: Record<Lang, { failed: string; noBook: string; settings: string }> = {
  'zh-CN': { failed: 'WPS 报告了一个错误，操作未完成。', noBook: '没有打开的工作簿。请先在 WPS 表格中打开台账。', settings: '设置未能保存到工作簿中。' },
  'zh-TW': { failed: 'WPS 回報了一個錯誤，操作未完成。', noBook: '沒有開啟的活頁簿。請先在 WPS 表格中開啟台賬。', settings: '設定未能儲存到活頁簿中。' },
  en: { failed: 'WPS reported an error; the operation did not finish.', noBook: 'No workbook is open. Open the ledger in WPS Spreadsheets first.', settings: 'The settings could not be saved in the workbook.' },
};

/** WPS's UI language id (msoLanguageIDUI = 2) as one of ours. */
export function wpsLanguage(app: EtApplication): Lang | null {
  try {
    const id = app.LanguageSettings?.LanguageID(2);
    if (id === 2052 || id === 4100) return 'zh-CN';
    if (id === 1028 || id === 3076 || id === 5124) return 'zh-TW';
    return typeof id === 'number' ? 'en' : null;
  } catch {
    return null;
  }
}

export class WpsHost implements LedgerHost {
  readonly kind = 'wps' as const;
  private readonly lang: Lang;

  constructor(private readonly app: EtApplication, options: { lang?: Lang } = {}) {
    this.lang = options.lang ?? wpsLanguage(app) ?? 'zh-CN';
  }

  private run<T>(work: (wb: EtWorkbook) => T): Promise<T> {
    const t = MESSAGES[this.lang];
    let wb: EtWorkbook | null;
    try {
      wb = this.app.ActiveWorkbook;
    } catch {
      wb = null;
    }
    if (!wb) return Promise.reject(new HostError('not-found', t.noBook));
    const screen = this.app.ScreenUpdating;
    try {
      if (screen !== undefined) this.app.ScreenUpdating = false;
      return Promise.resolve(work(wb));
    } catch (e) {
      if (e instanceof HostError) return Promise.reject(e);
      const err = new HostError('unknown', t.failed);
      (err as Error & { cause?: unknown }).cause = e;
      return Promise.reject(err);
    } finally {
      if (screen !== undefined) this.app.ScreenUpdating = screen;
    }
  }

  readSheets(onProgress?: Progress): Promise<Grid[]> {
    return this.run((wb) => readSheets(wb, onProgress));
  }

  writeColumns(plans: WritePlan[], onProgress?: Progress): Promise<void> {
    return this.run((wb) => writeColumns(this.app, wb, plans, onProgress));
  }

  writeMarks(plans: WritePlan[], onProgress?: Progress): Promise<void> {
    return this.run((wb) => writeMarks(wb, plans, this.lang, onProgress));
  }

  removeAll(plans: WritePlan[], onProgress?: Progress): Promise<void> {
    return this.run((wb) => {
      removeAll(this.app, wb, plans);
      onProgress?.(1);
    });
  }

  addInputRules(checks: InputCheck[], _plans: WritePlan[], onProgress?: Progress): Promise<InputRulesOutcome> {
    return this.run((wb) => (hasValidation(wb, checks) ? writeValidation(wb, checks, onProgress) : { kind: 'unsupported' as const }));
  }

  selectCell(sheet: string, a1: string): Promise<void> {
    return this.run((wb) => {
      const ws = findSheet(wb, sheet);
      ws.Activate();
      const at = fromA1(a1);
      ws.Range(at ? rangeA1(at.r, at.c, at.r, at.c) : a1).Select();
    });
  }

  loadSettings(): Promise<SavedSettings | null> {
    return this.run((wb) => loadSettings(wb));
  }

  saveSettings(settings: SavedSettings): Promise<void> {
    return this.run((wb) => {
      try {
        saveSettings(wb, settings);
      } catch (e) {
        const err = new HostError('settings-save-failed', MESSAGES[this.lang].settings);
        (err as Error & { cause?: unknown }).cause = e;
        throw err;
      }
    });
  }

  displayLanguage(): Lang | null {
    return wpsLanguage(this.app);
  }

  /** The workbook's file name (Workbook.Name), where WPS gives one. */
  fileName(): string | null {
    try {
      const name = this.app.ActiveWorkbook?.Name;
      return typeof name === 'string' && name !== '' ? name : null;
    } catch {
      return null;
    }
  }
}
