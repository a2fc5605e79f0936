/**
 * A strict fake of the parts of WPS's spreadsheet object model (ET) that src/wps
 * uses, over the Excel fake's FakeWorkbook, so that what the WPS host leaves can be
 * compared with what the Excel host leaves, cell for cell. Collections are indexed
 * from 1; Worksheets.Add puts a sheet before the active one unless told where;
 * deleting a sheet with DisplayAlerts on throws (WPS would ask the user); a Range
 * address longer than 255 characters throws, as VBA's Range("…") does.
 */
import { parseRect, quoteSheet, rectA1, splitSheet, type Rect } from '../fake-excel/a1';
import { FakeWorkbook, type FakeSheet } from '../fake-excel/model';
import { FakeChartObjects } from './charts';
import { EtError, FakeComment, FakeRange } from './range';

export interface FakeEtOptions {
  /** Single-cell calls allowed before the fake throws (a cell-by-cell loop). */
  cellBudget?: number;
  /** Block reads come back as SAFEARRAY-like wrappers (toArray(), column by column). */
  wrapBlocks?: boolean;
  /** Leave out CustomDocumentProperties, as a build without them. */
  noDocProperties?: boolean;
  /** UI language id (2052 zh-CN). */
  languageId?: number;
}

const MAX_ADDRESS = 255;

export class FakeEt {
  readonly calls = new Map<string, number>();
  total = 0;
  cellCalls = 0;
  notesAdded = 0;
  readonly cellBudget: number;
  readonly wrapBlocks: boolean;
  readonly app: FakeApplication;

  constructor(readonly wb: FakeWorkbook, readonly options: FakeEtOptions = {}) {
    this.cellBudget = options.cellBudget ?? 500;
    this.wrapBlocks = options.wrapBlocks ?? false;
    this.app = new FakeApplication(this);
  }

  count(what: string, singleCell: boolean): void {
    this.total++;
    this.calls.set(what, (this.calls.get(what) ?? 0) + 1);
    if (singleCell && ++this.cellCalls > this.cellBudget) {
      throw new EtError(`more than ${this.cellBudget} single-cell calls: a cell-by-cell loop (about 2 s per 10,000 in WPS)`);
    }
  }

  /** Calls other than notes (AddComment has no block form: one per marked cell). */
  get blockCalls(): number {
    return this.total - this.notesAdded;
  }

  reset(): void {
    this.calls.clear();
    this.total = this.cellCalls = this.notesAdded = 0;
  }

  /** Installs the fake as WPS's globals (`wps.EtApplication()`, `Application`); returns the uninstaller. */
  install(g: Record<string, unknown> = globalThis as unknown as Record<string, unknown>): () => void {
    const before = { wps: g.wps, Application: g.Application };
    g.wps = { EtApplication: () => this.app, Application: this.app };
    g.Application = this.app;
    return () => {
      g.wps = before.wps;
      g.Application = before.Application;
    };
  }
}

class FakeApplication {
  DisplayAlerts = true;
  ScreenUpdating = true;
  readonly panes: { url: string; Visible: boolean }[] = [];
  private readonly book: FakeEtWorkbook;

  constructor(private readonly et: FakeEt) {
    this.book = new FakeEtWorkbook(et);
  }

  get ActiveWorkbook(): FakeEtWorkbook {
    return this.book;
  }

  get LanguageSettings(): { LanguageID(type: number): number } {
    return { LanguageID: () => this.et.options.languageId ?? 2052 };
  }

  CreateTaskPane(url: string): { url: string; Visible: boolean } {
    const pane = { url, Visible: false };
    this.panes.push(pane);
    return pane;
  }
}

class FakeEtWorkbook {
  constructor(private readonly et: FakeEt) {}

  get Worksheets(): FakeWorksheets {
    return new FakeWorksheets(this.et);
  }

  get ActiveSheet(): FakeEtSheet {
    return new FakeEtSheet(this.et, this.et.wb.activeSheet);
  }

  get Names(): FakeNames {
    return new FakeNames(this.et);
  }

  get CustomDocumentProperties(): FakeDocProperties | undefined {
    return this.et.options.noDocProperties ? undefined : new FakeDocProperties(this.et);
  }
}

let sheetNumber = 0;

class FakeWorksheets {
  constructor(private readonly et: FakeEt) {}

  get Count(): number {
    this.et.count('Worksheets.Count', false);
    return this.et.wb.sheets.length;
  }

  Item(i: number | string): FakeEtSheet {
    this.et.count('Worksheets.Item', false);
    const s = typeof i === 'number' ? this.et.wb.sheets[i - 1] : this.et.wb.findSheet(i);
    if (!s) throw new EtError(`no sheet ${i}`);
    return new FakeEtSheet(this.et, s);
  }

  Add(before?: FakeEtSheet, after?: FakeEtSheet): FakeEtSheet {
    this.et.count('Worksheets.Add', false);
    const wb = this.et.wb;
    let name: string;
    do name = `Sheet${++sheetNumber}`; while (wb.findSheet(name));
    const s = wb.addSheet(name);
    wb.sheets.pop();
    const anchor = after ? wb.sheets.indexOf(after.sheet) + 1 : before ? wb.sheets.indexOf(before.sheet) : wb.sheets.indexOf(wb.activeSheet);
    wb.sheets.splice(Math.max(0, anchor), 0, s);
    // A new sheet becomes the active one, as in WPS.
    wb.activeSheetId = s.id;
    return new FakeEtSheet(this.et, s);
  }
}

export class FakeEtSheet {
  constructor(private readonly et: FakeEt, readonly sheet: FakeSheet) {}

  get Name(): string {
    return this.sheet.name;
  }

  set Name(v: string) {
    this.et.count('Name=', false);
    if (!v || v.length > 31 || /[\\/?*[\]:]/.test(v)) throw new EtError(`bad sheet name ${v}`);
    const other = this.et.wb.findSheet(v);
    if (other && other !== this.sheet) throw new EtError(`a sheet named ${v} exists`);
    this.sheet.name = v;
  }

  get Visible(): number {
    return this.sheet.visibility === 'Visible' ? -1 : this.sheet.visibility === 'Hidden' ? 0 : 2;
  }

  get UsedRange(): FakeRange {
    this.et.count('UsedRange', false);
    const r = this.sheet.usedRect(false) ?? { r0: 0, r1: 0, c0: 0, c1: 0 };
    return new FakeRange(this.et, this.sheet, [r]);
  }

  get Cells(): FakeRange {
    return new FakeRange(this.et, this.sheet, [{ r0: 0, r1: 1048575, c0: 0, c1: 16383 }]);
  }

  /** The sheet's notes (批注) in order; each is one object to WPS, so each call on one is counted. */
  get Comments(): { Count: number; Item(i: number): FakeComment } {
    const keys = [...this.sheet.notes.keys()].sort((a, b) => a - b);
    const { et, sheet } = this;
    return {
      get Count() { et.count('Comments.Count', false); return keys.length; },
      Item(i: number) {
        et.count('Comments.Item', false);
        const k = keys[i - 1];
        if (k === undefined) throw new EtError(`no comment ${i}`);
        return new FakeComment(et, sheet, Math.floor(k / 16384), k % 16384);
      },
    };
  }

  Range(address: string): FakeRange {
    if (typeof address !== 'string' || address.length > MAX_ADDRESS) throw new EtError(`Range address over ${MAX_ADDRESS} characters`);
    const areas: Rect[] = address.split(',').map((part) => {
      const [sheet, ref] = splitSheet(part);
      if (sheet !== null && sheet.toLowerCase() !== this.sheet.name.toLowerCase()) throw new EtError(`${part} is on another sheet`);
      const r = parseRect(ref);
      if (!r) throw new EtError(`bad address ${part}`);
      return r;
    });
    return new FakeRange(this.et, this.sheet, areas);
  }

  ChartObjects(): FakeChartObjects {
    this.et.count('ChartObjects', false);
    return new FakeChartObjects(this.et, this.sheet);
  }

  Activate(): void {
    this.et.count('Activate', false);
    this.et.wb.activeSheetId = this.sheet.id;
  }

  Delete(): void {
    this.et.count('Delete', false);
    if (this.et.app.DisplayAlerts) throw new EtError('deleting a sheet asks the user while DisplayAlerts is on');
    const wb = this.et.wb;
    if (wb.sheets.filter((s) => s.visibility === 'Visible').length <= 1) throw new EtError('a workbook keeps one visible sheet');
    wb.sheets.splice(wb.sheets.indexOf(this.sheet), 1);
    if (wb.activeSheetId === this.sheet.id) wb.activeSheetId = wb.sheets[0].id;
  }
}

class FakeNames {
  constructor(private readonly et: FakeEt) {}

  get Count(): number {
    this.et.count('Names.Count', false);
    return this.et.wb.names.length;
  }

  Item(i: number): { Name: string; RefersTo: string; Delete(): void } {
    this.et.count('Names.Item', false);
    const n = this.et.wb.names[i - 1];
    if (!n) throw new EtError(`no name ${i}`);
    return { Name: n.name, RefersTo: n.formula, Delete: () => this.et.wb.names.splice(this.et.wb.names.indexOf(n), 1) };
  }

  /** RefersTo as `='Sheet'!$A$1`; kept in the form WPS gives back (sheet quoted only where needed). */
  Add(name: string, refersTo: string): void {
    this.et.count('Names.Add', false);
    if (!/^[A-Za-z_\\\u3400-\u9fff][\w.\u3400-\u9fff]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name)) throw new EtError(`bad name ${name}`);
    if (this.et.wb.names.some((n) => n.name.toLowerCase() === name.toLowerCase())) throw new EtError(`the name ${name} exists`);
    if (!refersTo.startsWith('=')) throw new EtError('RefersTo starts with =');
    const [sheet, ref] = splitSheet(refersTo.slice(1));
    const r = parseRect(ref);
    if (!sheet || !r || !this.et.wb.findSheet(sheet)) throw new EtError(`bad RefersTo ${refersTo}`);
    const abs = rectA1(r).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
    this.et.wb.names.push({ name, formula: `=${quoteSheet(this.et.wb.sheet(sheet).name)}!${abs}` });
  }
}

class FakeDocProperties {
  constructor(private readonly et: FakeEt) {}

  get Count(): number {
    return this.et.wb.settings.size;
  }

  Item(i: number): { Name: string; Value: unknown; Delete(): void } {
    const [name, value] = [...this.et.wb.settings][i - 1] ?? [];
    if (name === undefined) throw new EtError(`no property ${i}`);
    return { Name: name, Value: value, Delete: () => this.et.wb.settings.delete(name) };
  }

  /** Text properties (msoPropertyTypeString = 4) of at most 255 characters. */
  Add(name: string, _link: boolean, type: number, value: unknown): void {
    this.et.count('CustomDocumentProperties.Add', false);
    if (type !== 4 || typeof value !== 'string') throw new EtError('the fake keeps text properties only');
    if (value.length > 255) throw new EtError('a text property holds at most 255 characters');
    if (this.et.wb.settings.has(name)) throw new EtError(`property ${name} exists`);
    this.et.wb.settings.set(name, value);
  }
}

export { FakeWorkbook };
