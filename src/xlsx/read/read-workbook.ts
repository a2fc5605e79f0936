/** readWorkbook: an .xlsx package (bytes) to one Grid per worksheet. */
import type { Grid } from '../../core/grid';
import { XlsxError } from '../errors';
import { parseRels, relIs, relsPathFor, resolveTarget, type Rel } from '../package';
import { readBook, readSharedStrings, readStyles, type DefinedName, type StyleInfo } from './read-book-parts';
import { readSheet } from './read-sheet';
import { entryKey, entryText, readZipDirectory, type InflateBudget, type InflateRaw, type ZipDirectory, type ZipEntry } from '../zip';
import type { Crc32 } from '../zip';

export interface ReadOptions {
  /** Most cells (with a value or formula) across all sheets. */
  maxCells?: number;
  /** Most bytes inflated from the parts that are read. */
  maxUncompressedBytes?: number;
  maxSharedStrings?: number;
  /** Called with 0..1 as the sheets are read. */
  onProgress?(fraction: number): void;
  /**
   * Raw inflate for the large parts; defaults to fflate. Node hosts may pass
   * `(d, max) => zlib.inflateRawSync(d, { maxOutputLength: max })`: several times faster.
   */
  inflateRaw?: InflateRaw;
  /**
   * CRC-32 that each part read is checked against; defaults to a portable one. Node
   * hosts may pass `zlib.crc32` (Node ≥ 20.15): several times faster on a large sheet.
   */
  crc32?: Crc32;
  /**
   * Keep each worksheet's inflated XML in the result (WorkbookSheet.xml), so that
   * applyPlans does not inflate it again: faster, at the cost of holding it meanwhile.
   * applyPlans uses it up (the sheet holds none afterwards).
   */
  keepSheetXml?: boolean;
}

export interface WorkbookSheet {
  name: string;
  grid: Grid;
  hidden: boolean;
  /** Part name, e.g. `xl/worksheets/sheet1.xml`. */
  path: string;
  sheetId: string;
  relId: string;
  /** The part's inflated bytes, when ReadOptions.keepSheetXml asked for them. */
  xml?: Uint8Array;
}

export interface Workbook {
  sheets: WorkbookSheet[];
  /** The file counted dates from 1904; serials in the grids are converted to the 1900 system. */
  date1904: boolean;
  definedNames: DefinedName[];
  /** Part name of the workbook part, e.g. `xl/workbook.xml`. */
  bookPath: string;
}

export const DEFAULT_LIMITS = {
  maxCells: 10_000_000,
  maxUncompressedBytes: 512 * 1024 * 1024,
  maxSharedStrings: 5_000_000,
};

export function findEntry(dir: ZipDirectory, part: string): ZipEntry | undefined {
  return dir.byKey.get(entryKey(part));
}

export interface BookLocation {
  bookPath: string;
  book: ZipEntry;
  rels: Rel[];
}

/** The workbook part and its relationships, or a not-a-workbook error. */
export function locateBook(bytes: Uint8Array, dir: ZipDirectory, budget: InflateBudget): BookLocation {
  let bookPath = 'xl/workbook.xml';
  const rootRels = findEntry(dir, '_rels/.rels');
  if (rootRels) {
    const rel = parseRels(entryText(bytes, rootRels, budget)).find((r) => relIs(r, 'officeDocument') && !r.external);
    if (rel) bookPath = resolveTarget('', rel.target);
  }
  const book = findEntry(dir, bookPath);
  if (!book || !/\.xml$/i.test(bookPath)) {
    const what = findEntry(dir, 'xl/workbook.bin')
      ? 'an .xlsb (binary) workbook, which is not supported; save it as .xlsx'
      : findEntry(dir, 'word/document.xml') || findEntry(dir, 'ppt/presentation.xml')
        ? 'a Word or PowerPoint document, not an Excel workbook'
        : 'a zip package without a workbook part';
    throw new XlsxError('not-a-workbook', `The file is ${what}.`);
  }
  const relsEntry = findEntry(dir, relsPathFor(bookPath));
  const rels = relsEntry ? parseRels(entryText(bytes, relsEntry, budget)) : [];
  return { bookPath: book.name.replace(/\\/g, '/').replace(/^\//, ''), book, rels };
}

export function readWorkbook(bytes: Uint8Array, opts: ReadOptions = {}): Workbook {
  const maxCells = opts.maxCells ?? DEFAULT_LIMITS.maxCells;
  const maxBytes = opts.maxUncompressedBytes ?? DEFAULT_LIMITS.maxUncompressedBytes;
  const maxStrings = opts.maxSharedStrings ?? DEFAULT_LIMITS.maxSharedStrings;
  const dir = readZipDirectory(bytes);
  const budget: InflateBudget = { remaining: maxBytes };
  const loc = locateBook(bytes, dir, budget);
  const book = readBook(entryText(bytes, loc.book, budget), loc.bookPath);

  const relById = new Map(loc.rels.map((r) => [r.id, r]));
  const sheetParts: { ref: (typeof book.sheets)[number]; path: string; entry: ZipEntry }[] = [];
  for (const ref of book.sheets) {
    const rel = relById.get(ref.relId);
    if (!rel || !relIs(rel, 'worksheet')) continue; // chart sheets, dialog and macro sheets
    const path = resolveTarget(loc.bookPath, rel.target);
    const entry = findEntry(dir, path);
    if (!entry) throw new XlsxError('unreadable-file', `The worksheet "${ref.name}" is missing from the package (${path}).`);
    sheetParts.push({ ref, path, entry });
  }
  const sstRel = loc.rels.find((r) => relIs(r, 'sharedStrings'));
  const sstEntry = sstRel ? findEntry(dir, resolveTarget(loc.bookPath, sstRel.target)) : undefined;
  const stylesRel = loc.rels.find((r) => relIs(r, 'styles'));
  const stylesEntry = stylesRel ? findEntry(dir, resolveTarget(loc.bookPath, stylesRel.target)) : undefined;

  // Declared sizes first: a zip bomb is refused before anything is inflated.
  let declared = 0;
  let compressed = 0;
  for (const e of [sstEntry, stylesEntry, ...sheetParts.map((s) => s.entry)]) {
    if (!e) continue;
    declared += e.size;
    if (e !== stylesEntry && e !== sstEntry) compressed += e.compressedSize;
  }
  if (declared > budget.remaining) {
    throw new XlsxError('too-large', `The workbook is too large to read (${declared} bytes of XML; the limit is ${maxBytes}).`);
  }

  let done = 0;
  let lastReported = -1;
  const onInput = opts.onProgress
    ? (n: number): void => {
      done += n;
      const f = compressed ? Math.min(1, done / compressed) : 1;
      if (f - lastReported >= 0.01) {
        lastReported = f;
        opts.onProgress?.(f);
      }
    }
    : undefined;

  const sharedStrings = sstEntry ? readSharedStrings(bytes, sstEntry, budget, maxStrings, opts.inflateRaw, opts.crc32) : [];
  const styles: StyleInfo = stylesEntry
    ? readStyles(entryText(bytes, stylesEntry, budget), stylesEntry.name)
    : { xfFormats: [], xfIsDate: [] };
  const cellBudget = { remaining: maxCells };
  const sheets: WorkbookSheet[] = sheetParts.map(({ ref, path, entry }) => {
    const read = readSheet(bytes, entry, ref.name, {
      sharedStrings, styles, date1904: book.date1904, budget, cellBudget, onInput, inflateRaw: opts.inflateRaw, crc32: opts.crc32, keepXml: opts.keepSheetXml,
    });
    const sheet: WorkbookSheet = { name: ref.name, grid: read.grid, hidden: ref.hidden, path, sheetId: ref.sheetId, relId: ref.relId };
    if (read.xml) sheet.xml = read.xml;
    return sheet;
  });
  if (opts.onProgress && lastReported < 1) opts.onProgress(1);
  return { sheets, date1904: book.date1904, definedNames: book.definedNames, bookPath: loc.bookPath };
}
