/**
 * The .xlsx readers side by side: the command's (Node's zlib, rows read from the bytes), the
 * web page's (fflate inflating each part whole, rows read from the bytes) and the portable
 * streaming one (fflate feeding the tokenizer).
 */
import { NODE_CODECS } from '../../src/cli/commands';
import { XlsxError } from '../../src/xlsx/errors';
import { portableInflateRaw, readWorkbook, type ReadOptions, type Workbook } from '../../src/xlsx';

/** The command's reading codecs, as `ledger check` passes them. */
export const NODE_READ: ReadOptions = { inflateRaw: NODE_CODECS.inflateRaw, crc32: NODE_CODECS.crc32 };

/** The web page's reading codec, as its check service passes it. */
export const WEB_READ: ReadOptions = { inflateRaw: portableInflateRaw };

export const READERS: [string, ReadOptions][] = [
  ['the command\'s reader', NODE_READ], ['the web page\'s reader', WEB_READ], ['the streaming portable reader', {}],
];

/** The workbook, or the code of the XlsxError that refused it. */
export function readOrCode(bytes: Uint8Array, opts: ReadOptions): Workbook | string {
  try {
    return readWorkbook(bytes, opts);
  } catch (e) {
    if (e instanceof XlsxError) return e.code;
    throw e;
  }
}
