/**
 * Planners' indicators from the pane: checked and evaluated by mathjs in a worker
 * (whatif-worker.ts) under a time limit; the worker is terminated when it is
 * exceeded and a fresh one started for the next request. Where no worker can
 * run, mathjs is imported here on demand and evaluated on the pane's thread,
 * bounded only by the expression limits (length, nesting, node count).
 * The length and nesting checks, and the name's, run here first without mathjs.
 */
import { parseIndicatorSpec, WhatifInputError, type IndicatorDef, type IndicatorScope } from '../../core/whatif/index';
import { checkText } from '../../core/whatif/indicator-tree';
import type { IndicatorBatchResult } from '../../core/whatif/indicators';

export type IndicatorsModule = typeof import('../../core/whatif/indicators');

/** Page → worker: one batch. */
export interface WorkerIn {
  id: number;
  defs: IndicatorDef[];
  scopes: IndicatorScope[];
}

/** Worker → page: ready once mathjs is loaded, then one answer per batch. */
export type WorkerOut =
  | { kind: 'ready' }
  | { kind: 'failed' }
  | { kind: 'done'; id: number; result: IndicatorBatchResult }
  | { kind: 'error'; id: number };

/** An input error as plain data (as evaluateBatch reports it). */
export interface IndicatorProblem {
  code: WhatifInputError['code'];
  params: Record<string, string | number>;
  position: number | null;
}

/** The worker was stopped: the evaluation ran longer than `seconds`. */
export class IndicatorTimeout extends Error {
  readonly code = 'indicator-timeout';
  constructor(readonly seconds: number) {
    super(`indicator evaluation stopped after ${seconds} s`);
    this.name = 'IndicatorTimeout';
  }
}

/** Neither the worker nor the pane could load the formula engine. */
export class IndicatorEngineFailed extends Error {
  readonly code = 'indicator-engine-failed';
  constructor() {
    super('the indicator engine could not be loaded');
    this.name = 'IndicatorEngineFailed';
  }
}

export const TIME_LIMIT_MS = 2000;
/** Loading mathjs is not evaluation: it has its own, generous limit. */
export const LOAD_LIMIT_MS = 30000;
/** Allowance per evaluation on top of the limit: 100,000 projects with one indicator get 2 s more. */
const PER_EVALUATION_MS = 0.02;

/** The time one batch may take: 2 s, plus a little per evaluation for a large workbook. */
export function timeLimit(defs: number, scopes: number): number {
  return TIME_LIMIT_MS + Math.round(defs * scopes * PER_EVALUATION_MS);
}

/**
 * What can be told without mathjs: the name (`name=expression` as the command
 * reads it, not repeated) and the expression's length and nesting. Null when
 * those are fine; the worker checks the rest.
 */
export function precheckIndicator(name: string, expression: string, taken: readonly string[]): IndicatorProblem | null {
  try {
    const spec = `${name.trim()}=${expression.trim()}`;
    const def = parseIndicatorSpec(spec);
    // A name holding "=" would split elsewhere: the command could not read it back.
    if (def.name !== name.trim()) throw new WhatifInputError('bad-indicator-spec', { spec });
    if (taken.includes(def.name)) throw new WhatifInputError('duplicate-indicator', { name: def.name });
    checkText(def.expression);
    return null;
  } catch (e) {
    if (!(e instanceof WhatifInputError)) throw e;
    return { code: e.code, params: e.params, position: e.position };
  }
}

interface Job {
  defs: IndicatorDef[];
  scopes: IndicatorScope[];
  resolve: (r: IndicatorBatchResult) => void;
  reject: (e: unknown) => void;
}

export interface RunnerDeps {
  /** Starts the worker; null or a throw where workers cannot run. */
  start: () => Worker | null;
  /** mathjs on this thread, for when there is no worker. */
  load: () => Promise<IndicatorsModule>;
  /** Notified once when evaluation moves onto the pane's thread. */
  onInPane?: () => void;
}

export class IndicatorRunner {
  private worker: Worker | null = null;
  private ready: Promise<void> | null = null;
  private inPane = false;
  private queue: Job[] = [];
  private running = false;
  private next = 1;
  /** The batch the worker is on: its id, job and timer. */
  private current: { id: number; job: Job; timer: ReturnType<typeof setTimeout> } | null = null;
  private readyWaiter: { resolve: () => void; reject: (e: unknown) => void } | null = null;

  constructor(private readonly deps: RunnerDeps) {}

  /** Where expressions are evaluated: in a worker with a time limit, or on the pane's thread. */
  get mode(): 'worker' | 'pane' {
    return this.inPane ? 'pane' : 'worker';
  }

  /** Loads the engine ahead of the first request (the user opened the indicators). */
  async warm(): Promise<void> {
    if (!this.inPane) {
      try {
        await this.workerReady();
        return;
      } catch {
        this.moveToPane();
      }
    }
    await this.paneModule();
  }

  /** Checks one definition fully: null when it compiles, else what is wrong and where. */
  async validate(def: IndicatorDef): Promise<IndicatorProblem | null> {
    const r = await this.run([def], []);
    const e = r.errors[0];
    return e ? { code: e.code as IndicatorProblem['code'], params: e.params, position: e.position } : null;
  }

  /** Compiles and evaluates the definitions on every scope. Batches run one at a time, in order. */
  run(defs: IndicatorDef[], scopes: IndicatorScope[]): Promise<IndicatorBatchResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ defs, scopes, resolve, reject });
      void this.pump();
    });
  }

  dispose(): void {
    this.stopWorker();
    for (const job of this.queue.splice(0)) job.reject(new Error('disposed'));
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (let job = this.queue.shift(); job; job = this.queue.shift()) {
        try {
          job.resolve(await this.runOne(job));
        } catch (e) {
          job.reject(e);
        }
      }
    } finally {
      this.running = false;
    }
  }

  private async runOne(job: Job): Promise<IndicatorBatchResult> {
    if (!this.inPane) {
      try {
        await this.workerReady();
      } catch {
        this.moveToPane();
      }
    }
    if (this.inPane) return (await this.paneModule()).evaluateBatch(job.defs, job.scopes);
    const worker = this.worker as Worker;
    return new Promise<IndicatorBatchResult>((resolve, reject) => {
      const id = this.next++;
      const limit = timeLimit(job.defs.length, job.scopes.length);
      const timer = setTimeout(() => {
        // The only way to stop a running evaluation: the next batch gets a new worker.
        this.stopWorker();
        reject(new IndicatorTimeout(Math.round(limit / 100) / 10));
      }, limit);
      this.current = { id, job: { ...job, resolve, reject }, timer };
      const msg: WorkerIn = { id, defs: job.defs, scopes: job.scopes };
      worker.postMessage(msg);
    });
  }

  private workerReady(): Promise<void> {
    if (this.ready) return this.ready;
    let worker: Worker | null = null;
    try {
      worker = this.deps.start();
    } catch {
      worker = null;
    }
    if (!worker) return Promise.reject(new IndicatorEngineFailed());
    this.worker = worker;
    worker.onmessage = (ev: MessageEvent<WorkerOut>) => this.receive(worker as Worker, ev.data);
    worker.onerror = (ev) => {
      ev.preventDefault?.();
      this.crashed(worker as Worker);
    };
    this.ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new IndicatorEngineFailed()), LOAD_LIMIT_MS);
      this.readyWaiter = {
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      };
    });
    // A failed start is handled by whoever awaits it; nobody may be waiting yet.
    this.ready.catch(() => undefined);
    return this.ready;
  }

  private receive(from: Worker, msg: WorkerOut): void {
    if (from !== this.worker) return;
    if (msg.kind === 'ready') {
      this.readyWaiter?.resolve();
      this.readyWaiter = null;
      return;
    }
    if (msg.kind === 'failed') {
      this.crashed(from);
      return;
    }
    const cur = this.current;
    if (!cur || cur.id !== msg.id) return;
    clearTimeout(cur.timer);
    this.current = null;
    if (msg.kind === 'done') cur.job.resolve(msg.result);
    else cur.job.reject(new Error('indicator evaluation failed'));
  }

  /** The worker could not load or died: what it held fails, and a new one is started next time. */
  private crashed(worker: Worker): void {
    if (worker !== this.worker) return;
    const waiter = this.readyWaiter;
    const cur = this.current;
    this.stopWorker();
    waiter?.reject(new IndicatorEngineFailed());
    cur?.job.reject(new IndicatorEngineFailed());
  }

  private stopWorker(): void {
    if (this.current) clearTimeout(this.current.timer);
    this.current = null;
    this.readyWaiter = null;
    this.worker?.terminate();
    this.worker = null;
    this.ready = null;
  }

  private moveToPane(): void {
    this.stopWorker();
    if (this.inPane) return;
    this.inPane = true;
    this.deps.onInPane?.();
  }

  private paneModule(): Promise<IndicatorsModule> {
    return this.deps.load().catch(() => {
      throw new IndicatorEngineFailed();
    });
  }
}
