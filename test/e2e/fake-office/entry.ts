/**
 * Browser script served in place of Office.js: builds a FakeWorkbook from grids
 * and installs the strict fake's `Excel` and `Office` globals. The test reads
 * the workbook back through `window.__fake`.
 */
import { createFakeOffice, FakeWorkbook, type FakeOffice } from '../../fake-excel/index';
import { gridFromPlain, type PlainGrid } from './plain-grid';

export interface FakeSetup {
  sheets: PlainGrid[];
  displayLanguage: string;
  /** Document settings already saved in the workbook. */
  settings?: Record<string, unknown>;
}

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

export interface FakeHandle {
  office: FakeOffice;
  wb: FakeWorkbook;
}

declare global {
  interface Window {
    __fakeExcelSetup(setup: FakeSetup): void;
    __fake: FakeHandle;
  }
}

window.__fakeExcelSetup = (setup: FakeSetup) => {
  const wb = workbookFrom(setup.sheets);
  for (const [k, v] of Object.entries(setup.settings ?? {})) wb.settings.set(k, v);
  const office = createFakeOffice(wb, { displayLanguage: setup.displayLanguage }).install();
  window.__fake = { office, wb };
};
