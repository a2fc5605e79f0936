/**
 * The period from the file name and from the workbook, through the hosts that know a file
 * name: `ledger check` (the name as given on the command line) and the web page's check
 * service (the dropped file's name). Layouts: test/fixtures/real/periods-*.js.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/cli/commands';
import type { Report } from '../../src/core/types';
import { CheckService } from '../../src/web/check-service';
import { DEFAULT_SETTINGS } from '../../src/core/types';
import { cellKey } from '../../src/core/grid';
import { readWorkbook } from '../../src/xlsx';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fileNameLayout = require('../fixtures/real/periods-file-name.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const workbookLayout = require('../fixtures/real/periods-workbook.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const tenDays = require('../fixtures/real/periods-ten-days.js');

interface Sheetlike { sheet: string; rows: unknown[][] }

async function xlsx(sheets: Sheetlike[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.sheet);
    for (const row of s.rows) ws.addRow(row);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function ledger(argv: string[], today: string) {
  let stdout = '';
  let stderr = '';
  const code = run(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), isTTY: false, today, env: {} });
  return { code, stdout, stderr };
}

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-periods-'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('ledger check', () => {
  it('measures `重点项目进展统计-20180927.xlsx` at 2018-09-27 and says the date came from the file name', async () => {
    const fx = fileNameLayout.layout();
    const file = path.join(tmp, fx.fileName);
    fs.writeFileSync(file, await xlsx([fx]));
    const r = ledger(['check', file, '--json', '--out', path.join(tmp, 'out')], '2018-10-08');
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as Report;
    const s = report.files[0].sheets[0];
    expect(report.asOf).toBe('2018-09-27');
    expect(s.asOfSource).toBe('file-name');
    expect(s.asOfFrom).toBe('重点项目进展统计-20180927.xlsx');
    // 8/12 = 0.666666666667 (12 significant digits in the JSON); rate 16900 / 26000 = 0.65
    expect(s.timeProgress).toBeCloseTo(8 / 12, 11);
    expect(s.total.completionRate).toBe(0.65);
    expect(s.total.gapPp).toBeCloseTo(-5 / 3, 9);

    const human = ledger(['check', file, '--out', path.join(tmp, 'out')], '2018-10-08');
    expect(human.stdout).toContain('截至 2018-09-27');
    expect(human.stdout).toContain('截至日期取自文件名「重点项目进展统计-20180927.xlsx」');
  });

  it('the same workbook under a name without a date is measured at today', async () => {
    const fx = fileNameLayout.layout();
    const file = path.join(tmp, '重点项目进展统计.xlsx');
    fs.writeFileSync(file, await xlsx([fx]));
    const report = JSON.parse(ledger(['check', file, '--json', '--out', path.join(tmp, 'out')], '2018-10-08').stdout) as Report;
    expect(report.files[0].sheets[0].asOf).toBe('2018-10-08');
    expect(report.files[0].sheets[0].asOfSource).toBe('today');
  });

  it('a blank copy beside the filled sheet takes its period (2010-03-31), not today\'s', async () => {
    const file = path.join(tmp, '南平重点项目.xlsx');
    fs.writeFileSync(file, await xlsx([workbookLayout.layout(), workbookLayout.blankCopy()]));
    const r = ledger(['check', file, '--json', '--out', path.join(tmp, 'out')], '2010-05-20');
    const sheets = (JSON.parse(r.stdout) as Report).files[0].sheets;
    expect(sheets.map((s) => [s.sheet, s.asOf, s.asOfSource, s.timeProgress])).toEqual([
      ['2010年3月', '2010-03-31', 'title', 0.25],
      ['模板', '2010-03-31', 'workbook', 0.25],
    ]);
    const human = ledger(['check', file, '--out', path.join(tmp, 'out'), '--lang', 'en'], '2010-05-20').stdout;
    expect(human).toContain('As-of date taken from sheet "2010年3月" of the same workbook');
  });
});

describe('ledger check on a 旬报 (periods-ten-days)', () => {
  it('reports 1-7月 + 8月上旬 + 8月中旬 as of 2018-08-20, and the copy\'s rate formulas add F, G and H', async () => {
    const fx = tenDays.layout();
    const file = path.join(tmp, '2018年8月中旬旬报.xlsx');
    fs.writeFileSync(file, await xlsx([fx]));
    const out = path.join(tmp, 'out');
    const r = ledger(['check', file, '--json', '--out', out], fx.settings.today);
    const s = (JSON.parse(r.stdout) as Report).files[0].sheets[0];
    expect(s.asOf).toBe('2018-08-20');
    expect(s.completedYtdParts).toEqual(['G', 'H']);
    // 7000+500+700, 4000+300+(blank), 3000+250+350
    expect(s.projects.map((p) => p.completedYtd)).toEqual([8200, 4300, 3600]);
    expect(s.total.completedYtd).toBe(16100);
    const copy = readWorkbook(new Uint8Array(fs.readFileSync(path.join(out, '2018年8月中旬旬报.checked.xlsx'))));
    const grid = copy.sheets.find((x) => x.name === fx.sheet)!.grid;
    const rateCol = grid.values[2].findIndex((v) => v === '完成率');
    expect(rateCol).toBeGreaterThan(7);
    for (const row of [4, 5, 6]) {
      const f = grid.formulas?.get(cellKey(row - 1, rateCol)) ?? '';
      expect(f).toMatch(new RegExp(`F${row}.*G${row}.*H${row}`));
    }
    // the cached rates are the report's: 8200/12000, 4300/8000, 3600/6000
    expect(grid.values[3][rateCol]).toBeCloseTo(8200 / 12000, 12);
    expect(grid.values[4][rateCol]).toBeCloseTo(4300 / 8000, 12);
    expect(grid.values[5][rateCol]).toBeCloseTo(0.6, 12);
  });
});

describe('the web page\'s check service', () => {
  it('reads the period from the dropped file\'s name', async () => {
    const fx = fileNameLayout.layout();
    const service = new CheckService();
    service.open(await xlsx([fx]), undefined, fx.fileName);
    const result = service.check({ ...DEFAULT_SETTINGS, today: '2018-10-08' });
    expect(result.asOf).toBe('2018-09-27');
    expect(result.sheets[0].asOfSource).toBe('file-name');
    // a file opened without its name: today
    service.open(await xlsx([fx]));
    expect(service.check({ ...DEFAULT_SETTINGS, today: '2018-10-08' }).sheets[0].asOfSource).toBe('today');
  });
});
