/**
 * The typed rate column's convention from the figures it should equal (year to date ÷
 * annual plan): header/rate-scale.ts. `0.8885%` (a ratio a system printed `%` after) is
 * the form quoted from system exports in issue #20; `完成率%` heading fractions is the
 * 南平 templates' header (test/fixtures/real/cols-nanping-monthly.js) over figures in either form.
 */
import { analyze, SETTINGS } from '../whatif/helpers';

const HEAD = (rateHeader: string) => ['序号', '项目名称', '总投资', '年度计划投资', '1-6月完成投资', rateHeader];
// plans and years to date: 800/1000 = 0.8, 250/1000 = 0.25, 1200/2000 = 0.6, 300/400 = 0.75
const FIGURES = [[1000, 800], [1000, 250], [2000, 1200], [400, 300]];
const sheet = (rateHeader: string, rates: (number | string)[]) => [
  ['单位：万元'],
  HEAD(rateHeader),
  ...FIGURES.map(([p, y], i) => [i + 1, `项目${i + 1}`, 5000, p, y, rates[i]]),
];

describe('the rate column read by its figures', () => {
  it('`0.8%`-style text that equals the quotient as a ratio is read as a ratio (0.8, not 0.008)', () => {
    const a = analyze(sheet('完成率', ['0.8%', '0.25%', '0.6%', '0.75%']), 'Sheet1', SETTINGS);
    expect(a.header.ratePercentTextRatio).toBe(true);
    expect(a.ledger.projects.map((p) => p.reportedRate)).toEqual([0.8, 0.25, 0.6, 0.75]);
    expect(a.issues.filter((i) => i.code === 'reported-rate-mismatch')).toEqual([]);
  });

  it('`80%`-style text stays a percent', () => {
    const a = analyze(sheet('完成率', ['80%', '25%', '60%', '75%']), 'Sheet1', SETTINGS);
    expect(a.header.ratePercentTextRatio).toBeUndefined();
    expect(a.ledger.projects.map((p) => p.reportedRate)).toEqual([0.8, 0.25, 0.6, 0.75]);
  });

  it('fractions under a `%` header are fractions: 0.8 is 80%, not 0.8%', () => {
    const a = analyze(sheet('完成率（%）', [0.8, 0.25, 0.6, 0.75]), 'Sheet1', SETTINGS);
    expect(a.header.ratePercentNumbers).toBe(false);
    expect(a.ledger.projects.map((p) => p.reportedRate)).toEqual([0.8, 0.25, 0.6, 0.75]);
    expect(a.issues.filter((i) => i.code === 'reported-rate-mismatch')).toEqual([]);
  });

  it('percent numbers under a bare header are percent numbers: 80 is 80%', () => {
    const a = analyze(sheet('完成率', [80, 25, 60, 75]), 'Sheet1', SETTINGS);
    expect(a.header.ratePercentNumbers).toBe(true);
    expect(a.ledger.projects.map((p) => p.reportedRate)).toEqual([0.8, 0.25, 0.6, 0.75]);
  });

  it('without figures to tell, the header decides', () => {
    // Zero years to date: 0 is 0 either way, so no row votes.
    const rows = sheet('完成率（%）', [0, 0, 0, 0]).map((r, i) => (i >= 2 ? [...r.slice(0, 4), 0, 0] : r));
    const a = analyze(rows, 'Sheet1', SETTINGS);
    expect(a.header.ratePercentNumbers).toBe(true);
  });
});
