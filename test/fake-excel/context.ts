/**
 * The request context and proxy base of the fake: commands are queued and run
 * only at `sync()`, loaded properties are readable only after that sync, and each
 * sync's request and response payloads are measured like Excel on the web limits them.
 */
import { FakeOfficeError, propertyNotLoaded } from './errors';
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

  takeFailure(): { code: string; message: string } | undefined {
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
    const injected = this.host.takeFailure();
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

type LoadSpec = string | string[] | { select?: string; expand?: string } | undefined;

function loadPaths(spec: LoadSpec, defaults: string[]): string[][] {
  let list: string[];
  if (spec === undefined) list = defaults;
  else if (typeof spec === 'string') list = spec.split(',');
  else if (Array.isArray(spec)) list = spec;
  else list = [...(spec.select ?? '').split(','), ...(spec.expand ?? '').split(',')];
  const paths = list.map((p) => p.trim()).filter((p) => p !== '').map((p) => p.split('/').map((x) => x.trim()));
  return paths.length ? paths : defaults.map((d) => [d]);
}

/**
 * A proxy: properties are readable only once loaded and synced; writes and calls
 * queue commands. `target()` finds the model object at sync time (null for a
 * missing *OrNullObject); subclasses say what each property and child is.
 */
export abstract class FakeProxy<T> {
  private readonly loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;
  private readonly kids = new Map<string, FakeProxy<unknown>>();
  private cached: T | null | undefined;

  constructor(readonly context: FakeContext, protected readonly orNull = false) {
    if (orNull) context.enqueue(0, () => this.probe());
  }

  /** Finds the model object; throws (ItemNotFound…) or, for *OrNullObject, returns null. */
  protected abstract find(): T | null;
  /** A scalar property's value, computed from the model. */
  protected abstract scalar(prop: string, target: T): unknown;
  /** Properties loaded by `load()` with no argument. */
  protected abstract defaults(): string[];
  /** A child proxy reachable by a load path (`format/fill/color`). */
  protected child(_prop: string): FakeProxy<unknown> | undefined {
    return undefined;
  }

  /** Targets that can vanish (deleted sheets) re-check themselves; stable ones cache. */
  protected stable(): boolean {
    return true;
  }

  target(): T | null {
    if (this.cached !== undefined && this.stable()) return this.cached;
    const t = this.find();
    this.cached = t;
    return t;
  }

  /** Throws when the object is missing: writes and calls need a real object. */
  need(): T {
    const t = this.target();
    if (t === null) throw new FakeOfficeError('InvalidOperation', 'The operation is not valid on a null object.');
    return t;
  }

  private probe(): LoadResult {
    const isNull = this.target() === null;
    return { bytes: 5, commit: () => (this.nullState = isNull) };
  }

  get isNullObject(): boolean {
    this.context.check();
    if (this.nullState === undefined) throw propertyNotLoaded('isNullObject');
    return this.nullState;
  }

  protected kid<K extends FakeProxy<unknown>>(name: string, make: () => K): K {
    let k = this.kids.get(name);
    if (!k) {
      k = make();
      this.kids.set(name, k);
    }
    return k as K;
  }

  load(spec?: LoadSpec): this {
    this.context.check();
    for (const path of loadPaths(spec, this.defaults())) this.queueLoad(path);
    return this;
  }

  protected queueLoad(path: string[]): void {
    this.context.enqueue(utf8Length(path.join('/')), () => this.loadNow(path));
  }

  /** Runs at sync: resolves the path and returns the bytes and the commit. */
  loadNow(path: string[]): LoadResult {
    const t = this.target();
    if (t === null) return { bytes: 5, commit: () => (this.nullState = true) };
    if (path.length === 1) {
      const value = this.scalar(path[0], t);
      return { bytes: jsonBytes(value) + utf8Length(path[0]), commit: () => { this.nullState = false; this.loaded.set(path[0], value); } };
    }
    const k = this.child(path[0]);
    if (!k) throw new FakeOfficeError('InvalidArgument', `Cannot load '${path.join('/')}'.`);
    const inner = k.loadNow(path.slice(1));
    return { bytes: inner.bytes, commit: () => { this.nullState = false; inner.commit(); } };
  }

  protected read<V>(prop: string): V {
    this.context.check();
    if (!this.loaded.has(prop)) throw propertyNotLoaded(prop);
    if (this.nullState) throw new FakeOfficeError('InvalidOperation', `'${prop}' of a null object.`);
    return this.loaded.get(prop) as V;
  }

  /** Queues a property write; `apply` runs at sync against the model. */
  protected write(value: unknown, apply: (t: T) => void): void {
    this.context.enqueue(jsonBytes(value), () => apply(this.need()));
  }

  /** Queues a method call with no result. */
  protected call(args: unknown, apply: (t: T) => void): void {
    this.context.enqueue(jsonBytes(args), () => apply(this.need()));
  }

  protected unknown(prop: string): never {
    throw new FakeOfficeError('InvalidArgument', `The property '${prop}' does not exist on this object.`);
  }
}

/** A collection: `items` is readable after loading it (or any `items/...` path). */
export abstract class FakeCollection<M, P extends FakeProxy<unknown>> extends FakeProxy<M[]> {
  private itemProxies: P[] | undefined;
  private readonly byId = new Map<unknown, P>();

  protected abstract identity(m: M): unknown;
  protected abstract makeItem(m: M): P;
  protected abstract itemDefaults(): string[];

  protected override stable(): boolean {
    return false;
  }

  protected override defaults(): string[] {
    return ['items'];
  }

  protected scalar(prop: string): unknown {
    return this.unknown(prop);
  }

  get items(): P[] {
    this.context.check();
    if (!this.itemProxies) throw propertyNotLoaded('items');
    return this.itemProxies;
  }

  protected override queueLoad(path: string[]): void {
    let rest = path[0] === 'items' ? path.slice(1) : path;
    const paths = rest.length ? [rest] : this.itemDefaults().map((d) => [d]);
    rest = [];
    this.context.enqueue(utf8Length(path.join('/')), () => {
      const models = this.need();
      const proxies = models.map((m) => {
        const id = this.identity(m);
        let p = this.byId.get(id);
        if (!p) {
          p = this.makeItem(m);
          this.byId.set(id, p);
        }
        return p;
      });
      const inner = proxies.flatMap((p) => paths.map((q) => p.loadNow(q)));
      return {
        bytes: inner.reduce((s, r) => s + r.bytes, 2),
        commit: () => {
          this.itemProxies = proxies;
          for (const r of inner) r.commit();
        },
      };
    });
  }
}
