/** The .xlsx package layer: streaming read into grids, and patching write plans into a copy. */
export { readWorkbook, DEFAULT_LIMITS, type ReadOptions, type Workbook, type WorkbookSheet } from './read-workbook';
export { applyPlans, type PatchOptions } from './patch';
export { XlsxError, isXlsxError } from './errors';
export type { DefinedName } from './read-parts';
export type { Crc32, DeflateRaw, DeflateRawPiece } from './zip-write';
export type { InflateRaw } from './zip-read';
