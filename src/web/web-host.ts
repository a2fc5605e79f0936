/**
 * The pane's host on the web page, over one dropped or picked file. Writing
 * produces an annotated copy to download instead of changing a workbook; the
 * settings live in the browser's localStorage; "select a cell" shows its row.
 */
import type { Grid } from '../core/grid';
import type { InputCheck } from '../core/input-rules';
import type { Lang, WritePlan } from '../core/types';
import { parseSettings } from '../excel/settings';
import type { InputRulesOutcome, LedgerHost, Progress, SavedSettings } from '../taskpane/host';
import { browserLanguages, pageLang } from './lang';
import { copyPart, type Written } from './plan-part';
import type { PreviewData } from './preview-data';
import type { WorkerClient } from './worker-client';

export { planPart, type Written } from './plan-part';

export const STORAGE_KEY = 'ledgerCheck.settings';

/** `冠县.xlsx` → `冠县.checked.xlsx` (as the command names its copies) and `冠县.report.json`. */
export function downloadNames(file: string): { copy: string; report: string; bulletin: string } {
  const base = file.replace(/(\.checked)?\.(xlsx|xlsm|xls)$/i, '');
  return { copy: `${base}.checked.xlsx`, report: `${base}.report.json`, bulletin: `${base}.通报.docx` };
}

export interface WebHostView {
  /** Shows the rows around a cell. */
  showPreview(data: PreviewData | null): void;
  /** The annotated copy changed (null: nothing to download). */
  onOutput(bytes: Uint8Array | null): void;
}

export class WebHost implements LedgerHost {
  readonly kind = 'web' as const;
  private written: Written = { columns: false, marks: false };
  /** The plans of the copy on offer, and the input rules 添加输入检查 added to it. */
  private plans: WritePlan[] = [];
  private inputChecks: InputCheck[] = [];

  constructor(
    private readonly client: WorkerClient,
    private readonly view: WebHostView,
    private readonly storage: Storage | null = safeStorage(),
    /** The browser's language preferences, best first (one tag will do). */
    private readonly browserLang: readonly string[] | string = browserLanguages(),
  ) {}

  readSheets(onProgress?: Progress): Promise<Grid[]> {
    onProgress?.(0);
    return this.client.call('grids', {});
  }

  async writeColumns(plans: WritePlan[], onProgress?: Progress): Promise<void> {
    await this.produce(plans, { ...this.written, columns: true }, onProgress);
  }

  async writeMarks(plans: WritePlan[], onProgress?: Progress): Promise<void> {
    await this.produce(plans, { ...this.written, marks: true }, onProgress);
  }

  /**
   * The full annotated copy, as `ledger check` writes it, offered as soon as a check
   * is done: on the page nothing is written into the user's file, so there is no
   * reason to wait for 填写计算列 or 标记问题单元格.
   */
  async offerCopy(plans: WritePlan[]): Promise<void> {
    await this.produce(plans, { columns: true, marks: true });
  }

  /**
   * The copy on offer again, with the input rules in its ledger sheets' `<dataValidations>`
   * (the file's own validations kept); later copies keep them until 移除全部标注.
   */
  async addInputRules(checks: InputCheck[], plans: WritePlan[], onProgress?: Progress): Promise<InputRulesOutcome> {
    this.inputChecks = checks;
    await this.produce(this.plans.length ? this.plans : plans, this.written, onProgress);
    return { kind: 'done', ranges: checks.reduce((n, c) => n + c.rules.reduce((m, r) => m + r.sqref.split(' ').length, 0), 0), kept: 0 };
  }

  async removeAll(_plans: WritePlan[], onProgress?: Progress): Promise<void> {
    this.written = { columns: false, marks: false };
    this.inputChecks = [];
    this.view.onOutput(null);
    onProgress?.(1);
  }

  async selectCell(sheet: string, a1: string): Promise<void> {
    this.view.showPreview(await this.client.call('preview', { sheet, a1 }));
  }

  async loadSettings(): Promise<SavedSettings | null> {
    if (!this.storage) return null;
    return parseSettings(this.storage.getItem(STORAGE_KEY));
  }

  async saveSettings(settings: SavedSettings): Promise<void> {
    this.storage?.setItem(STORAGE_KEY, JSON.stringify(settings));
  }

  displayLanguage(): Lang | null {
    // The page always has a language: the browser's where it is zh-TW or en, else zh-CN.
    return pageLang(this.browserLang);
  }

  private async produce(plans: WritePlan[], written: Written, onProgress?: Progress): Promise<void> {
    onProgress?.(0.1);
    const rulesOf = (sheet: string) => this.inputChecks.find((c) => c.sheet === sheet)?.rules;
    // The plans of the worker's last check come to the page without their cells: the worker
    // writes from its own whole plans. Other plans (the what-if's indicator columns) are sent.
    const args = this.client.isCheckPlans(plans)
      ? { lastCheck: written, inputRules: Object.fromEntries(this.inputChecks.map((c) => [c.sheet, c.rules])) }
      : { plans: plans.map((p) => copyPart(p, written, rulesOf(p.sheet))) };
    const bytes = await this.client.call('write', args);
    this.plans = plans;
    this.written = written;
    this.view.onOutput(bytes);
    onProgress?.(1);
  }
}

/** localStorage, or null where the browser refuses it (private mode, file: pages). */
export function safeStorage(): Storage | null {
  try {
    const s = typeof localStorage === 'undefined' ? null : localStorage;
    s?.getItem(STORAGE_KEY);
    return s;
  } catch {
    return null;
  }
}
