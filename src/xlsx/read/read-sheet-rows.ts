/**
 * The rows of a worksheet read straight from its UTF-8 bytes: numbers and shared-string
 * indexes parsed from the digits, text decoded only for the cells that hold text or a
 * formula. Machine-written sheets hold nothing else in <sheetData>; at the first thing
 * this reader does not know (a comment, CDATA, an extension element) it gives up and
 * the caller reads the part again through the tokenizer, which knows everything.
 */
import type { CellValue } from '../../core/grid';
import { DATE1904_OFFSET } from '../package';
import { T_B, T_INLINE, T_N, T_S } from '../xml';
import type { SheetGrid } from './sheet-grid';
import { attr, closes, localIs, nextTag, readCellTag, readTag, tag, tagName } from '../xml';
import { isBoundary } from '../xml';
import { decodeXString, unescapeXml } from '../xml';
import { intAt, numberAt, ref, refCol, text, typeCode } from '../xml';

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
    // BAD_TEXT: a stray `&` or `]]>`, left to the tokenizer to refuse.
    if (p >= to) return p === to;
    if (b[p + 1] === 47 || !tagName(b, p, to) || !localIs(b, 'row')) return false;
    // End tags must name the element they close, prefix and all.
    const rowQs = tag.nameStart;
    const rowQe = tag.nameEnd;
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
        if (!closes(b, p, to, rowQs, rowQe)) return false;
        p = tag.end;
        break;
      }
      let cQs = p + 1;
      let cQe = p + 2;
      if (b[p + 1] === 99 && isBoundary(b[p + 2])) {
        // `<c ` without a prefix, the usual case: its single-letter attributes read directly.
        if (!readCellTag(b, p + 2, to)) return false;
      } else {
        if (!tagName(b, p, to) || !localIs(b, 'c')) return false;
        cQs = tag.nameStart;
        cQe = tag.nameEnd;
        if (!readTag(b, tag.nameEnd, to, 'r', 's', 't')) return false;
      }
      col++;
      let cellRow = rowIdx;
      if (attr.aS >= 0) {
        const c = refCol(b, attr.aS, attr.aE);
        if (c >= 0 && ref.row >= 0) {
          col = c;
          cellRow = ref.row;
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
      if (!readCellContent(b, p, to, cQs, cQe)) return false;
      p = tag.end;
      let value: CellValue | undefined;
      if (type === T_INLINE) value = decodeXString(unescapeXml(cell.isText));
      else if (cell.vS >= 0) {
        const vs = cell.vS;
        const ve = cell.vE;
        // What the digits do not spell (text holding a reference, `&#51;00`) is read as text.
        if (type === T_N) {
          if (ve > vs) {
            let num = numberAt(b, vs, ve);
            if (num !== num) value = g.textValue(T_N, text(b, vs, ve), style);
            else {
              if (date1904 && xfIsDate[style]) num += DATE1904_OFFSET;
              value = num;
            }
          }
        } else if (type === T_S) {
          const i = intAt(b, vs, ve);
          value = i === i ? sharedStrings[i] ?? '' : g.textValue(T_S, text(b, vs, ve), style);
        } else if (type === T_B) value = (ve - vs === 1 && b[vs] === 49) || g.textValue(T_B, text(b, vs, ve), style);
        else value = g.textValue(type, text(b, vs, ve), style);
      }
      const formula = cell.fS >= 0 ? g.formula(cellRow, col, text(b, cell.fS, cell.fE), cell.shared, cell.si) : undefined;
      g.put(cellRow, col, style, value, formula, cellRow === rowIdx ? row : null);
    }
  }
}

/** What a cell holds: spans of <v> and <f> text, the inline string's text. */
const cell = { vS: -1, vE: -1, fS: -1, fE: -1, shared: false, si: undefined as string | undefined, isText: '' };

/** Text of an element (its name `b[qs..qe)`) up to its end tag; sets tag.end. -1 when anything else comes first. */
function elementText(b: Uint8Array, p: number, to: number, qs: number, qe: number): number {
  const e = nextTag(b, p, to);
  if (e >= to || !closes(b, e, to, qs, qe)) return -1;
  return e;
}

/** Reads a cell's content from `p` (after its start tag, named `b[qs..qe)`) through its end tag; sets `cell` and tag.end. */
function readCellContent(b: Uint8Array, p: number, to: number, qs: number, qe: number): boolean {
  cell.vS = cell.vE = cell.fS = cell.fE = -1;
  cell.shared = false;
  cell.si = undefined;
  cell.isText = '';
  for (;;) {
    p = nextTag(b, p, to);
    if (p >= to) return false;
    if (b[p + 1] === 47) {
      if (qe - qs === 1 && b[p + 2] === 99 && b[p + 3] === 62) {
        tag.end = p + 4;
        return true;
      }
      return closes(b, p, to, qs, qe);
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
    const ns = tag.nameStart;
    const ne = tag.nameEnd;
    if (localIs(b, 'v')) {
      // A second <v> the tokenizer's reader would join to the first: left to it.
      if (cell.vS >= 0 || !readTag(b, tag.nameEnd, to, '', '', '')) return false;
      cell.vS = cell.vE = tag.end;
      if (tag.selfClosing) {
        p = tag.end;
        continue;
      }
      const e = elementText(b, tag.end, to, ns, ne);
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
      const e = elementText(b, tag.end, to, ns, ne);
      if (e < 0) return false;
      cell.fE = e;
      p = tag.end;
    } else if (localIs(b, 'is')) {
      if (!readTag(b, tag.nameEnd, to, '', '', '')) return false;
      p = tag.end;
      if (tag.selfClosing) continue;
      if (!readInline(b, p, to, ns, ne)) return false;
      p = tag.end;
    } else return false;
  }
}

// Names (spans of the bytes) of the elements open inside an inline string, and which are phonetic runs.
const OPEN = new Int32Array(64);
const OPEN_PH = new Uint8Array(32);

/**
 * The text runs of an inline string (not its phonetic runs), through the end tag of its
 * <is> (named `b[qs..qe)`); sets tag.end. Each end tag must close the element open.
 */
function readInline(b: Uint8Array, p: number, to: number, qs: number, qe: number): boolean {
  let phonetic = 0;
  let out = '';
  let depth = 0;
  for (;;) {
    p = nextTag(b, p, to);
    if (p >= to) return false;
    if (b[p + 1] === 47) {
      if (depth === 0) {
        if (!closes(b, p, to, qs, qe)) return false;
        cell.isText = out;
        return true;
      }
      depth--;
      if (!closes(b, p, to, OPEN[2 * depth], OPEN[2 * depth + 1])) return false;
      phonetic -= OPEN_PH[depth];
      p = tag.end;
      continue;
    }
    if (!tagName(b, p, to)) return false;
    const ns = tag.nameStart;
    const ne = tag.nameEnd;
    const isT = localIs(b, 't');
    const isPh = localIs(b, 'rPh');
    if (!readTag(b, tag.nameEnd, to, '', '', '')) return false;
    p = tag.end;
    if (tag.selfClosing) continue;
    if (isT) {
      const e = elementText(b, p, to, ns, ne);
      if (e < 0) return false;
      if (phonetic === 0) out += text(b, p, e);
      p = tag.end;
      continue;
    }
    // Left to the tokenizer when nested deeper than any inline string is.
    if (depth === OPEN_PH.length) return false;
    OPEN[2 * depth] = ns;
    OPEN[2 * depth + 1] = ne;
    OPEN_PH[depth] = isPh ? 1 : 0;
    depth++;
    if (isPh) phonetic++;
  }
}
