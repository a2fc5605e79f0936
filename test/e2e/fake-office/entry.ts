/**
 * Browser script served in place of Office.js: builds a FakeWorkbook from grids
 * and installs the strict fake's `Excel` and `Office` globals. The test reads
 * the workbook back through `window.__fake`.
 */
import { createFakeOffice, type FakeOffice, type FakeWorkbook } from '../../fake-excel/index';
import type { PlainGrid } from './plain-grid';
import { workbookFrom } from './workbook';

export interface FakeSetup {
  sheets: PlainGrid[];
  displayLanguage: string;
  /** Document settings already saved in the workbook. */
  settings?: Record<string, unknown>;
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
