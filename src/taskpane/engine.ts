/**
 * How the pane gets a check done. Inside Excel the grids come from the host and
 * the engine runs here; the web page hands in its own engine, which checks the
 * file's bytes with checkWorkbook (in a worker) so that its report and copy are
 * the command's.
 */
import type { Grid } from '../core/grid';
import type { Settings } from '../core/types';
import type { LedgerHost, Progress } from './host';
import { checkGrids, type CheckResult } from './model';

export interface PaneEngine {
  /**
   * Checks the workbook with these settings. `reread` reads the workbook again
   * (the user pressed 检查台账); otherwise what was read last may be reused (a
   * setting changed).
   */
  check(settings: Settings, onProgress: Progress, reread: boolean): Promise<CheckResult>;
}

/** Let the progress bar paint before a long synchronous step. */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The engine over `host.readSheets()`: reads, then analyses on this thread. */
export class GridEngine implements PaneEngine {
  private grids: Grid[] | null = null;

  constructor(private readonly host: LedgerHost) {}

  async check(settings: Settings, onProgress: Progress, reread: boolean): Promise<CheckResult> {
    if (reread || !this.grids) {
      this.grids = null;
      this.grids = await this.host.readSheets((f) => onProgress(f * 0.7));
    }
    onProgress(0.75);
    await nextFrame();
    const result = checkGrids(this.grids, settings);
    onProgress(1);
    return result;
  }
}
