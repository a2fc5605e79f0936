'use strict';
/**
 * Writes a generated ledger as a real .xlsx with the minimal parts, quickly and
 * with flat memory: the sheet XML is deflated chunk by chunk as rows are made.
 */
const fs = require('fs');
const path = require('path');
const { Zip, ZipDeflate } = require('fflate');
const { eachLedgerRow, COL, HEADER, HEADER_ROWS, SHEET_NAME, DATE_FORMAT } = require('./ledger-rows');

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

function escapeXml(s) {
  return s.replace(/[&<>"]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : '&quot;'));
}

function colLetter(c) {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const STATIC_PARTS = {
  '[Content_Types].xml': `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`
    + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    + '<Default Extension="xml" ContentType="application/xml"/>'
    + '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    + '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    + '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    + '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    + '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    + '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
    + '</Types>',
  '_rels/.rels': `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">`
    + `<Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/>`
    + '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
    + `<Relationship Id="rId3" Type="${NS_REL}/extended-properties" Target="docProps/app.xml"/>`
    + '</Relationships>',
  'docProps/core.xml': `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`
    + '<dc:title>ledger-check benchmark ledger</dc:title><dc:creator>ledger-check bench</dc:creator>'
    + '<dcterms:created xsi:type="dcterms:W3CDTF">2022-06-30T00:00:00Z</dcterms:created>'
    + '</cp:coreProperties>',
  'docProps/app.xml': `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>ledger-check bench</Application></Properties>`,
  'xl/workbook.xml': `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`
    + `<bookViews><workbookView/></bookViews><sheets><sheet name="${SHEET_NAME}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  'xl/_rels/workbook.xml.rels': `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">`
    + `<Relationship Id="rId1" Type="${NS_REL}/worksheet" Target="worksheets/sheet1.xml"/>`
    + `<Relationship Id="rId2" Type="${NS_REL}/sharedStrings" Target="sharedStrings.xml"/>`
    + `<Relationship Id="rId3" Type="${NS_REL}/styles" Target="styles.xml"/>`
    + '</Relationships>',
  // Style 0: default; 1: the date format; 2: bold (title and header).
  'xl/styles.xml': `${XML_HEAD}<styleSheet xmlns="${NS_MAIN}">`
    + `<numFmts count="1"><numFmt numFmtId="164" formatCode="${escapeXml(DATE_FORMAT)}"/></numFmts>`
    + '<fonts count="2"><font><sz val="11"/><name val="宋体"/></font><font><b/><sz val="11"/><name val="宋体"/></font></fonts>'
    + '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
    + '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    + '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    + '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    + '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
    + '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    + '</styleSheet>',
};

const WIDTHS = [6, 40, 28, 10, 28, 8, 14, 12, 14, 12, 12, 12, 8, 14];
const ROWS_PER_CHUNK = 2000;
// A fixed time stamp keeps the file byte-for-byte the same for a seed.
const ZIP_MTIME = new Date(2022, 5, 30);

function deflated(name) {
  const entry = new ZipDeflate(name, { level: 6 });
  // fflate reads the entry's time stamp from this property (not from the options).
  entry.mtime = ZIP_MTIME;
  return entry;
}

/**
 * Writes the ledger of `generateGrid(rows, seed)` as an .xlsx: the sheet XML is
 * built in chunks of rows and deflated as it goes, so memory stays flat; strings
 * go to a shared-strings table as Excel writes them. Returns the file size in bytes.
 */
function writeXlsx(rows, file, seed) {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, 'w');
  let size = 0;
  let failure = null;
  const zip = new Zip((err, chunk) => {
    if (err) failure = err;
    else {
      fs.writeSync(fd, chunk);
      size += chunk.length;
    }
  });
  const encoder = new TextEncoder();
  const addText = (name, text) => {
    const entry = deflated(name);
    zip.add(entry);
    entry.push(encoder.encode(text), true);
  };
  try {
    for (const [name, text] of Object.entries(STATIC_PARTS)) addText(name, text);

    const strings = new Map();
    const stringOrder = [];
    const sst = (s) => {
      let i = strings.get(s);
      if (i === undefined) {
        i = stringOrder.length;
        strings.set(s, i);
        stringOrder.push(s);
      }
      return i;
    };
    let stringRefs = 0;
    const lastRef = `${colLetter(HEADER.length - 1)}${rows + HEADER_ROWS}`;
    const sheet = deflated('xl/worksheets/sheet1.xml');
    zip.add(sheet);
    const cols = WIDTHS.map((w, c) => `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`).join('');
    sheet.push(encoder.encode(`${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><dimension ref="A1:${lastRef}"/>`
      + `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${HEADER_ROWS}" topLeftCell="A${HEADER_ROWS + 1}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>`
      + `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>`));
    const letters = HEADER.map((_, c) => colLetter(c));
    let parts = [];
    eachLedgerRow(rows, seed, (cells, r) => {
      const n = r + 1;
      let xml = `<row r="${n}">`;
      for (let c = 0; c < cells.length; c++) {
        const v = cells[c];
        if (v === null) continue;
        const ref = `${letters[c]}${n}`;
        if (typeof v === 'number') {
          xml += r >= HEADER_ROWS && c === COL.start ? `<c r="${ref}" s="1"><v>${v}</v></c>` : `<c r="${ref}"><v>${v}</v></c>`;
        } else {
          stringRefs++;
          xml += `<c r="${ref}"${r === 0 || r === HEADER_ROWS - 1 ? ' s="2"' : ''} t="s"><v>${sst(v)}</v></c>`;
        }
      }
      parts.push(`${xml}</row>`);
      if (parts.length === ROWS_PER_CHUNK) {
        sheet.push(encoder.encode(parts.join('')));
        parts = [];
      }
    });
    sheet.push(encoder.encode(`${parts.join('')}</sheetData><mergeCells count="1"><mergeCell ref="A1:${letters[HEADER.length - 1]}1"/></mergeCells>`
      + '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>'), true);

    const shared = deflated('xl/sharedStrings.xml');
    zip.add(shared);
    shared.push(encoder.encode(`${XML_HEAD}<sst xmlns="${NS_MAIN}" count="${stringRefs}" uniqueCount="${stringOrder.length}">`));
    for (let i = 0; i < stringOrder.length; i += ROWS_PER_CHUNK) {
      const chunk = stringOrder.slice(i, i + ROWS_PER_CHUNK).map((s) => `<si><t>${escapeXml(s)}</t></si>`).join('');
      shared.push(encoder.encode(chunk));
    }
    shared.push(encoder.encode('</sst>'), true);
    zip.end();
  } finally {
    fs.closeSync(fd);
  }
  if (failure) {
    fs.rmSync(tmp, { force: true });
    throw failure;
  }
  fs.renameSync(tmp, file);
  return size;
}

module.exports = { writeXlsx };
