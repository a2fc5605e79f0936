/**
 * Sheets for the rule tests: a title, a unit line and one header row, then the rows
 * a case gives, run through the real header finder and ledger builder.
 *
 * The standard header puts the fields in these columns (data starts at row 4):
 *   A 序号 · B 项目名称 · C 项目代码 · D 县区 · E 总投资 · F 截至上年底累计完成投资 ·
 *   G 年度计划投资 · H 本月完成投资 · I 1-6月完成投资 · J 投资完成率 · K 开工情况 ·
 *   L 建设性质 · M 开工时间 · N 竣工时间 · O 备注
 */
import { resolveAsOf } from '../../src/core/analyze';
import { cellKey, fromA1, toA1, type CellValue, type Grid } from '../../src/core/grid';
import { findHeader } from '../../src/core/header/find-header';
import { buildLedger } from '../../src/core/ledger/build-ledger';
import type { Rule, RuleContext } from '../../src/core/rules/rule';
import { DEFAULT_SETTINGS, type RawIssue, type Settings } from '../../src/core/types';

export type Row = (CellValue | undefined)[];

export const HEADER: Row = [
  '序号', '项目名称', '项目代码', '县区', '总投资', '截至上年底累计完成投资', '年度计划投资', '本月完成投资',
  '1-6月完成投资', '投资完成率', '开工情况', '建设性质', '开工时间', '竣工时间', '备注',
];

const COLUMN = {
  index: 0, name: 1, code: 2, group: 3, total: 4, before: 5, plan: 6, month: 7, ytd: 8, rate: 9,
  status: 10, nature: 11, start: 12, finish: 13, remarks: 14,
} as const;
export type Col = keyof typeof COLUMN;

/** The first data row, 0-based (sheet row 4). */
export const FIRST = 3;

/**
 * A project row: 总投资 1000, nothing before this year, plan 500, 50 this month,
 * 250 this year, 已开工, 续建; anything else blank unless given.
 */
export function project(fields: Partial<Record<Col, CellValue>> = {}): Row {
  const base: Partial<Record<Col, CellValue>> = {
    index: 1, name: '项目', group: '阳谷县', total: 1000, before: 0, plan: 500, month: 50, ytd: 250,
    status: '已开工', nature: '续建', ...fields,
  };
  const row: Row = new Array(HEADER.length).fill(null);
  for (const [k, v] of Object.entries(base) as [Col, CellValue][]) row[COLUMN[k]] = v;
  return row;
}

/** A row with only the given cells: a total, subtotal or heading line. */
export function line(fields: Partial<Record<Col, CellValue>>): Row {
  const row: Row = new Array(HEADER.length).fill(null);
  for (const [k, v] of Object.entries(fields) as [Col, CellValue][]) row[COLUMN[k]] = v;
  return row;
}

/** A sheet with at least one fault of every kind a single sheet can have. */
export const MESSY_ROWS: Row[] = [
  line({ index: '合计（5项）', total: 9999, plan: 2500, ytd: 1250 }), // row 4: wrong total and count
  project({ name: ' 甲项目', code: '2022-370000-48-03-012345', plan: '约500', ytd: '100-120' }),
  project({ name: '乙项目', code: '2022-370000-48-03-012345', total: -5, ytd: '250' }),
  project({ name: '丙', code: 'ABC-123', status: '未开工', nature: '新建', before: 10, start: '2022.13', finish: 2020 }),
  project({ name: '丁', plan: null, month: 300, ytd: 200, remarks: { error: '#REF!' } }),
  project({ name: '戊', total: 1000, before: 900, plan: 500, ytd: 300, start: '2022.6', finish: '2022.1' }),
  project({ name: '己', total: 1000, plan: 500, ytd: 250, rate: 0.4 }),
  project({ name: '庚', total: 1000, plan: 500, ytd: 250 }),
  project({ name: '辛', total: 10000000, plan: 500, ytd: 250 }),
];

export interface SheetOptions {
  /** Title line; its `截至N月底` sets the report date. */
  title?: string;
  /** Unit line. */
  unitLine?: string;
  header?: Row;
  settings?: Partial<Settings>;
  /** Number formats by A1 address. */
  numFmts?: Record<string, string>;
}

export function settingsOf(extra: Partial<Settings> = {}): Settings {
  return { ...DEFAULT_SETTINGS, today: '2022-07-15', ...extra };
}

export function sheet(rows: Row[], opts: SheetOptions = {}): Grid {
  const values: Row[] = [
    [opts.title ?? '2022年重点项目进展情况表（截至6月底）'],
    [opts.unitLine ?? '单位：万元'],
    opts.header ?? HEADER,
    ...rows,
  ];
  const grid: Grid = { name: 'Sheet1', values };
  if (opts.numFmts) {
    grid.numFmts = new Map();
    for (const [a1, fmt] of Object.entries(opts.numFmts)) {
      const at = fromA1(a1);
      if (!at) throw new Error(`bad address ${a1}`);
      grid.numFmts.set(cellKey(at.r, at.c), fmt);
    }
  }
  return grid;
}

/** A grid run through the real header finder and ledger builder. */
export function contextOf(grid: Grid, settingsExtra: Partial<Settings> = {}): RuleContext {
  const settings = settingsOf(settingsExtra);
  const header = findHeader(grid, settings);
  if ('reason' in header) throw new Error(`fixture is not a ledger: ${header.reason} ${header.missing.join(',')}`);
  const ledger = buildLedger(grid, header, settings, resolveAsOf(header, settings));
  return { grid, header: ledger.header, ledger, settings };
}

export interface Brief {
  cell: string;
  code: string;
  severity: string;
  fix: CellValue | null;
}

export function brief(issues: RawIssue[]): Brief[] {
  return issues.map((i) => ({ cell: toA1(i.r, i.c), code: i.code, severity: i.severity, fix: i.fix }));
}

/** Rows → one rule's issues, as {cell, code, severity, fix}. */
export function check(rule: Rule, rows: Row[], opts: SheetOptions = {}): Brief[] {
  return brief(rule(contextOf(sheet(rows, opts), opts.settings)));
}

/** Rows → one rule's raw issues, for tests that look at params. */
export function issuesOf(rule: Rule, rows: Row[], opts: SheetOptions = {}): RawIssue[] {
  return rule(contextOf(sheet(rows, opts), opts.settings));
}

/** This period's rows and the previous period's, for the cross-period rules. */
export function checkAgainst(
  rule: Rule,
  rows: Row[],
  previousRows: Row[],
  opts: SheetOptions & { previousTitle?: string } = {},
): RawIssue[] {
  const ctx = contextOf(sheet(rows, opts), opts.settings);
  const prev = contextOf(sheet(previousRows, { ...opts, title: opts.previousTitle ?? '2022年重点项目进展情况表（截至5月底）' }), opts.settings);
  return rule({ ...ctx, previous: prev.ledger, previousGrid: prev.grid });
}
