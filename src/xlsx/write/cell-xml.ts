/** The XML of one written cell: formula with its cached value, or a value (inline string). */
import { colLetter, isCellError, isDateFormat, type CellValue } from '../../core/grid';
import type { PlanCell } from '../../core/types';
import type { ByteSink } from '../xml';
import { DATE1904_OFFSET } from '../package';
import { toXmlString } from '../xml';

/** Column letters, cached: every written cell needs its address. */
const LETTERS: string[] = [];
function letters(c: number): string {
  return (LETTERS[c] ??= colLetter(c));
}

const PRESERVE = /^\s|\s$|\n/;

/** The markup pieces of one namespace prefix, built once. */
interface Pieces {
  ascii: boolean;
  cOpen: string;
  cClose: string;
  fOpen: string;
  fClose: string;
  vOpen: string;
  vClose: string;
  shared: string;
  inline: string;
  inlinePreserve: string;
  inlineClose: string;
}

const PIECES = new Map<string, Pieces>();

function piecesOf(p: string): Pieces {
  let x = PIECES.get(p);
  if (!x) {
    x = {
      ascii: /^[\x20-\x7e]*$/.test(p),
      cOpen: `<${p}c r="`,
      cClose: `</${p}c>`,
      fOpen: `<${p}f>`,
      fClose: `</${p}f>`,
      vOpen: `<${p}v>`,
      vClose: `</${p}v>`,
      shared: `<${p}f t="shared"`,
      inline: ` t="inlineStr"><${p}is><${p}t>`,
      inlinePreserve: ` t="inlineStr"><${p}is><${p}t xml:space="preserve">`,
      inlineClose: `</${p}t></${p}is>`,
    };
    PIECES.set(p, x);
  }
  return x;
}

/** Markup: ASCII in the usual case, any characters for an exotic prefix. */
function mark(out: ByteSink, x: Pieces, s: string): void {
  if (x.ascii) out.ascii(s);
  else out.raw(s);
}

/**
 * Writes `<c>` for a plan cell with cell style `s`; nothing when there is nothing to
 * write (no value, no formula, default style). In a 1904 workbook, date serials are
 * moved back to that system. With `si` ≥ 0 the formula is a shared one: written with
 * its range `ref` in the master cell, by its si alone in the others. The address may
 * be given (`r`, `c`) when the caller has it. Returns false when nothing was written.
 */
export function writePlanCell(
  out: ByteSink, prefix: string, cell: PlanCell, s: number, date1904: boolean,
  si = -1, ref: string | null = null, r = cell.r, c = cell.c,
): boolean {
  let value = cell.value;
  if (date1904 && typeof value === 'number' && isDateFormat(cell.numFmt)) value -= DATE1904_OFFSET;
  const f = cell.formula;
  const formula = f !== undefined && f !== '' ? f : null;
  if (formula === null && value === null && !s) return false;
  const x = piecesOf(prefix);
  mark(out, x, x.cOpen);
  out.ascii(letters(c));
  out.number(r + 1);
  out.byte(34);
  if (s) {
    out.ascii(' s="');
    out.number(s);
    out.byte(34);
  }
  if (formula !== null) {
    typeAttr(out, value);
    out.byte(62);
    const text = formula.charCodeAt(0) === 61 ? formula.slice(1) : formula;
    if (si < 0) {
      mark(out, x, x.fOpen);
      out.text(text);
      mark(out, x, x.fClose);
    } else {
      mark(out, x, x.shared);
      if (ref !== null) {
        out.ascii(' ref="');
        out.ascii(ref);
        out.byte(34);
      }
      out.ascii(' si="');
      out.number(si);
      if (ref === null) out.ascii('"/>');
      else {
        out.ascii('">');
        out.text(text);
        mark(out, x, x.fClose);
      }
    }
    cachedValue(out, x, value);
  } else if (value === null) {
    out.ascii('/>');
    return true;
  } else if (typeof value === 'string') {
    mark(out, x, PRESERVE.test(value) ? x.inlinePreserve : x.inline);
    out.text(toXmlString(value));
    mark(out, x, x.inlineClose);
  } else {
    typeAttr(out, value);
    out.byte(62);
    cachedValue(out, x, value);
  }
  mark(out, x, x.cClose);
  return true;
}

/** ` t="…"` for a cached value (nothing for a number). */
function typeAttr(out: ByteSink, v: CellValue): void {
  if (v === null) return;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) out.ascii(' t="e"');
  } else if (typeof v === 'boolean') out.ascii(' t="b"');
  else if (isCellError(v)) out.ascii(' t="e"');
  else out.ascii(' t="str"');
}

/** `<v>` of a cached value (nothing for null). */
function cachedValue(out: ByteSink, x: Pieces, v: CellValue): void {
  if (v === null) return;
  mark(out, x, x.vOpen);
  if (typeof v === 'number') {
    if (Number.isFinite(v)) out.number(v);
    else out.ascii('#NUM!');
  } else if (typeof v === 'boolean') out.byte(v ? 49 : 48);
  else if (isCellError(v)) out.text(v.error);
  else out.text(toXmlString(v));
  mark(out, x, x.vClose);
}
