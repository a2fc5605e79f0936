/**
 * The figures may make a larger contender of the year to date the since-start column
 * only when its header leaves that open (a lone `累计完成投资`). `全年完成投资额` (done so far
 * plus the campaign's target, the 漳州 detail tables) is larger on every row too, but it
 * names the year: it is not since start.
 */
import { findHeader } from '../../../src/core/header/find-header';
import type { CellValue, Grid } from '../../../src/core/grid';
import { DEFAULT_SETTINGS, type HeaderInfo } from '../../../src/core/types';

function read(headers: string[], rows: CellValue[][]): HeaderInfo {
  const values: CellValue[][] = [['某开发区2010年项目明细表'], headers, ...rows];
  const grid: Grid = { name: 'S', values, numFmts: new Map(), merges: [], hiddenRows: new Set(), hiddenCols: new Set() };
  const h = findHeader(grid, { ...DEFAULT_SETTINGS, today: '2010-08-05' });
  if ('reason' in h) throw new Error(h.reason);
  return h;
}

// plan, 1-7月 done, second column = done + 150-day target (larger on every row)
const ROWS: CellValue[][] = [['甲', 8000, 5200, 8000], ['乙', 6000, 2400, 6000], ['丙', 5000, 1500, 4000]];

describe('since start from the figures needs a header that leaves it open', () => {
  it('全年完成投资额 beside 2010年1-7月完成投资: the year to date is the 1-7月 column, nothing is since start', () => {
    const h = read(['项目名称', '2010年计划投资', '2010年1-7月完成投资', '全年完成投资额'], ROWS);
    expect(h.columns.completedYtd).toBe(2);
    expect(h.columns.completedSinceStart).toBeUndefined();
    // the year so far beside a whole-year figure: smaller is evidence, no close call
    expect(h.columnChoices?.completedYtd?.ambiguous).toBe(false);
  });
  it('a lone 累计完成投资 that is larger on every row is still read as since start', () => {
    const h = read(['项目名称', '2010年计划投资', '2010年1-7月完成投资', '累计完成投资'], ROWS);
    expect(h.columns.completedYtd).toBe(2);
    expect(h.columns.completedSinceStart).toBe(3);
  });
});

describe('smaller is no evidence beside a column that names the year', () => {
  // 2010年完成投资 holds a month's figures, 2010年累计完成投资 the year to date, and the typed
  // rate (%) equals the latter ÷ plan on every row: 300/1200 = 25, 150/600 = 25, 100/500 = 20.
  const rows: CellValue[][] = [['甲', 1200, 60, 300, 25], ['乙', 600, 40, 150, 25], ['丙', 500, 20, 100, 20]];
  it('the typed rate decides, with no close call', () => {
    const h = read(['项目名称', '2010年计划投资', '2010年完成投资', '2010年累计完成投资', '完成率(%)'], rows);
    expect(h.columns.completedYtd).toBe(3);
    expect(h.columnChoices?.completedYtd?.ambiguous).toBe(false);
  });
});
