/** Range, RangeAreas and range formatting of the fake. */
import { addressOf, cellCount, intersect, MAX_COLS, MAX_ROWS, parseRect, rectA1, type Rect } from './a1';
import { interpretInput } from './cell-input';
import { ConditionalFormatCollectionProxy } from './cf';
import { FakeCollection, FakeContext, FakeProxy } from './context';
import { FakeOfficeError, invalidArgument } from './errors';
import { unkey, type FakeCell, type FakeSheet, type FakeValue } from './model';

export interface RangeTarget {
  sheet: FakeSheet;
  rect: Rect;
}

export interface AreasTarget {
  sheet: FakeSheet;
  areas: Rect[];
}

function outValue(cell: FakeCell | undefined): Exclude<FakeValue, { error: string }> {
  const v = cell?.value;
  if (v === undefined) return '';
  return typeof v === 'object' ? v.error : v;
}

function valueType(cell: FakeCell | undefined): string {
  const v = cell?.value;
  if (v === undefined || v === '') return 'Empty';
  if (typeof v === 'number') return 'Double';
  if (typeof v === 'boolean') return 'Boolean';
  if (typeof v === 'string') return 'String';
  return 'Error';
}

/** Runs of rows (or columns) in [a, b] not in `hidden`. */
export function visibleRuns(a: number, b: number, hidden: Set<number>): [number, number][] {
  const cut = [...hidden].filter((x) => x >= a && x <= b).sort((x, y) => x - y);
  const runs: [number, number][] = [];
  let start = a;
  for (const h of cut) {
    if (h > start) runs.push([start, h - 1]);
    start = h + 1;
  }
  if (start <= b) runs.push([start, b]);
  return runs;
}

/** Cells of the sheet inside a rectangle, iterating whichever is smaller. */
function cellsIn(sheet: FakeSheet, rect: Rect): [number, number][] {
  const out: [number, number][] = [];
  if (cellCount(rect) <= sheet.cells.size) {
    for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) if (sheet.cell(r, c)) out.push([r, c]);
  } else {
    for (const k of sheet.cells.keys()) {
      const { r, c } = unkey(k);
      if (r >= rect.r0 && r <= rect.r1 && c >= rect.c0 && c <= rect.c1) out.push([r, c]);
    }
  }
  return out;
}

export class RangeProxy extends FakeProxy<RangeTarget> {
  constructor(context: FakeContext, private readonly locate: () => RangeTarget | null, orNull = false) {
    super(context, orNull);
    if (!orNull) context.touch();
  }

  protected find(): RangeTarget | null {
    return this.locate();
  }

  protected defaults(): string[] {
    return ['address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount', 'values', 'formulas', 'numberFormat', 'valueTypes'];
  }

  private grid<V>(t: RangeTarget, f: (cell: FakeCell | undefined) => V): V[][] {
    const { rect, sheet } = t;
    if (cellCount(rect) > this.context.host.maxLoadCells) {
      throw new FakeOfficeError('RangeExceedsLimit', 'The number of cells in the range has exceeded the maximum supported number.');
    }
    const rows: V[][] = [];
    for (let r = rect.r0; r <= rect.r1; r++) {
      const row: V[] = [];
      for (let c = rect.c0; c <= rect.c1; c++) row.push(f(sheet.cell(r, c)));
      rows.push(row);
    }
    return rows;
  }

  protected scalar(prop: string, t: RangeTarget): unknown {
    const { rect, sheet } = t;
    switch (prop) {
      case 'address': return addressOf(sheet.name, rect);
      case 'rowIndex': return rect.r0;
      case 'columnIndex': return rect.c0;
      case 'rowCount': return rect.r1 - rect.r0 + 1;
      case 'columnCount': return rect.c1 - rect.c0 + 1;
      case 'cellCount': return cellCount(rect);
      case 'values': return this.grid(t, outValue);
      case 'formulas': return this.grid(t, (cell) => (cell?.formula !== undefined ? `=${cell.formula}` : outValue(cell)));
      case 'numberFormat': return this.grid(t, (cell) => cell?.numFmt ?? 'General');
      case 'valueTypes': return this.grid(t, valueType);
      case 'rowHidden': return allOrNone(rect.r0, rect.r1, sheet.hiddenRows);
      case 'columnHidden': return allOrNone(rect.c0, rect.c1, sheet.hiddenCols);
      default: return this.unknown(prop);
    }
  }

  protected override child(prop: string): FakeProxy<unknown> | undefined {
    if (prop === 'format') return this.format;
    if (prop === 'conditionalFormats') return this.conditionalFormats;
    return undefined;
  }

  get address(): string { return this.read('address'); }
  get rowIndex(): number { return this.read('rowIndex'); }
  get columnIndex(): number { return this.read('columnIndex'); }
  get rowCount(): number { return this.read('rowCount'); }
  get columnCount(): number { return this.read('columnCount'); }
  get cellCount(): number { return this.read('cellCount'); }
  get values(): unknown[][] { return this.read('values'); }
  set values(v: unknown[][]) { this.writeCells(v, (sheet, r, c, x) => setInput(sheet, r, c, x)); }
  get formulas(): unknown[][] { return this.read('formulas'); }
  set formulas(v: unknown[][]) { this.writeCells(v, (sheet, r, c, x) => setInput(sheet, r, c, x)); }
  get numberFormat(): unknown[][] { return this.read('numberFormat'); }
  set numberFormat(v: unknown[][]) {
    this.writeCells(v, (sheet, r, c, x) => {
      if (x === null || x === undefined) return;
      const cell = sheet.cellFor(r, c);
      cell.numFmt = x === '' || x === 'General' ? undefined : String(x);
      sheet.tidy(r, c);
    });
  }
  get valueTypes(): string[][] { return this.read('valueTypes'); }
  get rowHidden(): boolean | null { return this.read('rowHidden'); }
  set rowHidden(v: boolean | null) {
    this.write(v, ({ sheet, rect }) => {
      for (let r = rect.r0; r <= rect.r1; r++) if (v) sheet.hiddenRows.add(r); else sheet.hiddenRows.delete(r);
    });
  }
  get columnHidden(): boolean | null { return this.read('columnHidden'); }
  set columnHidden(v: boolean | null) {
    this.write(v, ({ sheet, rect }) => {
      for (let c = rect.c0; c <= rect.c1; c++) if (v) sheet.hiddenCols.add(c); else sheet.hiddenCols.delete(c);
    });
  }

  get format(): RangeFormatProxy {
    return this.kid('format', () => new RangeFormatProxy(this.context, () => this.areas()));
  }

  get conditionalFormats(): ConditionalFormatCollectionProxy {
    return this.kid('cf', () => new ConditionalFormatCollectionProxy(this.context, () => this.areas()));
  }

  private areas(): AreasTarget {
    const { sheet, rect } = this.need();
    return { sheet, areas: [rect] };
  }

  private writeCells(v: unknown, put: (sheet: FakeSheet, r: number, c: number, x: unknown) => void): void {
    this.write(v, ({ sheet, rect }) => {
      const rows = rect.r1 - rect.r0 + 1;
      const cols = rect.c1 - rect.c0 + 1;
      if (!Array.isArray(v)) {
        for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) put(sheet, r, c, v);
        return;
      }
      if (v.length !== rows || v.some((row) => !Array.isArray(row) || row.length !== cols)) {
        throw invalidArgument(`the array is not ${rows}×${cols}`);
      }
      v.forEach((row: unknown[], i) => row.forEach((x, j) => put(sheet, rect.r0 + i, rect.c0 + j, x)));
    });
  }

  private relative(f: (t: RangeTarget) => Rect): RangeProxy {
    return new RangeProxy(this.context, () => {
      const t = this.need();
      return { sheet: t.sheet, rect: f(t) };
    });
  }

  getCell(row: number, column: number): RangeProxy {
    return this.relative(({ rect }) => ({ r0: rect.r0 + row, c0: rect.c0 + column, r1: rect.r0 + row, c1: rect.c0 + column }));
  }

  getEntireColumn(): RangeProxy {
    return this.relative(({ rect }) => ({ r0: 0, r1: MAX_ROWS - 1, c0: rect.c0, c1: rect.c1 }));
  }

  getEntireRow(): RangeProxy {
    return this.relative(({ rect }) => ({ r0: rect.r0, r1: rect.r1, c0: 0, c1: MAX_COLS - 1 }));
  }

  getIntersectionOrNullObject(other: RangeProxy | string): RangeProxy {
    return new RangeProxy(this.context, () => {
      const t = this.need();
      const o = typeof other === 'string' ? parseRect(other) : other.need().rect;
      if (!o) throw invalidArgument(String(other));
      const x = intersect(t.rect, o);
      return x ? { sheet: t.sheet, rect: x } : null;
    }, true);
  }

  getMergedAreasOrNullObject(): RangeAreasProxy {
    return new RangeAreasProxy(this.context, () => {
      this.context.require(13, 'Range.getMergedAreasOrNullObject');
      const { sheet, rect } = this.need();
      const areas = sheet.merges.filter((m) => m.r0 >= rect.r0 && m.r0 <= rect.r1 && m.c0 >= rect.c0 && m.c0 <= rect.c1);
      return areas.length ? { sheet, areas } : null;
    }, true);
  }

  getSpecialCellsOrNullObject(cellType: string): RangeAreasProxy {
    return new RangeAreasProxy(this.context, () => {
      this.context.require(9, 'Range.getSpecialCellsOrNullObject');
      if (cellType !== 'Visible') throw new FakeOfficeError('NotImplemented', `special cells ${cellType} are not in the fake`);
      const { sheet, rect } = this.need();
      const areas: Rect[] = [];
      for (const [r0, r1] of visibleRuns(rect.r0, rect.r1, sheet.hiddenRows)) {
        for (const [c0, c1] of visibleRuns(rect.c0, rect.c1, sheet.hiddenCols)) areas.push({ r0, r1, c0, c1 });
      }
      return areas.length ? { sheet, areas } : null;
    }, true);
  }

  clear(applyTo: string = 'All'): void {
    this.call({ applyTo }, ({ sheet, rect }) => {
      const contents = applyTo === 'All' || applyTo === 'Contents';
      const formats = applyTo === 'All' || applyTo === 'Formats';
      for (const [r, c] of cellsIn(sheet, rect)) {
        const cell = sheet.cellFor(r, c);
        if (contents) cell.value = cell.formula = undefined;
        if (formats) cell.numFmt = cell.bold = cell.fill = undefined;
        sheet.tidy(r, c);
      }
      // Clearing formats unmerges the cells it covers.
      if (formats) sheet.merges = sheet.merges.filter((m) => !intersect(m, rect));
    });
  }

  select(): void {
    this.call({}, ({ sheet, rect }) => {
      this.context.wb.activeSheetId = sheet.id;
      this.context.wb.selection = { sheet: sheet.name, address: rectA1(rect) };
    });
  }

  merge(across = false): void {
    this.call({ across }, ({ sheet, rect }) => {
      if (sheet.merges.some((m) => intersect(m, rect))) throw new FakeOfficeError('MergedRangeConflict', 'Cannot merge over merged cells.');
      if (!across) sheet.merges.push(rect);
      else for (let r = rect.r0; r <= rect.r1; r++) sheet.merges.push({ r0: r, r1: r, c0: rect.c0, c1: rect.c1 });
    });
  }
}

function allOrNone(a: number, b: number, set: Set<number>): boolean | null {
  let n = 0;
  for (const x of set) if (x >= a && x <= b) n++;
  if (n === 0) return false;
  return n === b - a + 1 ? true : null;
}

function setInput(sheet: FakeSheet, r: number, c: number, input: unknown): void {
  const x = interpretInput(input);
  if (x.kind === 'skip') return;
  const cell = sheet.cellFor(r, c);
  if (x.kind === 'clear') {
    cell.value = cell.formula = undefined;
  } else if (x.kind === 'formula') {
    // The fake does not calculate: a written formula has no value until Excel would compute it.
    cell.formula = x.formula;
    cell.value = undefined;
  } else {
    cell.value = x.value;
    cell.formula = undefined;
    if (x.numFmt && !cell.numFmt) cell.numFmt = x.numFmt;
  }
  sheet.tidy(r, c);
}

export class RangeFormatProxy extends FakeProxy<AreasTarget> {
  constructor(context: FakeContext, private readonly locate: () => AreasTarget) {
    super(context);
  }

  protected find(): AreasTarget {
    return this.locate();
  }

  protected defaults(): string[] {
    return ['columnWidth'];
  }

  protected scalar(prop: string, t: AreasTarget): unknown {
    if (prop === 'columnWidth') return t.sheet.colWidths.get(t.areas[0].c0) ?? 48;
    return this.unknown(prop);
  }

  protected override child(prop: string): FakeProxy<unknown> | undefined {
    return prop === 'fill' ? this.fill : prop === 'font' ? this.font : undefined;
  }

  get columnWidth(): number { return this.read('columnWidth'); }
  set columnWidth(w: number) {
    this.write(w, ({ sheet, areas }) => {
      for (const a of areas) for (let c = a.c0; c <= a.c1; c++) sheet.colWidths.set(c, w);
    });
  }

  get fill(): CellStyleProxy {
    return this.kid('fill', () => new CellStyleProxy(this.context, () => this.need(), 'fill'));
  }

  get font(): CellStyleProxy {
    return this.kid('font', () => new CellStyleProxy(this.context, () => this.need(), 'bold'));
  }
}

/** `format.fill` (color) and `format.font` (bold) of plain cells. */
export class CellStyleProxy extends FakeProxy<AreasTarget> {
  constructor(context: FakeContext, private readonly locate: () => AreasTarget, private readonly kind: 'fill' | 'bold') {
    super(context);
  }

  protected find(): AreasTarget {
    return this.locate();
  }

  protected defaults(): string[] {
    return [this.kind === 'fill' ? 'color' : 'bold'];
  }

  protected scalar(prop: string, { sheet, areas }: AreasTarget): unknown {
    const a = areas[0];
    const cell = sheet.cell(a.r0, a.c0);
    if (this.kind === 'fill' && prop === 'color') return cell?.fill ?? '#FFFFFF';
    if (this.kind === 'bold' && prop === 'bold') return cell?.bold ?? false;
    return this.unknown(prop);
  }

  private paint(v: unknown, set: (cell: FakeCell) => void): void {
    this.write(v, ({ sheet, areas }) => {
      for (const a of areas) {
        if (cellCount(a) > 1_000_000) throw new FakeOfficeError('RangeExceedsLimit', 'Too many cells to format one by one in the fake.');
        for (let r = a.r0; r <= a.r1; r++) for (let c = a.c0; c <= a.c1; c++) {
          set(sheet.cellFor(r, c));
          sheet.tidy(r, c);
        }
      }
    });
  }

  get color(): string { return this.read('color'); }
  set color(v: string) { this.paint(v, (cell) => (cell.fill = v)); }
  get bold(): boolean { return this.read('bold'); }
  set bold(v: boolean) { this.paint(v, (cell) => (cell.bold = v ? true : undefined)); }
}

export class RangeAreasProxy extends FakeProxy<AreasTarget> {
  constructor(context: FakeContext, private readonly locate: () => AreasTarget | null, orNull = false) {
    super(context, orNull);
  }

  protected find(): AreasTarget | null {
    return this.locate();
  }

  protected defaults(): string[] {
    return ['address', 'areaCount', 'cellCount'];
  }

  protected scalar(prop: string, { sheet, areas }: AreasTarget): unknown {
    switch (prop) {
      case 'address': return areas.map((a) => addressOf(sheet.name, a)).join(',');
      case 'areaCount': return areas.length;
      case 'cellCount': return areas.reduce((s, a) => s + cellCount(a), 0);
      default: return this.unknown(prop);
    }
  }

  protected override child(prop: string): FakeProxy<unknown> | undefined {
    if (prop === 'areas') return this.areas;
    if (prop === 'conditionalFormats') return this.conditionalFormats;
    if (prop === 'format') return this.format;
    return undefined;
  }

  get address(): string { return this.read('address'); }
  get areaCount(): number { return this.read('areaCount'); }
  get cellCount(): number { return this.read('cellCount'); }

  get areas(): RangeCollectionProxy {
    return this.kid('areas', () => new RangeCollectionProxy(this.context, () => this.need()));
  }

  get conditionalFormats(): ConditionalFormatCollectionProxy {
    return this.kid('cf', () => new ConditionalFormatCollectionProxy(this.context, () => {
      this.context.require(9, 'RangeAreas.conditionalFormats');
      return this.need();
    }));
  }

  get format(): RangeFormatProxy {
    return this.kid('format', () => new RangeFormatProxy(this.context, () => this.need()));
  }
}

export class RangeCollectionProxy extends FakeCollection<RangeTarget, RangeProxy> {
  constructor(context: FakeContext, private readonly locate: () => AreasTarget) {
    super(context);
  }

  protected find(): RangeTarget[] {
    const { sheet, areas } = this.locate();
    return areas.map((rect) => ({ sheet, rect }));
  }

  protected identity(m: RangeTarget): unknown {
    return rectA1(m.rect);
  }

  protected makeItem(m: RangeTarget): RangeProxy {
    return new RangeProxy(this.context, () => m);
  }

  protected itemDefaults(): string[] {
    return ['address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount'];
  }
}
