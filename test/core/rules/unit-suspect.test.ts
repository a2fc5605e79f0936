import fc from 'fast-check';
import { unitSuspect } from '../../../src/core/rules/unit-suspect';
import { check, issuesOf, project, type Brief, type Row } from '../../helpers/rule-fixtures';

// Columns: E 总投资, G 年度计划投资, H 本月, I 1-6月; header on row 3, projects from row 4.

/** Projects with these totals; plan = total / 2, year to date = total / 4, month = total / 20 unless given. */
function rows(totals: number[], over: (i: number) => Parameters<typeof project>[0] = () => ({})): Row[] {
  return totals.map((t, i) => project({ name: `项目${i + 1}`, total: t, plan: t / 2, ytd: t / 4, month: t / 20, ...over(i) }));
}

const REALISTIC = [5000, 12000, 800, 30000, 2500, 60000];

const cases: { name: string; rows: Row[]; unitLine?: string; expected: Brief[] }[] = [
  { name: 'a realistic 万元 sheet', rows: rows(REALISTIC), expected: [] },
  { name: 'realistic figures in a sheet in 亿元', rows: rows(REALISTIC.map((t) => t / 10000)), unitLine: '单位：亿元', expected: [] },
  {
    // sorted: 8e6 2.5e7 5e7 1.2e8 3e8 6e8, median (5e7 + 1.2e8) / 2 = 8.5e7 ≥ 1e6
    name: 'totals typed in 元: the column, on its header cell',
    rows: rows(REALISTIC.map((t) => t * 10000), (i) => ({ plan: REALISTIC[i] / 2, ytd: REALISTIC[i] / 4, month: REALISTIC[i] / 20 })),
    expected: [{ cell: 'E3', code: 'unit-suspect', severity: 'warning', fix: null }],
  },
  {
    // total median (0.25 0.5 | 0.08 …) = (0.5 + 1.2) / 2 = 0.85 < 10; plan median 0.425 < 1
    name: 'a whole sheet in 亿元 under a 万元 unit line: total and plan columns',
    rows: rows(REALISTIC.map((t) => t / 10000)),
    expected: [
      { cell: 'E3', code: 'unit-suspect', severity: 'warning', fix: null },
      { cell: 'G3', code: 'unit-suspect', severity: 'warning', fix: null },
    ],
  },
  {
    // ytd median 0.2 < 1, and 0.2 × 1000 = 200 ≤ total median 10000
    name: 'year to date in 亿元 beside totals in 万元',
    rows: rows([10000, 10000, 10000, 10000, 10000], () => ({ ytd: 0.2, month: 0.01 })),
    expected: [{ cell: 'I3', code: 'unit-suspect', severity: 'warning', fix: null }],
  },
  {
    name: 'a small monthly figure alone is not flagged',
    rows: rows([20000, 20000, 20000, 20000, 20000], () => ({ month: 0.5 })),
    expected: [],
  },
  {
    // ytd median 2e5 ≥ 1000 × total median 100 (but < 1e6)
    name: 'year to date in 元 beside small totals',
    rows: rows([100, 120, 80, 150, 90], (i) => ({ ytd: [2e5, 3e5, 1e5, 2.5e5, 1.5e5][i], month: 5 })),
    expected: [{ cell: 'I3', code: 'unit-suspect', severity: 'warning', fix: null }],
  },
  {
    // median of 1000 1500 2000 2500 3000 2.5e7 = 2250; 2.5e7 ≥ 2250 × 1e4 = 2.25e7 (row 9)
    name: 'one total typed in 元',
    rows: rows([1000, 2000, 1500, 3000, 2500, 25000000], () => ({ plan: 500, ytd: 250, month: 50 })),
    expected: [{ cell: 'E9', code: 'unit-suspect', severity: 'warning', fix: null }],
  },
  {
    // median of 0.1 1000 1500 2000 2500 3000 = 1750; 0.1 ≤ 1750 / 1e4 = 0.175
    name: 'one total typed in 亿元',
    rows: rows([1000, 2000, 1500, 3000, 2500, 0.1], () => ({ plan: 50, ytd: 25, month: 5 })),
    expected: [{ cell: 'E9', code: 'unit-suspect', severity: 'warning', fix: null }],
  },
  {
    // median 20000: 3.5e7 is 1750× it (< 10,000×) but 29,167× its own plan of 1200
    name: 'a small project\'s total typed in 元 among larger ones: caught by its own row',
    rows: rows([20000, 20000, 20000, 20000, 20000, 35000000], (i) => (i === 5 ? { plan: 1200, ytd: 660, month: 100 } : {})),
    expected: [{ cell: 'E9', code: 'unit-suspect', severity: 'warning', fix: null }],
  },
  {
    // 2.5e7 is 1250× the median 20000, but only 25× its plan of 1e6: a genuine giant
    name: 'a giant project whose plan is in proportion',
    rows: rows([20000, 20000, 20000, 20000, 20000, 25000000], (i) => (i === 5 ? { plan: 1000000, ytd: 500000, month: 50000 } : {})),
    expected: [],
  },
  {
    // median 1000: 0.35 is above 1000 / 1e4 = 0.1, but ≤ 1000 / 1000 and ≤ its plan 1200 / 1000
    name: 'a total typed in 亿元, caught by its own row',
    rows: rows([1000, 1000, 1000, 1000, 1000, 0.35], (i) => (i === 5 ? { plan: 1200, ytd: 600, month: 60 } : {})),
    expected: [{ cell: 'E9', code: 'unit-suspect', severity: 'warning', fix: null }],
  },
  {
    // plan median 500; 5e6 ≥ 1000 × 500 and ≥ 100 × its total 1000
    name: 'one plan typed in 元',
    rows: rows([1000, 1000, 1000, 1000, 1000, 1000], (i) => (i === 5 ? { plan: 5000000 } : {})),
    expected: [{ cell: 'G9', code: 'unit-suspect', severity: 'warning', fix: null }],
  },
  {
    // ytd median 250; 2.5e6 ≥ 250 × 1000, and ≥ 100 × its own total 1000
    name: 'one year to date typed in 元',
    rows: rows([1000, 1000, 1000, 1000, 1000, 1000], (i) => ({ ytd: i === 5 ? 2500000 : 250 })),
    expected: [{ cell: 'I9', code: 'unit-suspect', severity: 'warning', fix: null }],
  },
  {
    // ytd 2.6e6 ≥ 250 × 1000 but below 100 × its total 3e6;
    // total 3e6 is 3000× the median 1000 (< 10,000×) and only 1.07× its plan 2.8e6
    name: 'a mega project among small ones',
    rows: rows([1000, 1000, 1000, 1000, 1000, 3000000], (i) => ({ ytd: i === 5 ? 2600000 : 250, plan: i === 5 ? 2800000 : 500 })),
    expected: [],
  },
  { name: 'four projects are too few to judge', rows: rows([5e7, 1e8, 2e8, 3e8]), expected: [] },
];

test.each(cases)('$name', ({ rows: r, unitLine, expected }) => {
  expect(check(unitSuspect, r, unitLine ? { unitLine } : {})).toEqual(expected);
});

test('params of a column and of a cell', () => {
  const column = issuesOf(unitSuspect, rows(REALISTIC.map((t) => t * 10000), (i) => ({ plan: REALISTIC[i] / 2, ytd: REALISTIC[i] / 4, month: REALISTIC[i] / 20 })));
  expect(column.map((i) => i.params)).toEqual([
    { scope: 'column', field: 'totalInvestment', unit: '万元', likely: '元', median: 85000000, value: null },
  ]);
  const cell = issuesOf(unitSuspect, rows([1000, 2000, 1500, 3000, 2500, 25000000], () => ({ plan: 500, ytd: 250, month: 50 })));
  expect(cell.map((i) => i.params)).toEqual([
    { scope: 'cell', field: 'totalInvestment', unit: '万元', likely: '元', value: 25000000, median: 2250 },
  ]);
});

/**
 * Realistic 万元 ledgers: key projects of 200 万元 to 50 亿元, a plan of 10–100 % of
 * the total, 10–120 % of it done this year, this month 10–60 % of that, and either
 * nothing before this year or 5–80 % of the total.
 */
const realisticProject = fc
  .record({
    size: fc.double({ min: 0, max: 1, noNaN: true }),
    plan: fc.double({ min: 0, max: 1, noNaN: true }),
    done: fc.double({ min: 0, max: 1, noNaN: true }),
    month: fc.double({ min: 0, max: 1, noNaN: true }),
    continuing: fc.boolean(),
    before: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map((x) => {
    const round2 = (v: number) => Math.round(v * 100) / 100;
    const total = 200 * 2500 ** x.size;
    const plan = total * (0.1 + 0.9 * x.plan);
    const ytd = plan * (0.1 + 1.1 * x.done);
    return {
      total: round2(total),
      plan: round2(plan),
      ytd: round2(ytd),
      month: round2(ytd * (0.1 + 0.5 * x.month)),
      before: x.continuing ? round2(total * (0.05 + 0.75 * x.before)) : 0,
    };
  });

test('property: realistic 万元 figures raise no unit-suspect', () => {
  fc.assert(
    fc.property(fc.array(realisticProject, { minLength: 5, maxLength: 40 }), (ps) => {
      const r = ps.map((p, i) => project({ name: `项目${i + 1}`, ...p }));
      expect(check(unitSuspect, r)).toEqual([]);
    }),
    { numRuns: 200 },
  );
});
