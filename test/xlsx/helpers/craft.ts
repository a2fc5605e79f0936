/** Packages written by hand, for what exceljs never produces (other producers' habits). */
import { buildZip } from './zip';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

export interface CraftSheet {
  name: string;
  /** Content of <sheetData> (rows), or a whole worksheet document when it starts with `<?xml` or `<`+prefix. */
  rows?: string;
  xml?: string;
  state?: 'hidden' | 'veryHidden';
  /** Elements after </sheetData> (mergeCells, ...). */
  tail?: string;
  /** Elements before <sheetData> (cols, ...). */
  head?: string;
}

export interface CraftOptions {
  sheets: CraftSheet[];
  sharedStrings?: string[] | string;
  /** <numFmts> and <cellXfs> content; default: one General xf. */
  numFmts?: string;
  cellXfs?: string;
  /** <dxfs> element, written after <cellStyles>. */
  dxfs?: string;
  date1904?: boolean;
  /** Write relationship targets as absolute part names (`/xl/worksheets/sheet1.xml`). */
  absoluteTargets?: boolean;
  definedNames?: string;
  extraParts?: Record<string, string | Uint8Array>;
  /** Extra relationships of the workbook part. */
  extraRels?: string;
  extraSheetsXml?: string;
}

export function sheetDoc(rows: string, head = '', tail = ''): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}">${head}<sheetData>${rows}</sheetData>${tail}</worksheet>`;
}

export function craftWorkbook(o: CraftOptions): Uint8Array {
  const t = (p: string): string => (o.absoluteTargets ? `/xl/${p}` : p);
  const parts: Record<string, string | Uint8Array> = {};
  const overrides: string[] = [];
  const rels: string[] = [];
  const sheets: string[] = [];
  o.sheets.forEach((s, i) => {
    const part = `worksheets/sheet${i + 1}.xml`;
    parts[`xl/${part}`] = s.xml ?? sheetDoc(s.rows ?? '', s.head, s.tail);
    overrides.push(`<Override PartName="/xl/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`);
    rels.push(`<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="${t(part)}"/>`);
    sheets.push(`<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`);
  });
  rels.push(`<Relationship Id="rIdS" Type="${REL}/styles" Target="${t('styles.xml')}"/>`);
  overrides.push('<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>');
  parts['xl/styles.xml'] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN}">${o.numFmts ?? ''}` +
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs>${o.cellXfs ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'}</cellXfs>` +
    `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>${o.dxfs ?? ''}</styleSheet>`;
  if (o.sharedStrings !== undefined) {
    const body = typeof o.sharedStrings === 'string'
      ? o.sharedStrings
      : o.sharedStrings.map((s) => `<si><t xml:space="preserve">${s}</t></si>`).join('');
    parts['xl/sharedStrings.xml'] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN}">${body}</sst>`;
    rels.push(`<Relationship Id="rIdT" Type="${REL}/sharedStrings" Target="${t('sharedStrings.xml')}"/>`);
    overrides.push('<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>');
  }
  if (o.extraRels) rels.push(o.extraRels);
  parts['xl/workbook.xml'] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="${REL}">` +
    `<workbookPr${o.date1904 ? ' date1904="1"' : ''}/><bookViews><workbookView activeTab="0"/></bookViews><sheets>${sheets.join('')}${o.extraSheetsXml ?? ''}</sheets>` +
    `${o.definedNames ? `<definedNames>${o.definedNames}</definedNames>` : ''}</workbook>`;
  parts['xl/_rels/workbook.xml.rels'] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG}">${rels.join('')}</Relationships>`;
  parts['_rels/.rels'] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="${o.absoluteTargets ? '/xl/workbook.xml' : 'xl/workbook.xml'}"/></Relationships>`;
  parts['[Content_Types].xml'] = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    `${overrides.join('')}</Types>`;
  return buildZip({ ...parts, ...(o.extraParts ?? {}) });
}
