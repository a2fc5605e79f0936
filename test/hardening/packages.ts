/** Corpus workbooks with their sheet XML edited. */
import * as fs from 'fs';
import * as path from 'path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
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
