/**
 * The pane's what-if against the command's: the same report as `ledger whatif
 * --json` (the golden file) when the indicators are evaluated apart, as the
 * worker does, and the same plans with indicator columns as `ledger whatif --out`.
 */
import * as fs from 'fs';
import * as path from 'path';
import { settingsFor } from '../../src/commands/commands';
import { withIndicators, type IndicatorDef } from '../../src/core/whatif/index';
import { compileIndicators, evaluateBatch } from '../../src/core/whatif/indicators';
import { analyseGrids } from '../../src/taskpane/model';
import { plansWithIndicators, whatifReportOf, whatifScopes, type IndicatorValues } from '../../src/taskpane/whatif/whatif-model';
import { checkWorkbook } from '../../src/xlsx';
import { readWorkbook } from '../../src/xlsx';
import { figureFormula as F } from '../../src/core/plain-number';

const FIXTURES = path.join(__dirname, '..', 'fixtures');
const FILE = 'city-county-column.xlsx';
const bytes = new Uint8Array(fs.readFileSync(path.join(FIXTURES, 'xlsx', FILE)));
// The golden file's command line (test/cli/whatif-golden.test.ts), run on 2022-07-15.
const settings = settingsFor(null, 'zh-CN', '2022-07-15');
const DEFS: IndicatorDef[] = [
  { name: '投资强度', expression: 'completedYtd / totalInvestment * 100' },
  { name: '得分', expression: '0.6 * completionRate * 100 + 0.4 * max(0, 100 + gapPp)' },
];
const ADJUST = ['莘县光伏发电项目:completedYtd=+10000', '高唐县蓝山旅游度假区:annualPlan=-5000'];

function paneCheck() {
  return analyseGrids(readWorkbook(bytes).sheets.filter((s) => !s.hidden).map((s) => s.grid), settings);
}

/** What the worker answers, as plain data (it never sees compiled functions). */
function workerValues(inputs: ReturnType<typeof paneCheck>['inputs']): IndicatorValues {
  const batch = evaluateBatch(DEFS, whatifScopes(inputs));
  expect(batch.errors).toEqual([]);
  return { metas: batch.compiled.map((m) => m!), values: batch.values, source: 'option' };
}

describe('whatifReportOf', () => {
  it('is the golden `ledger whatif --json` report, indicators evaluated apart', () => {
    const { result, inputs } = paneCheck();
    const report = whatifReportOf(result, inputs, FILE, { target: 0.9, by: '2022-11', adjustments: ADJUST, indicators: workerValues(inputs) });
    const golden = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'golden', 'whatif-city-county-column.json'), 'utf8'));
    expect(JSON.parse(JSON.stringify(report))).toEqual(golden);
  });

  it('without indicators or adjustments: December by default, no scenario, no indicator fields', () => {
    const { result, inputs } = paneCheck();
    const report = whatifReportOf(result, inputs, FILE, { target: 1, adjustments: [] });
    const s = report.files[0].sheets[0];
    // As of 2022-06-30: 6 months elapsed, 12 − 6 = 6 left to December.
    expect(s.whatif).toMatchObject({ by: '2022-12', monthsElapsed: 6, monthsLeft: 6 });
    expect(report.whatif).toEqual({ target: 1, by: null, indicators: [], scenario: null });
    expect(s.projects[0].whatif.indicators).toBeUndefined();
    const dong = s.groups.find((g) => g.name === '东昌府区')!;
    // (1 × 312000 − 187200) / 6 = 124800 / 6 = 20800 a month
    expect(dong.whatif.requiredMonthly).toBe(20800);
  });
});

describe('plansWithIndicators', () => {
  it('gives the plans `ledger whatif --out` writes', () => {
    const { result, inputs } = paneCheck();
    const pane = plansWithIndicators(result, inputs, workerValues(inputs), 'zh-CN');
    const cli = checkWorkbook(bytes, settings, { write: false });
    const compiled = compileIndicators(DEFS);
    expect(pane).toEqual(cli.plans.map((p, i) => withIndicators(p, cli.analyses[i], compiled, 'zh-CN')));
  });

  it('writes 投资强度 as a formula in column S, headed 指标：投资强度', () => {
    const { result, inputs } = paneCheck();
    const plan = plansWithIndicators(result, inputs, workerValues(inputs), 'zh-CN')[0];
    const s = 18; // column S, 0-based
    const header = plan.cells.find((c) => c.c === s && c.r === plan.headerRow);
    expect(header?.value).toBe('指标：投资强度');
    const first = plan.cells.find((c) => c.c === s && c.r === inputs[0].ledger.projects[0].r)!;
    // The first project: 33800 / 286000 × 100 = 11.818…, from J (completed) and H (total), both in 万元.
    expect(first.formula).toContain(`${F('J5')}/${F('H5')}*100`);
    expect(first.value).toBeCloseTo((33800 / 286000) * 100, 9);
    expect(plan.ownColumns).toEqual(expect.arrayContaining([18, 19]));
  });
});
