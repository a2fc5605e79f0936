/**
 * A Range of the fake ET object model over a FakeWorkbook sheet: one or more
 * rectangles (a multi-area address). Every property read or write is a call to
 * WPS and is counted; a call on a single cell counts as a cell call too, and past
 * the fake's budget of cell calls it throws, so a cell-by-cell loop cannot pass.
 * It throws where WPS would refuse: a written array of the wrong shape, an array
 * for NumberFormat, a note on a cell that has one, a selection on an inactive sheet.
 */
import { colLeft, ROW_PT } from './charts';
import { contains, intersect, rectA1, type Rect } from '../fake-excel/a1';
import { interpretInput } from '../fake-excel/cell-input';
import type { FakeCF, FakeSheet, FakeValue } from '../fake-excel/model';
import { key } from '../fake-excel/model';
import type { FakeEt } from './et';
import { FakeValidationEt } from './validation';

export class EtError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EtError';
  }
}

/** `#RRGGBB` from VBA's BGR number. */
export function hexOf(bgr: number): string {
  const r = bgr & 0xff;
  const g = (bgr >> 8) & 0xff;
  const b = (bgr >> 16) & 0xff;
  return `#${[r, g, b].map((x) => x.toString(16).padStart(2, '0')).join('').toUpperCase()}`;
}

function outValue(v: FakeValue | undefined): unknown {
  if (v === undefined) return undefined;
  if (typeof v === 'object') return v.error;
  return v;
}

const BORDER_SIDES: Record<number, string> = { [-4160]: 'EdgeTop', [-4107]: 'EdgeBottom', [-4131]: 'EdgeLeft', [-4152]: 'EdgeRight' };

export class FakeRange {
  constructor(readonly et: FakeEt, readonly sheet: FakeSheet, readonly areas: Rect[]) {
    if (areas.length === 0) throw new EtError('empty range');
  }

  private get rect(): Rect {
    return this.areas[0];
  }

  private one(): Rect {
    if (this.areas.length > 1) throw new EtError('this needs a single-area range');
    return this.rect;
  }

  private get cellCount(): number {
    return this.areas.reduce((n, a) => n + (a.r1 - a.r0 + 1) * (a.c1 - a.c0 + 1), 0);
  }

  private call(what: string): void {
    this.et.count(what, this.cellCount === 1);
  }

  /** Where the range starts, in points from the sheet's corner (test/fake-wps/charts.ts lays the sheet out). */
  get Left(): number { this.call('Left'); return colLeft(this.sheet, this.rect.c0); }
  get Top(): number { this.call('Top'); return this.rect.r0 * ROW_PT; }
  get Row(): number { this.call('Row'); return this.rect.r0 + 1; }
  get Column(): number { this.call('Column'); return this.rect.c0 + 1; }
  get Rows(): { Count: number } { this.call('Rows'); return { Count: this.rect.r1 - this.rect.r0 + 1 }; }
  get Columns(): { Count: number } { this.call('Columns'); return { Count: this.rect.c1 - this.rect.c0 + 1 }; }

  /** A method, as in VBA (Address(RowAbsolute, ColumnAbsolute)). */
  Address(rowAbs = true, colAbs = true): string {
    this.call('Address');
    return this.areas.map((a) => {
      const s = rectA1(a);
      if (!rowAbs && !colAbs) return s;
      return s.replace(/([A-Z]+)(\d+)/g, (_m, c: string, r: string) => `${colAbs ? '$' : ''}${c}${rowAbs ? '$' : ''}${r}`);
    }).join(',');
  }

  private grid(f: (r: number, c: number) => unknown): unknown {
    const a = this.one();
    if (a.r0 === a.r1 && a.c0 === a.c1) return f(a.r0, a.c0);
    const out: unknown[][] = [];
    for (let r = a.r0; r <= a.r1; r++) {
      const row: unknown[] = [];
      for (let c = a.c0; c <= a.c1; c++) row.push(f(r, c));
      out.push(row);
    }
    // Some WPS versions hand back a SAFEARRAY-like wrapper: toArray() lists column by column.
    return this.et.wrapBlocks ? { toArray: () => columnMajor(out) } : out;
  }

  get Value2(): unknown {
    this.call('Value2');
    return this.grid((r, c) => {
      const cell = this.sheet.cell(r, c);
      const v = outValue(cell?.value);
      return v === undefined && cell?.formula !== undefined ? '' : v;
    });
  }

  set Value2(_v: unknown) {
    throw new EtError('the fake does not write Value2: the host writes through Formula');
  }

  get Formula(): unknown {
    this.call('Formula');
    return this.grid((r, c) => {
      const cell = this.sheet.cell(r, c);
      if (cell?.formula !== undefined) return `=${cell.formula}`;
      const v = outValue(cell?.value);
      return v === undefined ? '' : typeof v === 'string' ? v : String(v);
    });
  }

  /** Like typing each entry; an empty or missing entry empties the cell (VBA's Empty). */
  set Formula(v: unknown) {
    this.call('Formula=');
    const a = this.one();
    const rows = a.r1 - a.r0 + 1;
    const cols = a.c1 - a.c0 + 1;
    const at = (i: number, j: number): unknown => {
      if (!Array.isArray(v)) return v;
      const row = v[i];
      if (!Array.isArray(row) || v.length !== rows || row.length !== cols) {
        throw new EtError(`array of ${v.length}×${Array.isArray(row) ? row.length : '?'} written to ${rows}×${cols} cells`);
      }
      return row[j];
    };
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        const x = interpretInput(at(i, j) ?? '');
        const r = a.r0 + i;
        const c = a.c0 + j;
        const cell = this.sheet.cellFor(r, c);
        if (x.kind === 'clear' || x.kind === 'skip') cell.value = cell.formula = undefined;
        else if (x.kind === 'formula') {
          cell.formula = x.formula;
          cell.value = undefined;
        } else {
          cell.value = x.value;
          cell.formula = undefined;
          if (x.numFmt && !cell.numFmt) cell.numFmt = x.numFmt;
        }
        this.sheet.tidy(r, c);
      }
    }
  }

  /** One format for all cells, or null when they differ (as VBA answers). */
  get NumberFormat(): unknown {
    this.call('NumberFormat');
    let fmt: string | undefined;
    for (const a of this.areas) {
      for (let r = a.r0; r <= a.r1; r++) {
        for (let c = a.c0; c <= a.c1; c++) {
          const f = this.sheet.cell(r, c)?.numFmt ?? 'General';
          if (fmt === undefined) fmt = f;
          else if (f !== fmt) return null;
        }
      }
    }
    return fmt;
  }

  set NumberFormat(v: unknown) {
    this.call('NumberFormat=');
    if (typeof v !== 'string') throw new EtError('NumberFormat takes one string for the whole range');
    this.each((r, c) => (this.sheet.cellFor(r, c).numFmt = v === 'General' ? undefined : v));
  }

  get MergeCells(): boolean | null {
    this.call('MergeCells');
    const a = this.one();
    const hits = this.sheet.merges.filter((m) => intersect(m, a));
    if (hits.length === 0) return false;
    if (hits.length === 1 && hits[0].r0 <= a.r0 && hits[0].r1 >= a.r1 && hits[0].c0 <= a.c0 && hits[0].c1 >= a.c1) return true;
    return null;
  }

  get MergeArea(): FakeRange {
    this.call('MergeArea');
    const a = this.one();
    const m = this.sheet.merges.find((x) => contains(x, a.r0, a.c0));
    return new FakeRange(this.et, this.sheet, [m ?? { r0: a.r0, r1: a.r0, c0: a.c0, c1: a.c0 }]);
  }

  get Font(): { Bold: unknown } {
    const setBold = (v: unknown) => {
      this.call('Font.Bold=');
      this.each((r, c) => { const cell = this.sheet.cellFor(r, c); cell.bold = v ? true : undefined; this.sheet.tidy(r, c); });
    };
    return {
      get Bold(): unknown { return null; },
      set Bold(v: unknown) { setBold(v); },
    };
  }

  get EntireColumn(): { Hidden: unknown } {
    const setHidden = (v: unknown) => {
      this.call('EntireColumn.Hidden=');
      for (const a of this.areas) for (let c = a.c0; c <= a.c1; c++) if (v) this.sheet.hiddenCols.add(c); else this.sheet.hiddenCols.delete(c);
    };
    return {
      get Hidden(): unknown { return null; },
      set Hidden(v: unknown) { setHidden(v); },
    };
  }

  get ColumnWidth(): unknown { this.call('ColumnWidth'); return null; }
  /** In characters; kept in points as the Excel fake keeps them (about 7 px a character plus 5 px, 0.75 pt a px). */
  set ColumnWidth(chars: unknown) {
    this.call('ColumnWidth=');
    if (typeof chars !== 'number' || chars < 0 || chars > 255) throw new EtError(`bad ColumnWidth ${String(chars)}`);
    for (const a of this.areas) for (let c = a.c0; c <= a.c1; c++) this.sheet.colWidths.set(c, Math.round((chars * 7 + 5) * 0.75));
  }

  get FormatConditions(): FakeFormatConditions {
    this.call('FormatConditions');
    return new FakeFormatConditions(this);
  }

  get Validation(): FakeValidationEt {
    this.call('Validation');
    return new FakeValidationEt(this.et, this.sheet, this.areas);
  }

  get Comment(): FakeComment | null {
    this.call('Comment');
    const a = this.one();
    return this.sheet.notes.has(key(a.r0, a.c0)) ? new FakeComment(this.et, this.sheet, a.r0, a.c0) : null;
  }

  AddComment(text: string): FakeComment {
    this.et.count('AddComment', false);
    this.et.notesAdded++;
    const a = this.one();
    if (a.r0 !== a.r1 || a.c0 !== a.c1) throw new EtError('AddComment needs one cell');
    if (this.sheet.notes.has(key(a.r0, a.c0))) throw new EtError('the cell has a comment already');
    if (typeof text !== 'string') throw new EtError('AddComment takes text');
    this.sheet.notes.set(key(a.r0, a.c0), text);
    return new FakeComment(this.et, this.sheet, a.r0, a.c0);
  }

  /** Contents, formats and notes of the cells, as VBA's Clear; merged cells it meets are unmerged. */
  Clear(): void {
    this.call('Clear');
    this.each((r, c) => {
      const cell = this.sheet.cell(r, c);
      if (cell) {
        cell.value = cell.formula = cell.numFmt = cell.bold = cell.fill = undefined;
        this.sheet.tidy(r, c);
      }
    });
    for (const k of [...this.sheet.notes.keys()]) {
      const r = Math.floor(k / 16384);
      const c = k % 16384;
      if (this.areas.some((a) => contains(a, r, c))) this.sheet.notes.delete(k);
    }
    this.sheet.merges = this.sheet.merges.filter((m) => !this.areas.some((a) => intersect(m, a)));
  }

  Select(): void {
    this.call('Select');
    if (this.et.wb.activeSheetId !== this.sheet.id) throw new EtError('Select method of Range class failed: the sheet is not active');
    this.et.wb.selection = { sheet: this.sheet.name, address: this.areas.map(rectA1).join(',') };
  }

  /** Visible cells (xlCellTypeVisible = 12) only; throws when none is, as VBA does. */
  SpecialCells(type: number): FakeRange {
    this.call('SpecialCells');
    if (type !== 12) throw new EtError(`SpecialCells(${type}) is not in the fake`);
    const a = this.one();
    const runs = (lo: number, hi: number, hidden: Set<number>) => {
      const out: [number, number][] = [];
      for (let i = lo; i <= hi; i++) {
        if (hidden.has(i)) continue;
        const last = out[out.length - 1];
        if (last && last[1] === i - 1) last[1] = i;
        else out.push([i, i]);
      }
      return out;
    };
    const areas: Rect[] = [];
    for (const [r0, r1] of runs(a.r0, a.r1, this.sheet.hiddenRows)) for (const [c0, c1] of runs(a.c0, a.c1, this.sheet.hiddenCols)) areas.push({ r0, r1, c0, c1 });
    if (areas.length === 0) throw new EtError('No cells were found.');
    return new FakeRange(this.et, this.sheet, areas);
  }

  Cells(row: number, col: number): FakeRange {
    const a = this.rect;
    return new FakeRange(this.et, this.sheet, [{ r0: a.r0 + row - 1, r1: a.r0 + row - 1, c0: a.c0 + col - 1, c1: a.c0 + col - 1 }]);
  }

  private each(f: (r: number, c: number) => void): void {
    for (const a of this.areas) for (let r = a.r0; r <= a.r1; r++) for (let c = a.c0; c <= a.c1; c++) f(r, c);
  }
}

function columnMajor(rows: unknown[][]): unknown[] {
  const out: unknown[] = [];
  const cols = rows[0]?.length ?? 0;
  for (let j = 0; j < cols; j++) for (const row of rows) out.push(row[j]);
  return out;
}

export class FakeComment {
  constructor(private readonly et: FakeEt, private readonly sheet: FakeSheet, private readonly r: number, private readonly c: number) {}

  Text(): string {
    this.et.count('Comment.Text', false);
    const t = this.sheet.notes.get(key(this.r, this.c));
    if (t === undefined) throw new EtError('the comment was deleted');
    return t;
  }

  get Parent(): FakeRange {
    return new FakeRange(this.et, this.sheet, [{ r0: this.r, r1: this.r, c0: this.c, c1: this.c }]);
  }

  Delete(): void {
    this.et.count('Comment.Delete', false);
    this.sheet.notes.delete(key(this.r, this.c));
  }
}

/** True when a formula has a relative reference (A1, not $A$1), which WPS reads against the active cell. */
export function hasRelative(formula: string): boolean {
  const f = formula.replace(/"[^"]*"/g, '');
  return /(^|[^$A-Za-z_])[A-Za-z]{1,3}\$?\d+/.test(f.replace(/\$[A-Za-z]{1,3}\$\d+/g, ''));
}

export class FakeFormatConditions {
  constructor(private readonly range: FakeRange) {}

  private list(): FakeCF[] {
    return this.range.sheet.cfs.filter((cf) => cf.areas.some((a) => this.range.areas.some((b) => intersect(a, b))));
  }

  get Count(): number {
    this.range.et.count('FormatConditions.Count', false);
    return this.list().length;
  }

  Item(i: number): FakeFormatCondition {
    this.range.et.count('FormatConditions.Item', false);
    const cf = this.list()[i - 1];
    if (!cf) throw new EtError(`no rule ${i}`);
    return new FakeFormatCondition(this.range, cf);
  }

  Add(type: number, _operator: unknown, formula1: unknown): FakeFormatCondition {
    const { et, sheet, areas } = this.range;
    et.count('FormatConditions.Add', false);
    if (type !== 2) throw new EtError('the fake adds formula rules (xlExpression) only');
    if (typeof formula1 !== 'string' || !formula1.startsWith('=')) throw new EtError('Formula1 must start with =');
    if (hasRelative(formula1)) {
      const sel = et.wb.selection;
      const tl = rectA1({ r0: areas[0].r0, r1: areas[0].r0, c0: areas[0].c0, c1: areas[0].c0 });
      if (et.wb.activeSheetId !== sheet.id || !sel || sel.address.split(/[,:]/)[0] !== tl) {
        throw new EtError(`relative formula ${formula1} would be read against the active cell, not ${tl}`);
      }
    }
    const cf: FakeCF = { id: et.wb.nextNumber(), type: 'Custom', areas: areas.map((a) => ({ ...a })), formula: formula1, borders: {} };
    sheet.cfs.push(cf);
    return new FakeFormatCondition(this.range, cf);
  }
}

export class FakeFormatCondition {
  constructor(private readonly range: FakeRange, private readonly cf: FakeCF) {}

  get Type(): number { return 2; }
  get Formula1(): string { this.range.et.count('Formula1', false); return this.cf.formula ?? ''; }

  get Interior(): { Color: number } {
    const { cf, range } = this;
    return {
      get Color(): number { return 0; },
      set Color(v: number) { range.et.count('Interior.Color=', false); cf.fill = hexOf(v); },
    };
  }

  Borders(index: number): { LineStyle: number; Color: number } {
    const side = BORDER_SIDES[index];
    if (!side) throw new EtError(`border ${index}`);
    const { cf, range } = this;
    return {
      get LineStyle(): number { return 0; },
      set LineStyle(v: number) {
        range.et.count('Border.LineStyle=', false);
        if (v !== 1) throw new EtError('the fake knows xlContinuous only');
        cf.borders[side] = { ...cf.borders[side], style: 'Continuous' };
      },
      get Color(): number { return 0; },
      set Color(v: number) { range.et.count('Border.Color=', false); cf.borders[side] = { ...cf.borders[side], color: hexOf(v) }; },
    };
  }

  SetFirstPriority(): void {
    this.range.et.count('SetFirstPriority', false);
    const list = this.range.sheet.cfs;
    list.splice(list.indexOf(this.cf), 1);
    list.unshift(this.cf);
  }

  Delete(): void {
    this.range.et.count('FormatCondition.Delete', false);
    const list = this.range.sheet.cfs;
    const i = list.indexOf(this.cf);
    if (i < 0) throw new EtError('the rule was deleted');
    list.splice(i, 1);
  }
}
