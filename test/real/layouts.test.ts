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
  if (want.absentIssues) {
    check('absentIssues', 'raises none of the issues the layout rules out', () => {
      const codes = new Set(want.absentIssues);
      expect(a.issues.filter((i) => codes.has(i.code)).map((i) => `${i.code}@${colLetter(i.c)}${i.r + 1}`)).toEqual([]);
    });
  }
});
