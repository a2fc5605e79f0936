/** The two .xlsx readers side by side: the command's (Node's zlib, rows read from the bytes) and the portable one the web page uses. */
import { NODE_CODECS } from '../../src/cli/commands';
import { XlsxError } from '../../src/xlsx/errors';
import { readWorkbook, type ReadOptions, type Workbook } from '../../src/xlsx';

/** The command's reading codecs, as `ledger check` passes them. */
export const NODE_READ: ReadOptions = { inflateRaw: NODE_CODECS.inflateRaw, crc32: NODE_CODECS.crc32 };

export const READERS: [string, ReadOptions][] = [['the command\'s reader', NODE_READ], ['the portable reader', {}]];

/** The workbook, or the code of the XlsxError that refused it. */
export function readOrCode(bytes: Uint8Array, opts: ReadOptions): Workbook | string {
  try {
    return readWorkbook(bytes, opts);
  } catch (e) {
    if (e instanceof XlsxError) return e.code;
    throw e;
  }
}
