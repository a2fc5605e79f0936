/**
 * The page's side of the worker: calls with progress, answered in order. When
 * no worker can be started (or it fails to load), the same service runs on the
 * page, yielding between steps so progress still paints.
 */
import type { WritePlan } from '../core/types';
import type { CheckResult } from '../taskpane/model';
import type { CheckService } from './check-service';
import type { handle as Handle } from './handle';
import type { CallName, Calls, Request, Response } from './protocol';

interface Pending {
  req: Request;
  onProgress?: (fraction: number) => void;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class WorkerClient {
  private next = 1;
  private readonly pending = new Map<number, Pending>();
  /** The service on the page, once the page runs it (local.ts, loaded on first use). */
  private local: { service: CheckService; handle: typeof Handle } | null = null;
  /** The file opened and the last check: the state to rebuild on the page if the worker dies. */
  private lastOpen: Request | null = null;
  private lastCheck: Request | null = null;
  /** The plans of the checks answered, as the page holds them (without their cells). */
  private readonly checkPlans = new WeakSet<readonly WritePlan[]>();

  constructor(private worker: Worker | null) {
    if (!worker) return;
    worker.onmessage = (ev: MessageEvent<Response>) => this.receive(ev.data);
    worker.onerror = (ev) => {
      ev.preventDefault();
      void this.fallBack();
    };
  }

  /** Where the work runs: 'worker', or 'page' when no worker could run it. */
  get mode(): 'worker' | 'page' {
    return this.worker ? 'worker' : 'page';
  }

  call<K extends CallName>(call: K, args: Calls[K]['args'], onProgress?: (fraction: number) => void): Promise<Calls[K]['result']> {
    const req: Request = { id: this.next++, call, args };
    if (call === 'open') {
      this.lastOpen = req;
      this.lastCheck = null;
    } else if (call === 'check') this.lastCheck = req;
    return new Promise<unknown>((resolve, reject) => {
      const p: Pending = { req, onProgress, resolve, reject };
      if (this.worker) {
        this.pending.set(req.id, p);
        this.worker.postMessage(req);
      } else {
        void this.runLocally(p);
      }
    }) as Promise<Calls[K]['result']>;
  }

  private receive(msg: Response): void {
    const p = this.pending.get(msg.id);
    if (!p) return;
    if (msg.kind === 'progress') {
      p.onProgress?.(msg.fraction);
      return;
    }
    this.pending.delete(msg.id);
    if (msg.kind === 'done') this.settle(p, msg.result);
    else p.reject(msg.error);
  }

  private settle(p: Pending, result: unknown): void {
    if (p.req.call === 'check') this.checkPlans.add((result as CheckResult).plans);
    p.resolve(result);
  }

  /**
   * Whether these are a check's plans as the page holds them, without their cells: the worker
   * writes from the whole plans of its last check instead (a newer check's, when one followed).
   */
  isCheckPlans(plans: readonly WritePlan[]): boolean {
    return this.checkPlans.has(plans);
  }

  private async onPage(): Promise<{ service: CheckService; handle: typeof Handle }> {
    if (!this.local) {
      const { CheckService: Service, handle } = await import('./local');
      this.local ??= { service: new Service(), handle };
    }
    return this.local;
  }

  private async runLocally(p: Pending): Promise<void> {
    let local: { service: CheckService; handle: typeof Handle };
    try {
      local = await this.onPage();
    } catch (e) {
      p.reject(e);
      return;
    }
    await tick();
    try {
      this.settle(p, local.handle(local.service, p.req, (f) => p.onProgress?.(f)));
    } catch (e) {
      p.reject(e);
    }
  }

  /** The worker failed to start: redo what it was given on the page, then go on there. */
  private async fallBack(): Promise<void> {
    if (!this.worker) return;
    this.worker.terminate();
    this.worker = null;
    const waiting = [...this.pending.values()];
    this.pending.clear();
    this.local = null;
    const local = await this.onPage();
    for (const req of [this.lastOpen, this.lastCheck]) {
      if (!req || waiting.some((p) => p.req.id === req.id)) continue;
      try {
        local.handle(local.service, req, () => undefined);
      } catch {
        // It failed in the worker too, and the caller has had that answer.
      }
    }
    for (const p of waiting) await this.runLocally(p);
  }

  terminate(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}
