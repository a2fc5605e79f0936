/**
 * Proxies of the fake: properties are readable only once loaded and synced,
 * writes and calls queue commands that run against the model at sync.
 */
import { jsonBytes, utf8Length, type FakeContext, type LoadResult } from './context';
import { FakeOfficeError, propertyNotLoaded } from './errors';

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

/** What a method like getCount() returns: its value is readable after the sync. */
export class ClientResult<T> {
  private state: { value: T } | null = null;

  constructor(private readonly context: FakeContext) {}

  set(value: T): void {
    this.state = { value };
  }

  get value(): T {
    this.context.check();
    if (!this.state) throw propertyNotLoaded('value');
    return this.state.value;
  }
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
    // A proxy handed back by a sync is resolved by that sync's load; others ask at the next one.
    if (orNull && !context.isSyncing) context.enqueue(0, () => this.probe());
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
