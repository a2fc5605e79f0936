/** Workbooks made for the browser tests: a ledger with markup in its text, and damaged files. */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';

/** Text that would become an element if anything put it in as HTML. */
export const MARKUP_NAME = '<img src=x onerror="window.__pwned=1">路网工程';
export const MARKUP_GROUP = '<b onmouseover="window.__pwned=2">冠县</b>';

/**
 * A small ledger whose third project is named with markup (and a trailing space,
 * so an issue quotes it) and is behind (1000 / 8000 = 12.5 % at the end of June,
 * 37.5 points behind), so it shows in the issue list, the lagging list and the preview.
 */
export async function markupLedger(dir: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow(['2022年重点项目进展情况表（截至6月底）']);
  ws.addRow(['单位：万元']);
  ws.addRow(['序号', '县（市、区）', '项目名称', '总投资', '年度计划投资', '1-6月完成投资', '是否开工']);
  ws.addRow([1, MARKUP_GROUP, '县城供水管网改造', 20000, 6000, 3300, '是']);
  ws.addRow([2, MARKUP_GROUP, '产业园标准厂房', 30000, 10000, 5600, '是']);
  ws.addRow([3, MARKUP_GROUP, `${MARKUP_NAME} `, 40000, 8000, 1000, '是']);
  const file = path.join(dir, 'markup.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

/** The first kilobytes of a real workbook: a zip cut short. */
export function truncatedCopy(source: string, dir: string): string {
  const file = path.join(dir, '损坏的台账.xlsx');
  fs.writeFileSync(file, fs.readFileSync(source).subarray(0, 2048));
  return file;
}

/** A text file named .xlsx. */
export function textAsXlsx(dir: string): string {
  const file = path.join(dir, '不是工作簿.xlsx');
  fs.writeFileSync(file, '序号,项目名称\n1,某项目\n');
  return file;
}
