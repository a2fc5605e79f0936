/**
 * One worksheet part into a Grid: values straight into their rows. The rows are read
 * from the part's bytes when it is inflated whole (read-sheet-data.ts), else, and for
 * anything that reader leaves, through the streaming tokenizer.
 */
import type { CellValue, Grid, Range } from '../../core/grid';
import { T_INLINE, T_N, T_OTHER, typeCode } from '../xml';
import { XlsxError } from '../errors';
import type { ScanHandler } from '../xml';
import { nameIs, scanAttrs } from '../xml';
import { readRows } from './read-sheet-rows';
import { sheetDataSpan } from '../xml';
import { intAt, SheetBoundsError, SheetGrid, type SheetReadContext } from './sheet-grid';
import { decodeXString, unescapeXml } from '../xml';
import { scanBytes, scanEntry } from '../xml';
import { entryBytes, type ZipEntry } from '../zip';

export type { SheetReadContext } from './sheet-grid';

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

export function parseRange(ref: string): Range | null {
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


function hasRef(s: string, vs: number, ve: number): boolean {
  const i = s.indexOf('&', vs);
  return i >= 0 && i < ve;
}

function attrValue(s: string, vs: number, ve: number): string {
  const raw = s.slice(vs, ve);
  return raw.indexOf('&') < 0 ? raw : unescapeXml(raw);
}

export function truthy(v: string): boolean {
  return v === '1' || v === 'true';
}

/** The tokenizer's events for a worksheet, into `g`. */
function sheetHandler(g: SheetGrid): ScanHandler {
  const { values, hiddenRows, hiddenCols, merges } = g;
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
    // A value holding a reference (`r="&#65;1"`) reads as nothing it should be: decoded only then.
    if (ch === 114 /* r */) {
      let c = parseRef(s, refOut, vs, ve);
      if (c < 0 && hasRef(s, vs, ve)) {
        const v = unescapeXml(s.slice(vs, ve));
        c = parseRef(v, refOut);
      }
      if (c >= 0 && refOut[0] >= 0) {
        col = c;
        cellRow = refOut[0];
      }
    } else if (ch === 115 /* s */) {
      style = intAt(s, vs, ve);
      if (style !== style && hasRef(s, vs, ve)) {
        const v = unescapeXml(s.slice(vs, ve));
        style = intAt(v, 0, v.length);
      }
    } else if (ch === 116 /* t */) {
      type = typeCode(s, vs, ve);
      if (type === T_OTHER && hasRef(s, vs, ve)) {
        const v = unescapeXml(s.slice(vs, ve));
        type = typeCode(v, 0, v.length);
      }
    }
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
    else if (hasV) value = g.textValue(type, vText, style);
    const formula = hasF ? g.formula(cellRow, col, fText, fShared, fSi) : undefined;
    g.put(cellRow, col, style, value, formula, cellRow === rowIdx ? row : null);
  };

  return {
    open(local, s, start, nameEnd, end) {
      switch (local) {
        case 'c':
          col++;
          cellRow = rowIdx;
          type = T_N;
          style = 0;
          hasV = hasF = inIs = false;
          vText = '';
          isText = '';
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
          g.checkRow(rowIdx);
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
          if (m) {
            g.checkRange(m);
            merges.push(m);
          }
          break;
        }
        case 'col':
          readAttrs(s, nameEnd, end);
          if (truthy(aHidden)) {
            const hi = Math.min(Number(aMax), 16384);
            for (let c = Math.max(1, Number(aMin)); c <= hi; c++) hiddenCols.add(c - 1);
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
}

export function readSheet(bytes: Uint8Array, entry: ZipEntry, name: string, ctx: SheetReadContext): { grid: Grid; xml: Uint8Array | null } {
  if (!ctx.inflateRaw || entry.method !== 8) {
    const g = new SheetGrid(name, ctx);
    const xml = scanEntry(bytes, entry, ctx.budget, sheetHandler(g), ctx.onInput, ctx.inflateRaw, ctx.keepXml, ctx.crc32);
    return { grid: g.grid(), xml };
  }
  // Inflated whole: the rows straight from the bytes, the rest through the tokenizer.
  const data = entryBytes(bytes, entry, ctx.budget, ctx.inflateRaw, ctx.crc32);
  const cellsBefore = ctx.cellBudget.remaining;
  let g = new SheetGrid(name, ctx);
  let fast = false;
  try {
    // The markup around the rows, streamed: a part of 400 MB outside <sheetData> is never one string.
    const rows = sheetDataSpan(data);
    scanBytes(data, entry.name, sheetHandler(g), rows);
    fast = readRows(data, rows.from, rows.to, g);
  } catch (err) {
    // Too many cells, or one past Excel's last row or column, whichever reader meets it first;
    // anything else is left for the tokenizer to read again, or to report.
    if (err instanceof XlsxError && (err.code === 'too-large' || err instanceof SheetBoundsError)) throw err;
  }
  if (!fast) {
    // Markup the byte reader leaves to the tokenizer (comments, CDATA, extensions) or a fault it reports.
    ctx.cellBudget.remaining = cellsBefore;
    g = new SheetGrid(name, ctx);
    scanBytes(data, entry.name, sheetHandler(g));
  }
  ctx.onInput?.(entry.compressedSize);
  return { grid: g.grid(), xml: ctx.keepXml ? data : null };
}
