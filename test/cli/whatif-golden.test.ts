/**
 * Golden: `ledger whatif --json` on the city fixture, with a target, a deadline,
 * indicators and adjustments, compared whole with test/fixtures/golden/whatif-city-county-column.json.
 * After a deliberate change: `UPDATE_GOLDEN=1 npx jest test/cli/whatif-golden.test.ts`, and review the diff.
 * A few figures are checked by hand below, so the golden file is not only trusted.
 */
import * as fs from 'fs';
import * as path from 'path';
import { run } from '../../src/cli/commands';
import type { WhatifReport } from '../../src/core/whatif/types';

const FIXTURES = path.resolve(__dirname, '../fixtures');
const GOLDEN = path.join(FIXTURES, 'golden', 'whatif-city-county-column.json');
const ARGS = [
  'whatif', 'city-county-column.xlsx', '--json', '--target', '0.9', '--by', '2022-11',
  '--indicator', '投资强度=completedYtd / totalInvestment * 100',
  '--indicator', '得分=0.6 * completionRate * 100 + 0.4 * max(0, 100 + gapPp)',
  '--adjust', '莘县光伏发电项目:completedYtd=+10000',
  '--adjust', '高唐县蓝山旅游度假区:annualPlan=-5000',
];

function whatif(): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const cwd = process.cwd();
  process.chdir(path.join(FIXTURES, 'xlsx'));
  try {
    const code = run(ARGS, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), isTTY: false, today: '2022-07-15', env: {} });
    return { code, stdout, stderr };
  } finally {
    process.chdir(cwd);
  }
}

describe('ledger whatif --json on city-county-column.xlsx', () => {
  const r = whatif();
  const report = JSON.parse(r.stdout) as WhatifReport;

  it('equals the golden file', () => {
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(GOLDEN, r.stdout);
    expect(report).toEqual(JSON.parse(fs.readFileSync(GOLDEN, 'utf8')));
  });

  it('holds figures computed by hand', () => {
    const s = report.files[0].sheets[0];
    expect(s.whatif).toMatchObject({ monthsElapsed: 6, monthsLeft: 5, by: '2022-11', basis: 'pace' }); // 11 − 6
    const dong = s.groups.find((g) => g.name === '东昌府区')!;
    // (0.9 × 312000 − 187200) / 5 = (280800 − 187200) / 5 = 18720; 187200 / 6 = 31200 a month
    expect(dong.whatif.requiredMonthly).toBe(18720);
    expect(dong.whatif.currentMonthly).toBe(31200);
    // by November: 187200 + 31200 × 5 = 343200 ≥ 280800
    expect(dong.whatif.projectedAtBy).toBe(343200);
    expect(dong.whatif.onCourse).toBe(true);
    // leader 阳谷县 132415 / 186500 = 0.71: 0.71 × 312000 − 187200 = 221520 − 187200 = 34320
    expect(dong.whatif.toRankFirst).toBe(34320);
    // 得分 of 东昌府区's first project: rate 33800 / 52000 = 0.65, gap +15: 0.6 × 65 + 0.4 × 115 = 39 + 46 = 85
    expect(s.projects[0].whatif.indicators).toEqual({ 投资强度: Number(((33800 / 286000) * 100).toPrecision(12)), 得分: 85 });
    expect(s.whatif.indicatorColumns).toEqual({ 投资强度: { column: 'S', formula: true }, 得分: { column: 'T', formula: false } });

    const sc = report.whatif.scenario!;
    // 莘县 46800 + 10000 = 56800 of 120000 = 0.4733 passes 临清市 (0.46): 5th → 4th.
    // 高唐县: 蓝山 plan 15000 − 5000 = 10000 → 51800 / 143000 = 0.3622, still last.
    const ranks = (list: typeof sc.before) => list.map((e) => [e.name, e.rank]);
    expect(ranks(sc.before)).toEqual([['阳谷县', 1], ['东昌府区', 2], ['冠县', 3], ['临清市', 4], ['莘县', 5], ['高唐县', 6]]);
    expect(ranks(sc.after)).toEqual([['阳谷县', 1], ['东昌府区', 2], ['冠县', 3], ['莘县', 4], ['临清市', 5], ['高唐县', 6]]);
    expect(sc.after.find((e) => e.name === '莘县')!.completionRate).toBe(Number((56800 / 120000).toPrecision(12)));
    expect(sc.after.find((e) => e.name === '高唐县')).toMatchObject({ annualPlan: 143000, completedYtd: 51800 });
    expect(sc.adjustments.map((a) => a.matches.map((m) => [m.row, m.before, m.after]))).toEqual([[[37, 12500, 22500]], [[57, 15000, 10000]]]);
  });
});
