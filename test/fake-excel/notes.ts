/** Notes (ExcelApi 1.18) and threaded comments (ExcelApi 1.10) of the fake. */
import { parseRect, splitSheet, type Rect } from './a1';
import { jsonBytes, type FakeContext } from './context';
import { ClientResult, FakeCollection, FakeProxy } from './proxy';
import { FakeOfficeError, invalidArgument, itemNotFound } from './errors';
import { key, unkey, type FakeSheet, type FakeWorkbook } from './model';
import { RangeProxy } from './range';

type Kind = 'note' | 'comment';

interface AnnotationTarget {
  sheet: FakeSheet;
  k: number;
}

const MIN: Record<Kind, number> = { note: 18, comment: 10 };

function store(sheet: FakeSheet, kind: Kind): Map<number, unknown> {
  return kind === 'note' ? sheet.notes : sheet.comments;
}

function textOf(sheet: FakeSheet, kind: Kind, k: number): string | undefined {
  return kind === 'note' ? sheet.notes.get(k) : sheet.comments.get(k)?.content;
}

/** A single cell from a Range proxy or an address (`B5`, `Sheet1!B5`). */
function cellOf(wb: FakeWorkbook, scope: FakeSheet | null, where: RangeProxy | string): AnnotationTarget {
  let sheet: FakeSheet | undefined;
  let rect: Rect | null;
  if (typeof where === 'string') {
    const [name, a1] = splitSheet(where);
    sheet = name ? wb.findSheet(name) : scope ?? undefined;
    rect = parseRect(a1);
  } else {
    const t = where.need();
    sheet = t.sheet;
    rect = t.rect;
  }
  if (!sheet || !rect) throw invalidArgument(`cell address ${String(where)}`);
  if (scope && sheet !== scope) throw invalidArgument('the cell is on another sheet');
  if (rect.r0 !== rect.r1 || rect.c0 !== rect.c1) throw invalidArgument('the range must be a single cell');
  return { sheet, k: key(rect.r0, rect.c0) };
}

export class AnnotationCollectionProxy extends FakeCollection<AnnotationTarget, AnnotationProxy> {
  /** `scope` null: the workbook's collection; else one sheet's. */
  constructor(context: FakeContext, private readonly scope: () => FakeSheet | null, private readonly kind: Kind) {
    super(context);
  }

  private ready(): FakeSheet | null {
    this.context.require(MIN[this.kind], this.kind === 'note' ? 'NoteCollection' : 'CommentCollection');
    return this.scope();
  }

  protected find(): AnnotationTarget[] {
    const scope = this.ready();
    const sheets = scope ? [scope] : this.context.wb.sheets;
    return sheets.flatMap((sheet) => [...store(sheet, this.kind).keys()].sort((a, b) => a - b).map((k) => ({ sheet, k })));
  }

  protected identity(m: AnnotationTarget): unknown {
    return `${m.sheet.id}:${m.k}`;
  }

  protected makeItem(m: AnnotationTarget): AnnotationProxy {
    return new AnnotationProxy(this.context, () => m, this.kind);
  }

  protected itemDefaults(): string[] {
    return ['content', 'authorName'];
  }

  add(cellAddress: RangeProxy | string, content: string): AnnotationProxy {
    let made: AnnotationTarget | null = null;
    this.context.enqueue(jsonBytes(content), () => {
      const scope = this.ready();
      const at = cellOf(this.context.wb, scope, cellAddress);
      if (store(at.sheet, this.kind).has(at.k)) throw invalidArgument(`the cell already has a ${this.kind}`);
      // A cell holds a note or a threaded comment, never both.
      if (store(at.sheet, this.kind === 'note' ? 'comment' : 'note').has(at.k)) {
        throw new FakeOfficeError('InvalidOperation', `The cell has a ${this.kind === 'note' ? 'comment' : 'note'}.`);
      }
      if (this.kind === 'note') at.sheet.notes.set(at.k, content);
      else at.sheet.comments.set(at.k, { id: this.context.wb.nextId('comment'), content });
      made = at;
    });
    return new AnnotationProxy(this.context, () => {
      if (!made) throw new FakeOfficeError('InvalidObjectPath', `The ${this.kind} was not created.`);
      return made;
    }, this.kind);
  }

  getCount(): ClientResult<number> {
    const result = new ClientResult<number>(this.context);
    this.context.enqueue(0, () => {
      const scope = this.ready();
      const sheets = scope ? [scope] : this.context.wb.sheets;
      const n = sheets.reduce((sum, s) => sum + store(s, this.kind).size, 0);
      return { bytes: 4, commit: () => result.set(n) };
    });
    return result;
  }

  private byCell(cellAddress: string, orNull: boolean): AnnotationProxy {
    this.context.touch();
    return new AnnotationProxy(this.context, () => {
      const at = cellOf(this.context.wb, this.ready(), cellAddress);
      if (textOf(at.sheet, this.kind, at.k) !== undefined) return at;
      if (orNull) return null;
      throw itemNotFound(`${this.kind} at ${cellAddress}`);
    }, this.kind, orNull);
  }

  /** Notes: by cell address. */
  getItem(key: string): AnnotationProxy {
    return this.byCell(key, false);
  }

  getItemOrNullObject(key: string): AnnotationProxy {
    return this.byCell(key, true);
  }

  /** Comments: by cell. */
  getItemByCell(cellAddress: string): AnnotationProxy {
    return this.byCell(cellAddress, false);
  }
}

export class AnnotationProxy extends FakeProxy<AnnotationTarget> {
  constructor(context: FakeContext, private readonly locate: () => AnnotationTarget | null, private readonly kind: Kind, orNull = false) {
    super(context, orNull);
  }

  protected override stable(): boolean {
    return false;
  }

  protected find(): AnnotationTarget | null {
    const t = this.locate();
    if (t && textOf(t.sheet, this.kind, t.k) === undefined) throw itemNotFound(this.kind);
    return t;
  }

  protected defaults(): string[] {
    return ['content', 'authorName'];
  }

  protected scalar(prop: string, { sheet, k }: AnnotationTarget): unknown {
    if (prop === 'content') return textOf(sheet, this.kind, k);
    if (prop === 'authorName') return 'Test User';
    if (prop === 'id' && this.kind === 'comment') return sheet.comments.get(k)?.id;
    return this.unknown(prop);
  }

  get content(): string { return this.read('content'); }
  set content(v: string) {
    this.write(v, ({ sheet, k }) => {
      if (this.kind === 'note') sheet.notes.set(k, v);
      else sheet.comments.set(k, { id: sheet.comments.get(k)?.id ?? this.context.wb.nextId('comment'), content: v });
    });
  }

  get id(): string { return this.read('id'); }

  delete(): void {
    this.call({}, ({ sheet, k }) => {
      store(sheet, this.kind).delete(k);
    });
  }

  getLocation(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const { sheet, k } = this.need();
      const { r, c } = unkey(k);
      return { sheet, rect: { r0: r, c0: c, r1: r, c1: c } };
    });
  }
}
