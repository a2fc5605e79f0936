/** Small readings of ET objects that several parts need, each tolerant of builds that differ. */
import { MARK_STYLE } from '../excel/tool-objects';
import type { EtRange, EtSheet, EtWorkbook } from './et';

/** Visible is -1 (xlSheetVisible) in VBA; some builds give true. */
export function isVisible(ws: EtSheet): boolean {
  const v = ws.Visible;
  return v === -1 || v === true || v === 1;
}

/** Range.Address is a property in some builds and a method (Address(RowAbsolute, …)) in others. */
export function addressOf(range: EtRange): string {
  const a = range.Address;
  const s = typeof a === 'function' ? a.call(range, false, false) : a;
  if (typeof s !== 'string') throw new Error('no address');
  return s;
}

/** All sheets, in order. */
export function sheetList(wb: EtWorkbook): EtSheet[] {
  const out: EtSheet[] = [];
  for (let i = 1; i <= wb.Worksheets.Count; i++) out.push(wb.Worksheets.Item(i));
  return out;
}

export function findSheet(wb: EtWorkbook, name: string): EtSheet {
  const lower = name.toLowerCase();
  const ws = sheetList(wb).find((s) => s.Name.toLowerCase() === lower);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

/** `#F4B084` → VBA's Color, a number in BGR order (RGB(r, g, b) = r + g·256 + b·65536). */
export function bgr(hex: string): number {
  const n = parseInt(hex.replace('#', ''), 16);
  return ((n >> 16) & 0xff) + (n & 0xff00) + ((n & 0xff) << 16);
}

export const MARK_COLORS = {
  error: { fill: bgr(MARK_STYLE.error.fill), border: bgr(MARK_STYLE.error.border) },
  warning: { fill: bgr(MARK_STYLE.warning.fill), border: bgr(MARK_STYLE.warning.border) },
};
