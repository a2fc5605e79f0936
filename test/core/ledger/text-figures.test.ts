/**
 * A ledger whose figures are text in the forms real exports hold (test/core/figure-forms.test.ts
 * cites where each was seen), a typed 合计 among them: every figure is read, the 合计 checks
 * against the projects' sums in the same reading, and each form is said once per column.
 */
import { toA1 } from '../../../src/core/grid';
import { analyze, SETTINGS } from '../whatif/helpers';

// r0 unit line, r1 header, r2 合计, r3..r5 projects; as of 2022-06-30 (time progress 0.5).
const ROWS = [
  ['单位：万元'],
  ['序号', '县（市、区）', '项目名称', '总投资', '年度计划投资', '1-6月完成投资'],
  ['合计', null, null, '1.5亿元', '4,000', '约2,000'], // typed: 15000, 4000, 2000
  [1, '甲县', 'A', '5000万元', '1,000', '600'],
  [2, '甲县', 'B', '0.5亿元', '１，０００', '约 400'], // 0.5 × 10000 = 5000
  [3, '乙县', 'C', '5000', 2000, '1,000万元'],
];

describe('a ledger of text figures', () => {
  const a = analyze(ROWS, 'Sheet1', SETTINGS);

  it('reads every figure: totals 15000 / 4000 / 2000, rate 0.5', () => {
    expect(a.ledger.projects.map((p) => [p.name, p.totalInvestment, p.annualPlan, p.completedYtd])).toEqual([
      ['A', 5000, 1000, 600],
      ['B', 5000, 1000, 400],
      ['C', 5000, 2000, 1000],
    ]);
    // 甲县 plan 2000, done 1000 → 0.5; 乙县 2000, 1000 → 0.5; all 4000, 2000 → 0.5
    expect(a.ledger.total.annualPlan).toBe(4000);
    expect(a.ledger.total.completedYtd).toBe(2000);
    expect(a.ledger.total.completionRate).toBe(0.5);
  });

  it('checks the typed 合计 in the same reading: 5000 × 3, 1000 + 1000 + 2000, 600 + 400 + 1000 all agree', () => {
    expect(a.issues.filter((i) => i.code === 'subtotal-mismatch')).toEqual([]);
  });

  it('says each form once per column, at its first cell, with the count', () => {
    const said = a.issues
      .filter((i) => i.code === 'number-as-text' || i.code === 'approximate-figure')
      .map((i) => [i.code, toA1(i.r, i.c), i.params.count]);
    expect(said).toEqual([
      // 合计 and projects: D3 1.5亿元, D4, D5, D6
      ['number-as-text', 'D3', 4],
      // E3 4,000, E4 1,000, E5 full-width; E6 is a number
      ['number-as-text', 'E3', 3],
      // F3 约2,000 and F5 约 400 are estimates; F4 600 and F6 1,000万元 are text
      ['approximate-figure', 'F3', 2],
      ['number-as-text', 'F4', 2],
    ]);
    expect(a.issues.filter((i) => i.code === 'not-a-number')).toEqual([]);
  });

  it('a typed 合计 in text that disagrees is found: 1.6亿元 = 16000 against 15000', () => {
    const rows = ROWS.map((r) => [...r]);
    rows[2][3] = '1.6亿元';
    const b = analyze(rows, 'Sheet1', SETTINGS);
    const found = b.issues.filter((i) => i.code === 'subtotal-mismatch').map((i) => [toA1(i.r, i.c), i.params.value, i.params.sum, i.fix]);
    expect(found).toEqual([['D3', 16000, 15000, 15000]]);
  });
});
