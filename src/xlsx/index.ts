/**
 * The .xlsx package layer: streaming read into grids, patching write plans into a copy, and
 * one workbook checked end to end. Code outside src/xlsx imports from here only.
 */
export { readWorkbook, DEFAULT_LIMITS, type ReadOptions, type Workbook, type WorkbookSheet } from './read';
export { applyPlans, type PatchOptions } from './patch';
export { XlsxError, isXlsxError } from './errors';
export type { DefinedName } from './read';
export { gridWorkbook } from './write';
export { checkReadWorkbook, checkWorkbook, NoLedgerError, type CheckedWorkbook } from './check-workbook';
export { entryText, portableInflateRaw, readZipDirectory } from './zip';
export type { Crc32, DeflateRaw, DeflateRawPiece, InflateRaw, PieceDeflater } from './zip';
export { unescapeXml } from './xml';
/** For the other package writers (src/docx): the zip writer and the XML escapes. */
export { writeZip, type Codecs, type OutEntry } from './zip';
export { escapeAttr, escapeText } from './xml';
/** `ledger template`: the ledger template as a new workbook. */
export { templateWorkbook } from './write';
