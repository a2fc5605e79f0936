/**
 * The pane evaluates indicators in a worker: plain data in (definitions, scopes),
 * plain data out (metadata, values). The report and the plan built from those must
 * equal the ones built with compiled indicators in one thread.
 */
import fc from 'fast-check';
import { buildPlans } from '../../../src/core/plan';
import { buildReport, fileReport, sheetReport } from '../../../src/core/report';
import { evaluateArith } from '../../../src/core/whatif/indicator-formula';
import { withIndicators } from '../../../src/core/whatif/indicator-plan';
import { compileIndicator, evaluateBatch } from '../../../src/core/whatif/indicators';
import { buildWhatifReport, indicatorScopes, scopeOffsets } from '../../../src/core/whatif/report';
import { analyze, HEAD, SETTINGS } from './helpers';

const s1 = analyze([
  [...HEAD, '资金到位'],
  [1, '甲县', 'A', 3000, 1000, 500, 300],
  [2, '甲县', 'B', 3000, 1000, '300', 100],
  [3, '乙县', 'C', 3000, 1000, 600, null],
], 'S1');
const s2 = analyze([[...HEAD, '资金到位'], [1, '丙县', 'D', 5000, 2000, 1100, 1000]], 'S2');
const sheets = [[s1], [s2]];
const base = buildReport([fileReport('a.xlsx', null, [sheetReport(s1, [])]), fileReport('b.xlsx', null, [sheetReport(s2, [])])], SETTINGS, '2022-06-30', 0.5);
const DEFS = [
  { name: '到位率', expression: 'fundsArrived / totalInvestment * 100' },
  { name: '得分', expression: 'max(completionRate, 0.5) * 100' },
];

describe('indicators through a worker', () => {
  it('scopes: projects, groups, total per sheet, in file order', () => {
    // S1: 3 projects + 2 groups + total; S2: 1 project + 1 group + total
    expect(indicatorScopes(sheets).length).toBe(3 + 2 + 1 + 1 + 1 + 1);
    // S1: projects 0..2, groups 3..4, total 5; S2: project 6, group 7, total 8
    expect(scopeOffsets(sheets)).toEqual([[{ projects: 0, groups: 3, total: 5 }], [{ projects: 6, groups: 7, total: 8 }]]);
  });

  it('the report from the worker’s values equals the report from compiled indicators', () => {
    const scopes = JSON.parse(JSON.stringify(indicatorScopes(sheets))); // as posted to a worker
    const batch = JSON.parse(JSON.stringify(evaluateBatch(DEFS, scopes))); // as posted back
    expect(batch.errors).toEqual([]);
    const fromWorker = buildWhatifReport({
      report: base, sheets, settings: SETTINGS, options: { target: 1 },
      indicators: batch.compiled.map((m: never) => ({ compiled: m, source: 'option' as const })), indicatorValues: batch.values,
    });
    const direct = buildWhatifReport({
      report: base, sheets, settings: SETTINGS, options: { target: 1 },
      indicators: DEFS.map((d) => ({ compiled: compileIndicator(d.name, d.expression), source: 'option' as const })),
    });
    expect(fromWorker).toEqual(direct);
    // 300 / 3000 × 100 = 10 for A; 甲县 (300 + 100) / 6000 × 100
    expect(direct.files[0].sheets[0].projects[0].whatif.indicators).toEqual({ 到位率: 10, 得分: 50 });
  });

  it('the plan from the worker’s values equals the plan from compiled indicators', () => {
    const [plan] = buildPlans([{ grid: s1.grid, header: s1.header, ledger: s1.ledger, issues: [] }], SETTINGS);
    const batch = evaluateBatch(DEFS, indicatorScopes(sheets));
    const off = scopeOffsets(sheets)[0][0];
    const n = s1.ledger.projects.length;
    const viaValues = withIndicators(plan, s1, batch.compiled.map((m, i) => ({ ...m!, values: batch.values[i].slice(off.projects, off.projects + n) })), 'zh-CN');
    const viaCompiled = withIndicators(plan, s1, DEFS.map((d) => compileIndicator(d.name, d.expression)), 'zh-CN');
    expect(viaValues).toEqual(viaCompiled);
  });
});

describe('evaluateArith', () => {
  const FIELDS = ['completedYtd', 'annualPlan', 'fundsArrived'] as const;
  const expr: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
    e: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constantFrom(...FIELDS),
      fc.double({ min: 0.001, max: 1e6, noNaN: true }).map((v) => String(v)),
      fc.tuple(tie('e'), fc.constantFrom('+', '-', '*', '/'), tie('e')).map(([a, op, b]) => `${a} ${op} ${b}`),
      tie('e').map((a) => `(${a})`),
      tie('e').map((a) => `-${a}`),
    ),
  })).e;

  it('gives exactly what mathjs gives, operation for operation', () => {
    const num = fc.oneof(fc.double({ min: -1e7, max: 1e7, noNaN: true }), fc.constant(0), fc.constant(null));
    fc.assert(fc.property(expr, num, num, num, (e, a, b, c) => {
      let compiled;
      try {
        compiled = compileIndicator('x', e);
      } catch {
        return; // too long or too deep for the limits: not what this checks
      }
      if (!compiled.arith) return;
      const scope = { completedYtd: a, annualPlan: b, fundsArrived: c };
      expect(evaluateArith(compiled.arith, scope)).toBe(compiled.evaluate(scope));
    }), { numRuns: 300 });
  });
});
