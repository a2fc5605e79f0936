/**
 * Each fixture ledger through analyzeSheet, against the figures computed by hand in
 * test/fixtures/ledgers (the arithmetic is in the comments there, and
 * fixture-data.test.ts checks it against the cells).
 */
import { colLetter } from '../../src/core/grid';
import type { GroupFigures } from '../../src/core/types';
import { allFixtures, type ExpectedFigures, type Fixture } from '../fixtures/ledgers';
import { analyzeFixture, projectAt } from './helpers';

const fixtures = allFixtures();

function expectFigures(actual: GroupFigures, want: ExpectedFigures): void {
  expect(actual.projects).toBe(want.projects);
  expect(actual.started).toBe(want.started);
  expect(actual.startRate).toBeCloseTo(want.startRate, 6);
  if (want.totalInvestment !== undefined) expect(actual.totalInvestment).toBeCloseTo(want.totalInvestment, 4);
  expect(actual.annualPlan).toBeCloseTo(want.annualPlan, 4);
  expect(actual.completedYtd).toBeCloseTo(want.completedYtd, 4);
  expect(actual.completionRate).toBeCloseTo(want.completionRate, 6);
  expect(actual.gapPp).toBeCloseTo(want.gapPp, 4);
  if (want.lagging !== undefined) expect(actual.lagging).toBe(want.lagging);
}

describe.each(fixtures.map((f) => [f.name, f] as const))('%s', (_name, f: Fixture) => {
  const e = f.expected;

  test('header: rows, unit, columns', () => {
    const a = analyzeFixture(f);
    expect(a.header.rows.map((r) => r + 1)).toEqual(e.headerRows);
    expect(a.header.unit).toBe(e.unit);
    if (e.ratePercentNumbers !== undefined) expect(a.header.ratePercentNumbers).toBe(e.ratePercentNumbers);
    const columns: Record<string, string> = {};
    for (const [field, c] of Object.entries(a.header.columns)) if (c !== undefined && c >= 0) columns[field] = colLetter(c);
    expect(columns).toEqual(e.columns);
  });

  test('as-of date and time progress', () => {
    const a = analyzeFixture(f);
    expect(a.ledger.asOf).toBe(e.asOf);
    expect(a.ledger.timeProgress).toBeCloseTo(e.timeProgress, 9);
  });

  test('project rows: every numbered row between the first and last project, nothing else', () => {
    const a = analyzeFixture(f);
    const rows = a.ledger.projects.map((p) => p.r + 1);
    expect(rows).toHaveLength(e.total.projects);
    expect(rows[0]).toBe(e.firstProjectRow);
    expect(rows[rows.length - 1]).toBe(e.lastProjectRow);
    for (const [row, kind] of Object.entries(e.rowKinds ?? {})) {
      expect({ row: Number(row), kind: a.ledger.rows.find((x) => x.r === Number(row) - 1)?.kind }).toEqual({ row: Number(row), kind });
    }
  });

  test('total figures', () => {
    expectFigures(analyzeFixture(f).ledger.total, e.total);
  });

  test('group figures and ranks', () => {
    if (!e.groups) return;
    const groups = analyzeFixture(f).ledger.groups;
    expect(groups.map((g) => g.name).sort()).toEqual(e.groups.map((g) => g.name).sort());
    for (const want of e.groups) {
      const got = groups.find((g) => g.name === want.name) as GroupFigures;
      expectFigures(got, want);
      expect({ group: want.name, rank: got.rank }).toEqual({ group: want.name, rank: want.rank });
    }
  });

  test('chosen projects: rate, gap, status, ranks, group', () => {
    const a = analyzeFixture(f);
    for (const want of e.projects) {
      const p = projectAt(a, want.row);
      expect({ row: want.row, found: p !== undefined }).toEqual({ row: want.row, found: true });
      if (!p) continue;
      const got: Record<string, unknown> = { row: want.row };
      const exp: Record<string, unknown> = { row: want.row };
      for (const key of ['group', 'subgroup', 'started', 'status', 'rankInGroup', 'rank'] as const) {
        if (want[key] !== undefined) {
          got[key] = p[key];
          exp[key] = want[key];
        }
      }
      expect(got).toEqual(exp);
      for (const key of ['totalInvestment', 'annualPlan', 'completedYtd', 'completionRate', 'gapPp'] as const) {
        const w = want[key];
        if (w !== undefined) expect(p[key]).toBeCloseTo(w, 4);
      }
    }
  });
});

describe('clean fixtures report no issue', () => {
  test.each(fixtures.filter((f) => f.name !== 'mistakes').map((f) => [f.name, f] as const))('%s', (_name, f) => {
    const issues = analyzeFixture(f).issues.map((i) => `${i.code} ${colLetter(i.c)}${i.r + 1}`);
    expect(issues).toEqual(f.expected.issues.map((i) => `${i.code} ${i.cell}`));
  });
});
