/** A worksheet's grid as it is filled, and how a cell's parts become its value and formula. */
import { cellKey, MAX_COLS, type CellValue, type Grid, type Range } from '../../core/grid';
import { T_B, T_D, T_E, T_N, T_S } from '../xml';
import { DATE1904_OFFSET, isoToSerial } from '../package';
import { XlsxError } from '../errors';
import type { StyleInfo } from './read-book-parts';
import { shiftFormula } from './expand-shared-formula';
import { decodeXString, unescapeXml } from '../xml';
import type { InflateBudget, InflateRaw } from '../zip';
import type { Crc32 } from '../zip';

export interface SheetReadContext {
  sharedStrings: string[];
  styles: StyleInfo;
  date1904: boolean;
  budget: InflateBudget;
  /** Cells still allowed across the workbook. */
  cellBudget: { remaining: number };
  onInput?: (n: number) => void;
  inflateRaw?: InflateRaw;
  /** The host's CRC-32, faster than the portable one on a large part. */
  crc32?: Crc32;
  /** Keep the part's inflated bytes (for a patch that follows). */
  keepXml?: boolean;
}

/** Excel's last row: 1,048,576 (its last column, XFD, is MAX_COLS). */
export const MAX_ROWS = 1_048_576;

/**
 * A row or cell past Excel's last row or column: no spreadsheet program writes one, and a
 * grid that long would not fit in memory, so the file is refused as damaged.
 */
export class SheetBoundsError extends XlsxError {
  constructor(sheet: string) {
    super('unreadable-file', `The worksheet "${sheet}" has a row or cell past Excel's last row (1048576) or column (XFD): the file is damaged.`);
  }
}

export function intAt(s: string, vs: number, ve: number): number {
  let n = 0;
  for (let i = vs; i < ve; i++) {
    const ch = s.charCodeAt(i);
    if (ch < 48 || ch > 57) return Number(s.slice(vs, ve));
    n = n * 10 + (ch - 48);
  }
  return n;
}

function hasRef(s: string): boolean {
  return s.indexOf('&') >= 0;
}

function isTrue(s: string): boolean {
  return s === '1' || s === 'true';
}

/** The grid being filled, and how a cell's parts become its value and formula. */
export class SheetGrid {
  readonly values: (CellValue | undefined)[][] = [];
  readonly formulas = new Map<number, string>();
  readonly numFmts = new Map<number, string>();
  readonly merges: Range[] = [];
  readonly hiddenRows = new Set<number>();
  readonly hiddenCols = new Set<number>();
  private readonly shared = new Map<string, { r: number; c: number; text: string }>();

  constructor(readonly name: string, readonly ctx: SheetReadContext) {}

  /** The value of a cell of type `type` whose <v> holds `vText` (entities not decoded). */
  textValue(type: number, vText: string, style: number): CellValue | undefined {
    switch (type) {
      case T_N: {
        if (vText === '') return undefined;
        // Text holding a reference (`&#51;00`) is never a number as it stands: decoded only then.
        let num = Number(vText);
        if (num !== num && hasRef(vText)) num = Number(unescapeXml(vText));
        if (this.ctx.date1904 && this.ctx.styles.xfIsDate[style]) num += DATE1904_OFFSET;
        return num;
      }
      case T_S: {
        let i = intAt(vText, 0, vText.length);
        if (i !== i && hasRef(vText)) {
          const t = unescapeXml(vText);
          i = intAt(t, 0, t.length);
        }
        return this.ctx.sharedStrings[i] ?? '';
      }
      case T_B:
        return vText === '1' || vText === 'true' || (hasRef(vText) && isTrue(unescapeXml(vText)));
      case T_E:
        return { error: unescapeXml(vText) };
      case T_D: {
        const t = unescapeXml(vText);
        return isoToSerial(t) ?? t;
      }
      default:
        return decodeXString(unescapeXml(vText));
    }
  }

  /** A cell's formula from its <f> text (entities not decoded); shared ones through their master. */
  formula(r: number, c: number, fText: string, isShared: boolean, si: string | undefined): string | undefined {
    const text = unescapeXml(fText);
    if (isShared && si !== undefined) {
      const master = this.shared.get(si);
      if (text !== '') {
        this.shared.set(si, { r, c, text });
        return text;
      }
      return master ? shiftFormula(master.text, r - master.r, c - master.c) : undefined;
    }
    return text !== '' ? text : undefined;
  }

  /** Throws unless 0-based row `r` is within Excel's rows. */
  checkRow(r: number): void {
    if (r >= MAX_ROWS) throw new SheetBoundsError(this.name);
  }

  /** Checks that a range (a merge) lies within Excel's rows and columns. */
  checkRange(m: Range): void {
    if (m.r1 >= MAX_ROWS || m.c1 >= MAX_COLS) throw new SheetBoundsError(this.name);
  }

  /** Stores a cell (nothing when it has neither value nor formula); `row` is values[r] when the caller has it. */
  put(r: number, c: number, style: number, value: CellValue | undefined, formula: string | undefined, row: (CellValue | undefined)[] | null): void {
    if (value === undefined && formula === undefined) return;
    if (r >= MAX_ROWS || c >= MAX_COLS) throw new SheetBoundsError(this.name);
    if (--this.ctx.cellBudget.remaining < 0) {
      throw new XlsxError('too-large', 'The workbook has too many cells to read.');
    }
    const key = cellKey(r, c);
    if (value !== undefined) (row ?? (this.values[r] ??= []))[c] = value;
    if (formula !== undefined) this.formulas.set(key, formula);
    const fmt = this.ctx.styles.xfFormats[style];
    if (fmt !== undefined) this.numFmts.set(key, fmt);
  }

  grid(): Grid {
    const { name, values, formulas, numFmts, merges, hiddenRows, hiddenCols } = this;
    return { name, values, formulas, numFmts, merges, hiddenRows, hiddenCols };
  }
}
