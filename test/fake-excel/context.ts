/**
 * The request context and proxy base of the fake: commands are queued and run
 * only at `sync()`, loaded properties are readable only after that sync, and each
 * sync's request and response payloads are measured like Excel on the web limits them.
 */
import { FakeOfficeError } from './errors';
import type { FakeWorkbook } from './model';

export interface SyncStat {
  /** Bytes sent: command overhead plus the JSON of every argument and value written. */
  request: number;
  /** Bytes received: the JSON of every property loaded. */
  response: number;
  actions: number;
  failed?: string;
}

export interface FakeHostOptions {
  /** Highest ExcelApi minor version supported (18 → ExcelApi 1.18). */
  apiMinor?: number;
  /** Excel on the web rejects a request or response over 5 MB. */
  payloadLimit?: number;
  /** Bytes a queued command costs besides its arguments (object paths, ids, names). */
  actionOverhead?: number;
  displayLanguage?: string;
  /** Cells one load may cover before Excel refuses. */
  maxLoadCells?: number;
}

/** State shared by every Excel.run over one workbook: options, statistics, injected failures. */
export class FakeHost {
  readonly apiMinor: number;
  readonly payloadLimit: number;
  readonly actionOverhead: number;
  readonly maxLoadCells: number;
  displayLanguage: string;
  readonly syncs: SyncStat[] = [];
  runs = 0;
  private failures: { code: string; message: string }[] = [];
  private readonly failuresAt = new Map<number, { code: string; message: string }>();

  constructor(readonly wb: FakeWorkbook, options: FakeHostOptions = {}) {
    this.apiMinor = options.apiMinor ?? 18;
    this.payloadLimit = options.payloadLimit ?? 5 * 1024 * 1024;
    this.actionOverhead = options.actionOverhead ?? 120;
    this.maxLoadCells = options.maxLoadCells ?? 5_000_000;
    this.displayLanguage = options.displayLanguage ?? 'en-US';
  }

  supports(minor: number): boolean {
    return minor <= this.apiMinor;
  }

  /** The next `times` syncs fail with this error before touching the workbook. */
  failNextSyncs(code: string, message: string, times = 1): void {
    for (let i = 0; i < times; i++) this.failures.push({ code, message });
  }

  /** The sync with this 0-based index (counting every sync so far) fails. */
  failSyncAt(index: number, code: string, message: string): void {
    this.failuresAt.set(index, { code, message });
  }

  takeFailure(index: number): { code: string; message: string } | undefined {
    const at = this.failuresAt.get(index);
    if (at) {
      this.failuresAt.delete(index);
      return at;
    }
    return this.failures.shift();
  }

  resetStats(): void {
    this.syncs.length = 0;
    this.runs = 0;
  }
}

/** UTF-8 length of a string, without TextEncoder allocations. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code < 0x80) n += 1;
    else if (code < 0x800) n += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export function jsonBytes(v: unknown): number {
  return v === undefined ? 0 : utf8Length(JSON.stringify(v));
}

export interface LoadResult {
  bytes: number;
  commit: () => void;
}

interface Action {
  bytes: number;
  run: () => LoadResult | void;
}

export class FakeContext {
  valid = true;
  private syncing = false;
  private queue: Action[] = [];

  constructor(readonly host: FakeHost) {}

  get wb(): FakeWorkbook {
    return this.host.wb;
  }

  check(): void {
    if (!this.valid) throw new FakeOfficeError('InvalidRequestContext', 'Cannot use the object across different request contexts.');
  }

  get isSyncing(): boolean {
    return this.syncing;
  }

  get pending(): number {
    return this.queue.length;
  }

  enqueue(argBytes: number, run: () => LoadResult | void): void {
    this.check();
    this.queue.push({ bytes: this.host.actionOverhead + argBytes, run });
  }

  /** Commands that only create a proxy still travel in the request (not proxies a sync hands back). */
  touch(): void {
    if (!this.syncing) this.enqueue(0, () => undefined);
  }

  async sync(): Promise<void> {
    this.check();
    const actions = this.queue;
    this.queue = [];
    const stat: SyncStat = { request: 0, response: 0, actions: actions.length };
    for (const a of actions) stat.request += a.bytes;
    this.host.syncs.push(stat);
    await Promise.resolve();
    const fail = (e: FakeOfficeError): never => {
      stat.failed = e.code;
      throw e;
    };
    if (stat.request > this.host.payloadLimit) {
      fail(new FakeOfficeError('RequestPayloadSizeLimitExceeded', `The request payload size has exceeded the limit (${stat.request} bytes).`));
    }
    const injected = this.host.takeFailure(this.host.syncs.length - 1);
    if (injected) fail(new FakeOfficeError(injected.code, injected.message));
    const commits: (() => void)[] = [];
    this.syncing = true;
    try {
      for (const a of actions) {
        let res: LoadResult | void = undefined;
        try {
          res = a.run();
        } catch (e) {
          fail(e instanceof FakeOfficeError ? e : new FakeOfficeError('GeneralException', (e as Error).message));
        }
        if (res) {
          stat.response += res.bytes;
          commits.push(res.commit);
        }
      }
    } finally {
      this.syncing = false;
    }
    if (stat.response > this.host.payloadLimit) {
      fail(new FakeOfficeError('ResponsePayloadSizeLimitExceeded', `The response payload size has exceeded the limit (${stat.response} bytes).`));
    }
    for (const c of commits) c();
  }

  /** Set-up and check for ExcelApi requirement sets, at sync time like the host does. */
  require(minor: number, api: string): void {
    if (!this.host.supports(minor)) {
      throw new FakeOfficeError('ApiNotFound', `The API you are trying to use could not be found. It may be available in a newer version of Excel. (${api}, ExcelApi 1.${minor})`);
    }
  }
}
