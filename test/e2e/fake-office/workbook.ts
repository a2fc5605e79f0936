/** A fake workbook (test/fake-excel) holding plain grids, for the browser fakes of Excel and WPS. */
import { FakeWorkbook } from '../../fake-excel/index';
import { gridFromPlain, type PlainGrid } from './plain-grid';

function addr(r: number, c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `${s}${r + 1}`;
}

/** The grids as sheets of a fake workbook: values, number formats, merges, hidden rows. */
export function workbookFrom(sheets: PlainGrid[]): FakeWorkbook {
  const wb = new FakeWorkbook();
  for (const plain of sheets) {
    const grid = gridFromPlain(plain);
    const sheet = wb.addSheet(grid.name);
    grid.values.forEach((row, r) => {
      row?.forEach((v, c) => {
        if (v === null || v === undefined || v === '') return;
        sheet.cellFor(r, c).value = v;
      });
    });
    for (const [r, c, fmt] of plain.numFmts) sheet.cellFor(r, c).numFmt = fmt;
    for (const m of grid.merges ?? []) sheet.merge(`${addr(m.r0, m.c0)}:${addr(m.r1, m.c1)}`);
    for (const r of grid.hiddenRows ?? []) sheet.hideRows(r);
  }
  return wb;
}

