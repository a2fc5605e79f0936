/** Reading an .xlsx package: the entry point hosts import. */
export { readWorkbook, DEFAULT_LIMITS, type ReadOptions, type Workbook, type WorkbookSheet } from './read-workbook';
export { XlsxError, isXlsxError } from './errors';
export type { DefinedName } from './read-parts';
