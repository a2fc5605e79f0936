/** The real workbooks the fuzz tests mutate: the fixtures and the sample ledgers, read once. */
import * as fs from 'fs';
import * as path from 'path';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { readWorkbook, type Workbook } from '../../src/xlsx';

const ROOT = path.resolve(__dirname, '..', '..');

export interface Source {
  name: string;
  /** A plain Uint8Array copy, as the command hands the reader (not a Node Buffer). */
  bytes: Uint8Array;
  workbook: Workbook;
  /** Part name of the first visible sheet, the ledger in every source. */
  sheetPath: string;
}

export function sourceFiles(): string[] {
  const fixtures = path.join(ROOT, 'test', 'fixtures', 'xlsx');
  const examples = path.join(ROOT, 'examples');
  const list = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.xlsx')).sort().map((f) => path.join(dir, f));
  return [...list(fixtures), ...list(examples)];
}

let cache: Source[] | null = null;

export function sources(): Source[] {
  cache ??= sourceFiles().map((file) => {
    const bytes = new Uint8Array(fs.readFileSync(file));
    const workbook = readWorkbook(bytes);
    const sheet = workbook.sheets.find((s) => !s.hidden) ?? workbook.sheets[0];
    return { name: path.basename(file), bytes, workbook, sheetPath: sheet.path };
  });
  return cache;
}

/** Every part of a package, inflated. */
export function parts(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

export function partText(bytes: Uint8Array, name: string): string {
  const p = parts(bytes)[name];
  if (!p) throw new Error(`no part ${name}`);
  return strFromU8(p);
}

/** The package with one part's text replaced, re-zipped. */
export function withPart(bytes: Uint8Array, name: string, text: string | Uint8Array): Uint8Array {
  const all: Zippable = { ...parts(bytes) };
  all[name] = typeof text === 'string' ? strToU8(text) : text;
  return zipSync(all);
}
