/**
 * The formulas the plan writes, evaluated without a spreadsheet (test/helpers/formula-eval.ts):
 * every written formula must give its cached value, and both equal figures worked out by hand,
 * with ties, a plain-number text figure and a text figure that is not plain, under both
 * ranking methods; the fill rules are evaluated row by row against each row's status.
 */
import { figureFormula, figureOf } from '../../src/core/plain-number';
import { buildPlans } from '../../src/core/plan';
import type { RankMethod, WritePlan } from '../../src/core/types';
import { Evaluator, isErr } from '../helpers/formula-eval';
import { cachedMismatches, planBook, shown } from '../helpers/plan-book';
import { analyze, HEAD, SETTINGS } from './whatif/helpers';

// as-of 2022-06-30, month basis: time progress 6/12 = 0.5; lagWarn 0, lagAlert 10.
const ROWS = [
  ['单位：万元'],
  HEAD,
  [1, '甲县', 'A', 5000, 1000, 600], // 600/1000 = 0.6
  [2, '甲县', 'B', 5000, 1000, '600'], // plain-number text: 0.6, tied with A
  [3, '甲县', 'C', 5000, 1000, 450], // 0.45
  [4, '乙县', 'D', 5000, 2000, 1200], // 0.6, tied with A and B
  [5, '乙县', 'E', 5000, 1000, '1,000～1,200'], // a range is no figure: no rate (plan-forms.test.ts: the forms that are)
  [6, '乙县', 'F', 5000, '800', 200], // plain-number text plan: 200/800 = 0.25
  [7, '乙县', 'G', 5000, 1000, 300], // 0.3
];
// rows 3..9 in A1 terms
const RATE = { 3: 0.6, 4: 0.6, 5: 0.45, 6: 0.6, 7: '', 8: 0.25, 9: 0.3 } as Record<number, number | ''>;
// gap = (rate − 0.5) × 100
const GAP = { 3: 10, 4: 10, 5: -5, 6: 10, 7: '', 8: -25, 9: -20 } as Record<number, number | ''>;
// keys 0.6, 0.6, 0.45, 0.6, —, 0.25, 0.3
// competition: three at 0.6 share 1, then 0.45 is 4th, 0.3 5th, 0.25 6th
// dense:       three at 0.6 share 1, then 0.45 is 2nd, 0.3 3rd, 0.25 4th
const RANK: Record<RankMethod, Record<number, number | ''>> = {
  competition: { 3: 1, 4: 1, 5: 4, 6: 1, 7: '', 8: 6, 9: 5 },
  dense: { 3: 1, 4: 1, 5: 2, 6: 1, 7: '', 8: 4, 9: 3 },
};
// 甲县 A, B 0.6, C 0.45 → competition 1, 1, 3; dense 1, 1, 2.
// 乙县 D 0.6, G 0.3, F 0.25 → 1, 2, 3 under both.
const IN_GROUP: Record<RankMethod, Record<number, number | ''>> = {
  competition: { 3: 1, 4: 1, 5: 3, 6: 1, 7: '', 8: 3, 9: 2 },
  dense: { 3: 1, 4: 1, 5: 2, 6: 1, 7: '', 8: 3, 9: 2 },
};
// on track: gap ≥ −0; behind: ≥ −10; seriously behind below; no gap → 无法计算
const STATUS = { 3: '正常推进', 4: '正常推进', 5: '滞后', 6: '正常推进', 7: '无法计算', 8: '严重滞后', 9: '严重滞后' } as Record<number, string>;

function checked(method: RankMethod): { plans: WritePlan[]; ev: Evaluator; book: ReturnType<typeof planBook> } {
  const settings = { ...SETTINGS, rankMethod: method };
  const a = analyze(ROWS, 'Sheet1', settings);
  const plans = buildPlans([{ grid: a.grid, header: a.header, ledger: a.ledger, issues: [] }], settings);
  const book = planBook([{ sheet: 'Sheet1', grid: a.grid }], plans);
  return { plans, ev: new Evaluator(book), book };
}

describe.each<RankMethod>(['competition', 'dense'])('the written formulas, %s ranking', (method) => {
  const { plans, ev, book } = checked(method);
  const out = { rate: 'G', gap: 'H', status: 'I', inGroup: 'J', rank: 'K' };

  it('every formula evaluates to its cached value', () => {
    const formulas = plans.flatMap((p) => [...p.cells, ...p.sheets.flatMap((s) => s.cells)]).filter((c) => c.formula);
    expect(formulas.length).toBeGreaterThanOrEqual(7 * 6);
    expect(cachedMismatches(book, plans)).toEqual([]);
  });

  it('the columns give the figures by hand', () => {
    expect(plans[0].cells.find((c) => c.r === 1 && c.c === 6)?.value).toBe('完成率'); // G is the tool's first column
    for (let r = 3; r <= 9; r++) {
      const at = (col: string) => shown(ev.cell('Sheet1', `${col}${r}`));
      const close = (x: unknown, want: number | '') => (want === '' ? x === '' : typeof x === 'number' && Math.abs(x - want) < 1e-9);
      expect({ r, rate: close(at(out.rate), RATE[r]), gap: close(at(out.gap), GAP[r]) }).toEqual({ r, rate: true, gap: true });
      expect({ r, status: at(out.status), rank: at(out.rank), inGroup: at(out.inGroup) }).toEqual({ r, status: STATUS[r], rank: RANK[method][r], inGroup: IN_GROUP[method][r] });
    }
  });

  it('the fill rules colour exactly the behind (yellow) and seriously behind (red) rows', () => {
    const rules = plans[0].conditionalFormats;
    expect(rules.map((f) => f.fill)).toEqual(['red', 'yellow']);
    const first = rules[0].r0 + 1;
    for (let r = 3; r <= 9; r++) {
      // The rule is written for its first row; its relative rows move with the row.
      const at = (f: string) => ev.formula(f.replace(new RegExp(`(\\$[A-Z]+)${first}(?!\\d)`, 'g'), `$1${r}`), 'Sheet1');
      const fills = rules.filter((f) => at(f.formula) === true).map((f) => f.fill);
      const want = STATUS[r] === '滞后' ? ['yellow'] : STATUS[r] === '严重滞后' ? ['red'] : [];
      expect({ r, fills }).toEqual({ r, fills: want });
    }
  });
});

describe('figureFormula reads text as figureOf does', () => {
  it.each(['3187', '3187.5', '.5', '5.', '03187', '0', '1,234.5', ' 3187', '3187 ', '１２３', '-5', '+5', '1e3', '12%', '约3000', '', '.', '3.1.4', '123456789012345', '1234567890123456', 'TRUE'])(
    '%j',
    (text) => {
      const book = { sheets: new Map([['S', new Map([['A1', { value: text }]])]]), names: new Map() };
      const got = new Evaluator(book).formula(figureFormula('A1'), 'S');
      const want = figureOf(text);
      expect(isErr(got) ? null : got).toBe(want);
    },
  );
  it('numbers pass; blanks, booleans and errors give an error', () => {
    const cells = new Map<string, { value?: number | boolean | { error: string } }>([['A1', { value: 42.5 }], ['A3', { value: true }], ['A4', { value: { error: '#DIV/0!' } }]]);
    const ev = new Evaluator({ sheets: new Map([['S', cells]]), names: new Map() });
    expect(ev.formula(figureFormula('A1'), 'S')).toBe(42.5);
    for (const a1 of ['A2', 'A3', 'A4']) expect(isErr(ev.formula(figureFormula(a1), 'S'))).toBe(true);
  });
});

describe.each<RankMethod>(['competition', 'dense'])('the 汇总 sheet as formulas, %s ranking', (method) => {
  const { plans, ev, book } = checked(method);
  const sum = plans[0].sheets[0];
  const row = (name: string) => (sum.cells.find((c) => c.c === 1 && c.value === name) as { r: number }).r + 1;
  const at = (e: Evaluator, name: string, col: string) => shown(e.cell('汇总', `${col}${row(name)}`));

  it('is written as formulas', () => {
    const r = row('甲县');
    const live = sum.cells.filter((c) => c.r === r - 1 && c.formula).map((c) => c.c);
    // 项目数, 开工率, 总投资, 年度计划, 完成, 完成率, 与时间进度差, 滞后项目, 排名, 排名依据, 时间进度 (已开工 stays typed)
    expect(live).toEqual([2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
  });

  it('gives the figures by hand, text figures counted by the one rule', () => {
    // 甲县: plan 1000+1000+1000 = 3000; done 600 + "600" + 450 = 1650; 1650/3000 = 0.55, gap +5.0; C behind
    // 乙县: plan 2000 + 1000 + "800" + 1000 = 4800; done 1200 + ("1,000" is no figure) + 200 + 300 = 1700;
    //       1700/4800 = 0.3541667, gap −14.6; F and G seriously behind
    // 合计: 7 projects, 7800, 3350, 3350/7800 = 0.4294872, gap −7.1, 3 lagging
    const want: [string, number, number, number, number, number, number | ''][] = [
      ['甲县', 3, 3000, 1650, 0.55, 1, 1],
      ['乙县', 4, 4800, 1700, 1700 / 4800, 2, 2],
      ['合计', 7, 7800, 3350, 3350 / 7800, 3, ''],
    ];
    for (const [g, n, plan, done, rate, lag, rank] of want) {
      expect({ g, n: at(ev, g, 'C'), plan: at(ev, g, 'G'), done: at(ev, g, 'H'), lag: at(ev, g, 'K'), rank: at(ev, g, 'L') }).toEqual({ g, n, plan, done, lag, rank });
      expect(at(ev, g, 'I')).toBeCloseTo(rate, 12);
    }
    expect([at(ev, '甲县', 'J'), at(ev, '乙县', 'J'), at(ev, '合计', 'J')]).toEqual([5, -14.6, -7.1]);
  });

  it('follows an edited figure and an edited time progress', () => {
    // G's done 300 → 1500 (1500/1000 = 1.5), LC_TimeProgress 0.5 → 0.75.
    const edited = { sheets: new Map([...book.sheets].map(([k, v]) => [k, new Map(v)])), names: book.names };
    edited.sheets.get('Sheet1')!.set('F9', { value: 1500 });
    edited.sheets.get('汇总')!.set('B2', { value: 0.75 });
    const e = new Evaluator(edited);
    // 乙县 done 1200 + 200 + 1500 = 2900; 2900/4800 = 0.6041667 > 甲县 0.55: 乙县 ranks first now.
    // gaps: 甲县 (0.55 − 0.75) × 100 = −20.0; 乙县 (0.6041667 − 0.75) × 100 = −14.58 → −14.6
    // statuses at 0.75: A, B, D 0.6 → −15, C −30, F −50: seriously behind; G +75 on track
    expect([at(e, '乙县', 'H'), at(e, '乙县', 'L'), at(e, '甲县', 'L')]).toEqual([2900, 1, 2]);
    expect([at(e, '甲县', 'J'), at(e, '乙县', 'J')]).toEqual([-20, -14.6]);
    // The chart's time-progress column follows LC_TimeProgress on every row.
    expect([at(e, '甲县', 'N'), at(e, '乙县', 'N'), at(e, '合计', 'N')]).toEqual([0.75, 0.75, 0.75]);
    expect([at(e, '甲县', 'K'), at(e, '乙县', 'K'), at(e, '合计', 'K')]).toEqual([3, 2, 5]);
    // ledger ranks: G 1.5 first, then A, B, D at 0.6; C 0.45; F 0.25
    const ranks = [3, 4, 5, 6, 8, 9].map((r) => shown(e.cell('Sheet1', `K${r}`)));
    expect(ranks).toEqual(method === 'competition' ? [2, 2, 5, 2, 6, 1] : [2, 2, 3, 2, 4, 1]);
  });
});

describe('the 汇总 sheet where groups come from headings', () => {
  // Two heading rows name the groups; the projects under each are summed over their rows.
  const rows = [
    ['单位：万元'],
    ['序号', '项目名称', '总投资', '年度计划投资', '1-6月完成投资'],
    ['一、工业项目'],
    [1, 'A', 5000, 1000, 700], // 0.7
    [2, 'B', 5000, 1000, '500'], // plain-number text: 0.5
    ['二、民生项目'],
    [3, 'C', 5000, 2000, 600], // 0.3
  ];
  const a = analyze(rows);
  const plans = buildPlans([{ grid: a.grid, header: a.header, ledger: a.ledger, issues: [] }], SETTINGS);
  const book = planBook([{ sheet: 'Sheet1', grid: a.grid }], plans);
  const ev = new Evaluator(book);
  const sum = plans[0].sheets[0];

  it('sums over each heading block, formulas equal to their cached values and to the hand figures', () => {
    expect(a.ledger.groupSource).toBe('heading');
    expect(cachedMismatches(book, plans)).toEqual([]);
    const groupRows = sum.cells.filter((c) => c.c === 1 && c.r > 7).map((c) => c.r + 1);
    const fig = (r: number, col: string) => shown(ev.cell('汇总', `${col}${r}`));
    // 工业: 2 projects, plan 2000, done 700 + "500" = 1200, 0.6, rank 1; 民生: 1, 2000, 600, 0.3, rank 2
    expect(groupRows.map((r) => [fig(r, 'C'), fig(r, 'G'), fig(r, 'H'), fig(r, 'L')])).toEqual([
      [2, 2000, 1200, 1],
      [1, 2000, 600, 2],
      [3, 4000, 1800, ''],
    ]);
    expect(sum.cells.find((c) => c.r === groupRows[0] - 1 && c.c === 6)?.formula).toContain('SUMIFS(');
  });
});

describe('the 汇总 sheet lists the groups by rank', () => {
  // 民生 first in the ledger at 600 / 2000 = 0.3, 工业 second at 1200 / 2000 = 0.6: 工业 ranks 1.
  const rows = [
    ['单位：万元'],
    ['序号', '项目名称', '总投资', '年度计划投资', '1-6月完成投资'],
    ['一、民生项目'],
    [1, 'C', 5000, 2000, 600],
    ['二、工业项目'],
    [2, 'A', 5000, 1000, 700],
    [3, 'B', 5000, 1000, 500],
  ];
  const a = analyze(rows);
  const plans = buildPlans([{ grid: a.grid, header: a.header, ledger: a.ledger, issues: [] }], SETTINGS);
  const book = planBook([{ sheet: 'Sheet1', grid: a.grid }], plans);
  const ev = new Evaluator(book);
  const sum = plans[0].sheets[0];

  it('best first, each row\'s formulas still its own group\'s', () => {
    expect(cachedMismatches(book, plans)).toEqual([]);
    const groupRows = sum.cells.filter((c) => c.c === 1 && c.r > 7).map((c) => c.r + 1);
    const fig = (r: number, col: string) => shown(ev.cell('汇总', `${col}${r}`));
    expect(groupRows.map((r) => [fig(r, 'B'), fig(r, 'C'), fig(r, 'H'), fig(r, 'L')])).toEqual([
      ['工业项目', 2, 1200, 1],
      ['民生项目', 1, 600, 2],
      ['合计', 3, 1800, ''],
    ]);
  });
});
