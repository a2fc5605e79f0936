/**
 * Text figures in the forms real exports hold, through the written formulas: the rate
 * column and the 汇总 sums read each cell as the report does (figure-forms.ts), checked
 * by evaluating every formula (test/helpers/formula-eval.ts) against its cached value,
 * the report and figures worked out by hand. Forms as quoted in test/core/figure-forms.test.ts.
 */
import { buildPlans } from '../../src/core/plan';
import { Evaluator } from '../helpers/formula-eval';
import { cachedMismatches, planBook, shown } from '../helpers/plan-book';
import { analyze, HEAD, SETTINGS } from './whatif/helpers';

// as-of 2022-06-30: time progress 0.5. Columns: A 序号, B 县, C 名称, D 总投资, E 年度计划, F 1-6月.
const ROWS = [
  ['单位：万元'],
  HEAD,
  [1, '甲县', 'A', 5000, 1000, '600'], // 600/1000 = 0.6
  [2, '甲县', 'B', 5000, '1,000', '约500'], // 500/1000 = 0.5
  [3, '甲县', 'C', 5000, '0.2亿元', '1,000万元'], // plan 0.2 × 10000 = 2000; 1000/2000 = 0.5
  [4, '乙县', 'D', 5000, '3 000', '750\u00a0'], // 750/3000 = 0.25
  [5, '乙县', 'E', 5000, 2000, '300-400'], // a range: no figure, no rate
  [6, '乙县', 'F', 5000, '1500(万元)', '～900'], // 900/1500 = 0.6
];
// rows 3..8 in A1 terms; gaps (rate − 0.5) × 100
const RATE: Record<number, number | ''> = { 3: 0.6, 4: 0.5, 5: 0.5, 6: 0.25, 7: '', 8: 0.6 };
const GAP: Record<number, number | ''> = { 3: 10, 4: 0, 5: 0, 6: -25, 7: '', 8: 10 };
// competition: A and F share 1; B and C share 3; D 5th
const RANK: Record<number, number | ''> = { 3: 1, 4: 3, 5: 3, 6: 5, 7: '', 8: 1 };

describe('text figures in real forms through the written formulas', () => {
  const a = analyze(ROWS);
  const plans = buildPlans([{ grid: a.grid, header: a.header, ledger: a.ledger, issues: [] }], SETTINGS);
  const book = planBook([{ sheet: 'Sheet1', grid: a.grid }], plans);
  const ev = new Evaluator(book);

  it('every formula evaluates to its cached value, the rates being formulas', () => {
    expect(cachedMismatches(book, plans)).toEqual([]);
    const rates = plans[0].cells.filter((c) => c.c === 6 && c.r >= 2 && c.r <= 7);
    expect(rates.map((c) => typeof c.formula)).toEqual(new Array(6).fill('string'));
  });

  it('the rate, gap and rank columns give the figures by hand, equal to the report', () => {
    for (let r = 3; r <= 8; r++) {
      const at = (col: string) => shown(ev.cell('Sheet1', `${col}${r}`));
      const close = (x: unknown, want: number | '') => (want === '' ? x === '' : typeof x === 'number' && Math.abs(x - want) < 1e-9);
      expect({ r, rate: close(at('G'), RATE[r]), gap: close(at('H'), GAP[r]), rank: at('K') }).toEqual({ r, rate: true, gap: true, rank: RANK[r] });
      const p = a.ledger.projects.find((x) => x.r === r - 1);
      expect({ r, report: p?.completionRate ?? '' }).toEqual({ r, report: RATE[r] === '' ? '' : expect.closeTo(RATE[r] as number, 9) });
    }
  });

  it('the 汇总 sums read the text as the report does', () => {
    const sum = plans[0].sheets[0];
    const row = (name: string) => (sum.cells.find((c) => c.c === 1 && c.value === name) as { r: number }).r + 1;
    const at = (name: string, col: string) => shown(ev.cell('汇总', `${col}${row(name)}`));
    // 甲县 plan 1000 + 1000 + 2000 = 4000, done 600 + 500 + 1000 = 2100 → 0.525
    // 乙县 plan 3000 + 2000 + 1500 = 6500, done 750 + (range: none) + 900 = 1650 → 0.2538462
    const want: [string, number, number][] = [['甲县', 4000, 2100], ['乙县', 6500, 1650], ['合计', 10500, 3750]];
    for (const [g, plan, done] of want) {
      expect({ g, plan: at(g, 'G'), done: at(g, 'H') }).toEqual({ g, plan, done });
      const rep = g === '合计' ? a.ledger.total : a.ledger.groups.find((x) => x.name === g);
      expect({ g, plan: rep?.annualPlan, done: rep?.completedYtd }).toEqual({ g, plan, done });
    }
    expect(at('甲县', 'I')).toBeCloseTo(2100 / 4000, 12);
    expect(at('乙县', 'I')).toBeCloseTo(1650 / 6500, 12);
  });

  it('an edited text figure moves the rate as the reader would read it', () => {
    const edited = { sheets: new Map([...book.sheets].map(([k, v]) => [k, new Map(v)])), names: book.names };
    edited.sheets.get('Sheet1')!.set('F4', { value: '约800' }); // B: 800/1000 = 0.8
    expect(shown(new Evaluator(edited).cell('Sheet1', 'G4'))).toBeCloseTo(0.8, 12);
  });
});

describe('every form in both columns', () => {
  // Both columns take all five forms, so each figure's reading holds every step and the
  // rate formula reads the plan twice: the longest rate formula the tool writes.
  const rows = [
    ['单位：万元'],
    HEAD,
    [1, '甲县', 'A', 5000, '１，０００（万元）', '６００（万元）'], // 600/1000 = 0.6
    [2, '甲县', 'B', 5000, '约 2,000', '约 500 万元'], // 500/2000 = 0.25
    [3, '甲县', 'C', 5000, 4000, '1,000'], // 1000/4000 = 0.25
  ];
  const a = analyze(rows);
  const plans = buildPlans([{ grid: a.grid, header: a.header, ledger: a.ledger, issues: [] }], SETTINGS);
  const book = planBook([{ sheet: 'Sheet1', grid: a.grid }], plans);

  it('still fits a cell (8,192 characters), evaluates to the report\'s rates, and the gap follows it', () => {
    const rates = plans[0].cells.filter((c) => c.c === 6 && c.r >= 2 && c.r <= 4);
    expect(rates.map((c) => [c.value, typeof c.formula])).toEqual([[0.6, 'string'], [0.25, 'string'], [0.25, 'string']]);
    for (const c of rates) expect(c.formula!.length).toBeLessThan(8192);
    expect(a.ledger.projects.map((p) => p.completionRate)).toEqual([0.6, 0.25, 0.25]);
    expect(cachedMismatches(book, plans)).toEqual([]);
    // gap (0.25 − 0.5) × 100 = −25
    expect(shown(new Evaluator(book).cell('Sheet1', 'H4'))).toBeCloseTo(-25, 9);
  });
});

describe('旬 columns that continue the year to date, in text forms', () => {
  // 1-7月 then 8月上旬 and 8月中旬 (header/continuation.ts): this year = the three cells, each
  // read by the value reader; as of 2022-08-20 the time progress is (7 + 20/31) / 12 on the
  // month basis, which the figures below do not need.
  const rows = [
    ['单位：万元'],
    ['序号', '县（市、区）', '项目名称', '总投资', '年度计划投资', '1-7月完成投资', '8月上旬完成', '8月中旬完成'],
    [1, '甲县', 'A', 5000, 1000, '1,000万元', '约100', ''], // 1000 + 100 + 0 = 1100 → 1.1
    [2, '甲县', 'B', 5000, '２０００', 600, 50, '1 50'], // 600 + 50 + 150 = 800 / 2000 = 0.4
  ];
  const settings = { ...SETTINGS, asOf: undefined, today: '2022-08-25' };
  const a = analyze(rows, 'Sheet1', settings);
  const plans = buildPlans([{ grid: a.grid, header: a.header, ledger: a.ledger, issues: [] }], settings);
  const book = planBook([{ sheet: 'Sheet1', grid: a.grid }], plans);

  it('adds the three cells, as read, in the report and in the written rate', () => {
    expect(a.header.ytdParts).toEqual([6, 7]);
    expect(a.ledger.projects.map((p) => p.completedYtd)).toEqual([1100, 800]);
    expect(cachedMismatches(book, plans)).toEqual([]);
    const ev = new Evaluator(book);
    // The tool's first column is I (after H): 完成率
    expect([shown(ev.cell('Sheet1', 'I3')), shown(ev.cell('Sheet1', 'I4'))]).toEqual([1.1, 0.4]);
  });
});
