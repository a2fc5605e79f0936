/**
 * The engine on random grids: it never throws, and what it reports is consistent.
 * Seeded, so a failure prints a seed and a path that replay it:
 *   FUZZ_SEED=<seed> FUZZ_PATH=<path> npx jest test/fuzz/engine.test.ts
 */
import fc from 'fast-check';
import { analyzeSheet } from '../../src/core/analyze';
import { sheetReport } from '../../src/core/report';
import { DEFAULT_SETTINGS, type RankMethod, type Settings } from '../../src/core/types';
import { toIssue } from '../../src/i18n/index';
import { checkAnalysis, checkIssueCells, checkRanking, checkReportCells, checkReportSums } from './invariants';
import { ledgerGrid } from './ledger-grid';
import { fuzzParams } from './params';

const settingsArb: fc.Arbitrary<Settings> = fc.record({
  rankMethod: fc.constantFrom<RankMethod>('competition', 'dense'),
  timeBasis: fc.constantFrom<'month' | 'day'>('month', 'day'),
  asOf: fc.constantFrom(undefined, '2022-06-30', '2024-02-29'),
  lang: fc.constantFrom<'zh-CN' | 'zh-TW' | 'en'>('zh-CN', 'zh-TW', 'en'),
  startRateBase: fc.constantFrom<'all' | 'planned'>('all', 'planned'),
}).map((s) => ({ ...DEFAULT_SETTINGS, today: '2022-07-15', ...s }));

describe('the engine on random grids', () => {
  it('never throws; issues point at real cells; sums and ranks hold; the report agrees', () => {
    let ledgers = 0;
    fc.assert(
      fc.property(ledgerGrid, settingsArb, ({ grid }, settings) => {
        const a = analyzeSheet(grid, settings);
        if (!a.ok) return;
        ledgers++;
        checkAnalysis(a, settings.rankMethod);
        const report = sheetReport(a, a.issues.map((raw) => toIssue(raw, settings.lang)));
        checkReportCells(grid, report);
        checkReportSums(report);
      }),
      fuzzParams(300),
    );
    // The generator is worth something only if many grids are taken for ledgers.
    expect(ledgers).toBeGreaterThan(60);
  });
});

describe('the invariants themselves', () => {
  // An invariant that cannot fail proves nothing: each is shown a wrong answer.
  it('a competition ranking of 0.5, 0.7, 0.7, null is 3, 1, 1, null (two rates above 0.5)', () => {
    expect(() => checkRanking('r', [0.5, 0.7, 0.7, null], [3, 1, 1, null], 'competition')).not.toThrow();
    expect(() => checkRanking('r', [0.5, 0.7, 0.7, null], [2, 1, 1, null], 'competition')).toThrow(/expected 3/);
    // Dense: one distinct rate (0.7) above 0.5 → 2.
    expect(() => checkRanking('r', [0.5, 0.7, 0.7, null], [2, 1, 1, null], 'dense')).not.toThrow();
    expect(() => checkRanking('r', [0.5, null], [1, 2], 'dense')).toThrow(/no rate/);
  });

  it('rates equal at 0.1 % share a rank (0.6705 and 0.671 both round to 0.671)', () => {
    expect(() => checkRanking('r', [0.6705, 0.671], [1, 1], 'competition')).not.toThrow();
  });

  it('an issue outside the grid is caught', () => {
    const grid = { name: 's', values: [[1, 2], [3]] };
    expect(() => checkIssueCells(grid, [{ r: 1, c: 1, code: 'x' }])).not.toThrow();
    expect(() => checkIssueCells(grid, [{ r: 2, c: 0, code: 'x' }])).toThrow(/outside/);
    expect(() => checkIssueCells(grid, [{ r: 0, c: 2, code: 'x' }])).toThrow(/outside/);
  });
});
