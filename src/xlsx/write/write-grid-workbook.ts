/**
 * A new workbook of one sheet from a grid (the city merge's 全市台账): values, formulas with
 * their cached values, column widths, number formats (dates, amounts) and bold rows. Minimal parts only; the checked copy is then made from
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

/** How a grid's cells look: widths in characters per column, rows written bold (小计, 合计). */
export interface GridLayout {
  widths?: number[];
  boldRows?: ReadonlySet<number>;
}

/** Excel's own number formats, which need no <numFmt> entry. */
const BUILTIN: Record<string, number> = { '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10 };

/**
 * The cell styles a grid needs: one xf per (number format, bold) pair in use, the default
 * first. `styleOf` gives a cell's xf index (0 = default).
 */
class GridStyles {
  private readonly xfs: { fmt: number; bold: boolean }[] = [{ fmt: 0, bold: false }];
  private readonly byKey = new Map<string, number>([['0|0', 0]]);
  private readonly custom = new Map<string, number>();

  styleOf(fmt: string | undefined, bold: boolean): number {
    const id = fmt === undefined ? 0 : (BUILTIN[fmt] ?? this.customId(fmt));
    const key = `${id}|${bold ? 1 : 0}`;
    let at = this.byKey.get(key);
    if (at === undefined) {
      at = this.xfs.length;
      this.xfs.push({ fmt: id, bold });
      this.byKey.set(key, at);
    }
    return at;
  }

  private customId(fmt: string): number {
    let id = this.custom.get(fmt);
    if (id === undefined) {
      // Ids from 164 up are the workbook's own formats.
      id = 164 + this.custom.size;
      this.custom.set(fmt, id);
    }
    return id;
  }

  xml(): string {
    const fmts = [...this.custom].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    const xfs = this.xfs.map((x) => `<xf numFmtId="${x.fmt}" fontId="${x.bold ? 1 : 0}" fillId="0" borderId="0" xfId="0"`
      + `${x.fmt ? ' applyNumberFormat="1"' : ''}${x.bold ? ' applyFont="1"' : ''}/>`);
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS}">`
      + (fmts.length ? `<numFmts count="${fmts.length}">${fmts.join('')}</numFmts>` : '')
      + '<fonts count="2"><font><sz val="11"/><name val="宋体"/></font><font><b/><sz val="11"/><name val="宋体"/></font></fonts>'
      + '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
      + '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
      + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
      + `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs>`
      + '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
      + '</styleSheet>';
  }
}

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

function cellXml(ref: string, v: CellValue, formula: string | undefined, style: number): string {
  const s = style ? ` s="${style}"` : '';
  if (formula !== undefined) return `<c r="${ref}"${s}${typeOf(v)}><f>${escapeText(formula)}</f>${cachedValue(v)}</c>`;
  if (v === null) return style ? `<c r="${ref}"${s}/>` : '';
  if (typeof v === 'string') return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeText(toXmlString(v))}</t></is></c>`;
  return `<c r="${ref}"${s}${typeOf(v)}>${cachedValue(v)}</c>`;
}

/** The sheet part of a grid, its cells styled through `styles`: formats from `grid.numFmts`. */
export function gridSheetXml(grid: Grid, layout: GridLayout = {}, styles: GridStyles = new GridStyles()): string {
  const widths = layout.widths ?? [];
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
      const key = cellKey(r, c);
      const style = styles.styleOf(grid.numFmts?.get(key), layout.boldRows?.has(r) ?? false);
      cells.push(cellXml(colLetter(c) + String(r + 1), v === undefined ? null : v, grid.formulas?.get(key), style));
    }
    const body = cells.join('');
    if (body) parts.push(`<row r="${r + 1}">${body}</row>`);
  });
  parts.push('</sheetData></worksheet>');
  return parts.join('');
}

/** The .xlsx bytes of a one-sheet workbook holding `grid`. */
export function gridWorkbook(grid: Grid, layout: GridLayout = {}, codecs: Codecs = {}): Uint8Array {
  const enc = new TextEncoder();
  const styles = new GridStyles();
  // The sheet first: it tells the styles which formats are in use.
  const sheet = gridSheetXml(grid, layout, styles);
  const part = (name: string, text: string) => ({ kind: 'new' as const, name, data: [enc.encode(text)] });
  return writeZip(new Uint8Array(0), [
    part('[Content_Types].xml', CONTENT_TYPES),
    part('_rels/.rels', ROOT_RELS),
    part('xl/workbook.xml', workbookXml(grid.name)),
    part('xl/_rels/workbook.xml.rels', WORKBOOK_RELS),
    part('xl/styles.xml', styles.xml()),
    part('xl/worksheets/sheet1.xml', sheet),
  ], codecs);
}
