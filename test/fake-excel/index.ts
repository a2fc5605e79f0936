/**
 * A strict fake of the parts of the Excel JavaScript API the adapter uses.
 * Properties throw PropertyNotLoaded until loaded and synced, writes apply at
 * sync, syncs are counted and their payloads measured against Excel on the web's
 * 5 MB limit. No Node APIs: it bundles for a browser page as it is.
 */
export { addressOf, parseRect, rectA1, type Rect } from './a1';
export { dateSerial, interpretInput } from './cell-input';
export { FakeHost, utf8Length, jsonBytes, type FakeHostOptions, type SyncStat } from './context';
export { FakeOfficeError } from './errors';
export { createFakeOffice, installFakeOffice, FakeDocumentSettings, FakeRequestContext, type FakeOffice } from './install';
export { FakeSheet, FakeWorkbook, type FakeCell, type FakeValue, type WorkbookSnapshot } from './model';
export { sheetValidations, type FakeValidation } from './validation';
