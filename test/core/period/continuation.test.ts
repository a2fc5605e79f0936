/**
 * Period columns that continue the year to date (header/continuation.ts): `1-7月完成投资`
 * then `8月上旬完成`, `8月中旬完成` add up to this year's completed, as of the end of the
 * last period; the report, the rate formula the annotated workbook gets and the 汇总
 * sheet show the same sum. Layout: test/fixtures/real/periods-ten-days.js (sources there).
 */
import { analyzeSheet, type SheetAnalysis } from '../../../src/core/analyze';
import { findContinuation } from '../../../src/core/header/continuation';
import { buildPlans } from '../../../src/core/plan';
import { sheetReport } from '../../../src/core/report';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/core/types';
import { Evaluator } from '../../helpers/formula-eval';
import { cachedMismatches, planBook, shown } from '../../helpers/plan-book';
import { toGrid } from '../../fixtures/to-grid';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const tenDays = require('../../fixtures/real/periods-ten-days.js');

const SETTINGS: Settings = { ...DEFAULT_SETTINGS, today: '2018-08-24' };

function analyze(fx: { rows: unknown[][]; sheet: string }, settings = SETTINGS): SheetAnalysis {
  const a = analyzeSheet(toGrid(fx as never), settings);
  if (!a.ok) throw new Error('not a ledger');
  return a;
}

describe('findContinuation', () => {
  const cols = { completedYtd: 0 };
  it.each<[string[], ReturnType<typeof findContinuation>]>([
    [['1-7月完成投资', '8月上旬完成', '8月中旬完成'], { cols: [1, 2], month: 8, day: 20 }],
    [['1-7月完成投资', '8月上旬完成'], { cols: [1], month: 8, day: 10 }],
    [['1-7月完成投资', '8月上旬完成', '8月中旬完成', '8月下旬完成'], { cols: [1, 2, 3], month: 8 }],
    [['1-7月完成投资', '8月完成'], { cols: [1], month: 8 }],
    [['1—7月完成投资(万元)', '8月份完成投资（万元）'], { cols: [1], month: 8 }],
    [['2018年 / 1-7月完成', '2018年 / 8月上旬完成', '2018年 / 8月中旬完成'], { cols: [1, 2], month: 8, day: 20 }],
    // not a continuation: a gap (no 上旬), another month, a plan, a whole month beside ten-day columns, December
    [['1-7月完成投资', '8月中旬完成'], null],
    [['1-7月完成投资', '9月上旬完成'], null],
    [['1-7月完成投资', '8月计划投资'], null],
    [['1-7月完成投资', '8月完成', '8月上旬完成'], null],
    [['1-12月完成投资', '1月完成'], null],
    [['本年累计完成投资', '8月上旬完成'], null],
  ])('%j', (labels, expected) => {
    expect(findContinuation(labels, cols)).toEqual(expected);
  });

  it('a column another figure field holds does not count', () => {
    expect(findContinuation(['1-7月完成投资', '8月上旬完成'], { completedYtd: 0, annualPlan: 1 })).toBeNull();
    expect(findContinuation(['1-7月完成投资', '8月上旬完成'], { completedYtd: 0, monthCompleted: 1 })).toEqual({ cols: [1], month: 8, day: 10 });
  });
});

describe('the 旬报 (periods-ten-days)', () => {
  const fx = tenDays.layout();
  const a = analyze(fx);

  it('is measured at the end of 8月中旬: 2018-08-20, time progress 7/12 on the month basis', () => {
    expect(a.ledger.asOf).toBe('2018-08-20');
    expect(a.ledger.asOfSource).toBe('title');
    expect(a.ledger.timeProgress).toBeCloseTo(7 / 12, 12);
    // the title (8月中旬) and the header's last period (8月中旬完成) agree
    expect(a.issues.filter((i) => i.code === 'period-mismatch')).toEqual([]);
  });

  it('on the day basis: 232/365', () => {
    expect(analyze(fx, { ...SETTINGS, timeBasis: 'day' }).ledger.timeProgress).toBeCloseTo(232 / 365, 12);
  });

  it('adds the period columns to 1-7月: 8200, 4300 (blank 中旬 adds 0), 3600', () => {
    expect(a.ledger.projects.map((p) => p.completedYtd)).toEqual([8200, 4300, 3600]);
    expect(a.ledger.projects.map((p) => p.completionRate)).toEqual([8200 / 12000, 4300 / 8000, 3600 / 6000]);
    // gaps: +10, −4.583, +1.667 points → on track, behind, on track
    expect(a.ledger.projects.map((p) => p.status)).toEqual(['on-track', 'behind', 'on-track']);
    expect(a.ledger.total.completedYtd).toBe(16100);
    expect(a.ledger.total.completionRate).toBeCloseTo(16100 / 26000, 12);
    expect(a.ledger.total.gapPp!).toBeCloseTo(3.5897435897, 8);
    expect(a.ledger.groups.map((g) => [g.name, g.completedYtd])).toEqual([['汉台区', 12500], ['南郑区', 3600]]);
  });

  it('the report names the period columns added to F', () => {
    const r = sheetReport(a, []);
    expect(r.columns.completedYtd).toBe('F');
    expect(r.completedYtdParts).toEqual(['G', 'H']);
    expect(r.projects.map((p) => p.completedYtd)).toEqual([8200, 4300, 3600]);
  });

  it('without the period columns read, the header alone would say 1-7月 and 7000: the sum is not the default', () => {
    const only = analyze({ ...fx, rows: fx.rows.map((row: unknown[]) => row.slice(0, 6)) });
    expect(only.ledger.projects.map((p) => p.completedYtd)).toEqual([7000, 4000, 3000]);
  });

  it('the rate formula in the annotated workbook adds the same cells and gives the report\'s rates', () => {
    const plans = buildPlans([{ grid: a.grid, header: a.header, ledger: a.ledger, issues: [] }], SETTINGS);
    const book = planBook([{ sheet: fx.sheet, grid: a.grid }], plans);
    expect(cachedMismatches(book, plans)).toEqual([]);
    const ev = new Evaluator(book);
    const rateCol = plans[0].cells.find((c) => c.r === 2 && c.value === '完成率')!.c;
    const rateCells = plans[0].cells.filter((c) => c.c === rateCol && c.r >= 3);
    expect(rateCells).toHaveLength(3);
    // each formula reads F, G and H of its row
    for (const c of rateCells) expect(c.formula).toMatch(new RegExp(`F${c.r + 1}.*G${c.r + 1}.*H${c.r + 1}`));
    const rates = rateCells.map((c) => shown(ev.cell(fx.sheet, `${String.fromCharCode(65 + rateCol)}${c.r + 1}`)) as number);
    [8200 / 12000, 4300 / 8000, 3600 / 6000].forEach((want, i) => expect(rates[i]).toBeCloseTo(want, 12));
  });

  it('the 汇总 sheet sums the period columns too: 汉台区 12500, 南郑区 3600', () => {
    const plans = buildPlans([{ grid: a.grid, header: a.header, ledger: a.ledger, issues: [] }], SETTINGS);
    const ev = new Evaluator(planBook([{ sheet: fx.sheet, grid: a.grid }], plans));
    const sum = plans[0].sheets[0];
    const rowOf = (name: string) => (sum.cells.find((c) => c.c === 1 && c.value === name) as { r: number }).r + 1;
    // column H of the 汇总 sheet is 完成投资, a live sum over F, G and H of the ledger
    const cell = sum.cells.find((c) => c.r === rowOf('汉台区') - 1 && c.c === 7)!;
    expect(cell.formula).toMatch(/\$F\$4:\$F\$6.*\$G\$4:\$G\$6.*\$H\$4:\$H\$6/);
    expect(shown(ev.cell(sum.name, `H${rowOf('汉台区')}`))).toBe(12500);
    expect(shown(ev.cell(sum.name, `H${rowOf('南郑区')}`))).toBe(3600);
  });
});

describe('8月完成 alone (periods-ten-days, wholeMonth)', () => {
  it('adds the month: as of 2018-08-31, 8/12, the same sums', () => {
    const a = analyze(tenDays.wholeMonth());
    expect(a.ledger.asOf).toBe('2018-08-31');
    expect(a.ledger.timeProgress).toBeCloseTo(8 / 12, 12);
    expect(a.ledger.projects.map((p) => p.completedYtd)).toEqual([8200, 4300, 3600]);
    expect(a.issues.filter((i) => i.code === 'period-mismatch')).toEqual([]);
  });
});

describe('a period column that does not continue 1-7月', () => {
  it('8月中旬完成 without 上旬: the year to date stays 1-7月; the title (8月中旬) wins over the header (1-7月) with a warning', () => {
    const rows = tenDays.withParts('2018年重点项目建设旬报（8月中旬）', ['8月中旬完成'], [[700], [0], [350]]);
    const a = analyze({ sheet: 'S', rows });
    expect(a.header.ytdParts).toBeUndefined();
    expect(a.ledger.projects.map((p) => p.completedYtd)).toEqual([7000, 4000, 3000]);
    expect(a.ledger.asOf).toBe('2018-08-20');
    expect(a.issues.filter((i) => i.code === 'period-mismatch').map((i) => i.params.other)).toEqual(['1-7月完成投资']);
  });
});

describe('a period cell that is not a figure', () => {
  it('8月中旬 typed `—`: no rate for that row, and a not-a-number error on H, the cell at fault', () => {
    const rows = tenDays.withParts('2018年重点项目建设旬报（8月中旬）', ['8月上旬完成', '8月中旬完成'], [[500, 700], [300, '—'], [250, 350]]);
    const a = analyze({ sheet: 'S', rows });
    expect(a.ledger.projects.map((p) => p.completedYtd)).toEqual([8200, null, 3600]);
    expect(a.ledger.projects[1].completionRate).toBeNull();
    const nan = a.issues.filter((i) => i.code === 'not-a-number');
    // row 5 (0-based 4), column H (7)
    expect(nan.map((i) => [i.r, i.c, i.severity])).toEqual([[4, 7, 'error']]);
    // and the blank-only missing-required does not misname F
    expect(a.issues.filter((i) => i.code === 'missing-required')).toEqual([]);
  });
});
