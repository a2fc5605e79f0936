/**
 * The ledger template (core/template.ts) as a new workbook: one protected sheet whose input
 * cells are unlocked and carry data validations, formula cells locked, conditional fills on the
 * completion rate, and a hidden sheet for lists too long to be typed in a rule.
 */
import type { InputRule, TemplateCell, TemplateSpec, TemplateStyle } from '../../core/template';
import { NS_MAIN, NS_REL } from '../package';
import { escapeAttr, escapeText } from '../xml';
import { type Codecs, writeZip } from '../zip';

// cellXfs indexes of styles.xml below; 1 and 2 are the unlocked ones.
const XF: Record<TemplateStyle, number> = { title: 3, unit: 0, header: 4, input: 1, inputDate: 2, label: 5, formula: 6, formulaRate: 7 };

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="${NS_MAIN}">`
  + '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>'
  + '<fonts count="2"><font><sz val="11"/><name val="宋体"/></font><font><b/><sz val="11"/><name val="宋体"/></font></fonts>'
  + '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
  + '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
  + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
  + '<cellXfs count="8">'
  + '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
  + '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyProtection="1"><protection locked="0"/></xf>'
  + '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyProtection="1"><protection locked="0"/></xf>'
  + '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center"/></xf>'
  + '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>'
  + '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
  + '<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
  + '<xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
  + '</cellXfs>'
  + '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
  // dxf 0: yellow (behind), dxf 1: red (seriously behind).
  + '<dxfs count="2"><dxf><fill><patternFill patternType="solid"><bgColor rgb="FFFFEB9C"/></patternFill></fill></dxf>'
  + '<dxf><fill><patternFill patternType="solid"><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf></dxfs>'
  + '</styleSheet>';

function cellXml(ref: string, cell: TemplateCell): string {
  const s = XF[cell.style];
  if (cell.kind === 'text') return `<c r="${ref}" s="${s}" t="inlineStr"><is><t>${escapeText(cell.text)}</t></is></c>`;
  if (cell.kind === 'formula') return `<c r="${ref}" s="${s}"><f>${escapeText(cell.formula)}</f></c>`;
  return `<c r="${ref}" s="${s}"/>`;
}

function colName(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** One `<dataValidation>` of a rule; `p` the prefix the sheet writes its elements with. */
export function validationXml(rule: InputRule, p = ''): string {
  const attrs = [`type="${rule.type}"`];
  if (rule.operator && rule.operator !== 'between') attrs.push(`operator="${rule.operator}"`);
  attrs.push(`errorStyle="${rule.errorStyle}"`, 'allowBlank="1"', 'showInputMessage="1"', 'showErrorMessage="1"');
  attrs.push(`errorTitle="${escapeAttr(rule.errorTitle)}"`, `error="${escapeAttr(rule.error)}"`);
  attrs.push(`promptTitle="${escapeAttr(rule.promptTitle)}"`, `prompt="${escapeAttr(rule.prompt)}"`, `sqref="${rule.sqref}"`);
  const f2 = rule.formula2 !== undefined ? `<${p}formula2>${escapeText(rule.formula2)}</${p}formula2>` : '';
  return `<${p}dataValidation ${attrs.join(' ')}><${p}formula1>${escapeText(rule.formula1)}</${p}formula1>${f2}</${p}dataValidation>`;
}

/** The sheet part: CT_Worksheet order sheetPr?, dimension, sheetViews, sheetFormatPr, cols, sheetData, sheetProtection, mergeCells, conditionalFormatting, dataValidations, pageMargins. */
export function templateSheetXml(spec: TemplateSpec): string {
  const width = spec.columns.length;
  const lastRow = spec.rows.length;
  const rows = spec.rows.map((row, i) => {
    const r = i + 1;
    const cells = row.cells.map((cell, c) => (cell ? cellXml(`${colName(c)}${r}`, cell) : '')).join('');
    const ht = row.kind === 'header' ? ' ht="42" customHeight="1"' : '';
    return `<row r="${r}"${ht}>${cells}</row>`;
  }).join('');
  const widths = spec.columns.map((k, c) => {
    const w = k === 'name' || k === 'progress' || k === 'problems' ? 28 : k === 'code' ? 27 : k === 'index' ? 6 : 13;
    return `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`;
  }).join('');
  const fills = spec.fills.map((f, i) => `<conditionalFormatting sqref="${f.sqref}"><cfRule type="expression" dxfId="${f.level === 'alert' ? 1 : 0}" priority="${i + 1}"${f.level === 'alert' ? ' stopIfTrue="1"' : ''}><formula>${escapeText(f.formula)}</formula></cfRule></conditionalFormatting>`).join('');
  const validations = spec.rules.length ? `<dataValidations count="${spec.rules.length}">${spec.rules.map((r) => validationXml(r)).join('')}</dataValidations>` : '';
  const merges = spec.merges.length ? `<mergeCells count="${spec.merges.length}">${spec.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`
    + `<dimension ref="A1:${colName(width - 1)}${lastRow}"/>`
    + `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${spec.headerRow + 1}" topLeftCell="A${spec.headerRow + 2}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>`
    + '<sheetFormatPr defaultRowHeight="15"/>'
    + `<cols>${widths}</cols><sheetData>${rows}</sheetData>`
    // No password: protection here keeps formulas from being typed over, it is no security.
    + '<sheetProtection sheet="1" objects="1" scenarios="1" formatColumns="0" formatRows="0"/>'
    + merges + fills + validations
    + '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';
}

function listSheetXml(columns: string[][]): string {
  const height = Math.max(...columns.map((c) => c.length));
  let rows = '';
  for (let r = 0; r < height; r++) {
    const cells = columns.map((col, c) => (r < col.length ? `<c r="${colName(c)}${r + 1}" t="inlineStr"><is><t>${escapeText(col[r])}</t></is></c>` : '')).join('');
    rows += `<row r="${r + 1}">${cells}</row>`;
  }
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS_MAIN}"><sheetData>${rows}</sheetData></worksheet>`;
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const CT_SHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const REL_SHEET = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
const REL_STYLES = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles';
const REL_DOC = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** The template's .xlsx bytes. */
export function templateWorkbook(spec: TemplateSpec, codecs: Codecs = {}): Uint8Array {
  const enc = new TextEncoder();
  const sheets = [{ name: spec.sheetName, xml: templateSheetXml(spec), hidden: false }];
  if (spec.listSheet) sheets.push({ name: spec.listSheet.name, xml: listSheetXml(spec.listSheet.columns), hidden: true });
  const contentTypes = `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`
    + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    + '<Default Extension="xml" ContentType="application/xml"/>'
    + '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    + '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    + sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT_SHEET}"/>`).join('')
    + '</Types>';
  const rootRels = `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${REL_DOC}" Target="xl/workbook.xml"/></Relationships>`;
  const workbook = `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><bookViews><workbookView/></bookViews><sheets>`
    + sheets.map((s, i) => `<sheet name="${escapeAttr(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`).join('')
    + '</sheets><calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>';
  const wbRels = `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">`
    + sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_SHEET}" Target="worksheets/sheet${i + 1}.xml"/>`).join('')
    + `<Relationship Id="rId${sheets.length + 1}" Type="${REL_STYLES}" Target="styles.xml"/></Relationships>`;
  const parts: Array<[string, string]> = [
    ['[Content_Types].xml', contentTypes], ['_rels/.rels', rootRels], ['xl/workbook.xml', workbook],
    ['xl/_rels/workbook.xml.rels', wbRels], ['xl/styles.xml', STYLES],
    ...sheets.map((s, i): [string, string] => [`xl/worksheets/sheet${i + 1}.xml`, s.xml]),
  ];
  return writeZip(new Uint8Array(0), parts.map(([name, xml]) => ({ kind: 'new' as const, name, data: [enc.encode(xml)] })), codecs);
}
