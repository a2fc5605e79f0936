'use strict';
/**
 * Writing a ledger (rows, merges, formats, hidden rows, widths) into an exceljs
 * worksheet the way an office would lay it out, and saving workbooks with fixed
 * dates so that regenerating an unchanged workbook gives the same bytes.
 * Shared by make-fixtures.js and make-examples.js.
 */
const fs = require('fs');
const path = require('path');
const ExcelJS = require('exceljs');
const { unzipSync, zipSync } = require('fflate');

const FIXED_DATE = new Date(Date.UTC(2022, 6, 1, 8, 0, 0));
const THIN = { style: 'thin', color: { argb: 'FF808080' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const SUM_LABEL = /^(?:合计|合計|小计|小計|总计|其中|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/;

function newWorkbook() {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ledger-check fixtures';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  return wb;
}

/** Cells of an A1 range, as [row, col] 1-based. */
function* cellsOf(range) {
  const [a, b = a] = range.split(':');
  const parse = (s) => {
    const m = /^([A-Z]+)(\d+)$/.exec(s);
    let c = 0;
    for (const ch of m[1]) c = c * 26 + (ch.charCodeAt(0) - 64);
    return [Number(m[2]), c];
  };
  const [r0, c0] = parse(a);
  const [r1, c1] = parse(b);
  for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) yield [r, c];
}

function rowText(row) {
  return row.filter((v) => typeof v === 'string').join('').replace(/\s+/g, '');
}

/**
 * Adds a ledger sheet. `ledger` is a fixture-like object: { sheet, rows, merges?, formats?,
 * hiddenRows?, widths?, headerRows }. `look`: 'plain' (borders, bold header) or 'styled'
 * (also fills, a frozen header and a larger title).
 */
function addLedgerSheet(wb, ledger, look = 'plain') {
  const ws = wb.addWorksheet(ledger.sheet);
  const headerRows = ledger.headerRows;
  const width = Math.max(...ledger.rows.map((r) => r.length));
  ledger.rows.forEach((row, i) => {
    row.forEach((v, c) => {
      if (v === null || v === undefined) return;
      ws.getCell(i + 1, c + 1).value = v;
    });
  });
  for (const range of ledger.merges ?? []) ws.mergeCells(range);
  for (const { range, fmt } of ledger.formats ?? []) {
    for (const [r, c] of cellsOf(range)) {
      const cell = ws.getCell(r, c);
      if (typeof cell.value === 'number') cell.numFmt = fmt;
    }
  }
  (ledger.widths ?? []).forEach((w, c) => {
    ws.getColumn(c + 1).width = w;
  });

  // The table: from the first header row to the last row before a blank line or the end.
  const top = headerRows[0];
  let bottom = ledger.rows.length;
  for (let r = top; r <= ledger.rows.length; r++) {
    if (ledger.rows[r - 1].every((v) => v === null || v === undefined)) {
      bottom = r - 1;
      break;
    }
  }
  const title = ws.getCell(1, 1);
  title.font = { bold: true, size: look === 'styled' ? 16 : 14 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = look === 'styled' ? 30 : 24;
  for (let r = top; r <= bottom; r++) {
    const isHeader = headerRows.includes(r);
    const isSum = !isHeader && SUM_LABEL.test(rowText(ledger.rows[r - 1]));
    for (let c = 1; c <= width; c++) {
      const cell = ws.getCell(r, c);
      cell.border = BORDER;
      if (isHeader) {
        cell.font = { bold: true };
        cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
        if (look === 'styled') cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
      } else {
        cell.alignment = { vertical: 'middle', wrapText: typeof cell.value === 'string' && cell.value.length > 14 };
        if (isSum) {
          cell.font = { bold: true };
          if (look === 'styled') cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
        }
      }
    }
  }
  for (const r of headerRows) ws.getRow(r).height = 32;
  for (const r of ledger.hiddenRows ?? []) ws.getRow(r).hidden = true;
  if (look === 'styled') ws.views = [{ state: 'frozen', ySplit: headerRows[headerRows.length - 1], xSplit: 2 }];
  return ws;
}

/** Writes the workbook with fixed entry dates (exceljs stamps the current time into the zip). */
async function saveWorkbook(wb, file) {
  const raw = new Uint8Array(await wb.xlsx.writeBuffer());
  const entries = unzipSync(raw);
  const packed = {};
  for (const name of Object.keys(entries)) packed[name] = [entries[name], { mtime: FIXED_DATE }];
  const bytes = zipSync(packed, { level: 6 });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, bytes);
  fs.renameSync(tmp, file);
}

module.exports = { newWorkbook, addLedgerSheet, saveWorkbook };
