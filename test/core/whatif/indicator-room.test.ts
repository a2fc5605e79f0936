/**
 * Where the indicator columns may go: side by side after the tool's rank key, only on
 * free columns (or the tool's own from an earlier run), never past XFD; else none.
 */
import { findHeader } from '../../../src/core/header/find-header';
import { cellKey, colLetter, MAX_COLS, type CellValue, type Grid } from '../../../src/core/grid';
import { buildPlans, outputColumns } from '../../../src/core/plan';
import type { WritePlan } from '../../../src/core/types';
import { indicatorColumnStart, withIndicators } from '../../../src/core/whatif/indicator-plan';
import { indicatorNoRoomMessage } from '../../../src/core/whatif/messages';
import { compileIndicator } from '../../../src/core/whatif/indicators';
import { analyze, SETTINGS } from './helpers';
import { figureFormula as F } from '../../../src/core/plain-number';

const XFD = MAX_COLS - 1; // 16383, Excel's last column
const HEAD: CellValue[] = ['序号', '县（市、区）', '项目名称', '总投资', '年度计划投资', '1-6月完成投资', '资金到位'];

/** A ledger A..G (header on row 2, projects on rows 3–5), plus stray cells [r, c, value]. */
function sheetRows(extra: [number, number, CellValue][] = []): CellValue[][] {
  const rows: CellValue[][] = [
    ['单位：万元'],
    [...HEAD],
    [1, '甲县', 'A', 2000, 500, 300, 400],
    [2, '甲县', 'B', 1000, 300, 100, 250],
    [3, '乙县', 'C', 1500, 400, 100, null],
    [],
    [],
  ];
  for (const [r, c, v] of extra) {
    rows[r] ??= [];
    rows[r][c] = v;
  }
  return rows;
}

const INDS = [compileIndicator('完成比', 'completedYtd / annualPlan'), compileIndicator('到位比', 'fundsArrived / totalInvestment')];

function planned(rows: CellValue[][], grid?: (g: Grid) => Grid) {
  const base = analyze(rows);
  const a = grid ? { ...base, grid: grid(base.grid) } : base;
  const [plan] = buildPlans([{ grid: a.grid, header: a.header, ledger: a.ledger, issues: [] }], SETTINGS);
  return { a, plan };
}

/** The cells a host would write, put into the grid (for a second run). */
function written(grid: Grid, plan: WritePlan): CellValue[][] {
  const values = grid.values.map((row) => [...(row ?? [])]);
  for (const c of plan.cells) {
    values[c.r] ??= [];
    values[c.r][c.c] = c.value;
  }
  return values as CellValue[][];
}

/** Every user cell of `rows` that the plan writes on. */
function userCellsHit(rows: CellValue[][], plan: WritePlan): string[] {
  return plan.cells.filter((c) => rows[c.r]?.[c.c] !== undefined && rows[c.r]?.[c.c] !== null).map((c) => `${colLetter(c.c)}${c.r + 1}`);
}

describe('indicatorColumnStart', () => {
  // Gap case: stray H6 (7), N6 (13), W6 (22) and XFD7: the free run after the header G (width 7)
  // skips H; I..M is five columns; O..T (14..19) is the first six → tool columns, rank key T (19).
  // Indicators from U (20): U, V free; W (22) holds a user value.
  const gap: [number, number, CellValue][] = [[5, 7, 'x'], [5, 13, 'y'], [5, 22, 'z'], [6, XFD, 1]];
  it.each<[string, CellValue[][], number, number | null]>([
    // Normal: tool columns H..M (7..12) right after G, indicators from N (13).
    ['normal ledger, two indicators', sheetRows(), 2, 13],
    // Far cell XFD7: the first six free columns after G are H..M again, indicators from N.
    ['far cell, gap at H..M', sheetRows([[6, XFD, 1]]), 2, 13],
    ['gap O..T, two indicators fit in U, V', sheetRows(gap), 2, 20],
    ['gap O..T, a third would land on the user cell W6', sheetRows(gap), 3, null],
    // A user cell at XEX7 (16377): tool columns at XEY..XFD (16378..16383); nothing after XFD.
    ['tool columns end at XFD', sheetRows([[6, 16377, 1]]), 1, null],
    // The header itself reaches XFD: no tool columns at all, so no indicators.
    ['header reaches XFD', sheetRows([[1, XFD, '备注']]), 1, null],
  ])('%s', (_, rows, count, want) => {
    const a = analyze(rows);
    expect(indicatorColumnStart(a.grid, a.header, count)).toBe(want);
  });

  it('the tool columns of "tool columns end at XFD" are XEY..XFD, as assumed', () => {
    const a = analyze(sheetRows([[6, 16377, 1]]));
    expect(colLetter(16378)).toBe('XEY');
    expect(outputColumns(a.grid, a.header).rankKey).toBe(XFD);
  });

  it.each<[string, (g: Grid) => Grid]>([
    // U (20) holds a formula only (no cached value read), or a merge over U..V on row 7.
    ['a formula in U', (g) => ({ ...g, formulas: new Map([[cellKey(6, 20), 'A1']]) })],
    ['a merge over U7:V7', (g) => ({ ...g, merges: [...(g.merges ?? []), { r0: 6, r1: 6, c0: 20, c1: 21 }] })],
  ])('a column used by %s is not free', (_, edit) => {
    // Tool columns H..M (7..12), indicators from N (13): one needs N only, seven N..T (13..19),
    // eight reach U (20), which the formula or merge uses.
    const { a } = planned(sheetRows([[6, XFD, 1]]), edit);
    expect(indicatorColumnStart(a.grid, a.header, 1)).toBe(13);
    expect(indicatorColumnStart(a.grid, a.header, 7)).toBe(13); // N..T
    expect(indicatorColumnStart(a.grid, a.header, 8)).toBeNull(); // N..U, U used
  });
});

describe('withIndicators on a sheet whose tool columns sit in a gap', () => {
  const gap: [number, number, CellValue][] = [[5, 7, 'x'], [5, 13, 'y'], [5, 22, 'z'], [6, XFD, 1]];
  const rows = sheetRows(gap);
  const { a, plan } = planned(rows);
  const out = withIndicators(plan, a, INDS, 'zh-CN');
  const cell = (r: number, c: number) => out.cells.find((x) => x.r === r && x.c === c);

  it('puts them in U and V after the rank key T, on no user cell', () => {
    expect(outputColumns(a.grid, a.header).completionRate).toBe(14); // O
    expect([cell(1, 20)?.value, cell(1, 21)?.value]).toEqual(['指标：完成比', '指标：到位比']);
    // U3: F3/E3 = 300/500 = 0.6; V3: G3/D3 = 400/2000 = 0.2
    expect(cell(2, 20)).toMatchObject({ value: 0.6, formula: `IFERROR(${F('F3')}/${F('E3')},"")` });
    expect(cell(2, 21)?.value).toBe(0.2);
    expect(userCellsHit(rows, out)).toEqual([]);
    expect(out.ownColumns).toEqual([14, 15, 16, 17, 18, 19, 20, 21]);
  });

  it('a second run finds them and gives the same cells; more indicators than there is room for: none', () => {
    const again = planned(written(a.grid, out));
    expect(again.a.header.ownColumns).toEqual([14, 15, 16, 17, 18, 19, 20, 21]);
    const out2 = withIndicators(again.plan, again.a, INDS, 'zh-CN');
    expect(out2.cells).toEqual(out.cells);
    expect(out2.ownColumns).toEqual(out.ownColumns);
    // A third indicator needs W (22), the user's: the plan is given back as it is.
    const three = [...INDS, compileIndicator('三', 'annualPlan * 2')];
    expect(withIndicators(again.plan, again.a, three, 'zh-CN')).toBe(again.plan);
  });
});

describe('withIndicators with no room', () => {
  it.each<[string, [number, number, CellValue][]]>([
    ['the header reaches XFD (no tool columns)', [[1, XFD, '备注']]],
    ['the tool columns end at XFD', [[6, 16377, 1]]],
    ['the column after the tool columns is a user\'s', [[6, XFD, 1], [6, 13, 'n']]],
  ])('%s: the plan itself, nothing past XFD, no user cell written', (_, extra) => {
    const rows = sheetRows(extra);
    const { a, plan } = planned(rows);
    const out = withIndicators(plan, a, INDS, 'zh-CN');
    expect(out).toBe(plan);
    expect(out.cells.every((c) => c.c < MAX_COLS)).toBe(true);
    expect(userCellsHit(rows, out)).toEqual([]);
  });

  it('the last case really is the tool columns H..M with N used (else it would not test the gap)', () => {
    const a = analyze(sheetRows([[6, XFD, 1], [6, 13, 'n']]));
    expect(outputColumns(a.grid, a.header).completionRate).toBe(7);
    const h = findHeader(a.grid, SETTINGS);
    if ('reason' in h) throw new Error(h.reason);
    expect(h.ownColumns).toEqual([]);
  });
});

describe('indicatorNoRoomMessage', () => {
  it.each<['zh-CN' | 'zh-TW' | 'en', string]>([
    ['zh-CN', 'a.xlsx「表1」：计算列之后没有 2 个连续空列'],
    ['zh-TW', 'a.xlsx「表1」：計算欄之後沒有 2 個連續空欄'],
    ['en', 'a.xlsx [表1]: no 2 free columns side by side'],
  ])('%s names the file, sheet, count and XFD', (lang, start) => {
    const m = indicatorNoRoomMessage({ file: 'a.xlsx', sheet: '表1', count: 2 }, lang);
    expect(m.startsWith(start)).toBe(true);
    expect(m).toContain('XFD');
  });
});
