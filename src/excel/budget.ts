/// <reference types="office-js" />
/**
 * Batches commands into as few syncs as the payload limit allows: callers reserve
 * the bytes of what they are about to queue, and a sync happens only when the next
 * command would push the current request past the budget.
 */
import { SYNC_BUDGET } from './payload';

export class SyncBudget {
  syncs = 0;
  private pending = 0;
  private queued = false;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly onSync: () => void = () => undefined,
    readonly limit = SYNC_BUDGET,
  ) {}

  /** Bytes the current request can still take. */
  get room(): number {
    return this.limit - this.pending;
  }

  async reserve(bytes: number): Promise<void> {
    if (this.queued && this.pending + bytes > this.limit) await this.flush();
    this.pending += bytes;
    this.queued = true;
  }

  async flush(): Promise<void> {
    if (!this.queued) return;
    this.pending = 0;
    this.queued = false;
    await this.context.sync();
    this.syncs++;
    this.onSync();
  }
}
