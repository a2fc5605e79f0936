/** Workbook, worksheets, names and workbook settings of the fake. */
import { MAX_COLS, MAX_ROWS, parseRect, quoteSheet, splitSheet, type Rect } from './a1';
import type { FakeContext } from './context';
import { FakeCollection, FakeProxy } from './proxy';
import { FakeOfficeError, invalidArgument, itemNotFound } from './errors';
import type { FakeSheet } from './model';
import { NamedItemCollectionProxy, SettingCollectionProxy } from './names';
import { AnnotationCollectionProxy } from './notes';
import { ChartCollectionProxy } from './charts';
import { RangeProxy } from './range';
import { RangeAreasProxy } from './range-areas';

const BAD_SHEET_CHARS = /[[\]:*?/\\]/;

export class WorksheetProxy extends FakeProxy<FakeSheet> {
  private boundId: string | undefined;

  constructor(context: FakeContext, private readonly lookup: () => FakeSheet | null, orNull = false) {
    super(context, orNull);
  }

  protected override stable(): boolean {
    return false;
  }

  protected find(): FakeSheet | null {
    if (this.boundId !== undefined) {
      const s = this.context.wb.sheets.find((x) => x.id === this.boundId);
      if (!s) throw itemNotFound('worksheet (deleted)');
      return s;
    }
    const s = this.lookup();
    if (s) this.boundId = s.id;
    return s;
  }

  protected defaults(): string[] {
    return ['name', 'id', 'position', 'visibility'];
  }

  protected scalar(prop: string, s: FakeSheet): unknown {
    switch (prop) {
      case 'name': return s.name;
      case 'id': return s.id;
      case 'position': return this.context.wb.sheets.indexOf(s);
      case 'visibility': return s.visibility;
      default: return this.unknown(prop);
    }
  }

  get name(): string { return this.read('name'); }
  get id(): string { return this.read('id'); }
  get position(): number { return this.read('position'); }
  get visibility(): string { return this.read('visibility'); }

  activate(): void {
    this.call({}, (s) => {
      if (s.visibility !== 'Visible') throw new FakeOfficeError('InvalidOperation', 'A hidden sheet cannot be activated.');
      this.context.wb.activeSheetId = s.id;
    });
  }

  delete(): void {
    this.call({}, (s) => {
      const wb = this.context.wb;
      const visible = wb.sheets.filter((x) => x.visibility === 'Visible');
      if (s.visibility === 'Visible' && visible.length === 1) {
        throw new FakeOfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      }
      wb.sheets = wb.sheets.filter((x) => x !== s);
      const prefix = `=${quoteSheet(s.name)}!`;
      for (const n of wb.names) if (n.formula.startsWith(prefix)) n.formula = `=#REF!${n.formula.slice(prefix.length)}`;
      if (wb.activeSheetId === s.id) wb.activeSheetId = wb.sheets.find((x) => x.visibility === 'Visible')?.id ?? '';
      if (wb.selection?.sheet === s.name) wb.selection = null;
    });
  }

  private range(rect: () => Rect | null, orNull = false): RangeProxy {
    return new RangeProxy(this.context, () => {
      const sheet = this.need();
      const r = rect();
      return r ? { sheet, rect: r } : null;
    }, orNull);
  }

  getRange(address?: string): RangeProxy {
    return this.range(() => {
      if (address === undefined || address === '') return { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 };
      const [, a1] = splitSheet(address);
      const r = parseRect(a1);
      if (!r) throw invalidArgument(`address ${address}`);
      return r;
    });
  }

  getCell(row: number, column: number): RangeProxy {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeProxy {
    return this.range(() => {
      this.context.require(7, 'Worksheet.getRangeByIndexes');
      const r1 = startRow + rowCount - 1;
      const c1 = startColumn + columnCount - 1;
      if (rowCount < 1 || columnCount < 1 || startRow < 0 || startColumn < 0 || r1 >= MAX_ROWS || c1 >= MAX_COLS) {
        throw invalidArgument(`indexes ${startRow},${startColumn},${rowCount},${columnCount}`);
      }
      return { r0: startRow, c0: startColumn, r1, c1 };
    });
  }

  getRanges(address: string): RangeAreasProxy {
    this.context.touch();
    return new RangeAreasProxy(this.context, () => {
      this.context.require(9, 'Worksheet.getRanges');
      const sheet = this.need();
      const areas = address.split(/[,;]/).map((a) => parseRect(splitSheet(a)[1]));
      if (areas.some((a) => a === null)) throw invalidArgument(`addresses ${address}`);
      return { sheet, areas: areas as Rect[] };
    });
  }

  /** A blank sheet gives A1, like Excel. */
  getUsedRange(valuesOnly = false): RangeProxy {
    return this.range(() => this.need().usedRect(valuesOnly) ?? { r0: 0, c0: 0, r1: 0, c1: 0 });
  }

  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return this.range(() => this.need().usedRect(valuesOnly), true);
  }

  get notes(): AnnotationCollectionProxy {
    return this.kid('notes', () => new AnnotationCollectionProxy(this.context, () => this.need(), 'note'));
  }

  get charts(): ChartCollectionProxy {
    return this.kid('charts', () => new ChartCollectionProxy(this.context, () => this.need()));
  }

  get comments(): AnnotationCollectionProxy {
    return this.kid('comments', () => new AnnotationCollectionProxy(this.context, () => this.need(), 'comment'));
  }
}

export class WorksheetCollectionProxy extends FakeCollection<FakeSheet, WorksheetProxy> {
  protected find(): FakeSheet[] {
    return this.context.wb.sheets;
  }

  protected identity(m: FakeSheet): unknown {
    return m.id;
  }

  protected makeItem(m: FakeSheet): WorksheetProxy {
    return new WorksheetProxy(this.context, () => m);
  }

  protected itemDefaults(): string[] {
    return ['name', 'id', 'position', 'visibility'];
  }

  private lookup(key: string): FakeSheet | null {
    return this.context.wb.sheets.find((s) => s.id === key) ?? this.context.wb.findSheet(key) ?? null;
  }

  getItem(key: string): WorksheetProxy {
    this.context.touch();
    return new WorksheetProxy(this.context, () => {
      const s = this.lookup(key);
      if (!s) throw itemNotFound(`worksheet ${key}`);
      return s;
    });
  }

  getItemOrNullObject(key: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.lookup(key), true);
  }

  getActiveWorksheet(): WorksheetProxy {
    this.context.touch();
    return new WorksheetProxy(this.context, () => this.context.wb.activeSheet ?? null);
  }

  add(name: string): WorksheetProxy {
    let made: FakeSheet | null = null;
    this.context.enqueue(JSON.stringify(name).length, () => {
      const wb = this.context.wb;
      if (name.length < 1 || name.length > 31 || BAD_SHEET_CHARS.test(name) || name.startsWith("'") || name.endsWith("'")) {
        throw invalidArgument(`sheet name ${name}`);
      }
      if (wb.findSheet(name)) throw new FakeOfficeError('ItemAlreadyExists', `A sheet named ${name} exists.`);
      made = wb.addSheet(name);
    });
    return new WorksheetProxy(this.context, () => {
      if (!made) throw new FakeOfficeError('InvalidObjectPath', 'The sheet was not created.');
      return made;
    });
  }
}

export class WorkbookProxy extends FakeProxy<true> {
  protected find(): true {
    return true;
  }

  protected defaults(): string[] {
    return [];
  }

  protected scalar(prop: string): unknown {
    return this.unknown(prop);
  }

  get worksheets(): WorksheetCollectionProxy {
    return this.kid('worksheets', () => new WorksheetCollectionProxy(this.context));
  }

  get names(): NamedItemCollectionProxy {
    return this.kid('names', () => new NamedItemCollectionProxy(this.context));
  }

  get notes(): AnnotationCollectionProxy {
    return this.kid('notes', () => new AnnotationCollectionProxy(this.context, () => null, 'note'));
  }

  get comments(): AnnotationCollectionProxy {
    return this.kid('comments', () => new AnnotationCollectionProxy(this.context, () => null, 'comment'));
  }

  get settings(): SettingCollectionProxy {
    return this.kid('settings', () => new SettingCollectionProxy(this.context));
  }
}
