import { fromA1 } from '../../src/core/grid';
import { ExcelHost } from '../../src/excel/excel-host';
import type { WritePlan } from '../../src/core/types';
import { createFakeOffice, FakeWorkbook, type FakeOffice, type WorkbookSnapshot } from '../fake-excel/index';
import { addLedger, HEADER_ROW, LEDGER, ledgerPlan, OWN } from '../fake-excel/ledger-fixture';
import { cellMap, expectedCells } from '../fake-excel/plan-expect';

const FOUR_MB = 4_000_000;
let fake: FakeOffice | null = null;

afterEach(() => {
  fake?.uninstall();
  fake = null;
});

function setup(rows: number, apiMinor = 18): { wb: FakeWorkbook; plan: WritePlan; f: FakeOffice; host: ExcelHost } {
  const wb = new FakeWorkbook();
  addLedger(wb, rows);
  wb.addSheet('Other').put('A1', [['别的表']]).fill('A1', '#FF0000');
  const plan = ledgerPlan(rows);
  fake = createFakeOffice(wb, { apiMinor }).install();
  return { wb, plan, f: fake, host: new ExcelHost({ lang: 'zh-CN', retryDelayMs: 1 }) };
}

const sheetOf = (s: WorkbookSnapshot, name: string) => {
  const found = s.sheets.find((x) => x.name === name);
  if (!found) throw new Error(`no sheet ${name} in the snapshot`);
  return found;
};

const own = new Set<number>(Object.values(OWN));
function isOwnCell(address: string): boolean {
  const at = fromA1(address);
  return at !== null && own.has(at.c) && at.r >= HEADER_ROW;
}

describe('ExcelHost.writeColumns', () => {
  it('writes a 10,000-row plan in at most 4 syncs under 4 MB each, and nothing but the plan', async () => {
    const { wb, plan, f, host } = setup(10_000);
    const before = wb.snapshot();
    const progress: number[] = [];
    await host.writeColumns([plan], (x) => progress.push(x));
    const after = wb.snapshot();

    // 1 sync to look at rules, sheets and names; the ~5 MB of formulas in 2 syncs under budget.
    expect(f.syncs.length).toBeLessThanOrEqual(4);
    for (const s of f.syncs) {
      expect(s.request).toBeLessThan(FOUR_MB);
      expect(s.response).toBeLessThan(FOUR_MB);
    }
    expect(progress[progress.length - 1]).toBe(1);

    const b = sheetOf(before, LEDGER);
    const a = sheetOf(after, LEDGER);
    // Every user cell is as it was; the own columns hold exactly the plan's cells.
    expect(a.cells.filter(([addr]) => !isOwnCell(addr))).toEqual(b.cells);
    expect(new Map(a.cells.filter(([addr]) => isOwnCell(addr)))).toEqual(expectedCells(plan.cells));
    expect({ ...a, cells: [], conditionalFormats: [], hiddenCols: [] }).toEqual({ ...b, cells: [], conditionalFormats: [], hiddenCols: [] });
    expect(a.hiddenCols).toEqual([OWN.key]);
    // The user's rule first, then the two fills.
    expect(a.conditionalFormats.slice(0, 1)).toEqual(b.conditionalFormats);
    expect(a.conditionalFormats.slice(1)).toEqual(plan.conditionalFormats.map((cf) => ({
      type: 'Custom', formula: `=${cf.formula}`, fill: cf.fill === 'red' ? '#F8CBAD' : '#FFE699', fontColor: undefined, borders: {},
      areas: [`台账!A${cf.r0 + 1}:Q${cf.r1 + 1}`],
    })));

    expect(sheetOf(after, 'Other')).toEqual(sheetOf(before, 'Other'));
    for (const ps of plan.sheets) expect(cellMap(sheetOf(after, ps.name))).toEqual(expectedCells(ps.cells));
    // 22 characters: (22 × 7 + 5) × 0.75 = 119.25 → 119 points; 16: (16 × 7 + 5) × 0.75 = 87.75 → 88.
    expect(sheetOf(after, '汇总').colWidths).toEqual([[0, 119], [1, 88]]);
    expect(after.names).toEqual([
      { name: 'LC_IssueList', formula: '=问题清单!$A$1' },
      { name: 'LC_LagAlert', formula: '=汇总!$B$4' },
      { name: 'LC_LagWarn', formula: '=汇总!$B$3' },
      { name: 'LC_TimeProgress', formula: '=汇总!$B$2' },
      { name: 'MyTotal', formula: '=台账!$F$4' },
    ]);
    expect(wb.activeSheet.name).toBe(LEDGER);
  });

  it('keeps text that looks like a date or a number as text', async () => {
    const { wb, plan, host } = setup(30);
    await host.writeColumns([plan]);
    const summary = wb.sheet('汇总');
    expect(summary.cell(0, 1)).toEqual({ value: '2022-06-30' });
    expect(wb.sheet('问题清单').cell(1, 4)).toEqual({ value: '0012' });
  });

  it('replaces an earlier run: the same workbook after one run or two', async () => {
    const { wb, plan, host } = setup(300);
    await host.writeColumns([plan]);
    const once = wb.snapshot();
    await host.writeColumns([plan]);
    expect(wb.snapshot()).toEqual(once);
  });

  it('drops tool sheets of an earlier run in another language, and stale LC_ names', async () => {
    const { wb, plan, host } = setup(30);
    wb.addSheet('Summary').put('A1', [['old']]);
    wb.addName('LC_Old', 'Summary', 'B2');
    await host.writeColumns([plan]);
    expect(wb.findSheet('Summary')).toBeUndefined();
    expect(wb.names.map((n) => n.name).sort()).toEqual(['LC_IssueList', 'LC_LagAlert', 'LC_LagWarn', 'LC_TimeProgress', 'MyTotal']);
  });

  it('clears what an earlier, longer run left below the new plan', async () => {
    const { wb, host } = setup(300);
    await host.writeColumns([ledgerPlan(300)]);
    const short = ledgerPlan(100);
    await host.writeColumns([short]);
    const cells = sheetOf(wb.snapshot(), LEDGER).cells.filter(([addr]) => isOwnCell(addr));
    expect(new Map(cells)).toEqual(expectedCells(short.cells));
  });

  it('writes a tool sheet that shares the ledger sheet\'s name beside it, never over it', async () => {
    const { wb, plan, host } = setup(30);
    const ledgerBefore = sheetOf(wb.snapshot(), LEDGER).cells.filter(([a]) => !isOwnCell(a));
    const clash = { ...plan, sheets: [{ name: LEDGER, cells: [{ r: 0, c: 0, value: '汇总表' }] }], names: [{ name: 'LC_TimeProgress', sheet: LEDGER, r: 0, c: 0 }] };
    await host.writeColumns([clash]);
    const after = wb.snapshot();
    expect(sheetOf(after, LEDGER).cells.filter(([a]) => !isOwnCell(a))).toEqual(ledgerBefore);
    expect(sheetOf(after, `${LEDGER}（台账检查）`).cells).toEqual([['A1', { value: '汇总表' }]]);
  });

  it('keeps a user sheet named 汇总: the tool writes beside it, run after run, and removes only its own', async () => {
    const { wb, plan, host } = setup(30);
    wb.addSheet('汇总').put('A1', [['我的汇总']]);
    const mine = sheetOf(wb.snapshot(), '汇总');
    await host.writeColumns([plan]);
    await host.writeColumns([plan]);
    const after = wb.snapshot();
    expect(sheetOf(after, '汇总')).toEqual(mine);
    // One tool summary beside it (not one per run), and the names point there.
    expect(after.sheets.filter((x) => x.name.startsWith('汇总')).map((x) => x.name).sort()).toEqual(['汇总', '汇总（台账检查）']);
    expect(after.names.find((n) => n.name === 'LC_TimeProgress')?.formula).toBe("='汇总（台账检查）'!$B$2");
    await host.removeAll([plan]);
    const removed = wb.snapshot();
    expect(sheetOf(removed, '汇总')).toEqual(mine);
    expect(removed.sheets.map((x) => x.name)).not.toContain('汇总（台账检查）');
  });
});
