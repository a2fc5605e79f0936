/**
 * The workbook behind the fake Excel API: sheets of sparse cells with values,
 * formulas, number formats and the user's own formatting, merges, hidden rows and
 * columns, conditional formats, notes, comments, names and settings. Tests build
 * workbooks with the helpers here and compare `snapshot()`s before and after.
 */
import { addressOf, contains, MAX_COLS, parseRect, quoteSheet, rectA1, type Rect } from './a1';
import type { FakeChart } from './charts';

export type FakeValue = number | string | boolean | { error: string };

export interface FakeCell {
  value?: FakeValue;
  formula?: string;
  numFmt?: string;
  bold?: boolean;
  fill?: string;
}

export interface FakeBorder {
  style?: string;
  color?: string;
}

export interface FakeCF {
  id: number;
  type: string;
  areas: Rect[];
  formula?: string;
  fill?: string;
  fontColor?: string;
  borders: Record<string, FakeBorder>;
}

export interface FakeComment {
  id: string;
  content: string;
}

export interface FakeName {
  name: string;
  formula: string;
}

export function key(r: number, c: number): number {
  return r * MAX_COLS + c;
}

export function unkey(k: number): { r: number; c: number } {
  return { r: Math.floor(k / MAX_COLS), c: k % MAX_COLS };
}

function rectOf(a1: string): Rect {
  const r = parseRect(a1);
  if (!r) throw new Error(`bad A1 range in a test: ${a1}`);
  return r;
}

let sheetIds = 0;

export class FakeSheet {
  readonly id = `{sheet-${++sheetIds}}`;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  readonly cells = new Map<number, FakeCell>();
  merges: Rect[] = [];
  readonly hiddenRows = new Set<number>();
  readonly hiddenCols = new Set<number>();
  readonly colWidths = new Map<number, number>();
  /** Conditional formats in priority order (first wins). */
  cfs: FakeCF[] = [];
  readonly notes = new Map<number, string>();
  readonly comments = new Map<number, FakeComment>();
  charts: FakeChart[] = [];

  constructor(public name: string, private readonly book: FakeWorkbook) {}

  cell(r: number, c: number): FakeCell | undefined {
    return this.cells.get(key(r, c));
  }

  /** The cell, created when missing (drop it again with `tidy`). */
  cellFor(r: number, c: number): FakeCell {
    const k = key(r, c);
    let cell = this.cells.get(k);
    if (!cell) {
      cell = {};
      this.cells.set(k, cell);
    }
    return cell;
  }

  tidy(r: number, c: number): void {
    const k = key(r, c);
    const cell = this.cells.get(k);
    if (!cell) return;
    for (const p of Object.keys(cell) as (keyof FakeCell)[]) if (cell[p] === undefined) delete cell[p];
    if (Object.keys(cell).length === 0) this.cells.delete(k);
  }

  // ------------------------------------------------------------ test set-up

  /** Literal values from `a1` on (strings are stored as text, not interpreted). */
  put(a1: string, rows: (FakeValue | null | undefined)[][]): this {
    const at = rectOf(a1);
    rows.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v === null || v === undefined || v === '') return;
        this.cellFor(at.r0 + i, at.c0 + j).value = v;
      }),
    );
    return this;
  }

  formula(a1: string, formula: string, cached?: FakeValue): this {
    const at = rectOf(a1);
    const cell = this.cellFor(at.r0, at.c0);
    cell.formula = formula.replace(/^=/, '');
    cell.value = cached;
    this.tidy(at.r0, at.c0);
    return this;
  }

  numFmt(a1: string, fmt: string): this {
    return this.each(a1, (cell) => (cell.numFmt = fmt));
  }

  fill(a1: string, color: string): this {
    return this.each(a1, (cell) => (cell.fill = color));
  }

  bold(a1: string): this {
    return this.each(a1, (cell) => (cell.bold = true));
  }

  merge(a1: string): this {
    this.merges.push(rectOf(a1));
    return this;
  }

  hideRows(r0: number, r1 = r0): this {
    for (let r = r0; r <= r1; r++) this.hiddenRows.add(r);
    return this;
  }

  hideCols(c0: number, c1 = c0): this {
    for (let c = c0; c <= c1; c++) this.hiddenCols.add(c);
    return this;
  }

  note(a1: string, content: string): this {
    const at = rectOf(a1);
    this.notes.set(key(at.r0, at.c0), content);
    return this;
  }

  comment(a1: string, content: string): this {
    const at = rectOf(a1);
    this.comments.set(key(at.r0, at.c0), { id: this.book.nextId('comment'), content });
    return this;
  }

  conditionalFormat(a1: string, type: string, formula?: string, fill?: string): this {
    this.cfs.push({ id: this.book.nextNumber(), type, areas: [rectOf(a1)], formula, fill, borders: {} });
    return this;
  }

  private each(a1: string, f: (cell: FakeCell) => void): this {
    const r = rectOf(a1);
    for (let i = r.r0; i <= r.r1; i++) for (let j = r.c0; j <= r.c1; j++) f(this.cellFor(i, j));
    return this;
  }

  // ------------------------------------------------------------ queries

  /** Smallest rectangle holding values or formulas (and, unless valuesOnly, formatting). */
  usedRect(valuesOnly: boolean): Rect | null {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    for (const [k, cell] of this.cells) {
      const has = cell.value !== undefined || cell.formula !== undefined || (!valuesOnly && Object.keys(cell).length > 0);
      if (!has) continue;
      const { r, c } = unkey(k);
      if (r < r0) r0 = r;
      if (r > r1) r1 = r;
      if (c < c0) c0 = c;
      if (c > c1) c1 = c;
    }
    return r1 < 0 ? null : { r0, c0, r1, c1 };
  }

  mergeAt(r: number, c: number): Rect | undefined {
    return this.merges.find((m) => contains(m, r, c));
  }
}

export interface SheetSnapshot {
  name: string;
  visibility: string;
  cells: [string, FakeCell][];
  merges: string[];
  hiddenRows: number[];
  hiddenCols: number[];
  colWidths: [number, number][];
  conditionalFormats: (Omit<FakeCF, 'id' | 'areas'> & { areas: string[] })[];
  notes: [string, string][];
  comments: [string, string][];
  charts: Omit<FakeChart, 'id'>[];
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
  names: FakeName[];
  settings: Record<string, unknown>;
}

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  names: FakeName[] = [];
  activeSheetId = '';
  selection: { sheet: string; address: string } | null = null;
  /** Settings as saved in the document (what the next session reads). */
  readonly settings = new Map<string, unknown>();
  private counter = 0;

  addSheet(name: string): FakeSheet {
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw new Error(`sheet exists: ${name}`);
    const sheet = new FakeSheet(name, this);
    this.sheets.push(sheet);
    if (!this.activeSheetId) this.activeSheetId = sheet.id;
    return sheet;
  }

  sheet(name: string): FakeSheet {
    const s = this.findSheet(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  findSheet(name: string): FakeSheet | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  get activeSheet(): FakeSheet {
    return this.sheets.find((s) => s.id === this.activeSheetId) ?? this.sheets[0];
  }

  activate(name: string): this {
    this.activeSheetId = this.sheet(name).id;
    return this;
  }

  addName(name: string, sheet: string, a1: string): this {
    const r = rectOf(a1);
    const abs = rectA1(r).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
    this.names.push({ name, formula: `=${quoteSheet(sheet)}!${abs}` });
    return this;
  }

  nextNumber(): number {
    return ++this.counter;
  }

  nextId(prefix: string): string {
    return `${prefix}-${++this.counter}`;
  }

  snapshot(): WorkbookSnapshot {
    return {
      sheets: this.sheets.map((s) => sheetSnapshot(s)),
      names: [...this.names].sort((a, b) => a.name.localeCompare(b.name)).map((n) => ({ ...n })),
      settings: Object.fromEntries([...this.settings].sort(([a], [b]) => a.localeCompare(b))),
    };
  }
}

function addr(k: number): string {
  const { r, c } = unkey(k);
  return rectA1({ r0: r, c0: c, r1: r, c1: c });
}

function byKey<T>(m: Map<number, T>): [number, T][] {
  return [...m].sort(([a], [b]) => a - b);
}

function sheetSnapshot(s: FakeSheet): SheetSnapshot {
  return {
    name: s.name,
    visibility: s.visibility,
    cells: byKey(s.cells).filter(([, cell]) => Object.keys(cell).length > 0).map(([k, cell]) => [addr(k), { ...cell }]),
    merges: s.merges.map(rectA1).sort(),
    hiddenRows: [...s.hiddenRows].sort((a, b) => a - b),
    hiddenCols: [...s.hiddenCols].sort((a, b) => a - b),
    colWidths: [...s.colWidths].sort(([a], [b]) => a - b),
    conditionalFormats: s.cfs.map((cf) => ({
      type: cf.type, formula: cf.formula, fill: cf.fill, fontColor: cf.fontColor, borders: { ...cf.borders },
      areas: cf.areas.map((a) => addressOf(s.name, a)),
    })),
    notes: byKey(s.notes).map(([k, v]) => [addr(k), v]),
    comments: byKey(s.comments).map(([k, v]) => [addr(k), v.content]),
    charts: s.charts.map(({ id: _id, ...c }) => ({ ...c, series: c.series.map((x) => ({ ...x })) })),
  };
}
