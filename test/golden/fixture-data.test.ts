/**
 * The fixture ledgers checked against their own hand-computed figures, without the
 * engine: a slip in a fixture's arithmetic must fail here, not pass as an engine bug.
 * Project rows are the rows between firstProjectRow and lastProjectRow whose 序号 is a
 * number (or `★n`); amounts are numbers or text a person reads as a number: digits and a
 * point, full-width digits narrowed (the value reader of src/core/figure-forms.ts reads more
 * forms; the fixtures hold only these).
 */
import { allFixtures, type Fixture } from '../fixtures/ledgers';
import { fromA1, colIndex } from '../../src/core/grid';
import type { CellValue } from '../../src/core/grid';

const fixtures = allFixtures();

function num(v: CellValue): number | null {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return null;
  return /^\d+(\.\d+)?$/.test(v) ? Number(v) : null;
}

/** A figure as a person adding up the column by hand reads it (full-width digits narrowed): for typed totals. */
function byHand(v: CellValue): number | null {
  return typeof v === 'string' ? num(v.replace(/[\uFF10-\uFF19]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).trim()) : num(v);
}

function col(f: Fixture, field: string): number {
  const letter = (f.expected.columns as Record<string, string | undefined>)[field];
  if (!letter) throw new Error(`${f.name}: no ${field} column`);
  return colIndex(letter);
}

function projectRows(f: Fixture): number[] {
  const out: number[] = [];
  for (let r = f.expected.firstProjectRow; r <= f.expected.lastProjectRow; r++) {
    const v = f.rows[r - 1][0];
    if (typeof v === 'number' || (typeof v === 'string' && /^★?\d+$/.test(v))) out.push(r);
  }
  return out;
}

function sum(f: Fixture, rows: number[], field: string): number {
  const c = col(f, field);
  return rows.reduce((s, r) => s + (byHand(f.rows[r - 1][c]) ?? 0), 0);
}

const SCALE: Record<string, number> = { 万元: 1, 亿元: 10000 };
const STARTED = /^(是|已开工|在建|已竣工|已開工)$/;

function isStarted(f: Fixture, r: number): boolean {
  if (f.expected.columns.status) return STARTED.test(String(f.rows[r - 1][col(f, 'status')]));
  return (num(f.rows[r - 1][col(f, 'completedYtd')]) ?? 0) > 0;
}

/** A planned start as YYYY-MM-DD (month-only text as its first day), or null. */
function plannedStart(f: Fixture, r: number): string | null {
  if (!f.expected.columns.startDate) return null;
  const v = f.rows[r - 1][col(f, 'startDate')];
  if (typeof v === 'number') return new Date(Date.UTC(1899, 11, 30) + v * 86400000).toISOString().slice(0, 10);
  const m = typeof v === 'string' ? /^(\d{4})(?:\.|年)(\d{1,2})月?$/.exec(v) : null;
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-01` : null;
}

/** Behind or seriously behind (rate under time progress), or not started past its planned start. */
function lagging(f: Fixture, rows: number[]): number {
  const tp = f.expected.timeProgress;
  return rows.filter((r) => {
    if (isStarted(f, r)) {
      const plan = num(f.rows[r - 1][col(f, 'annualPlan')]) as number;
      const ytd = num(f.rows[r - 1][col(f, 'completedYtd')]) as number;
      return ytd / plan < tp;
    }
    const start = plannedStart(f, r);
    return start !== null && start < f.expected.asOf;
  }).length;
}

describe.each(fixtures.map((f) => [f.name, f] as const))('fixture %s', (_name, f) => {
  const rows = projectRows(f);
  const scale = SCALE[f.expected.unit];
  const tp = f.expected.timeProgress;

  test('project count, sums and rates match the hand-computed total', () => {
    const t = f.expected.total;
    expect(rows).toHaveLength(t.projects);
    expect(sum(f, rows, 'annualPlan') * scale).toBeCloseTo(t.annualPlan, 6);
    expect(sum(f, rows, 'completedYtd') * scale).toBeCloseTo(t.completedYtd, 6);
    if (t.totalInvestment !== undefined) expect(sum(f, rows, 'totalInvestment') * scale).toBeCloseTo(t.totalInvestment, 6);
    expect(t.completionRate).toBeCloseTo(t.completedYtd / t.annualPlan, 9);
    expect(t.gapPp).toBeCloseTo((t.completedYtd / t.annualPlan - tp) * 100, 4);
    expect(t.startRate).toBeCloseTo(t.started / t.projects, 9);
  });

  test('started count follows the status column (or investment where there is none)', () => {
    expect(rows.filter((r) => isStarted(f, r))).toHaveLength(f.expected.total.started);
    if (f.expected.total.lagging !== undefined) expect(lagging(f, rows)).toBe(f.expected.total.lagging);
  });

  test('group figures add up to the total and match their rows', () => {
    const groups = f.expected.groups;
    if (!groups) return;
    const t = f.expected.total;
    expect(groups.reduce((s, g) => s + g.projects, 0)).toBe(t.projects);
    expect(groups.reduce((s, g) => s + g.started, 0)).toBe(t.started);
    expect(groups.reduce((s, g) => s + g.annualPlan, 0)).toBeCloseTo(t.annualPlan, 6);
    expect(groups.reduce((s, g) => s + g.completedYtd, 0)).toBeCloseTo(t.completedYtd, 6);
    if (t.lagging !== undefined) expect(groups.reduce((s, g) => s + (g.lagging ?? 0), 0)).toBe(t.lagging);
    const groupCol = f.expected.columns.group ?? f.expected.columns.responsibleUnit;
    const byHeading = f.name === 'heading-blocks';
    for (const g of groups) {
      expect(g.completionRate).toBeCloseTo(g.completedYtd / g.annualPlan, 9);
      expect(g.gapPp).toBeCloseTo((g.completedYtd / g.annualPlan - tp) * 100, 4);
      expect(g.startRate).toBeCloseTo(g.started / g.projects, 9);
      let mine: number[];
      if (byHeading) {
        // the rows under `一、g.name（n项）` up to the next level-1 heading
        const at = f.rows.findIndex((row) => typeof row[1] === 'string' && row[1].includes(`、${g.name}（`));
        const next = f.rows.findIndex((row, i) => i > at && typeof row[1] === 'string' && /^[一二三四五六七八九十]+、/.test(row[1]));
        mine = rows.filter((r) => r - 1 > at && (next < 0 || r - 1 < next));
      } else {
        const c = colIndex(groupCol as string);
        mine = rows.filter((r) => f.rows[r - 1][c] === g.name);
      }
      expect(mine).toHaveLength(g.projects);
      expect(mine.filter((r) => isStarted(f, r))).toHaveLength(g.started);
      if (g.lagging !== undefined) expect(lagging(f, mine)).toBe(g.lagging);
      expect(sum(f, mine, 'annualPlan') * scale).toBeCloseTo(g.annualPlan, 6);
      expect(sum(f, mine, 'completedYtd') * scale).toBeCloseTo(g.completedYtd, 6);
      if (g.totalInvestment !== undefined) expect(sum(f, mine, 'totalInvestment') * scale).toBeCloseTo(g.totalInvestment, 6);
    }
    // group ranks: competition ranks of the rates, highest first
    const rates = groups.map((g) => g.completionRate);
    for (const g of groups) expect(g.rank).toBe(1 + rates.filter((x) => x > g.completionRate).length);
  });

  test('expected project figures agree with their cells', () => {
    for (const p of f.expected.projects) {
      const row = f.rows[p.row - 1];
      const plan = num(row[col(f, 'annualPlan')]);
      const ytd = num(row[col(f, 'completedYtd')]);
      if (p.completionRate !== undefined && plan !== null && ytd !== null) expect(p.completionRate).toBeCloseTo(ytd / plan, 9);
      if (p.gapPp !== undefined && plan !== null && ytd !== null) expect(p.gapPp).toBeCloseTo((ytd / plan - tp) * 100, 6);
      if (p.group !== undefined && f.expected.columns.group) expect(row[col(f, 'group')]).toBe(p.group);
    }
  });
});

describe('typed totals', () => {
  const byName = new Map(fixtures.map((f) => [f.name, f]));
  const cell = (f: Fixture, a1: string): CellValue => {
    const at = fromA1(a1);
    if (!at) throw new Error(a1);
    return f.rows[at.r][at.c];
  };

  test.each([
    // fixture, 合计 row, amount columns (total, plan, ytd), off (what the typist added)
    ['city-county-column', 4, ['H', 'I', 'J'], [0, 0, 0]],
    ['heading-blocks', 4, ['E', 'F', 'G'], [0, 0, 0]],
    ['traditional-yi', 20, ['D', 'E', 'F'], [0, 0, 0]],
    ['two-row-merged', 22, ['D', 'E', 'F'], [0, 0, 0]],
    ['seed-000-yanggu', 59, ['H', 'I', 'J'], [0, 0, 0]],
    ['mistakes', 4, ['H', 'J', 'L'], [0, 0, 100]],
  ] as const)('%s: the 合计 on row %d is the sum of the projects (plus a planted drift)', (name, row, cols, off) => {
    const f = byName.get(name) as Fixture;
    const rows = projectRows(f);
    cols.forEach((letter, i) => {
      const typed = cell(f, `${letter}${row}`) as number;
      const c = colIndex(letter);
      const total = rows.reduce((s, r) => s + (byHand(f.rows[r - 1][c]) ?? 0), 0);
      expect(typed).toBeCloseTo(total + off[i], 6);
    });
  });

  test('heading-blocks: every heading, 小计 and 其中 row carries the sums of its rows', () => {
    const f = byName.get('heading-blocks') as Fixture;
    const rows = projectRows(f);
    const sumRows = (list: number[]) => [4, 5, 6].map((c) => list.reduce((s, r) => s + (f.rows[r - 1][c] as number), 0));
    const typed = (r: number) => [4, 5, 6].map((c) => f.rows[r - 1][c]);
    // 小计 rows close the projects since the previous inner heading
    for (let r = 1; r <= f.rows.length; r++) {
      const label = f.rows[r - 1][1];
      if (label === '小计') {
        let start = r - 1;
        while (!String(f.rows[start - 1][1]).startsWith('（')) start--;
        expect(typed(r)).toEqual(sumRows(rows.filter((x) => x > start && x < r)));
      }
    }
    // level-1 headings: rows 6 (交通, projects on rows 8-17), 19 (产业, 21-32), 34 (社会民生, 36-43)
    expect(typed(6)).toEqual(sumRows(rows.filter((x) => x >= 8 && x <= 17)));
    expect(typed(19)).toEqual(sumRows(rows.filter((x) => x >= 21 && x <= 32)));
    expect(typed(34)).toEqual(sumRows(rows.filter((x) => x >= 36 && x <= 43)));
    // 其中：省重点项目（9项）: the ★ projects
    const starred = rows.filter((x) => String(f.rows[x - 1][0]).startsWith('★'));
    expect(starred).toHaveLength(9);
    expect(typed(5)).toEqual(sumRows(starred));
  });

  test('mistakes: every planted issue points into the sheet, one planted mistake per row', () => {
    const f = byName.get('mistakes') as Fixture;
    const rowsHit = f.expected.issues.map((i) => (fromA1(i.cell) as { r: number }).r + 1);
    expect(new Set(rowsHit).size).toBe(rowsHit.length);
    for (const r of f.expected.cleanRows ?? []) expect(rowsHit).not.toContain(r);
  });
});
