/**
 * A new workbook of one sheet from a grid (the city merge's 全市台账): values, formulas with
 * their cached values, column widths. Minimal parts only; the checked copy is then made from
 * these bytes by the patch stage like any other workbook's.
 */
import { cellKey, colLetter, isCellError, type CellValue, type Grid } from '../../core/grid';
import { escapeAttr, escapeText, toXmlString } from '../xml';
import { writeZip, type Codecs } from '../zip';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

const CONTENT_TYPES = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
  + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
  + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
  + '<Default Extension="xml" ContentType="application/xml"/>'
  + '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
  + '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
  + '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
  + '</Types>';

const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}">`
  + `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}">`
  + `<Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>`
  + `<Relationship Id="rId2" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`;

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS}">`
  + '<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts>'
  + '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
  + '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
  + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
  + '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>'
  + '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
  + '</styleSheet>';

function workbookXml(sheet: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS}" xmlns:r="${REL_NS}">`
    + `<sheets><sheet name="${escapeAttr(sheet)}" sheetId="1" r:id="rId1"/></sheets></workbook>`;
}

function cachedValue(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? `<v>${v}</v>` : '<v>#NUM!</v>';
  if (typeof v === 'boolean') return `<v>${v ? 1 : 0}</v>`;
  if (isCellError(v)) return `<v>${escapeText(v.error)}</v>`;
  return `<v>${escapeText(toXmlString(v))}</v>`;
}

function typeOf(v: CellValue): string {
  if (v === null || typeof v === 'number') return typeof v === 'number' && !Number.isFinite(v) ? ' t="e"' : '';
  if (typeof v === 'boolean') return ' t="b"';
  if (isCellError(v)) return ' t="e"';
  return ' t="str"';
}

function cellXml(ref: string, v: CellValue, formula: string | undefined): string {
  if (formula !== undefined) return `<c r="${ref}"${typeOf(v)}><f>${escapeText(formula)}</f>${cachedValue(v)}</c>`;
  if (v === null) return '';
  if (typeof v === 'string') return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeText(toXmlString(v))}</t></is></c>`;
  return `<c r="${ref}"${typeOf(v)}>${cachedValue(v)}</c>`;
}

/** The sheet part of a grid; `widths` in characters per column. */
export function gridSheetXml(grid: Grid, widths: number[] = []): string {
  const parts: string[] = [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}">`];
  if (widths.length) {
    parts.push('<cols>');
    widths.forEach((w, c) => parts.push(`<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`));
    parts.push('</cols>');
  }
  parts.push('<sheetData>');
  grid.values.forEach((row, r) => {
    if (!row) return;
    const cells: string[] = [];
    const width = Math.max(row.length, ...[...(grid.formulas?.keys() ?? [])].filter((k) => Math.floor(k / 16384) === r).map((k) => (k % 16384) + 1));
    for (let c = 0; c < width; c++) {
      const v = row[c];
      cells.push(cellXml(colLetter(c) + String(r + 1), v === undefined ? null : v, grid.formulas?.get(cellKey(r, c))));
    }
    const body = cells.join('');
    if (body) parts.push(`<row r="${r + 1}">${body}</row>`);
  });
  parts.push('</sheetData></worksheet>');
  return parts.join('');
}

/** The .xlsx bytes of a one-sheet workbook holding `grid`. */
export function gridWorkbook(grid: Grid, widths: number[] = [], codecs: Codecs = {}): Uint8Array {
  const enc = new TextEncoder();
  const part = (name: string, text: string) => ({ kind: 'new' as const, name, data: [enc.encode(text)] });
  return writeZip(new Uint8Array(0), [
    part('[Content_Types].xml', CONTENT_TYPES),
    part('_rels/.rels', ROOT_RELS),
    part('xl/workbook.xml', workbookXml(grid.name)),
    part('xl/_rels/workbook.xml.rels', WORKBOOK_RELS),
    part('xl/styles.xml', STYLES),
    part('xl/worksheets/sheet1.xml', gridSheetXml(grid, widths)),
  ], codecs);
}
