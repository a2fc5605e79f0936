/** The pane's engine on the web page: the file's bytes checked by the command's code, in the worker. */
import type { InputCheck } from '../core/input-rules';
import type { Lang, Settings, WritePlan } from '../core/types';
import type { IndicatorScope, WhatifReport } from '../core/whatif/index';
import type { PaneEngine } from '../taskpane/engine';
import type { Progress } from '../taskpane/host';
import type { CheckResult } from '../taskpane/model';
import type { IndicatorValues, WhatifRequest } from '../taskpane/whatif/whatif-model';
import type { WorkerClient } from './worker-client';

export class WebEngine implements PaneEngine {
  private opened: Promise<unknown> | null = null;

  /** `fileName` names the file in the what-if report, as the command names it, and its date may give the period. */
  /** `earlier`: earlier periods' workbooks (上期台账), handed to the worker with the file. */
  constructor(
    private readonly client: WorkerClient, private readonly bytes: Uint8Array, private readonly fileName = '',
    private readonly earlier: { name: string; bytes: Uint8Array }[] = [],
  ) {}

  async check(settings: Settings, onProgress: Progress): Promise<CheckResult> {
    // A dropped file does not change: it is read once, and every check reuses what was read.
    if (!this.opened) {
      this.opened = this.client.call('open', { bytes: this.bytes, ...(this.fileName ? { fileName: this.fileName } : {}) }, (f) => onProgress(f * 0.7))
        .then(() => this.client.call('earlier', { files: this.earlier }));
      this.opened.catch(() => (this.opened = null));
    }
    await this.opened;
    onProgress(0.75);
    return this.client.call('check', { settings }, (f) => onProgress(0.75 + f * 0.25));
  }

  whatif(request: WhatifRequest): Promise<WhatifReport> {
    return this.client.call('whatif', { request, file: this.fileName });
  }

  indicatorScopes(): Promise<IndicatorScope[]> {
    return this.client.call('scopes', {});
  }

  indicatorPlans(indicators: IndicatorValues, lang: Lang): Promise<WritePlan[]> {
    return this.client.call('indicatorPlans', { indicators, lang });
  }

  inputChecks(lang: Lang): Promise<InputCheck[]> {
    return this.client.call('inputChecks', { lang });
  }
}
