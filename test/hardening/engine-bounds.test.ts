/**
 * Hostile grids the engine must get through with work bounded by the cells it has,
 * not by what merges or magnitudes claim. Work is counted (Map writes), never timed.
 */
import { analyzeSheet, type SheetAnalysis } from '../../src/core/analyze';
import type { CellValue, Grid, Range } from '../../src/core/grid';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/types';

const settings: Settings = { ...DEFAULT_SETTINGS, today: '2022-07-15', asOf: '2022-06-30' };
const HEADER = ['序号', '县（市、区）', '项目名称', '总投资', '年度计划投资', '1-6月完成投资', '是否开工'];

/** Title, unit line, header, then `n` projects alternating 阳谷县 / 冠县: plan 500, completed 200 + i. */
function ledger(n: number, unit = '单位：万元'): (CellValue | undefined)[][] {
  const rows: (CellValue | undefined)[][] = [['2022年重点项目'], [unit], HEADER.slice()];
  for (let i = 0; i < n; i++) rows.push([i + 1, i % 2 ? '冠县' : '阳谷县', `项目${i}`, 1000, 500, 200 + i, '是']);
  return rows;
}

function analyse(grid: Grid): SheetAnalysis {
  const a = analyzeSheet(grid, settings);
  if (!a.ok) throw new Error(`not a ledger: ${a.noLedger.reason}`);
  return a;
}

class TooMuchWork extends Error {}

/**
 * Analyses `grid` while counting Map writes; past `limit` it stops with TooMuchWork,
 * so a regression fails fast instead of running out of memory.
 */
function mapWrites(grid: Grid, limit = 5_000_000): { writes: number; analysis: SheetAnalysis } {
  const original = Map.prototype.set;
  let writes = 0;
  Map.prototype.set = function set<K, V>(this: Map<K, V>, key: K, value: V): Map<K, V> {
    if (++writes > limit) throw new TooMuchWork(`more than ${limit} Map writes`);
    return original.call(this, key, value) as Map<K, V>;
  };
  try {
    return { analysis: analyse(grid), writes };
  } finally {
    Map.prototype.set = original;
  }
}

describe('merges that claim far more cells than the sheet has', () => {
  // 10 projects: rows 4–13 (0-based 3–12). Without merges the engine writes a few hundred entries.
  const base = mapWrites({ name: 'S', values: ledger(10) }).writes;

  it('a county cell merged down to row 1,048,576 costs no more than the rows that exist', () => {
    // B4:B1048576 — the county written once for every project, merged to the last row of Excel.
    const merges: Range[] = [{ r0: 3, c0: 1, r1: 1_048_575, c1: 1 }];
    const values = ledger(10);
    for (let r = 4; r < values.length; r++) values[r][1] = null;
    const { writes, analysis } = mapWrites({ name: 'S', values, merges });
    // Every project takes its county from the merge's top cell: all ten are 阳谷县.
    expect(analysis.ledger.groups.map((g) => [g.name, g.projects])).toEqual([['阳谷县', 10]]);
    // The merge covers 9 existing rows below its top: a few more writes than without it, not a million.
    expect(writes).toBeLessThan(base + 1000);
  });

  it('200 overlapping copies of that merge cost no more than one', () => {
    const merges: Range[] = Array.from({ length: 200 }, () => ({ r0: 3, c0: 1, r1: 1_048_575, c1: 1 }));
    const { writes } = mapWrites({ name: 'S', values: ledger(10), merges });
    expect(writes).toBeLessThan(base + 2000);
  });

  it('10,000 overlapping merges over the header window cost no more than the window', () => {
    // A cell in column 1,000 widens the window to 1,000 columns; each merge covers rows 4–33 of it.
    const values = ledger(40);
    values[3][999] = 'x';
    const merges: Range[] = Array.from({ length: 10_000 }, () => ({ r0: 3, c0: 8, r1: 32, c1: 999 }));
    const { writes, analysis } = mapWrites({ name: 'S', values, merges });
    expect(analysis.ledger.projects).toHaveLength(40);
    // The window holds 30 rows × 1,000 columns = 30,000 cells; 10,000 merges × 29,760 cells each would be 297,600,000.
    expect(writes).toBeLessThan(200_000);
  });
});

describe('magnitudes that overflow when converted or divided', () => {
  it('1e300 亿元 is 1e304 万元, not Infinity, and the total still adds up', () => {
    const values = ledger(2, '单位：亿元');
    values[3][5] = 1e300;
    const a = analyse({ name: 'S', values });
    // 1e300 亿元 × 10,000 = 1e304 万元 (as doubles multiply it); the other project: 201 亿元 = 2,010,000 万元.
    expect(a.ledger.projects[0].completedYtd).toBe(1e300 * 10_000);
    expect(a.ledger.total.completedYtd).toBe(1e300 * 10_000 + 2_010_000);
    expect(Number.isFinite(a.ledger.total.completionRate)).toBe(true);
  });

  it('a plan so small that the rate overflows gives no rate and no rank, not Infinity', () => {
    const values = ledger(2);
    values[3][4] = 1e-310;
    const a = analyse({ name: 'S', values });
    // 200 / 1e-310 = 2e312, past the largest double: the rate cannot be computed.
    const p = a.ledger.projects[0];
    expect(p.completionRate).toBeNull();
    expect(p.gapPp).toBeNull();
    expect(p.rank).toBeNull();
    expect(p.status).toBe('unknown');
    // The other project ranks first alone: 201 / 500 = 0.402.
    expect(a.ledger.projects[1].rank).toBe(1);
  });

  it('a group whose plans sum to almost nothing has no rate either', () => {
    const values = ledger(1);
    values[3][4] = 1e-310;
    const a = analyse({ name: 'S', values });
    // Σ completed 200 / Σ plan 1e-310 overflows.
    expect(a.ledger.total.completionRate).toBeNull();
    expect(a.ledger.total.gapPp).toBeNull();
  });
});
