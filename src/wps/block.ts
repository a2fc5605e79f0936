/**
 * What a block read gives back, made plain. WPS returns a range's Value2 or Formula
 * as a JS array of row arrays on current builds, but other WPS add-in authors report
 * wrappers on some versions (a SAFEARRAY-like object with toArray(), or array-likes
 * with `length` and numeric keys), and a single cell comes back as a bare value.
 * Errors come back as their text (#DIV/0!) or as the VBA error codes.
 */
import type { CellValue } from '../core/grid';

function plainList(v: unknown): unknown[] | null {
  if (Array.isArray(v)) return v;
  if (v && typeof v === 'object') {
    const o = v as { toArray?: () => unknown; length?: unknown };
    if (typeof o.toArray === 'function') {
      const a = o.toArray();
      return Array.isArray(a) ? a : null;
    }
    if (typeof o.length === 'number' && o.length >= 0) return Array.from(o as ArrayLike<unknown>);
  }
  return null;
}

/** A block read as rows × cols; a flat list (what VBArray.toArray gives) is cut into rows. */
export function toRows(v: unknown, rows: number, cols: number): unknown[][] {
  const list = plainList(v);
  if (!list) return rows * cols === 1 ? [[v]] : Array.from({ length: rows }, () => new Array<unknown>(cols).fill(v));
  if (list.length === rows * cols && rows > 1 && list.every((x) => plainList(x) === null)) {
    const out: unknown[][] = [];
    // VBArray.toArray lists column by column (Fortran order, as SAFEARRAYs are stored).
    for (let i = 0; i < rows; i++) {
      const row: unknown[] = [];
      for (let j = 0; j < cols; j++) row.push(list[j * rows + i]);
      out.push(row);
    }
    return out;
  }
  if (rows === 1 && list.every((x) => plainList(x) === null)) return [list];
  return list.map((row) => plainList(row) ?? [row]);
}

const ERROR_TEXTS = ['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#SPILL!', '#CALC!', '#GETTING_DATA'];
/** VBA's CVErr values as WPS may pass them (HRESULT form). */
const ERROR_CODES = new Map<number, string>([
  [-2146826288, '#NULL!'], [-2146826281, '#DIV/0!'], [-2146826273, '#VALUE!'], [-2146826265, '#REF!'],
  [-2146826259, '#NAME?'], [-2146826252, '#NUM!'], [-2146826246, '#N/A'],
]);

/** One entry of Value2 as a grid value; undefined for an empty cell. */
export function cellOf(v: unknown): CellValue | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v === 'number') {
    const err = ERROR_CODES.get(v);
    return err ? { error: err } : Number.isFinite(v) ? v : undefined;
  }
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') return ERROR_TEXTS.includes(v) ? { error: v } : v;
  if (v instanceof Date) return String(v);
  return String(v);
}
