import { assignColumns, findHeader } from '../../../src/core/header/find-header';
import type { CellValue, Grid, Range } from '../../../src/core/grid';
import { DEFAULT_SETTINGS, type HeaderInfo, type Settings } from '../../../src/core/types';
import { gridOf } from '../../helpers/grid';

const base: Settings = { ...DEFAULT_SETTINGS, today: '2022-07-15' };
const HEAD: CellValue[] = ['序号', '项目名称', '项目单位', '总投资', '年度计划', '1-6月完成', '备注', '县区'];

function header(grid: Grid, s: Settings = base): HeaderInfo {
  const h = findHeader(grid, s);
  if ('reason' in h) throw new Error(JSON.stringify(h));
  return h;
}

describe('settings.columnOverrides', () => {
  it('without overrides, maps by header', () => {
    expect(header(gridOf([HEAD])).columns).toEqual({
      index: 0, name: 1, responsibleUnit: 2, totalInvestment: 3, annualPlan: 4, completedYtd: 5, remarks: 6, group: 7,
    });
  });

  it('moves a field to the column the user names, and the field detected there gives way', () => {
    // The user says the group is in column C (项目单位): responsibleUnit has no other candidate.
    const h = header(gridOf([HEAD]), { ...base, columnOverrides: { group: 2 } });
    expect(h.columns.group).toBe(2);
    expect(h.columns.responsibleUnit).toBeUndefined();
    // 县区 (column H) is no longer taken by group and reads as nothing else.
    expect(Object.values(h.columns)).not.toContain(7);
  });

  it('drops a mapping with -1', () => {
    const h = header(gridOf([HEAD]), { ...base, columnOverrides: { remarks: -1 } });
    expect(h.columns.remarks).toBeUndefined();
    expect(h.columns.name).toBe(1);
  });

  it('can make a sheet a ledger that the header alone does not', () => {
    const grid = gridOf([['序号', '项目名称', '总投资', '甲', '乙']]);
    expect(findHeader(grid, base)).toEqual({ reason: 'missing-key-columns', missing: ['annualPlan', 'completedYtd'] });
    const h = header(grid, { ...base, columnOverrides: { annualPlan: 3, completedYtd: 4 } });
    expect(h.columns).toEqual({ index: 0, name: 1, totalInvestment: 2, annualPlan: 3, completedYtd: 4 });
  });
});

describe('assignColumns', () => {
  it('gives each field one column and each column one field, best score first', () => {
    // Two columns read as the annual plan: the exact 年度计划投资 wins, 2022年计划 is left unmapped.
    const cols = assignColumns([['项目名称'], ['2022年计划'], ['年度计划投资']], [], undefined);
    expect(cols).toEqual({ name: 0, annualPlan: 2 });
  });

  it('leaves excluded columns alone', () => {
    expect(assignColumns([['项目名称'], ['完成率']], [1], undefined)).toEqual({ name: 0 });
  });

  it('on equal scores, takes the leftmost column', () => {
    expect(assignColumns([['备注'], ['备注']], [], undefined)).toEqual({ remarks: 0 });
  });
});

describe('performance: only the top of the sheet is read', () => {
  function bigGrid(rows: number): { grid: Grid; maxRowRead: () => number } {
    const values: CellValue[][] = [['2022年重点项目表（截至6月底）'], ['单位：万元'], HEAD];
    for (let i = 0; i < rows; i++) values.push([i + 1, `项目${i}`, '某单位', 1000, 500, 250, '', '阳谷县']);
    let max = -1;
    const watched = new Proxy(values, {
      get(target, prop, receiver) {
        if (typeof prop === 'string' && /^\d+$/.test(prop)) max = Math.max(max, Number(prop));
        return Reflect.get(target, prop, receiver);
      },
    });
    // Cells merged across the rows of each project, as real ledgers have.
    const merges: Range[] = [{ r0: 0, c0: 0, r1: 0, c1: 7 }];
    for (let r = 3; r + 1 < values.length; r += 2) merges.push({ r0: r, c0: 7, r1: r + 1, c1: 7 });
    return { grid: { name: 'big', values: watched, merges }, maxRowRead: () => max };
  }

  // Speed itself is measured by `npm run bench`; this holds the work to the header window.
  it('reads no row beyond the header window of a 100,000-row sheet', () => {
    const { grid, maxRowRead } = bigGrid(100_000);
    const h = header(grid);
    expect(h.rows).toEqual([2]);
    expect(h.asOf).toEqual({ year: 2022, month: 6, source: '2022年重点项目表（截至6月底）' });
    // A 30-row window from row 0, plus the bounded sample the column checks read
    // (at most 400 data rows, header/evidence.ts; 200 for empty columns): never the sheet.
    expect(maxRowRead()).toBeLessThan(30 + 400 + 10);
  });
});
