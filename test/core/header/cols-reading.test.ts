/**
 * Column reading by header parts, checked against the figures: the 南平 monthly layout
 * of the real corpus, the user's --map override, and the decoy property (shuffled
 * columns, traditional characters, a since-start 累计完成投资 beside the year to date).
 */
import { analyzeSheet, type SheetAnalysis } from '../../../src/core/analyze';
import { colLetter, type CellValue, type Grid } from '../../../src/core/grid';
import { DEFAULT_SETTINGS, type Field, type Settings } from '../../../src/core/types';
import { toGrid } from '../../fixtures/to-grid';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { layout } = require('../../fixtures/real/cols-nanping-monthly.js');

function analyze(grid: Grid, extra: Partial<Settings> = {}): SheetAnalysis {
  const a = analyzeSheet(grid, { ...DEFAULT_SETTINGS, today: '2010-04-08', ...extra });
  if (!a.ok) throw new Error(`not a ledger: ${JSON.stringify(a.noLedger)}`);
  return a;
}
const letters = (a: SheetAnalysis) =>
  Object.fromEntries(Object.entries(a.header.columns).map(([f, c]) => [f, colLetter(c as number)]));

describe('南平 monthly template (cols-nanping-monthly)', () => {
  const fx = layout();
  const a = analyze(toGrid(fx));

  it('reads D as before the year and F (under 2010年实际完成情况) as the year to date', () => {
    expect(letters(a)).toMatchObject(fx.expected.columns);
  });

  it('gives the county rates of the sheet: 24.7% / 20.7% / 21.3%', () => {
    for (const g of fx.expected.groups) {
      const got = a.ledger.groups.find((x) => x.name === g.name);
      expect(got).toBeDefined();
      expect(got!.annualPlan).toBeCloseTo(g.annualPlan, 6);
      expect(got!.completedYtd).toBeCloseTo(g.completedYtd, 6);
      expect(got!.completionRate!).toBeCloseTo(g.completionRate, 6);
    }
    expect(a.ledger.total.completionRate!).toBeCloseTo(874 / 4000, 6);
  });

  it('finds the typed rates in agreement: no mismatch, no suspect columns', () => {
    const codes = a.issues.map((i) => i.code);
    expect(codes).not.toContain('reported-rate-mismatch');
    expect(codes).not.toContain('columns-suspect');
  });

  it('--map completedYtd=D is obeyed, reported as an override, and the disagreeing rates are said once', () => {
    const m = analyze(toGrid(fx), { columnOverrides: { completedYtd: 3 } });
    expect(m.header.columns.completedYtd).toBe(3);
    expect(m.header.columnChoices?.completedYtd?.source).toBe('override');
    // G typed vs D ÷ E: 12000/600 = 20 ≠ 0.25 … every one of the 6 rows disagrees.
    expect(m.issues.filter((i) => i.code === 'columns-suspect')).toHaveLength(1);
    expect(m.issues.filter((i) => i.code === 'reported-rate-mismatch')).toHaveLength(0);
  });
});

// ---------------------------------------------------------------- decoy property

/** A small PRNG so the shuffles are the same on every run. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface Col { header: string; field: Field | 'decoy'; values: CellValue[] }

/**
 * Ten projects: plan p, year to date y, since start s = y + before (before > 0), so
 * y < s on every row. `withRate` adds a typed rate y ÷ p (percent numbers).
 */
function sheet(order: number[], ytdHeader: string, decoyHeader: string, opts: { withRate: boolean; sameFigures?: boolean }): { grid: Grid; ytdCol: number } {
  const plans = [800, 1200, 500, 2000, 650, 900, 1500, 300, 700, 1000];
  const ytds = [200, 300, 100, 480, 130, 270, 300, 90, 210, 250];
  const before = [1000, 2500, 800, 6000, 400, 1200, 3000, 150, 600, 2000];
  const cols: Col[] = [
    { header: '項目名稱', field: 'name', values: plans.map((_, i) => `項目${i + 1}`) },
    { header: '總投資', field: 'totalInvestment', values: plans.map((p) => p * 10) },
    { header: '年度計劃投資', field: 'annualPlan', values: plans },
    { header: ytdHeader, field: 'completedYtd', values: ytds },
    { header: decoyHeader, field: 'decoy', values: ytds.map((y, i) => (opts.sameFigures ? y : y + before[i])) },
  ];
  // y/p as percent with 2 decimals: 25, 25, 20, 24, 20, 30, 20, 30, 30, 25
  if (opts.withRate) cols.push({ header: '完成率(%)', field: 'reportedRate', values: ytds.map((y, i) => Math.round((y / plans[i]) * 10000) / 100) });
  const ordered = order.filter((i) => i < cols.length).map((i) => cols[i]);
  const values: CellValue[][] = [['某縣2010年1-3月重點項目推進表'], ordered.map((c) => c.header)];
  for (let r = 0; r < 10; r++) values.push(ordered.map((c) => c.values[r]));
  return {
    grid: { name: 'S', values, numFmts: new Map(), merges: [], hiddenRows: new Set(), hiddenCols: new Set() },
    ytdCol: ordered.findIndex((c) => c.field === 'completedYtd'),
  };
}

function shuffle(n: number, next: () => number): number[] {
  const a = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

describe('property: a since-start 累计完成投资 decoy never takes the year to date when the figures tell', () => {
  const next = rng(12);
  const cases: [string, string][] = [
    ['1-3月實際完成投資', '累計完成投資'],
    ['完成投資', '累計完成投資'],
    ['累計完成投資', '累計完成投資'],
  ];
  for (let k = 0; k < 30; k++) {
    const [ytdHeader, decoyHeader] = cases[k % cases.length];
    const withRate = k % 2 === 0;
    const order = shuffle(6, next);
    it(`#${k}: ${ytdHeader} beside ${decoyHeader}, order ${order.join('')}, ${withRate ? 'with' : 'without'} typed rates`, () => {
      const { grid, ytdCol } = sheet(order, ytdHeader, decoyHeader, { withRate });
      const a = analyze(grid);
      expect(a.header.columns.completedYtd).toBe(ytdCol);
      expect(a.issues.map((i) => i.code)).not.toContain('column-ambiguous');
    });
  }

  it('two lone 累計完成投資 columns with the same figures and no typed rate: column-ambiguous', () => {
    const { grid } = sheet([0, 1, 2, 3, 4], '累計完成投資', '累計完成投資', { withRate: false, sameFigures: true });
    const a = analyze(grid);
    const amb = a.issues.filter((i) => i.code === 'column-ambiguous');
    expect(amb).toHaveLength(1);
    expect(amb[0].params.field).toBe('completedYtd');
  });
});

describe('#20: a hidden or empty column loses to a visible, filled one of the same reading', () => {
  // Columns: A 项目名称, B 年度计划投资, C 1-3月完成投资 (hidden, or blank), D 1-3月完成投资 (filled).
  const base = (hiddenC: boolean, blankC: boolean): Grid => {
    const values: CellValue[][] = [['某县2010年1-3月重点项目表'], ['项目名称', '年度计划投资', '1-3月完成投资', '1-3月完成投资']];
    // plans 400, 800; year to date 100, 200 → rate 300/1200 = 25%
    values.push(['甲项目', 400, blankC ? null : 7, 100], ['乙项目', 800, blankC ? null : 9, 200]);
    return { name: 'S', values, numFmts: new Map(), merges: [], hiddenRows: new Set(), hiddenCols: new Set(hiddenC ? [2] : []) };
  };
  it.each([[true, false], [false, true]])('hidden %s, blank %s → D', (hiddenC, blankC) => {
    const a = analyze(base(hiddenC, blankC));
    expect(a.header.columns.completedYtd).toBe(3);
    expect(a.ledger.total.completionRate!).toBeCloseTo(300 / 1200, 9);
    // The report says so, at C's header cell (C2), naming D.
    const said = a.issues.filter((i) => i.code === 'column-skipped');
    expect(said.map((i) => [i.r, i.c, i.params])).toEqual([
      [1, 2, { field: 'completedYtd', column: 'C', chosen: 'D', hidden: hiddenC, header: '1-3月完成投资' }],
    ]);
  });
  it('both visible and filled: the leftmost keeps it, as before, and nothing is said', () => {
    const a = analyze(base(false, false));
    expect(a.header.columns.completedYtd).toBe(2);
    expect(a.issues.filter((i) => i.code === 'column-skipped')).toEqual([]);
  });
});
