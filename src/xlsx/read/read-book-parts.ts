/** Readers of the workbook-level parts: workbook.xml, sharedStrings.xml, styles.xml. */
import { isDateFormat } from '../../core/grid';
import { XlsxError } from '../errors';
import { BUILTIN_NUM_FMTS } from '../package';
import { parseText, scanEntry } from '../xml';
import { decodeXString, getAttr, unescapeXml } from '../xml';
import type { InflateBudget, InflateRaw, ZipEntry } from '../zip';
import type { Crc32 } from '../zip';

export interface DefinedName {
  name: string;
  formula: string;
  /** 0-based index of the sheet the name is local to. */
  localSheetId?: number;
  hidden: boolean;
}

export interface BookSheetRef {
  name: string;
  sheetId: string;
  relId: string;
  hidden: boolean;
}

export interface BookInfo {
  sheets: BookSheetRef[];
  date1904: boolean;
  definedNames: DefinedName[];
}

function truthy(v: string | undefined): boolean {
  return v === '1' || v === 'true';
}

export function readBook(xml: string, part: string): BookInfo {
  const info: BookInfo = { sheets: [], date1904: false, definedNames: [] };
  let name: DefinedName | null = null;
  parseText(xml, part, {
    open(local, a) {
      if (local === 'sheet') {
        let relId = '';
        for (const k in a) if (k === 'r:id' || k.endsWith(':id')) relId = a[k];
        info.sheets.push({
          name: a.name ?? '', sheetId: a.sheetId ?? '', relId,
          hidden: a.state === 'hidden' || a.state === 'veryHidden',
        });
      } else if (local === 'workbookPr') {
        info.date1904 = truthy(a.date1904);
      } else if (local === 'definedName') {
        name = { name: a.name ?? '', formula: '', hidden: truthy(a.hidden) };
        if (a.localSheetId !== undefined) name.localSheetId = Number(a.localSheetId);
      }
    },
    close(local) {
      if (local === 'definedName' && name) {
        info.definedNames.push(name);
        name = null;
      }
    },
    text(t) {
      if (name) name.formula += t;
    },
  });
  return info;
}

/** Shared strings: plain and rich runs concatenated, phonetic runs (<rPh>) left out. */
export function readSharedStrings(
  bytes: Uint8Array, entry: ZipEntry, budget: InflateBudget, max: number, inflateRaw?: InflateRaw, crc?: Crc32,
): string[] {
  const out: string[] = [];
  let inSi = false;
  let phonetic = 0;
  let inT = false;
  let cur = '';
  scanEntry(bytes, entry, budget, {
    open(local, s, _start, nameEnd, end) {
      if (local === 'si') {
        inSi = true;
        cur = '';
      } else if (local === 't') inT = inSi && phonetic === 0;
      else if (local === 'rPh') phonetic++;
      else if (local === 'sst') {
        const tag = s.slice(nameEnd, end);
        const declared = Number(getAttr(' ' + tag, 'uniqueCount') ?? getAttr(' ' + tag, 'count') ?? 0);
        if (declared > max) throw tooManyStrings(max);
      }
    },
    close(local) {
      if (local === 'si') {
        if (out.length >= max) throw tooManyStrings(max);
        out.push(decodeXString(unescapeXml(cur)));
        inSi = false;
      } else if (local === 't') inT = false;
      else if (local === 'rPh') phonetic--;
    },
    text(s, start, end) {
      if (inT) cur += s.slice(start, end);
    },
  }, undefined, inflateRaw, false, crc);
  return out;
}

function tooManyStrings(max: number): XlsxError {
  return new XlsxError('too-large', `The workbook has more than ${max} shared strings.`);
}

export interface StyleInfo {
  /** Number format of each cell style (cellXfs index); undefined = General. */
  xfFormats: (string | undefined)[];
  /** True where that format shows a date. */
  xfIsDate: boolean[];
}

export function readStyles(xml: string, part: string): StyleInfo {
  const custom = new Map<number, string>();
  const xfIds: number[] = [];
  let inCellXfs = false;
  parseText(xml, part, {
    open(local, a) {
      if (local === 'numFmt') custom.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (local === 'cellXfs') inCellXfs = true;
      else if (local === 'xf' && inCellXfs) xfIds.push(Number(a.numFmtId ?? 0));
    },
    close(local) {
      if (local === 'cellXfs') inCellXfs = false;
    },
    text() {},
  });
  const xfFormats = xfIds.map((id) => {
    const f = custom.get(id) ?? BUILTIN_NUM_FMTS[id];
    return f === undefined || f === 'General' ? undefined : f;
  });
  return { xfFormats, xfIsDate: xfFormats.map((f) => isDateFormat(f)) };
}
