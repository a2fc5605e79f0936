'use strict';
/** Workbook parts as text, for the bad-file corpus (scripts/make-bad-files.js). */
const { zip } = require('./package');

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = 'http://schemas.openxmlformats.org/package/2006/content-types';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

// ------------------------------------------------------------------ workbooks

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function colName(c) {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A row of cells: numbers as numbers, text as inline strings, `{ f, v }` as formulas. */
function rowXml(r, cells, firstCol = 0) {
  const out = cells.map((v, i) => {
    const ref = `${colName(firstCol + i)}${r}`;
    if (v === null || v === undefined) return '';
    if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
    if (typeof v === 'object') return `<c r="${ref}"><f>${esc(v.f)}</f><v>${v.v}</v></c>`;
    return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${esc(v)}</t></is></c>`;
  });
  return `<row r="${r}">${out.join('')}</row>`;
}

const HEADER = ['序号', '县（市、区）', '项目名称', '总投资', '年度计划投资', '1-6月完成投资', '是否开工'];

/**
 * The base ledger: 4 projects, as of the end of June (time progress 6/12 = 50 %).
 * 阳谷县: plans 500 + 300 = 800, completed 300 + 100 = 400 → 50 %.
 * 冠县: plans 400 + 200 = 600, completed 100 + 200 = 300 → 50 %.
 */
const LEDGER_ROWS = [
  ['2022年重点项目进展情况表（截至6月底）'],
  ['单位：万元'],
  HEADER,
  [1, '阳谷县', '道路工程', 2000, 500, 300, '是'],
  [2, '阳谷县', '污水处理厂', 1000, 300, 100, '是'],
  [3, '冠县', '产业园', 1500, 400, 100, '是'],
  [4, '冠县', '学校', 800, 200, 200, '是'],
];

function sheetXml(rows, { head = '', tail = '', extraRows = '' } = {}) {
  return `${XML_HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}">${head}<sheetData>${rows.map((cells, i) => rowXml(i + 1, cells)).join('')}${extraRows}</sheetData>${tail}</worksheet>`;
}

const STYLES = `${XML_HEAD}<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/**
 * The parts of a workbook with `sheets` (texts of sheet parts, or entries to place as is),
 * as zip entries in a fixed order. `sst` adds a shared-strings part.
 */
function workbookEntries({ sheets, sst = null, extraParts = [], extraRels = '', extraTypes = '', bookExtra = '' }) {
  const rels = [];
  const list = [];
  const types = [];
  sheets.forEach((_, i) => {
    rels.push(`<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
    list.push(`<sheet name="${i === 0 ? '重点项目' : `Sheet${i + 1}`}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`);
    types.push(`<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`);
  });
  rels.push(`<Relationship Id="rIdS" Type="${REL}/styles" Target="styles.xml"/>`);
  if (sst !== null) {
    rels.push(`<Relationship Id="rIdT" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
    types.push('<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>');
  }
  const entries = [
    {
      name: '[Content_Types].xml',
      data: `${XML_HEAD}<Types xmlns="${CT}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        `${types.join('')}${extraTypes}</Types>`,
    },
    { name: '_rels/.rels', data: `${XML_HEAD}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    { name: 'xl/workbook.xml', data: `${XML_HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${list.join('')}</sheets>${bookExtra}</workbook>` },
    { name: 'xl/_rels/workbook.xml.rels', data: `${XML_HEAD}<Relationships xmlns="${PKG}">${rels.join('')}${extraRels}</Relationships>` },
    { name: 'xl/styles.xml', data: STYLES },
  ];
  sheets.forEach((s, i) => {
    const name = `xl/worksheets/sheet${i + 1}.xml`;
    entries.push(typeof s === 'string' ? { name, data: s } : { ...s, name });
  });
  if (sst !== null) entries.push(typeof sst === 'string' ? { name: 'xl/sharedStrings.xml', data: sst } : { ...sst, name: 'xl/sharedStrings.xml' });
  return [...entries, ...extraParts];
}

function ledgerWorkbook(options = {}) {
  return zip(workbookEntries({ sheets: [sheetXml(options.rows ?? LEDGER_ROWS, options)], ...options }));
}

module.exports = { MAIN, REL, PKG, XML_HEAD, HEADER, LEDGER_ROWS, rowXml, sheetXml, workbookEntries, ledgerWorkbook };
