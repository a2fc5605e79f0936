/** The XML of one written cell: formula with its cached value, or a value (inline string). */
import { colLetter, isCellError, isDateFormat, type CellValue } from '../core/grid';
import type { PlanCell } from '../core/types';
import { DATE1904_OFFSET } from './dates';
import { escapeText, toXmlString } from './xml-text';

function numberText(n: number): string {
  return String(n);
}

/** Column letters, cached: every written cell needs its address. */
const LETTERS: string[] = [];
function toA1(r: number, c: number): string {
  return (LETTERS[c] ??= colLetter(c)) + (r + 1);
}

function textElement(prefix: string, s: string): string {
  const t = escapeText(toXmlString(s));
  const preserve = /^\s|\s$|\n/.test(s) ? ' xml:space="preserve"' : '';
  return `<${prefix}t${preserve}>${t}</${prefix}t>`;
}

/** Type attribute and <v> for a cached formula result. */
function cached(prefix: string, v: CellValue): { t: string; v: string } {
  if (v === null) return { t: '', v: '' };
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { t: ' t="e"', v: `<${prefix}v>#NUM!</${prefix}v>` };
    return { t: '', v: `<${prefix}v>${numberText(v)}</${prefix}v>` };
  }
  if (typeof v === 'boolean') return { t: ' t="b"', v: `<${prefix}v>${v ? 1 : 0}</${prefix}v>` };
  if (isCellError(v)) return { t: ' t="e"', v: `<${prefix}v>${escapeText(v.error)}</${prefix}v>` };
  return { t: ' t="str"', v: `<${prefix}v>${escapeText(toXmlString(v))}</${prefix}v>` };
}

/**
 * `<c>` for a plan cell at (r, c) with cell style `s`; '' when there is nothing to
 * write (no value, no formula, default style). In a 1904 workbook, date serials are
 * moved back to that system.
 */
export function planCellXml(prefix: string, cell: PlanCell, s: number, date1904: boolean): string {
  const ref = toA1(cell.r, cell.c);
  const sAttr = s ? ` s="${s}"` : '';
  let value = cell.value;
  if (date1904 && typeof value === 'number' && isDateFormat(cell.numFmt)) value -= DATE1904_OFFSET;
  if (cell.formula !== undefined && cell.formula !== '') {
    const f = cell.formula.startsWith('=') ? cell.formula.slice(1) : cell.formula;
    const { t, v } = cached(prefix, value);
    return `<${prefix}c r="${ref}"${sAttr}${t}><${prefix}f>${escapeText(f)}</${prefix}f>${v}</${prefix}c>`;
  }
  if (value === null) return s ? `<${prefix}c r="${ref}"${sAttr}/>` : '';
  if (typeof value === 'string') {
    return `<${prefix}c r="${ref}"${sAttr} t="inlineStr"><${prefix}is>${textElement(prefix, value)}</${prefix}is></${prefix}c>`;
  }
  const { t, v } = cached(prefix, value);
  return `<${prefix}c r="${ref}"${sAttr}${t}>${v}</${prefix}c>`;
}
