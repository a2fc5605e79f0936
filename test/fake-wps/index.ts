/** A strict fake of WPS's spreadsheet object model (ET) over the Excel fake's workbook. */
export { FakeEt, FakeEtSheet, type FakeEtOptions } from './et';
export { EtError, FakeRange, hexOf } from './range';
