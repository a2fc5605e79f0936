/** Range, RangeAreas and range formatting of the fake. */
import { addressOf, cellCount, intersect, MAX_COLS, MAX_ROWS, parseRect, rectA1, type Rect } from './a1';
import { interpretInput } from './cell-input';
import { ConditionalFormatCollectionProxy } from './cf';
import type { FakeContext } from './context';
import { FakeProxy } from './proxy';
import { FakeOfficeError, invalidArgument } from './errors';
import { RangeFormatProxy } from './format';
import { unkey, type FakeCell, type FakeSheet, type FakeValue } from './model';
import { RangeAreasProxy } from './range-areas';
import { DataValidationProxy } from './validation';

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
    if (prop === 'dataValidation') return this.dataValidation;
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

  get dataValidation(): DataValidationProxy {
    return this.kid('dataValidation', () => new DataValidationProxy(this.context, () => this.need()));
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

  /** Visible cells, or cells holding formulas; other kinds are not in the fake. */
  getSpecialCellsOrNullObject(cellType: string, cellValueType?: string): RangeAreasProxy {
    return new RangeAreasProxy(this.context, () => {
      this.context.require(9, 'Range.getSpecialCellsOrNullObject');
      const { sheet, rect } = this.need();
      let areas: Rect[];
      if (cellType === 'Visible' && cellValueType === undefined) {
        areas = [];
        for (const [r0, r1] of visibleRuns(rect.r0, rect.r1, sheet.hiddenRows)) {
          for (const [c0, c1] of visibleRuns(rect.c0, rect.c1, sheet.hiddenCols)) areas.push({ r0, r1, c0, c1 });
        }
      } else if (cellType === 'Formulas' && cellValueType === undefined) {
        areas = formulaAreas(sheet, rect);
      } else {
        throw new FakeOfficeError('NotImplemented', `special cells ${cellType} ${cellValueType ?? ''} are not in the fake`);
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

/** Cells with formulas as rectangles: vertical runs per column, joined across columns with the same rows. */
function formulaAreas(sheet: FakeSheet, rect: Rect): Rect[] {
  const byCol = new Map<number, number[]>();
  for (const [r, c] of cellsIn(sheet, rect)) {
    if (sheet.cell(r, c)?.formula === undefined) continue;
    const list = byCol.get(c) ?? [];
    list.push(r);
    byCol.set(c, list);
  }
  const runs: Rect[] = [];
  for (const c of [...byCol.keys()].sort((a, b) => a - b)) {
    const rows = (byCol.get(c) as number[]).sort((a, b) => a - b);
    let start = rows[0];
    for (let i = 1; i <= rows.length; i++) {
      if (i < rows.length && rows[i] === rows[i - 1] + 1) continue;
      const run = { r0: start, r1: rows[i - 1], c0: c, c1: c };
      const left = runs.find((x) => x.c1 === c - 1 && x.r0 === run.r0 && x.r1 === run.r1);
      if (left) left.c1 = c;
      else runs.push(run);
      start = rows[i];
    }
  }
  return runs;
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
