/**
 * 合计 / 小计 rows as evidence for the year-to-date column (evidence-totals.ts): the right
 * column's totals equal the sums of the rows they cover. `2010年完成投资` and `2010年累计完成投资`
 * both name the year and neither is smaller on nearly every row, so without other evidence
 * they tie (prior 1 each): the left one is taken and the call is close.
 */
import { SAMPLE_ROWS } from '../../../src/core/header/evidence';
import { findHeader } from '../../../src/core/header/find-header';
import type { CellValue, Grid } from '../../../src/core/grid';
import { DEFAULT_SETTINGS, type ColumnChoice, type HeaderInfo } from '../../../src/core/types';

function read(headers: string[], rows: CellValue[][]): HeaderInfo {
  const values: CellValue[][] = [['某开发区2010年项目明细表'], headers, ...rows];
  const grid: Grid = { name: 'S', values, numFmts: new Map(), merges: [], hiddenRows: new Set(), hiddenCols: new Set() };
  const h = findHeader(grid, { ...DEFAULT_SETTINGS, today: '2010-07-05' });
  if ('reason' in h) throw new Error(h.reason);
  return h;
}

function ytd(h: HeaderInfo): ColumnChoice {
  const c = h.columnChoices?.completedYtd;
  if (!c) throw new Error('no year-to-date choice');
  return c;
}

function checksOf(h: HeaderInfo, column: number): string[] {
  return ytd(h).candidates?.find((k) => k.column === column)?.checks ?? [];
}

function scoreOf(h: HeaderInfo, column: number): number | undefined {
  return ytd(h).candidates?.find((k) => k.column === column)?.score;
}

/** Column 2 the decoy, column 3 the year to date. */
const TIED = ['项目名称', '2010年计划投资', '2010年完成投资', '2010年累计完成投资'];

describe('a 合计 row that equals its rows is evidence', () => {
  // Real (column 3): 300 + 150 + 100 = 550 = its 合计.
  // Decoy (column 2): 280 + 160 + 100 = 540, its 合计 500: |500 − 540| = 40 > 0.5 + 0.5.
  // Neither is ≤ the other on 90% of rows (decoy ≤ real on 3 of 4 rows, real ≤ decoy on 2 of 4).
  // Scores: real 1 + 0.5 × (1 − 0.5) = 1.25, decoy 1 + 0.5 × (0 − 0.5) = 0.75: 0.5 apart, no close call.
  // Without the totals both score 1 and the left column (the decoy) would be taken.
  const rows: CellValue[][] = [['甲', 1200, 280, 300], ['乙', 600, 160, 150], ['丙', 500, 100, 100], ['合计', 2300, 500, 550]];

  it('the column whose 合计 adds up is the year to date', () => {
    const h = read(TIED, rows);
    expect(h.columns.completedYtd).toBe(3);
    expect(ytd(h).ambiguous).toBe(false);
    expect(checksOf(h, 3)).toContain('sums:100%');
    expect(checksOf(h, 2)).toContain('sums:0%');
    expect(scoreOf(h, 3)).toBe(1.25);
    expect(scoreOf(h, 2)).toBe(0.75);
  });

  it('a blank 合计 cell beside rows with figures does not add up; `合  計` reads as 合计', () => {
    // Decoy: 280 + 160 + 100 = 540 with its 合计 blank: 0 of 1 → sums:0%, score 0.75 as above.
    const blank: CellValue[][] = [...rows.slice(0, 3), ['合  計', 2300, null, 550]];
    const h = read(TIED, blank);
    expect(h.columns.completedYtd).toBe(3);
    expect(checksOf(h, 3)).toContain('sums:100%');
    expect(checksOf(h, 2)).toContain('sums:0%');
  });
});

describe('小计 blocks where both columns add up', () => {
  // Both columns hold the same figures on every row, so every total adds up in both:
  //   阳谷县小计 = 300 + 150 = 450; 小计 (since the heading 二、冠县) = 100 + 80 = 180;
  //   合计 = 300 + 150 + 100 + 80 = 630 (also 450 + 180, the 小计 rows above it).
  // 3 usable totals, 3 add up: sums:100%, + 0.25 each → 1.25 and 1.25, still a tie, still the
  // left column and still a close call, as without the totals.
  const rows: CellValue[][] = [
    ['一、阳谷县', null, null, null],
    ['甲', 1200, 300, 300],
    ['乙', 600, 150, 150],
    ['阳谷县小计', 1800, 450, 450],
    ['二、冠县', null, null, null],
    ['丙', 500, 100, 100],
    ['丁', 400, 80, 80],
    ['小 计', 900, 180, 180],
    ['全市合计', 2700, 630, 630],
  ];

  it('the choice is the one made without the totals', () => {
    const h = read(TIED, rows);
    expect(h.columns.completedYtd).toBe(2);
    expect(ytd(h).ambiguous).toBe(true);
    expect(checksOf(h, 2)).toContain('sums:100%');
    expect(checksOf(h, 3)).toContain('sums:100%');
    expect(scoreOf(h, 2)).toBe(1.25);
    expect(scoreOf(h, 3)).toBe(1.25);
  });

  it('a 小计 written above its block is checked against the rows below it', () => {
    // 阳谷县小计 heads 甲, 乙: real 300 + 150 = 450 ✓, decoy 280 + 160 = 440 ≠ 500 (|500 − 440| = 60).
    // 冠县小计 heads 丙, 丁: real 100 + 80 = 180 ✓, decoy 100 + 80 = 180 ✓.
    // Real 2 of 2 → sums:100%, 1.25; decoy 1 of 2 → sums:50%, 1 + 0.5 × 0 = 1: 0.25 apart, not close.
    const above: CellValue[][] = [
      ['阳谷县小计', 1800, 500, 450],
      ['甲', 1200, 280, 300],
      ['乙', 600, 160, 150],
      ['冠县小计', 900, 180, 180],
      ['丙', 500, 100, 100],
      ['丁', 400, 80, 80],
    ];
    const h = read(TIED, above);
    expect(h.columns.completedYtd).toBe(3);
    expect(checksOf(h, 3)).toContain('sums:100%');
    expect(checksOf(h, 2)).toContain('sums:50%');
    expect(scoreOf(h, 2)).toBe(1);
    expect(ytd(h).ambiguous).toBe(false);
  });
});

describe('only totals whose rows are all in the sample count', () => {
  // SAMPLE_ROWS + 10 project rows of 100 | 10 | 10: each column sums to 10 × (SAMPLE_ROWS + 10).
  const n = SAMPLE_ROWS + 10;
  const projects: CellValue[][] = Array.from({ length: n }, (_, i) => [`项目${i + 1}`, 100, 10, 10]);
  // The decoy's 合计 is 100 short, the real one's right.
  const total: CellValue[] = ['合计', 100 * n, 10 * n - 100, 10 * n];

  it('a 合计 below the sampled rows is not read: no sums check, the tie stays', () => {
    const h = read(TIED, [...projects, total]);
    expect(ytd(h).candidates?.flatMap((k) => k.checks ?? []).some((c) => c.startsWith('sums:'))).toBe(false);
    expect(h.columns.completedYtd).toBe(2);
    expect(ytd(h).ambiguous).toBe(true);
  });

  it('a 合计 at the top of a sheet longer than the sample covers unsampled rows: not read', () => {
    const h = read(TIED, [total, ...projects]);
    expect(ytd(h).candidates?.flatMap((k) => k.checks ?? []).some((c) => c.startsWith('sums:'))).toBe(false);
    expect(h.columns.completedYtd).toBe(2);
  });

  it('the same 合计 at the top of a sheet the sample holds whole is read', () => {
    // 20 rows: real 10 × 20 = 200 = its 合计 ✓; decoy 200 ≠ 100 ✗.
    const short = projects.slice(0, 20);
    const h = read(TIED, [['合计', 2000, 100, 200], ...short]);
    expect(checksOf(h, 3)).toContain('sums:100%');
    expect(checksOf(h, 2)).toContain('sums:0%');
    expect(h.columns.completedYtd).toBe(3);
  });
});
