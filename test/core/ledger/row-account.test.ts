/**
 * Every row accounted for (ledger/row-account.ts): on every fixture ledger and every real
 * layout the roles add up to the non-blank rows from the header down, with none left over;
 * a row that is none of the roles is named; and inserting blank, note and footer rows
 * anywhere among the projects changes neither the totals nor the accounting's sum.
 */
import { analyzeSheet, type SheetAnalysis } from '../../../src/core/analyze';
import { isBlank, type CellValue } from '../../../src/core/grid';
import { ledgerRowAccount } from '../../../src/core/ledger/row-account';
import { rowUnaccounted } from '../../../src/core/rules/row-unaccounted';
import { DEFAULT_SETTINGS, type RowAccount, type Settings } from '../../../src/core/types';
import { allFixtures } from '../../fixtures/ledgers';
import { allLayouts } from '../../fixtures/real';
import { toGrid } from '../../fixtures/to-grid';
import { analyze, SETTINGS } from '../whatif/helpers';

const roles = (a: RowAccount) => a.header + a.project + a.total + a.subtotal + a.heading + a.breakdown + a.footer + a.numberedEmpty;

/** Non-blank rows from the first header row down, counted straight off the cells. */
function filledRows(rows: readonly (readonly CellValue[])[], from: number): number {
  let n = 0;
  for (let r = from; r < rows.length; r++) if ((rows[r] ?? []).some((v) => !isBlank(v))) n++;
  return n;
}

function analyzed(f: { rows: CellValue[][]; settings?: { today?: string; asOf?: string } } & Parameters<typeof toGrid>[0]): SheetAnalysis {
  const settings: Settings = { ...DEFAULT_SETTINGS, today: f.settings?.today ?? '2022-07-04' };
  if (f.settings?.asOf) settings.asOf = f.settings.asOf;
  const a = analyzeSheet(toGrid(f), settings);
  if (!a.ok) throw new Error(`${f.sheet}: not a ledger`);
  return a;
}

describe.each([...allFixtures(), ...allLayouts()].map((f) => [f.name, f] as const))('%s', (_name, f) => {
  const a = analyzed(f);
  const { account, unaccounted } = ledgerRowAccount(a.grid, a.ledger);

  it('accounts for every non-blank row from the header down, none left over', () => {
    expect(account.rows).toBe(filledRows(f.rows, a.header.rows[0]));
    expect(unaccounted).toEqual([]);
    expect(roles(account)).toBe(account.rows);
    expect(account.project).toBe(a.ledger.projects.length);
  });
});

describe('a row that is none of the roles', () => {
  // r0 unit, r1 header, r2..r3 projects, r4 figures with neither name nor 序号 beside a stray word far right.
  const rows: CellValue[][] = [
    ['单位：万元'],
    ['序号', '县（市、区）', '项目名称', '总投资', '年度计划投资', '1-6月完成投资'],
    [1, '甲县', 'A', 5000, 1000, 600],
    [2, '甲县', 'B', 5000, 1000, 400],
  ];
  it('the accounting of a clean sheet: 1 header row, 2 projects', () => {
    const a = analyze(rows, 'Sheet1', SETTINGS);
    expect(ledgerRowAccount(a.grid, a.ledger).account).toEqual({
      rows: 3, header: 1, project: 2, total: 0, subtotal: 0, heading: 0, breakdown: 0, footer: 0, numberedEmpty: 0,
    });
  });

  it('a numbered empty template line is counted as such, not as a project', () => {
    const a = analyze([...rows, [3]], 'Sheet1', SETTINGS);
    const { account, unaccounted } = ledgerRowAccount(a.grid, a.ledger);
    expect([account.rows, account.project, account.numberedEmpty, unaccounted]).toEqual([4, 2, 1, []]);
  });
});

describe('blank, note and footer rows inserted anywhere', () => {
  const base: CellValue[][] = [
    ['单位：万元'],
    ['序号', '县（市、区）', '项目名称', '总投资', '年度计划投资', '1-6月完成投资'],
    [1, '甲县', 'A', 5000, 1000, 600],
    [2, '甲县', 'B', 5000, 2000, 400],
    [3, '乙县', 'C', 5000, 1000, 500],
    [4, '乙县', 'D', 5000, 4000, 1000],
  ];
  // by hand: plan 1000 + 2000 + 1000 + 4000 = 8000, done 600 + 400 + 500 + 1000 = 2500
  const inserts: CellValue[][] = [[], [null, null, null, null, null, null], ['   ']];
  let seed = 11;
  const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;

  it('never changes the totals, and the accounting still sums to the rows (40 random sheets)', () => {
    for (let k = 0; k < 40; k++) {
      const rows = base.map((r) => [...r]);
      const n = 1 + Math.floor(next() * 4);
      for (let i = 0; i < n; i++) {
        const at = 3 + Math.floor(next() * (rows.length - 2)); // after the first project, anywhere below
        rows.splice(at, 0, [...inserts[Math.floor(next() * inserts.length)]]);
      }
      // A footer at the end, sometimes: 填报单位 and a 注 line.
      const footer = next() < 0.5;
      if (footer) rows.push(['填报单位：某县发展和改革局'], ['注：本表金额单位为万元']);
      const a = analyze(rows, 'Sheet1', SETTINGS);
      const { account, unaccounted } = ledgerRowAccount(a.grid, a.ledger);
      expect({ k, plan: a.ledger.total.annualPlan, done: a.ledger.total.completedYtd, projects: a.ledger.projects.length }).toEqual({ k, plan: 8000, done: 2500, projects: 4 });
      expect({ k, sum: roles(account), unaccounted }).toEqual({ k, sum: account.rows, unaccounted: [] });
      expect({ k, footer: account.footer }).toEqual({ k, footer: footer ? 2 : 0 });
    }
  });
});

describe('row-unaccounted', () => {
  it('names a row the classifier left out, at its first filled cell', () => {
    // The rule guards the classifier: a project row it dropped (marked blank here) is named.
    const rows: CellValue[][] = [
      ['单位：万元'],
      ['序号', '县（市、区）', '项目名称', '总投资', '年度计划投资', '1-6月完成投资'],
      [1, '甲县', 'A', 5000, 1000, 600],
      [2, '甲县', 'B', 5000, 1000, 400],
    ];
    const a = analyze(rows, 'Sheet1', SETTINGS);
    const dropped = { ...a.ledger, rows: a.ledger.rows.map((r) => (r.r === 3 ? { ...r, kind: 'blank' as const } : r)) };
    const issues = rowUnaccounted({ grid: a.grid, header: a.header, ledger: dropped, settings: SETTINGS });
    expect(issues.map((i) => [i.code, i.r, i.c, i.params.row, i.params.value])).toEqual([['row-unaccounted', 3, 0, 4, 2]]);
    expect(ledgerRowAccount(a.grid, dropped).account.rows - roles(ledgerRowAccount(a.grid, dropped).account)).toBe(1);
  });
});
