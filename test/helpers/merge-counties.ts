/** Three small county ledgers (one in 亿元) and a corrupt file, for the `ledger merge` tests. */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import type { Io } from '../../src/cli/commands';

const HEADER = ['序号', '项目名称', '项目代码', '总投资', '年度计划投资', '1-6月完成投资', '是否开工', '开工时间'];

/** Name, code, total, plan, year to date, started, and the start date (a real date cell) if any. */
type Row = [string, string, number, number, number, string, Date?];

/** A county file: title naming June 2022 unless given, unit line, header, projects from sheet row 4. */
export async function countyFile(file: string, unit: '万元' | '亿元', rows: Row[], title = '2022年1-6月重点项目进展情况'): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow([title]);
  ws.addRow([`单位：${unit}`]);
  ws.addRow(HEADER);
  rows.forEach((r, i) => ws.addRow([i + 1, ...r]));
  // exceljs writes a Date as a serial with a date format, as Excel would.
  ws.getColumn(HEADER.length).numFmt = 'yyyy/m/d';
  await wb.xlsx.writeFile(file);
}

/**
 * Start dates: A 2021-03-15, D 2022-02-01, F 2020-11-30 (serials 44270, 44593, 44165).
 * 阳谷县 (万元): A 1000/400/200 started, B 500/200/40 started, C 300/100/0 not started.
 *   plan 700, done 240, rate 240/700 = 34.2857%.
 * 东阿县 (亿元 ×10000): D 0.2/0.1/0.06 → 2000/1000/600, E 0.1/0.05/0.01 → 1000/500/100.
 *   plan 1500, done 700, rate 700/1500 = 46.667%.
 * 莘县 (万元): F 800/300/120, and B again with 阳谷县's code (a duplicate across files).
 *   plan 300+200 = 500, done 120+50 = 170, rate 34%.
 * City: plan 700+1500+500 = 2700, done 240+700+170 = 1110, rate 41.111%.
 * Ranks by completion rate: 东阿县 1 (46.7%), 阳谷县 2 (34.29%), 莘县 3 (34.0%).
 */
export async function makeCounties(dir: string): Promise<string[]> {
  const a = path.join(dir, '阳谷县.xlsx');
  const b = path.join(dir, '东阿县.xlsx');
  const c = path.join(dir, '莘县.xlsx');
  await countyFile(a, '万元', [
    ['项目A', 'YG001', 1000, 400, 200, '是', new Date(Date.UTC(2021, 2, 15))],
    ['项目B', 'YG002', 500, 200, 40, '是'],
    ['项目C', 'YG003', 300, 100, 0, '否'],
  ]);
  await countyFile(b, '亿元', [
    ['项目D', 'DE001', 0.2, 0.1, 0.06, '是', new Date(Date.UTC(2022, 1, 1))],
    ['项目E', 'DE002', 0.1, 0.05, 0.01, '是'],
  ]);
  await countyFile(c, '万元', [
    ['项目F', 'SX001', 800, 300, 120, '是', new Date(Date.UTC(2020, 10, 30))],
    ['项目B', 'YG002', 500, 200, 50, '是'],
  ]);
  const bad = path.join(dir, '坏文件.xlsx');
  fs.writeFileSync(bad, 'PK\u0003\u0004 not really a zip');
  return [a, b, c, bad];
}

export function captureIo(): Io & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (s) => out.push(s), stderr: (s) => err.push(s), isTTY: false, today: '2022-07-15', env: {} };
}

