/**
 * The fake's `Excel` and `Office` namespaces over one FakeWorkbook, installable as
 * globals for the adapter (and, bundled, for a browser page that stubs Office.js).
 */
import { FakeContext, FakeHost, type FakeHostOptions, type SyncStat } from './context';
import { FakeOfficeError } from './errors';
import type { FakeWorkbook } from './model';
import { WorkbookProxy } from './sheet';

export class FakeRequestContext extends FakeContext {
  readonly workbook = new WorkbookProxy(this);
}

type Batch<T> = (context: FakeRequestContext) => Promise<T>;

interface AsyncResult {
  status: 'succeeded' | 'failed';
  value: unknown;
  error?: { name: string; message: string; code: number };
  asyncContext?: unknown;
}

type AsyncCallback = (result: AsyncResult) => void;

function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/** Office.context.document.settings: an in-memory copy, persisted by saveAsync. */
export class FakeDocumentSettings {
  private memory = new Map<string, unknown>();
  /** When set, the next saveAsync fails with this message. */
  failNextSave: string | null = null;

  constructor(private readonly wb: FakeWorkbook) {
    this.reload();
  }

  reload(): void {
    this.memory = new Map([...this.wb.settings].map(([k, v]) => [k, clone(v)]));
  }

  get(name: string): unknown {
    return this.memory.has(name) ? clone(this.memory.get(name)) : null;
  }

  set(name: string, value: unknown): void {
    this.memory.set(name, clone(value));
  }

  remove(name: string): void {
    this.memory.delete(name);
  }

  saveAsync(a?: { asyncContext?: unknown } | AsyncCallback, b?: AsyncCallback): void {
    const cb = typeof a === 'function' ? a : b;
    const asyncContext = typeof a === 'object' ? a.asyncContext : undefined;
    const failure = this.failNextSave;
    this.failNextSave = null;
    setTimeout(() => {
      if (failure) {
        cb?.({ status: 'failed', value: undefined, error: { name: 'Settings save failed', message: failure, code: 5001 }, asyncContext });
        return;
      }
      this.wb.settings.clear();
      for (const [k, v] of this.memory) this.wb.settings.set(k, clone(v));
      cb?.({ status: 'succeeded', value: undefined, asyncContext });
    }, 0);
  }

  refreshAsync(cb?: AsyncCallback): void {
    setTimeout(() => {
      this.reload();
      cb?.({ status: 'succeeded', value: this });
    }, 0);
  }
}

export interface FakeOffice {
  readonly host: FakeHost;
  readonly wb: FakeWorkbook;
  readonly Excel: Record<string, unknown>;
  readonly Office: Record<string, unknown>;
  readonly documentSettings: FakeDocumentSettings;
  /** Sync statistics of every run so far. */
  readonly syncs: SyncStat[];
  maxRequest(): number;
  maxResponse(): number;
  /** Puts `Excel` and `Office` on globalThis (previous values are kept for `uninstall`). */
  install(): this;
  uninstall(): void;
}

const ENUMS = {
  ConditionalFormatType: { custom: 'Custom', cellValue: 'CellValue', colorScale: 'ColorScale', dataBar: 'DataBar', iconSet: 'IconSet' },
  SpecialCellType: { visible: 'Visible', formulas: 'Formulas', constants: 'Constants', blanks: 'Blanks' },
  ClearApplyTo: { all: 'All', formats: 'Formats', contents: 'Contents', hyperlinks: 'Hyperlinks' },
  RangeValueType: { empty: 'Empty', string: 'String', double: 'Double', integer: 'Integer', boolean: 'Boolean', error: 'Error' },
  SheetVisibility: { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' },
  BorderIndex: { edgeTop: 'EdgeTop', edgeBottom: 'EdgeBottom', edgeLeft: 'EdgeLeft', edgeRight: 'EdgeRight' },
  BorderLineStyle: { continuous: 'Continuous', none: 'None' },
  ErrorCodes: {
    accessDenied: 'AccessDenied', apiNotFound: 'ApiNotFound', generalException: 'GeneralException',
    invalidArgument: 'InvalidArgument', invalidOperation: 'InvalidOperation', itemAlreadyExists: 'ItemAlreadyExists',
    itemNotFound: 'ItemNotFound', invalidOperationInCellEditMode: 'InvalidOperationInCellEditMode',
    responsePayloadSizeLimitExceeded: 'ResponsePayloadSizeLimitExceeded', rangeExceedsLimit: 'RangeExceedsLimit',
  },
};

export function createFakeOffice(wb: FakeWorkbook, options: FakeHostOptions = {}): FakeOffice {
  const host = new FakeHost(wb, options);
  const documentSettings = new FakeDocumentSettings(wb);

  async function run<T>(a: unknown, b?: Batch<T>): Promise<T> {
    const batch = (typeof a === 'function' ? a : b) as Batch<T> | undefined;
    if (!batch) throw new FakeOfficeError('InvalidArgument', 'Excel.run needs a batch function.');
    host.runs++;
    const context = new FakeRequestContext(host);
    try {
      const result = batch(context);
      if (!result || typeof (result as Promise<T>).then !== 'function') {
        throw new FakeOfficeError('RunMustReturnPromise', 'The batch function passed to the ".run" method didn\'t return a promise.');
      }
      const value = await result;
      if (context.pending > 0) await context.sync();
      return value;
    } finally {
      context.valid = false;
    }
  }

  const Excel: Record<string, unknown> = { run, ...ENUMS };
  const Office: Record<string, unknown> = {
    context: {
      requirements: {
        isSetSupported(name: string, minVersion?: string | number): boolean {
          if (name !== 'ExcelApi') return false;
          if (minVersion === undefined) return true;
          const [major, minor = '0'] = String(minVersion).split('.');
          return Number(major) < 1 || (Number(major) === 1 && host.supports(Number(minor)));
        },
      },
      get displayLanguage(): string {
        return host.displayLanguage;
      },
      document: { settings: documentSettings },
    },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    HostType: { Excel: 'Excel' },
    onReady: () => Promise.resolve({ host: 'Excel', platform: 'OfficeOnline' }),
  };

  const g = globalThis as unknown as Record<string, unknown>;
  let saved: { Excel: unknown; Office: unknown } | null = null;
  const fake: FakeOffice = {
    host, wb, Excel, Office, documentSettings,
    syncs: host.syncs,
    maxRequest: () => Math.max(0, ...host.syncs.map((s) => s.request)),
    maxResponse: () => Math.max(0, ...host.syncs.map((s) => s.response)),
    install() {
      if (!saved) saved = { Excel: g.Excel, Office: g.Office };
      g.Excel = Excel;
      g.Office = Office;
      return this;
    },
    uninstall() {
      if (!saved) return;
      g.Excel = saved.Excel;
      g.Office = saved.Office;
      saved = null;
    },
  };
  return fake;
}

export function installFakeOffice(wb: FakeWorkbook, options: FakeHostOptions = {}): FakeOffice {
  return createFakeOffice(wb, options).install();
}
