/** Workbooks built with exceljs (an independent writer) for the package tests. */
import ExcelJS from 'exceljs';
import { isCellError, type CellValue } from '../../../src/core/grid';

export async function toBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

const DAY = 86400000;
const EPOCH = Date.UTC(1899, 11, 30);

/** A JS date (as exceljs gives it, UTC) to a 1900-system serial. */
export function serialOf(d: Date): number {
  return (d.getTime() - EPOCH) / DAY;
}

/** exceljs drops a cached `false` of a formula (t="b", v=0) on reading: nothing to compare then. */
export const UNKNOWN = Symbol('unknown');

/** What our grid should hold for a cell exceljs read; undefined = blank. */
export function expectedValue(cell: ExcelJS.Cell): CellValue | undefined | typeof UNKNOWN {
  if (cell.isMerged && cell.master !== cell) return undefined;
  const v = cell.value as unknown;
  if (v === null || v === undefined) return undefined;
  if (v instanceof Date) return serialOf(v);
  if (typeof v !== 'object') return v as CellValue;
  const o = v as Record<string, unknown>;
  if ('richText' in o) return (o.richText as { text: string }[]).map((r) => r.text).join('');
  if ('error' in o) return { error: String(o.error) };
  if ('formula' in o || 'sharedFormula' in o) {
    const r = o.result as unknown;
    if (r === undefined || r === null) return UNKNOWN;
    if (r instanceof Date) return serialOf(r);
    if (typeof r === 'object' && isCellError(r)) return { error: r.error };
    return r as CellValue;
  }
  if ('text' in o) return String(o.text);
  throw new Error(`unexpected exceljs value ${JSON.stringify(v)}`);
}

/** The formula text exceljs reports for a cell (shared children: as exceljs translates them). */
export function expectedFormula(cell: ExcelJS.Cell): string | undefined {
  const v = cell.value as unknown;
  if (!v || typeof v !== 'object' || v instanceof Date) return undefined;
  const o = v as Record<string, unknown>;
  if (typeof o.formula === 'string') return o.formula;
  return undefined;
}

/** The main reading fixture: a small ledger with most kinds of cell. */
export async function richWorkbook(opts: { date1904?: boolean } = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  if (opts.date1904) wb.properties.date1904 = true;
  const ws = wb.addWorksheet('台账');
  ws.mergeCells('A1:G1');
  ws.getCell('A1').value = '2022年重点项目进展情况表';
  ws.getRow(2).values = ['序号', '项目名称', '总投资', '开工时间', '完成率', '是否开工', '备注'];
  const rows: unknown[][] = [
    [1, '城区道路改造', 58714, new Date(Date.UTC(2021, 2, 15)), 0.7065, true, null],
    [2, { richText: [{ text: '产业园', font: { bold: true } }, { text: '二期' }] }, 12000.5, new Date(Date.UTC(2022, 0, 1)), 0.1, false, '备注 '],
    [3, '污水处理厂', { formula: 'C3/2', result: 29357 }, new Date(Date.UTC(1900, 0, 1)), { error: '#DIV/0!' }, true, { formula: 'B3&"-续建"', result: '城区道路改造-续建' }],
    [4, '学校', -5, null, { formula: 'C6/0', result: { error: '#DIV/0!' } }, { formula: 'C6>0', result: false }, 'a&b<c>'],
  ];
  rows.forEach((vals, i) => {
    const row = ws.getRow(3 + i);
    row.values = vals as ExcelJS.CellValue[];
    row.getCell(4).numFmt = 'yyyy-mm-dd';
    row.getCell(5).numFmt = '0.0%';
    row.getCell(3).numFmt = '#,##0.00';
  });
  ws.getCell('H3').value = { formula: 'C3*2', result: 117428, shareType: 'shared', ref: 'H3:H5' } as ExcelJS.CellValue;
  ws.getCell('H4').value = { sharedFormula: 'H3', result: 24001 } as ExcelJS.CellValue;
  ws.getCell('H5').value = { sharedFormula: 'H3', result: 58714 } as ExcelJS.CellValue;
  ws.getCell('I3').value = new Date(Date.UTC(2022, 5, 30, 12, 0, 0));
  ws.getCell('I3').numFmt = 'yyyy-mm-dd hh:mm';
  ws.getCell('J3').value = 44742;
  ws.getCell('J3').numFmt = 'yyyy"年"m"月"d"日"';
  ws.getRow(5).hidden = true;
  ws.getColumn(7).hidden = true;
  ws.mergeCells('B7:C8');
  ws.getCell('B7').value = '合计';
  const hidden = wb.addWorksheet('隐藏', { state: 'hidden' });
  hidden.getCell('A1').value = 'x';
  wb.addWorksheet('Empty');
  wb.definedNames.add("'台账'!$C$3", 'Total');
  return toBytes(wb);
}
