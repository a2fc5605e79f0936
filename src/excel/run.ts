/// <reference types="office-js" />
/**
 * The one place that calls Excel.run. Office errors become HostErrors; when Excel
 * is in cell-edit mode the batch is tried once more after a short pause, since the
 * user often finishes typing in that time.
 */
import type { Lang } from '../core/types';
import { HostError, hostMessage, officeCodeOf, toHostError } from './host-error';

export interface RunOptions {
  lang: Lang;
  /** Pause before the retry in cell-edit mode. */
  retryDelayMs: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function runExcel<T>(batch: (context: Excel.RequestContext) => Promise<T>, options: RunOptions): Promise<T> {
  if (typeof Excel === 'undefined' || typeof Excel.run !== 'function') {
    throw new HostError('no-excel', hostMessage('no-excel', options.lang));
  }
  for (let attempt = 0; ; attempt++) {
    try {
      return await Excel.run(batch);
    } catch (e) {
      if (attempt === 0 && officeCodeOf(e) === 'InvalidOperationInCellEditMode') {
        await sleep(options.retryDelayMs);
        continue;
      }
      throw toHostError(e, options.lang);
    }
  }
}
