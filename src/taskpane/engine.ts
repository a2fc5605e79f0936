/**
 * How the pane gets a check done. Inside Excel the grids come from the host and
 * the engine runs here; the web page hands in its own engine, which checks the
 * file's bytes with checkWorkbook (in a worker) so that its report and copy are
 * the command's.
 */
import type { Grid } from '../core/grid';
import type { Lang, Settings, SheetReport, WritePlan } from '../core/types';
import type { InputCheck } from '../core/input-rules';
import type { IndicatorScope, SheetInput, WhatifReport } from '../core/whatif/index';
import type { EarlierFile, EarlierPeriods } from './earlier';
import type { LedgerHost, Progress } from './host';
import { analyseGrids, type CheckResult } from './model';
import { plansWithIndicators, whatifReportOf, whatifScopes, type IndicatorValues, type WhatifRequest } from './whatif/whatif-model';

export interface PaneEngine {
  /**
   * Checks the workbook with these settings. `reread` reads the workbook again
   * (the user pressed 检查台账); otherwise what was read last may be reused (a
   * setting changed).
   */
  check(settings: Settings, onProgress: Progress, reread: boolean): Promise<CheckResult>;
  /** The what-if of the last check (whatif-model.ts). */
  whatif(request: WhatifRequest): Promise<WhatifReport>;
  /** The scopes indicators are evaluated on, for the last check. */
  indicatorScopes(): Promise<IndicatorScope[]>;
  /** The last check's plans with the indicator columns added. */
  indicatorPlans(indicators: IndicatorValues, lang: Lang): Promise<WritePlan[]>;
  /**
   * Earlier periods' workbooks (上期台账) the next check measures lag against; an empty list
   * drops them. Absent where the host offers its own input (the web page).
   */
  setEarlier?(files: readonly EarlierFile[]): Promise<number>;
  /** 添加输入检查 of the last check: per ledger sheet, the input rules and the cells breaking them. */
  inputChecks(lang: Lang): Promise<InputCheck[]>;
}

/** Let the progress bar paint before a long synchronous step. */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The engine over `host.readSheets()`: reads, then analyses on this thread (earlier periods too). */
export class GridEngine implements PaneEngine {
  private grids: Grid[] | null = null;
  private last: { result: CheckResult; inputs: SheetInput[] } | null = null;
  /** Loaded with the first choice: the xlsx reader stays out of the pane's start-up bundle. */
  private earlier: EarlierPeriods | null = null;

  constructor(private readonly host: LedgerHost) {}

  async setEarlier(files: readonly EarlierFile[]): Promise<number> {
    const { EarlierPeriods } = await import('./earlier');
    // Read before anything is replaced: a file that cannot be read leaves the last choice standing.
    const next = new EarlierPeriods(files);
    this.earlier = next;
    return next.count;
  }

  async check(settings: Settings, onProgress: Progress, reread: boolean): Promise<CheckResult> {
    if (reread || !this.grids) {
      this.grids = null;
      this.grids = await this.host.readSheets((f) => onProgress(f * 0.7));
    }
    onProgress(0.75);
    await nextFrame();
    this.last = null;
    const fileName = this.host.fileName?.() ?? undefined;
    const earlier = this.earlier;
    const history = !earlier || earlier.count === 0 ? undefined
      : (sheets: SheetReport[]) => earlier.historyOf(fileName ?? '', sheets, settings);
    this.last = analyseGrids(this.grids, settings, fileName, history);
    onProgress(1);
    return this.last.result;
  }

  private checked(): { result: CheckResult; inputs: SheetInput[] } {
    if (!this.last) throw new Error('no check yet');
    return this.last;
  }

  async whatif(request: WhatifRequest): Promise<WhatifReport> {
    const { result, inputs } = this.checked();
    // Excel does not tell the pane the file's name; the report names the workbook by its sheets.
    return whatifReportOf(result, inputs, '', request);
  }

  async indicatorScopes(): Promise<IndicatorScope[]> {
    return whatifScopes(this.checked().inputs);
  }

  async indicatorPlans(indicators: IndicatorValues, lang: Lang): Promise<WritePlan[]> {
    const { result, inputs } = this.checked();
    return plansWithIndicators(result, inputs, indicators, lang);
  }

  async inputChecks(lang: Lang): Promise<InputCheck[]> {
    const inputs = this.checked().inputs;
    // Loaded on first use, as the what-if's mathjs is: the start-up script stays small.
    const { ledgerInputCheck } = await import('../core/input-rules');
    return inputs.map((a) => ledgerInputCheck(a, { lang }));
  }
}
