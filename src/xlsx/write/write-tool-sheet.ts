/** A sheet the tool owns (汇总, 问题清单), written whole from its PlanSheet. */
import { toA1 } from '../../core/grid';
import type { PlanCell, PlanSheet } from '../../core/types';
import { ByteSink } from '../xml';
import { writePlanCell } from './cell-xml';
import { NS_MAIN, NS_REL } from '../package';
import { escapeAttr } from '../xml';

/**
 * The one thing a written sheet asks of the styles part: the cellXfs index of a number format,
 * bold or not. patch/'s StylesPatch answers it; write/ names only the shape so that it stays
 * below patch/ in the stage order (ARCHITECTURE.md).
 */
export interface CellStyles {
  cellXf(base: number, numFmt: string, bold: boolean): number;
}

/** `drawingRelId`: the sheet's relationship to the drawing of its charts, when it has charts. */
export function toolSheetXml(sheet: PlanSheet, styles: CellStyles, date1904: boolean, drawingRelId?: string): Uint8Array[] {
  const rows = new Map<number, PlanCell[]>();
  let r0 = Infinity, c0 = Infinity, r1 = -1, c1 = -1;
  for (const cell of sheet.cells) {
    if (!rows.has(cell.r)) rows.set(cell.r, []);
    rows.get(cell.r)!.push(cell);
    r0 = Math.min(r0, cell.r);
    c0 = Math.min(c0, cell.c);
    r1 = Math.max(r1, cell.r);
    c1 = Math.max(c1, cell.c);
  }
  const dim = r1 < 0 ? 'A1' : r0 === r1 && c0 === c1 ? toA1(r0, c0) : `${toA1(r0, c0)}:${toA1(r1, c1)}`;
  const widths = Object.entries(sheet.widths ?? {})
    .map(([c, w]) => [Number(c), w] as const)
    .filter(([c, w]) => Number.isInteger(c) && c >= 0 && w > 0)
    .sort((a, b) => a[0] - b[0]);
  const cols = widths.length
    ? `<cols>${widths.map(([c, w]) => `<col min="${c + 1}" max="${c + 1}" width="${Math.min(255, w)}" customWidth="1"/>`).join('')}</cols>`
    : '';
  const links = sheet.cells.filter((c) => c.link)
    .map((c) => `<hyperlink ref="${toA1(c.r, c.c)}" location="${escapeAttr(c.link!.replace(/^#/, ''))}"/>`);

  const out = new ByteSink(sheet.cells.length * 64 + 4096);
  out.raw(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    `<dimension ref="${dim}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>`);
  for (const r of [...rows.keys()].sort((a, b) => a - b)) {
    const start = out.length;
    out.ascii('<row r="');
    out.number(r + 1);
    out.ascii('">');
    const cellsAt = out.length;
    for (const c of rows.get(r)!.sort((a, b) => a.c - b.c)) {
      writePlanCell(out, '', c, styles.cellXf(0, c.numFmt ?? 'General', c.bold === true), date1904);
    }
    if (out.length === cellsAt) out.truncate(start);
    else out.ascii('</row>');
  }
  out.raw('</sheetData>' + (links.length ? `<hyperlinks>${links.join('')}</hyperlinks>` : '') +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    (drawingRelId ? `<drawing r:id="${escapeAttr(drawingRelId)}"/>` : '') + '</worksheet>');
  return out.finish();
}
