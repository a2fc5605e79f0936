/**
 * The row tree proven by the sums (ledger/row-tree.ts), on sheets worked out by hand:
 * every figure below is the sum written beside it.
 */
import { UNGROUPED } from '../../../src/core/ledger/build';
import { buildLedger } from '../../../src/core/ledger/build-ledger';
import type { CellValue } from '../../../src/core/grid';
import { ledgerGrid, ledgerHeader, ledgerSettings } from '../../helpers/ledger-fixtures';
import { LEVELS_BODY, LEVELS_HEAD } from '../../helpers/row-levels';

// 序号 | 项目名称 | 总投资 | 年度计划投资 | 1-6月完成投资
const header = ledgerHeader({ index: 0, name: 1, totalInvestment: 2, annualPlan: 3, completedYtd: 4 });
const HEAD = LEVELS_HEAD;
const AS_OF = '2022-06-30';
const build = (rows: (CellValue | undefined)[][], extra = {}) =>
  buildLedger(ledgerGrid([HEAD, ...rows]), header, ledgerSettings(extra), AS_OF);
const kinds = (l: ReturnType<typeof build>) => l.rows.map((r) => [r.r, r.kind]);
const groups = (l: ReturnType<typeof build>) => l.groups.map((g) => [g.name, g.projects, g.annualPlan, g.completedYtd]);

describe('rowTree: a county total written above its projects', () => {
  // 合计 1000 / 300 / 150 = 阳谷县 (600 / 200 / 100) + 冠县 (400 / 100 / 50);
  // 阳谷县 = a (400 / 120 / 60) + b (200 / 80 / 40); 冠县 = c (300 / 60 / 30) + d (100 / 40 / 20).
  // `合计` says the row closes the block before it, but nothing is before it: it opens its
  // county's block, and so does the next line of its kind; the sums agree.
  const l = build([
    [null, '合计', 1000, 300, 150],
    [null, '阳谷县合计2个', 600, 200, 100],
    [1, 'a', 400, 120, 60],
    [2, 'b', 200, 80, 40],
    [null, '冠县合计2个', 400, 100, 50],
    [3, 'c', 300, 60, 30],
    [4, 'd', 100, 40, 20],
  ]);

  test('each county line covers the two projects below it', () => {
    expect(kinds(l)).toEqual([[1, 'total'], [2, 'subtotal'], [3, 'project'], [4, 'project'], [5, 'subtotal'], [6, 'project'], [7, 'project']]);
    expect(l.blocks).toEqual([
      { r: 1, from: 3, to: 8, by: 'layout' },
      { r: 2, from: 3, to: 5, by: 'layout' },
      { r: 5, from: 6, to: 8, by: 'layout' },
    ]);
  });

  test('a county line above its projects whose plan drifted still covers them: one issue, at the drifted cell', () => {
    const drifted = build([
      [null, '合计', 1000, 300, 150],
      [null, '阳谷县合计2个', 600, 200, 100],
      [1, 'a', 400, 120, 60],
      [2, 'b', 200, 80, 40],
      [null, '冠县合计2个', 400, 101, 50],
      [3, 'c', 300, 60, 30],
      [4, 'd', 100, 40, 20],
    ]);
    expect(drifted.blocks?.find((b) => b.r === 5)).toEqual({ r: 5, from: 6, to: 8, by: 'layout' });
    expect(groups(drifted)).toEqual([['阳谷县', 2, 200, 100], ['冠县', 2, 100, 50]]);
  });

  test('the counties are the groups, with the count taken off their label', () => {
    expect(l.groupSource).toBe('heading');
    expect(l.rowLevels).toEqual([{ depth: 0, labels: ['阳谷县', '冠县'], places: true, use: 'group' }]);
    expect(groups(l)).toEqual([['阳谷县', 2, 200, 100], ['冠县', 2, 100, 50]]);
    expect(l.total).toMatchObject({ projects: 4, annualPlan: 300, completedYtd: 150 });
    expect(l.rowsAmbiguous).toEqual([]);
  });
});

describe('rowTree: a subtotal worded as a plain name', () => {
  // 莘县 300 / 110 / 50 = a (100 / 50 / 20) + b (200 / 60 / 30);
  // 阳谷县 120 / 30 / 15 = c (50 / 10 / 5) + d (70 / 20 / 10). Neither says 小计.
  const rows = [
    [1, 'a', 100, 50, 20],
    [2, 'b', 200, 60, 30],
    [null, '莘县', 300, 110, 50],
    [3, 'c', 50, 10, 5],
    [4, 'd', 70, 20, 10],
    [null, '阳谷县', 120, 30, 15],
  ];

  test('is found by its sums: not a project, and its block is a group', () => {
    const l = build(rows);
    expect(kinds(l)).toEqual([[1, 'project'], [2, 'project'], [3, 'subtotal'], [4, 'project'], [5, 'project'], [6, 'subtotal']]);
    expect(l.projects.map((p) => p.name)).toEqual(['a', 'b', 'c', 'd']);
    expect(l.blocks).toEqual([{ r: 3, from: 1, to: 3, by: 'sums' }, { r: 6, from: 4, to: 6, by: 'sums' }]);
    expect(groups(l)).toEqual([['莘县', 2, 110, 50], ['阳谷县', 2, 30, 15]]);
    // The total counts each project once: 140 planned, 65 done (not 280 / 130).
    expect(l.total).toMatchObject({ projects: 4, annualPlan: 140, completedYtd: 65 });
  });

  test('a row whose figures are off by more than the tolerance stays a project', () => {
    const off = rows.map((r) => (r[1] === '阳谷县' ? [null, '阳谷县', 120, 31, 15] : r));
    const l = build(off);
    expect(l.rows.find((r) => r.r === 6)?.kind).toBe('project');
    expect(l.projects.map((p) => p.name)).toEqual(['a', 'b', 'c', 'd', '阳谷县']);
  });
});

describe('rowTree: a row that adds up both ways', () => {
  // 莘县 300 / 110 / 50 = a + b (100 + 200 / 50 + 60 / 20 + 30) = c + d (120 + 180 / 70 + 40 / 25 + 25).
  const l = build([
    [1, 'a', 100, 50, 20],
    [2, 'b', 200, 60, 30],
    [null, '莘县', 300, 110, 50],
    [3, 'c', 120, 70, 25],
    [4, 'd', 180, 40, 25],
  ]);

  test('is read as closing the block above, and the doubt is noted with both readings', () => {
    expect(l.rows.find((r) => r.r === 3)?.kind).toBe('subtotal');
    expect(l.blocks).toEqual([{ r: 3, from: 1, to: 3, by: 'sums' }]);
    expect(l.rowsAmbiguous).toEqual([{ r: 3, chosen: 'above', chosenRows: [1, 2], otherRows: [4, 5] }]);
    expect(l.projects.map((p) => [p.name, p.group])).toEqual([['a', '莘县'], ['b', '莘县'], ['c', UNGROUPED], ['d', UNGROUPED]]);
  });
});

describe('rowTree: categories outside, counties inside', () => {
  // The figures are worked out in test/helpers/row-levels.ts.
  const rows = LEVELS_BODY;

  test('the level of places groups the projects, the categories are the subgroup', () => {
    const l = build(rows);
    expect(l.rowLevels).toEqual([
      { depth: 0, labels: ['工业', '服务业'], places: false, use: 'subgroup' },
      { depth: 1, labels: ['阳谷县', '冠县'], places: true, use: 'group' },
    ]);
    expect(groups(l)).toEqual([['阳谷县', 3, 120, 65], ['冠县', 2, 80, 15]]);
    expect(l.projects.map((p) => p.subgroup)).toEqual(['工业', '工业', '工业', '服务业', '服务业']);
    expect(l.groups.map((g) => g.rank)).toEqual([1, 2]);
  });

  test('--group-by a level: the categories group, the counties are the subgroup', () => {
    const l = build(rows, { groupLevel: 1 });
    expect(l.rowLevels?.map((v) => v.use)).toEqual(['group', 'subgroup']);
    expect(groups(l)).toEqual([['工业', 3, 150, 60], ['服务业', 2, 50, 20]]);
    expect(l.projects.map((p) => p.subgroup)).toEqual(['阳谷县', '阳谷县', '冠县', '阳谷县', '冠县']);
  });

  test('a level the sheet does not have leaves the choice to the tree', () => {
    const l = build(rows, { groupLevel: 3 });
    expect(groups(l)).toEqual([['阳谷县', 3, 120, 65], ['冠县', 2, 80, 15]]);
  });
});
