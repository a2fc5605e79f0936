/** Reading an .xlsx package into grids: the workbook part, shared strings, styles, dates, and each worksheet's cells. */
export { readWorkbook, DEFAULT_LIMITS, findEntry, locateBook, type ReadOptions, type Workbook, type WorkbookSheet } from './read-workbook';
export { XlsxError, isXlsxError } from '../errors';
export { readBook, type BookInfo, type DefinedName } from './read-book-parts';
