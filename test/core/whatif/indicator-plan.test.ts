import { findHeader } from '../../../src/core/header/find-header';
import type { CellValue, Grid } from '../../../src/core/grid';
import { buildPlans } from '../../../src/core/plan';
import type { WritePlan } from '../../../src/core/types';
import { arithText, indicatorFormula, type Arith, type FieldRef } from '../../../src/core/whatif/indicator-formula';
import { isLiveOn, withIndicators } from '../../../src/core/whatif/indicator-plan';
import { compileIndicator } from '../../../src/core/whatif/indicators';
import { analyze, SETTINGS } from './helpers';
import { figureFormula as F } from '../../../src/core/plain-number';

const f = (name: string): Arith => ({ k: 'field', name });
const n = (v: number): Arith => ({ k: 'num', v });
const bin = (op: '+' | '-' | '*' | '/', a: Arith, b: Arith): Arith => ({ k: 'bin', op, a, b });
const ref = (x: string) => x.toUpperCase();

describe('arithText', () => {
  it.each<[string, Arith, string]>([
    ['a+b*c', bin('+', f('a'), bin('*', f('b'), f('c'))), 'A+B*C'],
    ['(a+b)*c without a bracket node', bin('*', bin('+', f('a'), f('b')), f('c')), '(A+B)*C'],
    ['a-(b-c): a right operand of the same precedence keeps its grouping', bin('-', f('a'), bin('-', f('b'), f('c'))), 'A-(B-C)'],
    ['a/(50/100), as mathjs reads a/50%', bin('/', f('a'), bin('/', n(50), n(100))), 'A/(50/100)'],
    ['(a-b)-c needs none', bin('-', bin('-', f('a'), f('b')), f('c')), 'A-B-C'],
    ['-(a+b)', { k: 'neg', a: bin('+', f('a'), f('b')) }, '-(A+B)'],
    ['a*-b', bin('*', f('a'), { k: 'neg', a: f('b') }), 'A*-B'],
    ['explicit brackets', { k: 'paren', a: f('a') }, '(A)'],
    ['small numbers', bin('*', f('a'), n(1e-7)), 'A*1E-7'],
  ])('%s', (_, tree, want) => {
    expect(arithText(tree, ref)).toBe(want);
  });

  it('indicatorFormula guards the cells and catches errors', () => {
    const refs = new Map<string, FieldRef>([['x', { ref: 'G6', cell: 'G6' }], ['y', { ref: '(D6*10000)', cell: 'D6' }]]);
    expect(indicatorFormula(bin('/', f('x'), f('y')), refs)).toBe('IF(AND(ISNUMBER(G6),ISNUMBER(D6)),IFERROR(G6/(D6*10000),""),"")');
    const one = new Map<string, FieldRef>([['x', { ref: 'G6', cell: 'G6' }], ['t', { ref: 'LC_TimeProgress', cell: null }]]);
    expect(indicatorFormula(bin('-', f('x'), f('t')), one)).toBe('IF(ISNUMBER(G6),IFERROR(G6-LC_TimeProgress,""),"")');
    expect(indicatorFormula(n(1), new Map())).toBe('IFERROR(1,"")');
  });
});

/** The cells a host would write, put into the grid (for a second run). */
function written(grid: Grid, plan: WritePlan): Grid {
  const values = grid.values.map((row) => [...(row ?? [])]);
  for (const c of plan.cells) {
    values[c.r] ??= [];
    values[c.r][c.c] = c.value;
  }
  return { ...grid, values };
}

describe('withIndicators', () => {
  // A unit line in 万元, 总投资 in 亿元 (D). Own columns: H..L, rank key M; indicators from N.
  const rows: CellValue[][] = [
    ['单位：万元'],
    ['序号', '县（市、区）', '项目名称', '总投资（亿元）', '年度计划投资', '1-6月完成投资', '资金到位'],
    [1, '甲县', 'A', 0.12, 1000, 450, 300],
    [2, '甲县', 'B', 0.2, 800, '400', 500], // completed typed as plain-number text: read by the report and by the formula
    [3, '乙县', 'C', 0.3, 0, 0, null],
  ];
  const a = analyze(rows);
  const [plan] = buildPlans([{ grid: a.grid, header: a.header, ledger: a.ledger, issues: [] }], SETTINGS);
  const inds = [
    compileIndicator('资金到位率', 'fundsArrived / totalInvestment * 100'),
    compileIndicator('完成比', 'completedYtd / annualPlan'),
    compileIndicator('得分', 'max(completionRate, 0.5)'),
    compileIndicator('超前', 'completionRate - timeProgress'),
    compileIndicator('开工', 'started * 1'),
  ];
  const out = withIndicators(plan, a, inds, 'zh-CN');
  const cell = (r: number, c: number) => out.cells.find((x) => x.r === r && x.c === c);

  it('adds headed columns after the rank key and owns them', () => {
    expect(out.ownColumns).toEqual([7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]);
    expect([13, 14, 15, 16, 17].map((c) => cell(1, c)?.value)).toEqual(['指标：资金到位率', '指标：完成比', '指标：得分', '指标：超前', '指标：开工']);
    expect(plan.cells.length).toBeLessThan(out.cells.length); // the plan given is not changed
    expect(plan.ownColumns).toEqual([7, 8, 9, 10, 11, 12]);
  });

  it('plain arithmetic over columns: live formulas, scaled by the unit, with spreadsheet cached values', () => {
    // A: 300 / (0.12 × 10000) × 100 = 300 / 1200 × 100 = 25
    expect(cell(2, 13)).toMatchObject({ value: 25, formula: `IFERROR(${F('G3')}/(${F('D3')}*10000)*100,"")` });
    // B: 500 / 2000 × 100 = 25; C: no funds figure → ""
    expect(cell(3, 13)?.value).toBe(25);
    expect(cell(4, 13)?.value).toBe('');
    // 完成比: A 450 / 1000 = 0.45; B's '400' is plain-number text → 400 / 800 = 0.5; C 0 / 0 → ""
    expect(cell(2, 14)).toMatchObject({ value: 0.45, formula: `IFERROR(${F('F3')}/${F('E3')},"")` });
    expect(cell(3, 14)?.value).toBe(0.5);
    expect(cell(4, 14)?.value).toBe('');
    // 超前 reads the tool's own rate column (H) and the time-progress name: 0.45 − 0.5
    expect(cell(2, 16)?.formula).toBe('IF(ISNUMBER(H3),IFERROR(H3-LC_TimeProgress,""),"")');
    expect(cell(2, 16)?.value as number).toBeCloseTo(-0.05, 12);
    expect(isLiveOn(inds[0], a)).toBe(true);
  });

  it('anything else: values, as the report computes them', () => {
    // 得分 = max(rate, 0.5): A max(0.45, 0.5) = 0.5; B (400 read from text) 400 / 800 = 0.5 → 0.5; C no rate → ""
    expect([2, 3, 4].map((r) => cell(r, 15)?.value)).toEqual([0.5, 0.5, '']);
    expect(cell(2, 15)?.formula).toBeUndefined();
    // 开工 has no column: A and B have money in them (started), C has none (unknown)
    expect([2, 3, 4].map((r) => cell(r, 17)?.value)).toEqual([1, 1, '']);
    expect(isLiveOn(inds[2], a)).toBe(false);
    expect(isLiveOn(inds[4], a)).toBe(false);
  });

  it('on a second run the indicator columns are the tool’s, and fewer indicators clear the rest', () => {
    const again = written(a.grid, out);
    const h = findHeader(again, SETTINGS);
    if ('reason' in h) throw new Error(h.reason);
    expect(h.ownColumns).toEqual([7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]);
    expect(h.columns.fundsArrived).toBe(6);
    expect(h.columns.reportedRate).toBeUndefined();
    const b = analyze(again.values as CellValue[][]);
    const [plan2] = buildPlans([{ grid: b.grid, header: b.header, ledger: b.ledger, issues: [] }], SETTINGS);
    const out2 = withIndicators(plan2, b, [inds[0]], 'zh-CN');
    // the same place, and the four columns no longer asked for are still owned (cleared by the host)
    expect(out2.cells.find((x) => x.r === 1 && x.c === 13)?.value).toBe('指标：资金到位率');
    expect(out2.ownColumns).toEqual([7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]);
  });

  it('percent numbers and 元 columns are scaled in the formula', () => {
    const p = analyze([
      ['序号', '项目名称', '总投资（元）', '年度计划投资', '1-6月完成投资', '完成率（%）'],
      [1, 'A', 12000000, 1000, 450, 45],
    ]);
    const [pl] = buildPlans([{ grid: p.grid, header: p.header, ledger: p.ledger, issues: [] }], SETTINGS);
    const o = withIndicators(pl, p, [compileIndicator('r', 'reportedRate * 100'), compileIndicator('t', 'totalInvestment')], 'en');
    // own columns G..K, rank key L: indicators at M and N. 45 / 100 × 100 = 45; 12,000,000 元 / 10000 = 1200 万元
    expect(o.cells.find((x) => x.r === 0 && x.c === 12)?.value).toBe('Indicator: r');
    expect(o.cells.find((x) => x.r === 1 && x.c === 12)).toMatchObject({ value: 45, formula: `IFERROR((${F('F2')}/100)*100,"")` });
    expect(o.cells.find((x) => x.r === 1 && x.c === 13)).toMatchObject({ value: 1200, formula: `IFERROR((${F('C2')}/10000),"")` });
  });

  it('no indicators: the plan itself', () => {
    expect(withIndicators(plan, a, [], 'zh-CN')).toBe(plan);
  });
});
