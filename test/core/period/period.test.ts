/**
 * Where the as-of date comes from (core/period.ts): the file name's date when the
 * workbook names no period, the workbook's period on a sheet that names none, the sheet
 * over the file name and the title over the header, with a period-mismatch warning.
 * Layouts: test/fixtures/real/periods-file-name.js and periods-workbook.js (sources there).
 */
import { analyzeWorkbook, type SheetAnalysis } from '../../../src/core/analyze';
import { fileNamePeriod, samePeriod } from '../../../src/core/period';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/core/types';
import { toIssue } from '../../../src/i18n';
import { toGrid } from '../../fixtures/to-grid';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fileNameLayout = require('../../fixtures/real/periods-file-name.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const workbookLayout = require('../../fixtures/real/periods-workbook.js');

const settingsAt = (today: string, extra: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, today, ...extra });

function only(fx: { rows: unknown[][] }, settings: Settings, fileName?: string): SheetAnalysis {
  const { ledgers } = analyzeWorkbook([toGrid(fx as never)], settings, undefined, { fileName });
  expect(ledgers).toHaveLength(1);
  return ledgers[0];
}
const mismatches = (a: SheetAnalysis) => a.issues.filter((i) => i.code === 'period-mismatch');

describe('fileNamePeriod', () => {
  it.each<[string, ReturnType<typeof fileNamePeriod>]>([
    ['重点项目进展统计-20180927.xlsx', { year: 2018, month: 9, day: 27 }],
    ['2023-03台账.xlsx', { year: 2023, month: 3 }],
    ['2023.03.20 重点项目旬报.xlsx', { year: 2023, month: 3, day: 20 }],
    ['台账202303.xlsx', { year: 2023, month: 3 }],
    ['2023年3月台账.xlsx', { year: 2023, month: 3 }],
    ['3月台账.xlsx', { month: 3 }],
    ['2023年1-6月重点项目.xlsx', { year: 2023, month: 6 }],
    ['重点项目台账（截至8月底）.xlsm', { month: 8 }],
    // no period: a year alone, a project code, a month 13, a date in a folder only
    ['2023年重点项目台账.xlsx', null],
    ['重点项目台账.xlsx', null],
    ['2023-350700-48-01-000001.xlsx', null],
    ['20181327.xlsx', null],
    ['C:\\报表\\2023年3月\\台账.xlsx', null],
    ['/data/2023-03/台账.xlsx', null],
  ])('%s', (name, expected) => {
    expect(fileNamePeriod(name)).toEqual(expected);
  });

  it('compares at the precision both give', () => {
    expect(samePeriod({ month: 6 }, { year: 2023, month: 6, day: 27 })).toBe(true);
    expect(samePeriod({ month: 6, day: 20 }, { year: 2023, month: 6, day: 27 })).toBe(false);
    expect(samePeriod({ year: 2022, month: 6 }, { year: 2023, month: 6 })).toBe(false);
    expect(samePeriod({ month: 8 }, { month: 9 })).toBe(false);
  });
});

describe('the period from the file name (periods-file-name)', () => {
  const fx = fileNameLayout.layout();

  it('takes 2018-09-27 from `…统计-20180927.xlsx` when the title names only the year, and says so', () => {
    const a = only(fx, settingsAt(fx.settings.today), fx.fileName);
    expect(a.ledger.asOf).toBe('2018-09-27');
    expect(a.ledger.asOfSource).toBe('file-name');
    expect(a.ledger.asOfFrom).toBe('重点项目进展统计-20180927.xlsx');
    // 27 September is not the month's end: 8 months done → 8/12
    expect(a.ledger.timeProgress).toBeCloseTo(8 / 12, 12);
    // 16900 / 26000 = 0.65; gap (0.65 − 0.6667) × 100 = −1.667
    expect(a.ledger.total.completionRate).toBeCloseTo(0.65, 12);
    expect(a.ledger.total.gapPp!).toBeCloseTo(-5 / 3, 9);
    expect(mismatches(a)).toEqual([]);
  });

  it('without a file name the same sheet is measured at today (2018-10-08 → 9/12)', () => {
    const a = only(fx, settingsAt(fx.settings.today));
    expect(a.ledger.asOf).toBe('2018-10-08');
    expect(a.ledger.asOfSource).toBe('today');
    expect(a.ledger.timeProgress).toBeCloseTo(9 / 12, 12);
  });

  it('`3月台账.xlsx` takes its year from the sheet (2018年…): 2018-03-31', () => {
    const a = only(fx, settingsAt('2019-01-10'), '3月台账.xlsx');
    expect(a.ledger.asOf).toBe('2018-03-31');
    expect(a.ledger.asOfSource).toBe('file-name');
  });

  it('`3月台账.xlsx` on a sheet that names no year takes today\'s year: 2019-03-31', () => {
    const bare = fileNameLayout.withTitle('重点项目建设进展统计表', '本年累计完成投资', '年度计划投资');
    const a = only(bare, settingsAt('2019-04-10'), '3月台账.xlsx');
    expect(a.ledger.asOf).toBe('2019-03-31');
  });

  it('a title without a year takes the file name\'s year, not today\'s', () => {
    const noYear = fileNameLayout.withTitle('重点项目建设进展统计表（截至8月底）', '本年累计完成投资', '年度计划投资');
    const a = only(noYear, settingsAt('2019-02-01'), '2018年8月台账.xlsx');
    expect(a.ledger.asOf).toBe('2018-08-31');
    expect(a.ledger.asOfSource).toBe('title');
    expect(mismatches(a)).toEqual([]);
  });

  it('--as-of wins over everything and nothing is compared', () => {
    const a = only(fileNameLayout.withTitle('2018年重点项目（1-8月）'), settingsAt('2018-10-08', { asOf: '2018-06-30' }), fx.fileName);
    expect(a.ledger.asOf).toBe('2018-06-30');
    expect(a.ledger.asOfSource).toBe('option');
    expect(mismatches(a)).toEqual([]);
  });

  it('title 1-8月 and a file dated 20180919: the sheet wins (2018-08-31), one warning on the title cell', () => {
    const a = only(fileNameLayout.withTitle('2018年重点项目建设进展统计表（1-8月）'), settingsAt('2018-10-08'), '重点项目进展统计-20180919.xlsx');
    expect(a.ledger.asOf).toBe('2018-08-31');
    expect(a.ledger.asOfSource).toBe('title');
    // 8/12 at the end of August
    expect(a.ledger.timeProgress).toBeCloseTo(8 / 12, 12);
    const w = mismatches(a);
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ severity: 'warning', r: 0, c: 0 });
    expect(w[0].params).toMatchObject({ otherFrom: 'file-name', otherDate: '2018-09-19', chosenFrom: 'title', asOf: '2018-08-31' });
    expect(toIssue(w[0], 'zh-CN').message).toBe(
      '文件名「重点项目进展统计-20180919.xlsx」所示期间与标题「2018年重点项目建设进展统计表（1-8月）」不一致，已按标题取截至日期 2018-08-31，请核对',
    );
    expect(toIssue(w[0], 'zh-TW').message).toContain('檔名「重点项目进展统计-20180919.xlsx」');
    expect(toIssue(w[0], 'en').message).toContain('the as-of date is taken from the title: 2018-08-31');
  });

  it('title 1-9月 and a file dated 20180927 agree (the title gives no day): no warning, the month end wins', () => {
    const a = only(fileNameLayout.withTitle('2018年重点项目建设进展统计表（1-9月）'), settingsAt('2018-10-08'), fx.fileName);
    expect(a.ledger.asOf).toBe('2018-09-30');
    expect(a.ledger.timeProgress).toBeCloseTo(9 / 12, 12);
    expect(mismatches(a)).toEqual([]);
  });

  it('title 截至8月底 over header 1-7月完成投资: the title wins, the warning sits on the header cell E3', () => {
    const a = only(fileNameLayout.withTitle('2018年重点项目建设进展统计表（截至8月底）', '1-7月完成投资'), settingsAt('2018-10-08'));
    expect(a.ledger.asOf).toBe('2018-08-31');
    const w = mismatches(a);
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ r: 2, c: 4 });
    expect(w[0].params).toMatchObject({ otherFrom: 'header', other: '1-7月完成投资', otherDate: '2018-07' });
    expect(toIssue(w[0], 'zh-CN').cell).toBe('E3');
  });

  it('the header alone names the period: source header', () => {
    const a = only(fileNameLayout.withTitle('2018年重点项目建设进展统计表', '1-7月完成投资'), settingsAt('2018-10-08'), '台账.xlsx');
    expect(a.ledger.asOf).toBe('2018-07-31');
    expect(a.ledger.asOfSource).toBe('header');
    expect(a.ledger.asOfFrom).toBe('1-7月完成投资');
  });
});

describe('the workbook\'s period on a sheet that names none (periods-workbook)', () => {
  const filled = workbookLayout.layout();
  const blank = workbookLayout.blankCopy();
  const settings = settingsAt(filled.settings.today); // 2010-05-20

  it('the blank copy titled 南平市<yyyy>年1-<M>月… takes 2010-03-31 from sheet 2010年3月, and says so', () => {
    const { ledgers } = analyzeWorkbook([toGrid(filled), toGrid(blank)], settings);
    expect(ledgers.map((l) => l.ledger.sheet)).toEqual(['2010年3月', '模板']);
    const [a, b] = ledgers;
    expect(a.ledger.asOf).toBe('2010-03-31');
    expect(a.ledger.asOfSource).toBe('title');
    expect(b.ledger.asOf).toBe('2010-03-31');
    expect(b.ledger.asOfSource).toBe('workbook');
    expect(b.ledger.asOfFrom).toBe('2010年3月');
    // 3/12 = 0.25, not today's 4/12
    expect(b.ledger.timeProgress).toBeCloseTo(0.25, 12);
    // (100 + 113) / 1000 = 0.213; gap (0.213 − 0.25) × 100 = −3.7
    expect(b.ledger.total.completionRate).toBeCloseTo(0.213, 12);
    expect(b.ledger.total.gapPp!).toBeCloseTo(-3.7, 9);
  });

  it('the blank copy first in the workbook still takes the filled sheet\'s period', () => {
    const { ledgers } = analyzeWorkbook([toGrid(blank), toGrid(filled)], settings);
    expect(ledgers[0].ledger.asOf).toBe('2010-03-31');
    expect(ledgers[0].ledger.asOfSource).toBe('workbook');
  });

  it('with a sheet per month, the blank copy takes the latest: 2010年1-4月 over 2010年1-3月 → 2010-04-30', () => {
    const april = { ...filled, sheet: '2010年4月', rows: filled.rows.map((row: unknown[], i: number) => (i === 0 ? ['南平市2010年1-4月重点项目建设进展情况表', ...row.slice(1)] : row)) };
    for (const order of [[filled, april, blank], [april, blank, filled]]) {
      const { ledgers } = analyzeWorkbook(order.map((fx) => toGrid(fx)), settings);
      const copy = ledgers.find((l) => l.ledger.sheet === '模板')!;
      expect(copy.ledger.asOf).toBe('2010-04-30');
      expect(copy.ledger.asOfFrom).toBe('2010年4月');
      // the filled sheets keep their own periods
      expect(ledgers.find((l) => l.ledger.sheet === '2010年3月')!.ledger.asOf).toBe('2010-03-31');
    }
  });

  it('alone, the blank copy is measured at today (2010-05-20 → 4/12)', () => {
    const { ledgers } = analyzeWorkbook([toGrid(blank)], settings);
    expect(ledgers[0].ledger.asOfSource).toBe('today');
    expect(ledgers[0].ledger.timeProgress).toBeCloseTo(4 / 12, 12);
  });

  it('alone, with the file name 2010年3月.xlsx, the blank copy takes the file name\'s period', () => {
    const { ledgers } = analyzeWorkbook([toGrid(blank)], settings, undefined, { fileName: '2010年3月.xlsx' });
    expect(ledgers[0].ledger.asOf).toBe('2010-03-31');
    expect(ledgers[0].ledger.asOfSource).toBe('file-name');
  });

  it('the workbook\'s period comes before the file name\'s; the filled sheet warns that the file name disagrees', () => {
    const { ledgers } = analyzeWorkbook([toGrid(filled), toGrid(blank)], settings, undefined, { fileName: '南平-2010年4月.xlsx' });
    expect(ledgers[1].ledger.asOf).toBe('2010-03-31');
    expect(ledgers[1].ledger.asOfSource).toBe('workbook');
    expect(mismatches(ledgers[0]).map((i) => i.params.otherDate)).toEqual(['2010-04']);
    expect(mismatches(ledgers[1])).toEqual([]);
  });
});
