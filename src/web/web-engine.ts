/** The pane's engine on the web page: the file's bytes checked by the command's code, in the worker. */
import type { Settings } from '../core/types';
import type { PaneEngine } from '../taskpane/engine';
import type { Progress } from '../taskpane/host';
import type { CheckResult } from '../taskpane/model';
import type { WorkerClient } from './worker-client';

export class WebEngine implements PaneEngine {
  private opened: Promise<unknown> | null = null;

  constructor(private readonly client: WorkerClient, private readonly bytes: Uint8Array) {}

  async check(settings: Settings, onProgress: Progress): Promise<CheckResult> {
    // A dropped file does not change: it is read once, and every check reuses what was read.
    if (!this.opened) {
      this.opened = this.client.call('open', { bytes: this.bytes }, (f) => onProgress(f * 0.7));
      this.opened.catch(() => (this.opened = null));
    }
    await this.opened;
    onProgress(0.75);
    return this.client.call('check', { settings }, (f) => onProgress(0.75 + f * 0.25));
  }
}
