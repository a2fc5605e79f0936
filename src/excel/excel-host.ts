/// <reference types="office-js" />
/**
 * The pane's host inside Excel. Every call to the workbook goes through runExcel,
 * so Office errors reach the pane as HostErrors in the user's language.
 */
import type { Grid } from '../core/grid';
import type { Lang, WritePlan } from '../core/types';
import type { InputCheck } from '../core/input-rules';
import type { InputRulesOutcome, LedgerHost, Progress, SavedSettings } from '../taskpane/host';
import { HostError, hostMessage } from './host-error';
import { officeDisplayLanguage } from './lang';
import { writeMarks } from './marks';
import { readSheets } from './read-sheets';
import { removeAll } from './remove';
import { runExcel } from './run';
import { documentSettings, loadFromWorkbook, parseSettings, saveToDocument, saveToWorkbook, SETTINGS_KEY } from './settings';
import { writeColumns } from './write-columns';
import { writeValidation } from './write-validation';

export interface ExcelHostOptions {
  /** Language of error messages; default: Office's display language, else zh-CN. */
  lang?: Lang;
  /** Pause before retrying once when Excel is in cell-edit mode. */
  retryDelayMs?: number;
}

export class ExcelHost implements LedgerHost {
  readonly kind = 'excel' as const;
  private readonly lang: Lang;
  private readonly retryDelayMs: number;

  constructor(options: ExcelHostOptions = {}) {
    this.lang = options.lang ?? officeDisplayLanguage() ?? 'zh-CN';
    this.retryDelayMs = options.retryDelayMs ?? 1500;
  }

  private run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    return runExcel(batch, { lang: this.lang, retryDelayMs: this.retryDelayMs });
  }

  readSheets(onProgress?: Progress): Promise<Grid[]> {
    return this.run((context) => readSheets(context, onProgress));
  }

  writeColumns(plans: WritePlan[], onProgress?: Progress): Promise<void> {
    return this.run((context) => writeColumns(context, plans, this.lang, onProgress));
  }

  writeMarks(plans: WritePlan[], onProgress?: Progress): Promise<void> {
    return this.run((context) => writeMarks(context, plans, this.lang, onProgress));
  }

  removeAll(plans: WritePlan[], onProgress?: Progress): Promise<void> {
    return this.run((context) => removeAll(context, plans, onProgress));
  }

  addInputRules(checks: InputCheck[], _plans: WritePlan[], onProgress?: Progress): Promise<InputRulesOutcome> {
    return this.run((context) => writeValidation(context, checks, onProgress));
  }

  selectCell(sheet: string, a1: string): Promise<void> {
    return this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(a1).select();
      await context.sync();
    });
  }

  async loadSettings(): Promise<SavedSettings | null> {
    const doc = documentSettings();
    if (doc) return parseSettings(doc.get(SETTINGS_KEY));
    return this.run(loadFromWorkbook);
  }

  async saveSettings(settings: SavedSettings): Promise<void> {
    const doc = documentSettings();
    if (!doc) return this.run((context) => saveToWorkbook(context, settings));
    try {
      await saveToDocument(doc, settings);
    } catch (e) {
      const err = new HostError('settings-save-failed', hostMessage('settings-save-failed', this.lang));
      (err as Error & { cause?: unknown }).cause = e;
      throw err;
    }
  }

  displayLanguage(): Lang | null {
    return officeDisplayLanguage();
  }

  /** The workbook's file name from Office's document URL (null for a new, unsaved workbook). */
  fileName(): string | null {
    try {
      const url = typeof Office !== 'undefined' ? Office.context?.document?.url : null;
      return url ? fileNameOfUrl(url) : null;
    } catch {
      return null;
    }
  }
}

/** `https://…/Shared%20Documents/2023年3月台账.xlsx?web=1` or `C:\\台账\\3月.xlsx` → the last part, decoded. */
export function fileNameOfUrl(url: string): string | null {
  const last = url.replace(/[?#].*$/, '').split(/[\\/]/).pop() ?? '';
  if (last === '') return null;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
