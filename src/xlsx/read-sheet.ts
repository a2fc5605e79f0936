/** Streaming one worksheet part into a Grid: values straight into their rows. */
import { cellKey, type CellValue, type Grid, type Range } from '../core/grid';
import { DATE1904_OFFSET, isoToSerial } from './dates';
import { XlsxError } from './errors';
import type { StyleInfo } from './read-parts';
import { shiftFormula } from './shared-formula';
import { nameIs, scanAttrs, type ScanHandler } from './fast-scanner';
import { decodeXString, unescapeXml } from './xml-text';
import { scanEntry } from './xml-stream';
import type { InflateBudget, InflateRaw, ZipEntry } from './zip-read';

export interface SheetReadContext {
  sharedStrings: string[];
  styles: StyleInfo;
  date1904: boolean;
  budget: InflateBudget;
  /** Cells still allowed across the workbook. */
  cellBudget: { remaining: number };
  onInput?: (n: number) => void;
  inflateRaw?: InflateRaw;
  /** Keep the part's inflated bytes (for a patch that follows). */
  keepXml?: boolean;
}

/** Parses `A12` in `ref[from..to)` into a column (returned) and a row (into `out[0]`), 0-based; -1 when it is not one. */
function parseRef(ref: string, out: number[], from = 0, to = ref.length): number {
  let c = 0;
  let i = from;
  const n = to;
  for (; i < n; i++) {
    const ch = ref.charCodeAt(i);
    if (ch >= 65 && ch <= 90) c = c * 26 + (ch - 64);
    else if (ch >= 97 && ch <= 122) c = c * 26 + (ch - 96);
    else if (ch !== 36) break;
  }
  let r = 0;
  for (; i < n; i++) {
    const ch = ref.charCodeAt(i);
    if (ch >= 48 && ch <= 57) r = r * 10 + (ch - 48);
    else if (ch !== 36) return -1;
  }
  out[0] = r - 1;
  return c - 1;
}

function parseRange(ref: string): Range | null {
  const [a, b] = ref.split(':');
  const p: number[] = [0];
  const c0 = parseRef(a, p);
  const r0 = p[0];
  if (c0 < 0 || r0 < 0) return null;
  if (b === undefined) return { r0, c0, r1: r0, c1: c0 };
  const c1 = parseRef(b, p);
  const r1 = p[0];
  if (c1 < 0 || r1 < 0) return null;
  return { r0: Math.min(r0, r1), c0: Math.min(c0, c1), r1: Math.max(r0, r1), c1: Math.max(c0, c1) };
}

// Cell types (the t attribute) as small integers, so the hot loop compares numbers.
const T_N = 0, T_S = 1, T_STR = 2, T_INLINE = 3, T_B = 4, T_E = 5, T_D = 6, T_OTHER = 7;

function typeCode(s: string, vs: number, ve: number): number {
  switch (ve - vs) {
    case 1:
      switch (s.charCodeAt(vs)) {
        case 110: return T_N;
        case 115: return T_S;
        case 98: return T_B;
        case 101: return T_E;
        case 100: return T_D;
      }
      return T_OTHER;
    case 3:
      return s.startsWith('str', vs) ? T_STR : T_OTHER;
    case 9:
      return s.startsWith('inlineStr', vs) ? T_INLINE : T_OTHER;
  }
  return T_OTHER;
}

function intAt(s: string, vs: number, ve: number): number {
  let n = 0;
  for (let i = vs; i < ve; i++) {
    const ch = s.charCodeAt(i);
    if (ch < 48 || ch > 57) return Number(s.slice(vs, ve));
    n = n * 10 + (ch - 48);
  }
  return n;
}

function attrValue(s: string, vs: number, ve: number): string {
  const raw = s.slice(vs, ve);
  return raw.indexOf('&') < 0 ? raw : unescapeXml(raw);
}

function truthy(v: string): boolean {
  return v === '1' || v === 'true';
}

export function readSheet(bytes: Uint8Array, entry: ZipEntry, name: string, ctx: SheetReadContext): { grid: Grid; xml: Uint8Array | null } {
  const values: (CellValue | undefined)[][] = [];
  const formulas = new Map<number, string>();
  const numFmts = new Map<number, string>();
  const merges: Range[] = [];
  const hiddenRows = new Set<number>();
  const hiddenCols = new Set<number>();
  const { sharedStrings, styles, date1904, cellBudget } = ctx;
  const { xfFormats, xfIsDate } = styles;
  const shared = new Map<string, { r: number; c: number; text: string }>();
  const refOut = [0];

  let rowIdx = -1;
  let row: (CellValue | undefined)[] = [];
  // The cell being read.
  let cellRow = 0;
  let col = -1;
  let type = T_N;
  let style = 0;
  let hasV = false;
  let vText = '';
  let hasF = false;
  let fText = '';
  let fShared = false;
  let fSi: string | undefined;
  let isText = '';
  let inIs = false;
  let phonetic = 0;
  // 0 none, 1 <v>, 2 <f>, 3 <t> of an inline string
  let textTarget = 0;
  // Attribute scratch for elements other than cells.
  let aR = '', aHidden = '', aMin = '', aMax = '', aRef = '', aT = '', aSi = '';

  const cellAttr = (s: string, ns: number, ne: number, vs: number, ve: number): void => {
    if (ne - ns !== 1) return;
    const ch = s.charCodeAt(ns);
    if (ch === 114 /* r */) {
      const c = parseRef(s, refOut, vs, ve);
      if (c >= 0 && refOut[0] >= 0) {
        col = c;
        cellRow = refOut[0];
      }
    } else if (ch === 115 /* s */) style = intAt(s, vs, ve);
    else if (ch === 116 /* t */) type = typeCode(s, vs, ve);
  };
  const otherAttr = (s: string, ns: number, ne: number, vs: number, ve: number): void => {
    if (nameIs(s, ns, ne, 'r')) aR = attrValue(s, vs, ve);
    else if (nameIs(s, ns, ne, 'hidden')) aHidden = attrValue(s, vs, ve);
    else if (nameIs(s, ns, ne, 'min')) aMin = attrValue(s, vs, ve);
    else if (nameIs(s, ns, ne, 'max')) aMax = attrValue(s, vs, ve);
    else if (nameIs(s, ns, ne, 'ref')) aRef = attrValue(s, vs, ve);
    else if (nameIs(s, ns, ne, 't')) aT = attrValue(s, vs, ve);
    else if (nameIs(s, ns, ne, 'si')) aSi = attrValue(s, vs, ve);
  };
  const readAttrs = (s: string, from: number, to: number): void => {
    aR = aHidden = aMin = aMax = aRef = aT = aSi = '';
    scanAttrs(s, from, to, otherAttr);
  };

  const finishCell = (): void => {
    let value: CellValue | undefined;
    if (type === T_INLINE) value = decodeXString(unescapeXml(isText));
    else if (hasV) {
      switch (type) {
        case T_N:
          if (vText !== '') {
            let num = Number(vText);
            if (date1904 && xfIsDate[style]) num += DATE1904_OFFSET;
            value = num;
          }
          break;
        case T_S:
          value = sharedStrings[intAt(vText, 0, vText.length)] ?? '';
          break;
        case T_B:
          value = vText === '1' || vText === 'true';
          break;
        case T_E:
          value = { error: unescapeXml(vText) };
          break;
        case T_D:
          value = isoToSerial(vText) ?? vText;
          break;
        default:
          value = decodeXString(unescapeXml(vText));
      }
    }
    let formula: string | undefined;
    if (hasF) {
      const text = unescapeXml(fText);
      if (fShared && fSi !== undefined) {
        const master = shared.get(fSi);
        if (text !== '') {
          shared.set(fSi, { r: cellRow, c: col, text });
          formula = text;
        } else if (master) formula = shiftFormula(master.text, cellRow - master.r, col - master.c);
      } else if (text !== '') formula = text;
    }
    if (value === undefined && formula === undefined) return;
    if (--cellBudget.remaining < 0) {
      throw new XlsxError('too-large', 'The workbook has too many cells to read.');
    }
    const key = cellKey(cellRow, col);
    if (value !== undefined) {
      const target = cellRow === rowIdx ? row : (values[cellRow] ??= []);
      target[col] = value;
    }
    if (formula !== undefined) formulas.set(key, formula);
    const fmt = xfFormats[style];
    if (fmt !== undefined) numFmts.set(key, fmt);
  };

  const handler: ScanHandler = {
    open(local, s, start, nameEnd, end) {
      switch (local) {
        case 'c':
          col++;
          cellRow = rowIdx;
          type = T_N;
          style = 0;
          hasV = hasF = inIs = false;
          vText = '';
          scanAttrs(s, nameEnd, end, cellAttr);
          break;
        case 'v':
          textTarget = 1;
          hasV = true;
          break;
        case 'f':
          textTarget = 2;
          hasF = true;
          fText = '';
          readAttrs(s, nameEnd, end);
          fShared = aT === 'shared';
          fSi = aSi || undefined;
          break;
        case 't':
          if (inIs && phonetic === 0) textTarget = 3;
          break;
        case 'row': {
          readAttrs(s, nameEnd, end);
          const r = aR === '' ? NaN : Number(aR);
          rowIdx = r >= 1 ? r - 1 : rowIdx + 1;
          row = values[rowIdx] ??= [];
          col = -1;
          if (truthy(aHidden)) hiddenRows.add(rowIdx);
          break;
        }
        case 'is':
          inIs = true;
          isText = '';
          break;
        case 'rPh':
          phonetic++;
          break;
        case 'mergeCell': {
          readAttrs(s, nameEnd, end);
          const m = aRef ? parseRange(aRef) : null;
          if (m) merges.push(m);
          break;
        }
        case 'col':
          readAttrs(s, nameEnd, end);
          if (truthy(aHidden)) {
            const hi = Math.min(Number(aMax), 16384);
            for (let c = Number(aMin); c <= hi; c++) hiddenCols.add(c - 1);
          }
          break;
      }
    },
    close(local) {
      switch (local) {
        case 'c':
          finishCell();
          break;
        case 'v':
        case 'f':
        case 't':
          textTarget = 0;
          break;
        case 'rPh':
          phonetic--;
          break;
        case 'is':
          inIs = false;
          break;
      }
    },
    text(s, start, end) {
      if (textTarget === 0) return;
      const t = s.slice(start, end);
      if (textTarget === 1) vText += t;
      else if (textTarget === 2) fText += t;
      else isText += t;
    },
  };

  const xml = scanEntry(bytes, entry, ctx.budget, handler, ctx.onInput, ctx.inflateRaw, ctx.keepXml);
  return { grid: { name, values, formulas, numFmts, merges, hiddenRows, hiddenCols }, xml };
}
