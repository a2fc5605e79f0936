/**
 * The rows of a worksheet read straight from its UTF-8 bytes: numbers and shared-string
 * indexes parsed from the digits, text decoded only for the cells that hold text or a
 * formula. Machine-written sheets hold nothing else in <sheetData>; at the first thing
 * this reader does not know (a comment, CDATA, an extension element) it gives up and
 * the caller reads the part again through the tokenizer, which knows everything.
 */
import type { CellValue } from '../core/grid';
import { DATE1904_OFFSET } from './dates';
import { T_B, T_D, T_E, T_INLINE, T_N, T_OTHER, T_S, T_STR } from './cell-types';
import type { SheetGrid } from './sheet-grid';
import { attr, isClose, localIs, nextTag, readCellTag, readTag, tag, tagName } from './byte-tags';
import { isBoundary } from './sheet-data-scan';
import { decodeXString, unescapeXml } from './xml-text';

const dec = new TextDecoder();

/** 10^k for k ≤ 22, all exact doubles. */
const POW10: number[] = [];
for (let k = 0, p = 1; k <= 22; k++, p *= 10) POW10.push(p);

function text(b: Uint8Array, from: number, to: number): string {
  return to > from ? dec.decode(b.subarray(from, to)) : '';
}

/**
 * The number `b[s..e)` spells, as Number() reads it. Plain decimals of up to 15 digits
 * are exact as integer / 10^k (both exact, the division correctly rounded); anything
 * else goes through Number().
 */
function numberAt(b: Uint8Array, s: number, e: number): number {
  let i = s;
  const neg = b[i] === 45;
  if (neg) i++;
  let m = 0;
  let digits = 0;
  let frac = 0;
  let dot = false;
  for (; i < e; i++) {
    const ch = b[i];
    if (ch >= 48 && ch <= 57) {
      m = m * 10 + (ch - 48);
      digits++;
      if (dot) frac++;
    } else if (ch === 46 && !dot) dot = true;
    else return Number(text(b, s, e));
  }
  if (digits === 0 || digits > 15) return Number(text(b, s, e));
  const v = frac === 0 ? m : m / POW10[frac];
  return neg ? -v : v;
}

/** Digits `b[s..e)` as an integer (0 when empty, as the tokenizer's reader has it), else Number(). */
function intAt(b: Uint8Array, s: number, e: number): number {
  let n = 0;
  for (let i = s; i < e; i++) {
    const ch = b[i];
    if (ch < 48 || ch > 57) return Number(text(b, s, e));
    n = n * 10 + (ch - 48);
  }
  return n;
}

function typeCode(b: Uint8Array, s: number, e: number): number {
  switch (e - s) {
    case 1:
      switch (b[s]) {
        case 110: return T_N;
        case 115: return T_S;
        case 98: return T_B;
        case 101: return T_E;
        case 100: return T_D;
      }
      return T_OTHER;
    case 3:
      return b[s] === 115 && b[s + 1] === 116 && b[s + 2] === 114 ? T_STR : T_OTHER;
    case 9:
      return text(b, s, e) === 'inlineStr' ? T_INLINE : T_OTHER;
  }
  return T_OTHER;
}

/**
 * Reads the rows in `b[from..to)` (the content of <sheetData>) into `g`. False when it
 * meets something it leaves to the tokenizer; `g` is then to be thrown away.
 */
export function readRows(b: Uint8Array, from: number, to: number, g: SheetGrid): boolean {
  const { values, hiddenRows } = g;
  const { sharedStrings, date1904 } = g.ctx;
  const { xfIsDate } = g.ctx.styles;
  let p = from;
  let rowIdx = -1;
  for (;;) {
    p = nextTag(b, p, to);
    if (p >= to) return true;
    if (b[p + 1] === 47 || !tagName(b, p, to) || !localIs(b, 'row')) return false;
    if (!readTag(b, tag.nameEnd, to, 'r', 'hidden', '')) return false;
    const r = attr.aS < 0 || attr.aE === attr.aS ? NaN : intAt(b, attr.aS, attr.aE);
    rowIdx = r >= 1 ? r - 1 : rowIdx + 1;
    g.checkRow(rowIdx);
    const row = (values[rowIdx] ??= []);
    if (attr.bS >= 0) {
      const h = text(b, attr.bS, attr.bE);
      if (h === '1' || h === 'true') hiddenRows.add(rowIdx);
    }
    p = tag.end;
    if (tag.selfClosing) continue;
    let col = -1;
    for (;;) {
      p = nextTag(b, p, to);
      if (p >= to) return false;
      if (b[p + 1] === 47) {
        if (!isClose(b, p, to, 'row')) return false;
        p = tag.end;
        break;
      }
      if (b[p + 1] === 99 && isBoundary(b[p + 2])) {
        // `<c ` without a prefix, the usual case: its single-letter attributes read directly.
        if (!readCellTag(b, p + 2, to)) return false;
      } else if (!tagName(b, p, to) || !localIs(b, 'c') || !readTag(b, tag.nameEnd, to, 'r', 's', 't')) return false;
      col++;
      let cellRow = rowIdx;
      if (attr.aS >= 0) {
        const c = refCol(b, attr.aS, attr.aE);
        if (c >= 0 && refRow >= 0) {
          col = c;
          cellRow = refRow;
        }
      }
      const style = attr.bS >= 0 ? intAt(b, attr.bS, attr.bE) : 0;
      const type = attr.cS >= 0 ? typeCode(b, attr.cS, attr.cE) : T_N;
      p = tag.end;
      if (tag.selfClosing) {
        // No value, no formula: nothing to keep, but an inline string's empty text.
        if (type === T_INLINE) g.put(cellRow, col, style, '', undefined, cellRow === rowIdx ? row : null);
        continue;
      }
      if (!readCellContent(b, p, to)) return false;
      p = tag.end;
      let value: CellValue | undefined;
      if (type === T_INLINE) value = decodeXString(unescapeXml(cell.isText));
      else if (cell.vS >= 0) {
        const vs = cell.vS;
        const ve = cell.vE;
        if (type === T_N) {
          if (ve > vs) {
            let num = numberAt(b, vs, ve);
            if (date1904 && xfIsDate[style]) num += DATE1904_OFFSET;
            value = num;
          }
        } else if (type === T_S) value = sharedStrings[intAt(b, vs, ve)] ?? '';
        else if (type === T_B) value = (ve - vs === 1 && b[vs] === 49) || text(b, vs, ve) === 'true';
        else value = g.textValue(type, text(b, vs, ve), style);
      }
      const formula = cell.fS >= 0 ? g.formula(cellRow, col, text(b, cell.fS, cell.fE), cell.shared, cell.si) : undefined;
      g.put(cellRow, col, style, value, formula, cellRow === rowIdx ? row : null);
    }
  }
}

// Row of the last refCol.
let refRow = -1;

/** Column of a reference `b[s..e)` (`A12`, `$A$12`), 0-based, its row into refRow; -1 when it is not one. */
function refCol(b: Uint8Array, s: number, e: number): number {
  let c = 0;
  let i = s;
  for (; i < e; i++) {
    const ch = b[i];
    if (ch >= 65 && ch <= 90) c = c * 26 + (ch - 64);
    else if (ch >= 97 && ch <= 122) c = c * 26 + (ch - 96);
    else if (ch !== 36) break;
  }
  let r = 0;
  for (; i < e; i++) {
    const ch = b[i];
    if (ch >= 48 && ch <= 57) r = r * 10 + (ch - 48);
    else if (ch !== 36) return -1;
  }
  refRow = r - 1;
  return c - 1;
}

/** What a cell holds: spans of <v> and <f> text, the inline string's text. */
const cell = { vS: -1, vE: -1, fS: -1, fE: -1, shared: false, si: undefined as string | undefined, isText: '' };

/** Text of an element up to its end tag `</name>`; sets tag.end. -1 when anything else comes first. */
function elementText(b: Uint8Array, p: number, to: number, name: string): number {
  const e = nextTag(b, p, to);
  if (e >= to || !isClose(b, e, to, name)) return -1;
  return e;
}

/** Reads a cell's content from `p` (after its start tag) through `</c>`; sets `cell` and tag.end. */
function readCellContent(b: Uint8Array, p: number, to: number): boolean {
  cell.vS = cell.vE = cell.fS = cell.fE = -1;
  cell.shared = false;
  cell.si = undefined;
  cell.isText = '';
  for (;;) {
    p = nextTag(b, p, to);
    if (p >= to) return false;
    if (b[p + 1] === 47) {
      if (b[p + 2] === 99 && b[p + 3] === 62) {
        tag.end = p + 4;
        return true;
      }
      return isClose(b, p, to, 'c');
    }
    if (b[p + 1] === 118 && b[p + 2] === 62 && cell.vS < 0) {
      // `<v>…</v>` without a prefix, the usual case.
      const e = nextTag(b, p + 3, to);
      if (e >= to || b[e + 1] !== 47 || b[e + 2] !== 118 || b[e + 3] !== 62) return false;
      cell.vS = p + 3;
      cell.vE = e;
      p = e + 4;
      continue;
    }
    if (!tagName(b, p, to)) return false;
    if (localIs(b, 'v')) {
      // A second <v> the tokenizer's reader would join to the first: left to it.
      if (cell.vS >= 0 || !readTag(b, tag.nameEnd, to, '', '', '')) return false;
      cell.vS = cell.vE = tag.end;
      if (tag.selfClosing) {
        p = tag.end;
        continue;
      }
      const e = elementText(b, tag.end, to, 'v');
      if (e < 0) return false;
      cell.vE = e;
      p = tag.end;
    } else if (localIs(b, 'f')) {
      if (!readTag(b, tag.nameEnd, to, 't', 'si', '')) return false;
      cell.shared = attr.aS >= 0 && text(b, attr.aS, attr.aE) === 'shared';
      cell.si = attr.bS < 0 || attr.bE === attr.bS ? undefined : text(b, attr.bS, attr.bE);
      cell.fS = cell.fE = tag.end;
      if (tag.selfClosing) {
        p = tag.end;
        continue;
      }
      const e = elementText(b, tag.end, to, 'f');
      if (e < 0) return false;
      cell.fE = e;
      p = tag.end;
    } else if (localIs(b, 'is')) {
      if (!readTag(b, tag.nameEnd, to, '', '', '')) return false;
      p = tag.end;
      if (tag.selfClosing) continue;
      if (!readInline(b, p, to)) return false;
      p = tag.end;
    } else return false;
  }
}

/** The text runs of an inline string (not its phonetic runs), through `</is>`; sets tag.end. */
function readInline(b: Uint8Array, p: number, to: number): boolean {
  let phonetic = 0;
  let out = '';
  for (;;) {
    p = nextTag(b, p, to);
    if (p >= to) return false;
    const closing = b[p + 1] === 47;
    if (!tagName(b, p, to)) return false;
    if (closing) {
      if (localIs(b, 'is')) {
        if (!isClose(b, p, to, 'is')) return false;
        cell.isText = out;
        return true;
      }
      const isPh = localIs(b, 'rPh');
      const gt = b.indexOf(62, tag.nameEnd);
      if (gt < 0 || gt >= to) return false;
      if (isPh) phonetic--;
      p = gt + 1;
      continue;
    }
    const isT = localIs(b, 't');
    const isPh = localIs(b, 'rPh');
    if (!readTag(b, tag.nameEnd, to, '', '', '')) return false;
    p = tag.end;
    if (tag.selfClosing) continue;
    if (isPh) phonetic++;
    else if (isT) {
      const e = elementText(b, p, to, 't');
      if (e < 0) return false;
      if (phonetic === 0) out += text(b, p, e);
      p = tag.end;
    }
  }
}
