import { analyzeWorkbook } from '../../src/core/analyze';
import type { Grid } from '../../src/core/grid';
import { buildPlans } from '../../src/core/plan';
import { DEFAULT_SETTINGS, type Settings, type WritePlan } from '../../src/core/types';
import { ExcelHost } from '../../src/excel/excel-host';
import { toIssue } from '../../src/i18n/index';
import type { LedgerHost } from '../../src/taskpane/host';
import { WpsHost } from '../../src/wps/wps-host';
import { createFakeOffice, FakeWorkbook, type FakeOffice } from '../fake-excel/index';
import { addLedger } from '../fake-excel/ledger-fixture';
import { FakeEt } from '../fake-wps/index';
import { cellView } from './cell-view';

const settings: Settings = { ...DEFAULT_SETTINGS, today: '2022-07-15', lang: 'zh-CN' };
let office: FakeOffice | null = null;

afterEach(() => {
  office?.uninstall();
  office = null;
});

function plan(grids: Grid[]): WritePlan[] {
  const { ledgers } = analyzeWorkbook(grids, settings);
  return buildPlans(ledgers.map((a) => ({ ...a, issues: a.issues.map((raw) => toIssue(raw, settings.lang)) })), settings);
}

/** What the pane does with a host: check (read + engine), fill, mark; then remove. */
async function checkFillMark(host: LedgerHost): Promise<{ grids: Grid[]; plans: WritePlan[] }> {
  const grids = await host.readSheets();
  const plans = plan(grids);
  await host.writeColumns(plans);
  await host.writeMarks(plans);
  return { grids, plans };
}

function pair(rows: number): { excelWb: FakeWorkbook; wpsWb: FakeWorkbook; et: FakeEt; excel: ExcelHost; wps: WpsHost } {
  const excelWb = new FakeWorkbook();
  const wpsWb = new FakeWorkbook();
  for (const wb of [excelWb, wpsWb]) {
    const s = addLedger(wb, rows);
    s.note('H4', '用户自己的批注');
  }
  office = createFakeOffice(excelWb).install();
  const et = new FakeEt(wpsWb);
  return { excelWb, wpsWb, et, excel: new ExcelHost({ lang: 'zh-CN', retryDelayMs: 1 }), wps: new WpsHost(et.app as never, { lang: 'zh-CN' }) };
}

describe('WpsHost on a 10,000-row ledger, beside the Excel host', () => {
  jest.setTimeout(120_000);

  it('checks, fills and marks in a bounded number of block calls, leaving the same workbook as the Excel host', async () => {
    const { excelWb, wpsWb, et, excel, wps } = pair(10_000);
    const original = cellView(wpsWb);

    const e = await checkFillMark(excel);
    et.reset();
    const w = await wps.readSheets();
    const readCalls = et.blockCalls;
    const wPlans = plan(w);
    // The engine sees the same ledger through both hosts: same values, formulas, formats, hidden rows.
    expect(w.map((g) => g.name)).toEqual(e.grids.map((g) => g.name));
    expect(w[0].values).toEqual(e.grids[0].values);
    expect(w[0].formulas).toEqual(e.grids[0].formulas);
    expect(w[0].numFmts).toEqual(e.grids[0].numFmts);
    expect(w[0].hiddenRows).toEqual(e.grids[0].hiddenRows);
    expect(wPlans).toEqual(e.plans);

    et.reset();
    await wps.writeColumns(wPlans);
    const columnCalls = et.blockCalls;
    et.reset();
    await wps.writeMarks(wPlans);
    const markCalls = et.blockCalls;
    const marks = wPlans[0].marks.length;
    // One note per mark but H4, which keeps the user's note (AddComment has no block form).
    expect(et.notesAdded).toBe(marks - (wPlans[0].marks.some((m) => m.r === 3 && m.c === 7) ? 1 : 0));

    const ev = cellView(excelWb);
    const wv = cellView(wpsWb);
    expect(wv.sheets).toEqual(ev.sheets);
    expect(wv.names).toEqual(ev.names);
    for (const name of ev.sheets) {
      const a = ev.perSheet[name];
      const b = wv.perSheet[name];
      expect([name, b.cells]).toEqual([name, a.cells]);
      expect([name, b.rules]).toEqual([name, a.rules]);
      expect([name, b.notes]).toEqual([name, a.notes]);
      expect([name, b.hiddenCols, b.hiddenRows, b.colWidths, b.merges]).toEqual([name, a.hiddenCols, a.hiddenRows, a.colWidths, a.merges]);
    }
    // The 汇总 chart: the same frame, type, axes and series ranges as the Excel host draws.
    const chartsOf = (wb: FakeWorkbook) => wb.sheets.flatMap((s) => s.charts.map(({ id: _id, ...c }) => ({ sheet: s.name, ...c })));
    expect(chartsOf(excelWb)).toHaveLength(1);
    expect(chartsOf(wpsWb)).toEqual(chartsOf(excelWb));
    // Reading and writing the columns cost a number of calls that does not grow with
    // the rows of a regular ledger (a few per column and kind of row); the bounds are
    // the measured figures (printed below) with room, far below 10,000 × columns.
    expect(et.cellCalls).toBeLessThanOrEqual(et.cellBudget);
    expect(readCalls).toBeLessThan(1500);
    expect(columnCalls).toBeLessThan(600);
    // Marks: a rule per address of at most 255 characters (a cell like H1234 and its
    // comma are 6 characters: at least 40 cells a rule), 12 calls a rule (range, Add,
    // fill, 4 borders × style and colour, priority), plus the scan of rules and notes.
    const rules = et.calls.get('FormatConditions.Add') ?? 0;
    expect(rules).toBeLessThanOrEqual(Math.ceil(marks / 40) + 2);
    expect(markCalls).toBeLessThanOrEqual(12 * rules + 30);
    console.log(`WPS fake, 10,000 rows, ${marks} marks: read ${readCalls} calls, columns ${columnCalls}, marks ${markCalls} (+${et.notesAdded} notes)`);

    // Remove: both hosts take everything away; the WPS workbook is as it was.
    await excel.removeAll(e.plans);
    et.reset();
    await wps.removeAll(wPlans);
    expect(cellView(wpsWb)).toEqual(original);
    expect(cellView(wpsWb)).toEqual(cellView(excelWb));
  });
});
