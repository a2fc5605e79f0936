/** The XML of one written cell: formula with its cached value, or a value (inline string). */
import { colLetter, isCellError, isDateFormat, type CellValue } from '../core/grid';
import type { PlanCell } from '../core/types';
import type { ByteSink } from './byte-sink';
import { DATE1904_OFFSET } from './dates';
import { toXmlString } from './xml-text';

/** Column letters, cached: every written cell needs its address. */
const LETTERS: string[] = [];
function letters(c: number): string {
  return (LETTERS[c] ??= colLetter(c));
}

const PRESERVE = /^\s|\s$|\n/;

/**
 * Writes `<c>` for a plan cell with cell style `s`; nothing when there is nothing to
 * write (no value, no formula, default style). In a 1904 workbook, date serials are
 * moved back to that system. With `si` ≥ 0 the formula is a shared one: written with
 * its range `ref` in the master cell, by its si alone in the others. Returns false
 * when nothing was written.
 */
export function writePlanCell(out: ByteSink, prefix: string, cell: PlanCell, s: number, date1904: boolean, si = -1, ref: string | null = null): boolean {
  let value = cell.value;
  if (date1904 && typeof value === 'number' && isDateFormat(cell.numFmt)) value -= DATE1904_OFFSET;
  const formula = cell.formula !== undefined && cell.formula !== '' ? cell.formula : null;
  if (formula === null && value === null && !s) return false;
  out.byte(60); // <
  out.raw(prefix);
  out.ascii('c r="');
  out.ascii(letters(cell.c));
  out.number(cell.r + 1);
  out.byte(34);
  if (s) {
    out.ascii(' s="');
    out.number(s);
    out.byte(34);
  }
  if (formula !== null) {
    typeAttr(out, value);
    out.byte(62);
    if (si < 0) element(out, prefix, 'f', formula.charCodeAt(0) === 61 ? formula.slice(1) : formula);
    else sharedFormula(out, prefix, si, ref, formula);
    cachedValue(out, prefix, value);
  } else if (value === null) {
    out.ascii('/>');
    return true;
  } else if (typeof value === 'string') {
    out.ascii(' t="inlineStr"><');
    out.raw(prefix);
    out.ascii('is><');
    out.raw(prefix);
    out.ascii(PRESERVE.test(value) ? 't xml:space="preserve">' : 't>');
    out.text(toXmlString(value));
    out.ascii('</');
    out.raw(prefix);
    out.ascii('t></');
    out.raw(prefix);
    out.ascii('is>');
  } else {
    typeAttr(out, value);
    out.byte(62);
    cachedValue(out, prefix, value);
  }
  out.ascii('</');
  out.raw(prefix);
  out.ascii('c>');
  return true;
}

function sharedFormula(out: ByteSink, prefix: string, si: number, ref: string | null, formula: string): void {
  out.byte(60);
  out.raw(prefix);
  out.ascii('f t="shared"');
  if (ref !== null) {
    out.ascii(' ref="');
    out.ascii(ref);
    out.byte(34);
  }
  out.ascii(' si="');
  out.number(si);
  if (ref === null) {
    out.ascii('"/>');
    return;
  }
  out.ascii('">');
  out.text(formula.charCodeAt(0) === 61 ? formula.slice(1) : formula);
  close(out, prefix, 'f');
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
function cachedValue(out: ByteSink, prefix: string, v: CellValue): void {
  if (v === null) return;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) element(out, prefix, 'v', '#NUM!');
    else {
      open(out, prefix, 'v');
      out.number(v);
      close(out, prefix, 'v');
    }
  } else if (typeof v === 'boolean') element(out, prefix, 'v', v ? '1' : '0');
  else if (isCellError(v)) element(out, prefix, 'v', v.error);
  else element(out, prefix, 'v', toXmlString(v));
}

function open(out: ByteSink, prefix: string, name: string): void {
  out.byte(60);
  out.raw(prefix);
  out.ascii(name);
  out.byte(62);
}

function close(out: ByteSink, prefix: string, name: string): void {
  out.ascii('</');
  out.raw(prefix);
  out.ascii(name);
  out.byte(62);
}

function element(out: ByteSink, prefix: string, name: string, text: string): void {
  open(out, prefix, name);
  out.text(text);
  close(out, prefix, name);
}
