/**
 * Every layout of the real corpus (test/fixtures/real) analysed as a host would hand it
 * over, checked against the figures worked out by hand in the layout's file. A layout
 * pins down only what it gives: each field of `expected` that is present is asserted,
 * the rest is left alone, so column layouts (cols-*) and row layouts (rows-*) share this runner.
 */
import { analyzeSheet, type SheetAnalysis } from '../../src/core/analyze';
import { colLetter } from '../../src/core/grid';
import { DEFAULT_SETTINGS, type GroupFigures, type Settings } from '../../src/core/types';
import { toGrid } from '../fixtures/to-grid';
import type { PinnedFigures, RealExpected, RealLayout } from '../fixtures/real/index';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { allLayouts } = require('../fixtures/real/index.js') as { allLayouts: () => RealLayout[] };

type Pinned = RealExpected;

const NUMBER_DIGITS = 6;

function compareFigures(got: GroupFigures, want: PinnedFigures, what: string): void {
  for (const [k, v] of Object.entries(want)) {
    if (k === 'name') continue;
    const g = got[k as keyof GroupFigures];
    if (typeof v === 'number') {
      expect({ what, k, isNumber: typeof g === 'number' }).toEqual({ what, k, isNumber: true });
      expect(g as number).toBeCloseTo(v, NUMBER_DIGITS);
    } else {
      expect({ what, k, g }).toEqual({ what, k, g: v });
    }
  }
}

const layouts = allLayouts();

it('the corpus holds layouts', () => {
  expect(layouts.length).toBeGreaterThan(0);
});

describe.each(layouts.map((l) => [l.name, l] as const))('%s', (_name, fx) => {
  const want: Pinned = fx.expected;
  const settings: Settings = { ...DEFAULT_SETTINGS, today: fx.settings.today };
  if (fx.settings.asOf) settings.asOf = fx.settings.asOf;
  // A layout whose period is only in the name it is submitted under gives that name.
  const result = analyzeSheet(toGrid(fx), settings, fx.fileName ? { fileName: fx.fileName } : {});
  const a = (result.ok ? result : null) as SheetAnalysis | null;
  const check = (key: keyof Omit<Pinned, 'pending'>, title: string, fn: () => void) => {
    const why = want.pending?.[key];
    if (why) it.failing(`${title} (known gap: ${why})`, fn);
    else it(title, fn);
  };

  it('cites at least one public source', () => {
    expect(fx.sources.filter((s) => /^https?:\/\//.test(s.url)).length).toBeGreaterThan(0);
  });

  it('is read as a ledger', () => {
    expect(result.ok ? 'ledger' : JSON.stringify((result as { noLedger: unknown }).noLedger)).toBe('ledger');
  });
  if (!a) return;

  if (want.columns) {
    check('columns', 'maps each pinned field to its column', () => {
      const letters = Object.fromEntries(Object.entries(a.header.columns).map(([f, c]) => [f, colLetter(c as number)]));
      expect(letters).toMatchObject(want.columns!);
    });
  }
  if (want.absentColumns) {
    check('absentColumns', 'leaves the fields the sheet does not have unmapped', () => {
      const mapped = want.absentColumns!.filter((f) => a.header.columns[f] !== undefined).map((f) => `${f}=${colLetter(a.header.columns[f]!)}`);
      expect(mapped).toEqual([]);
    });
  }
  if (want.headerRows) {
    check('headerRows', 'finds the header rows', () => {
      expect(a.header.rows.map((r) => r + 1)).toEqual(want.headerRows);
    });
  }
  if (want.unit !== undefined) check('unit', 'reads the unit', () => expect(a.header.unit).toBe(want.unit));
  if (want.ratePercentNumbers !== undefined) {
    check('ratePercentNumbers', 'tells percent numbers from fractions', () => expect(a.header.ratePercentNumbers).toBe(want.ratePercentNumbers));
  }
  if (want.asOf !== undefined) check('asOf', 'reads the period', () => expect(a.ledger.asOf).toBe(want.asOf));
  if (want.timeProgress !== undefined) {
    check('timeProgress', 'measures time progress', () => expect(a.ledger.timeProgress).toBeCloseTo(want.timeProgress!, NUMBER_DIGITS));
  }
  if (want.total) check('total', 'adds up the total', () => compareFigures(a.ledger.total, want.total!, 'total'));
  if (want.groups) {
    check('groups', 'adds up every group', () => {
      expect(a.ledger.groups.map((g) => g.name)).toEqual(want.groups!.map((g) => g.name));
      for (const g of want.groups!) compareFigures(a.ledger.groups.find((x) => x.name === g.name)!, g, g.name);
    });
  }
  if (want.roles) {
    check('roles', 'reads each named row in its role', () => {
      const kind = new Map(a.ledger.rows.map((r) => [r.r + 1, r.kind]));
      const got = Object.fromEntries(Object.keys(want.roles!).map((r) => [r, kind.get(Number(r)) ?? 'none']));
      expect(got).toEqual(Object.fromEntries(Object.entries(want.roles!).map(([r, k]) => [r, k])));
    });
  }
  if (want.projectRows) {
    check('projectRows', 'finds every project row and no other', () => {
      expect(a.ledger.projects.map((p) => p.r + 1)).toEqual(want.projectRows);
    });
  }
  if (want.groupSource !== undefined) {
    check('groupSource', 'takes the groups from where the layout has them', () => expect(a.ledger.groupSource).toBe(want.groupSource));
  }
  if (want.levels) {
    check('levels', 'nests the rows into the levels of the layout', () => {
      expect((a.ledger.rowLevels ?? []).map(({ labels, places, use }) => ({ labels, places, use }))).toEqual(want.levels);
    });
  }
  if (want.projectGroups) {
    check('projectGroups', 'puts each project in its group and subgroup', () => {
      const byRow = new Map(a.ledger.projects.map((p) => [p.r + 1, [p.group, p.subgroup] as [string, string | null]]));
      const got = Object.fromEntries(Object.keys(want.projectGroups!).map((r) => [r, byRow.get(Number(r)) ?? null]));
      expect(got).toEqual({ ...want.projectGroups });
    });
  }
  if (want.rowIssues) {
    check('rowIssues', 'raises the row issues at their cells, and no other of their codes', () => {
      const codes = new Set(want.rowIssues!.map((s) => s.split('@')[0]));
      const got = a.issues.filter((i) => codes.has(i.code)).map((i) => `${i.code}@${colLetter(i.c)}${i.r + 1}`);
      expect([...new Set(got)].sort()).toEqual([...want.rowIssues!].sort());
    });
  }
  if (want.absentIssues) {
    check('absentIssues', 'raises none of the issues the layout rules out', () => {
      const codes = new Set(want.absentIssues);
      expect(a.issues.filter((i) => codes.has(i.code)).map((i) => `${i.code}@${colLetter(i.c)}${i.r + 1}`)).toEqual([]);
    });
  }
});
