/**
 * The three monthly ledgers of one county (end of April, May and June 2022; every plan
 * 100 万元, total 1000) that the history tests share, worked by hand where they are used
 * (test/cli/summary-history.test.ts): each project's completed-to-date per month.
 */
import ExcelJS from 'exceljs';

export const THREE_MONTHS_YTD: Record<string, number[]> = {
  甲项目: [30, 35, 45],
  乙项目: [40, 38, 46],
  丙项目: [30, 35, 55],
  丁项目: [40, 45, 60],
  戊项目: [40, 45, 35],
};

/** Month 0, 1 or 2 (April, May, June) as .xlsx bytes, under `title`. */
export async function threeMonthsLedger(month: number, title = '阳谷县重点项目建设进展情况表'): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('项目进展');
  ws.addRow([title]);
  ws.addRow(['单位：万元']);
  ws.addRow(['序号', '项目名称', '县（市、区）', '总投资', '年度计划投资', '本年累计完成投资']);
  Object.entries(THREE_MONTHS_YTD).forEach(([name, ytd], i) => ws.addRow([i + 1, name, '阳谷县', 1000, 100, ytd[month]]));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
