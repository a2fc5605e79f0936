/**
 * Browser script run before the WPS pane's own scripts: builds a workbook from grids
 * and installs the strict fake of WPS's ET object model as the `wps` and
 * `Application` globals the add-in's pages see inside WPS 表格. The test reads the
 * workbook back through `window.__fakeWps`.
 */
import type { FakeWorkbook } from '../../fake-excel/index';
import { FakeEt } from '../../fake-wps/index';
import { workbookFrom } from '../fake-office/workbook';
import type { PlainGrid } from '../fake-office/plain-grid';

export interface FakeWpsSetup {
  sheets: PlainGrid[];
  /** Block reads come back as wrappers, as on some WPS builds. */
  wrapBlocks?: boolean;
}

export interface FakeWpsHandle {
  et: FakeEt;
  wb: FakeWorkbook;
}

declare global {
  interface Window {
    __fakeWpsSetup(setup: FakeWpsSetup): void;
    __fakeWps: FakeWpsHandle;
  }
}

window.__fakeWpsSetup = (setup: FakeWpsSetup) => {
  const wb = workbookFrom(setup.sheets);
  const et = new FakeEt(wb, { wrapBlocks: setup.wrapBlocks });
  et.install(window as unknown as Record<string, unknown>);
  window.__fakeWps = { et, wb };
};
