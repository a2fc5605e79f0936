/** Fixture workbooks with their sheet XML edited, and the two readers side by side. */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { XlsxError } from '../../src/xlsx/errors';
import { readWorkbook, type ReadOptions, type Workbook } from '../../src/xlsx/read-workbook';
import { BAD_DIR } from './helpers';

/** The ledger sheet of the corpus's workbooks. */
export const SHEET = 'xl/worksheets/sheet1.xml';

export const fixtureBytes = (file: string): Uint8Array => new Uint8Array(fs.readFileSync(path.join(BAD_DIR, file)));

/** A corpus workbook (ok-ledger.xlsx unless named: F4 holds 300) with its sheet XML edited; an edit that changes nothing throws. */
export function withSheet(edit: (xml: string) => string, file = 'ok-ledger.xlsx'): Uint8Array {
  const all = unzipSync(fixtureBytes(file));
  const xml = strFromU8(all[SHEET]);
  const edited = edit(xml);
  if (edited === xml) throw new Error('the edit changed nothing');
  return zipSync({ ...all, [SHEET]: strToU8(edited) });
}

/** The command's reader: parts inflated whole by Node's zlib, rows read from the bytes. */
export const NODE_READ: ReadOptions = {
  inflateRaw: (d, max) => new Uint8Array(zlib.inflateRawSync(d, { maxOutputLength: max })),
  crc32: zlib.crc32,
};

/** Both readers: the command's and the portable one the web page uses (fflate, the tokenizer throughout). */
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
