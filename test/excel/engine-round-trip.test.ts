import { analyzeWorkbook } from '../../src/core/analyze';
import { buildPlans } from '../../src/core/plan';
import { DEFAULT_SETTINGS, type Settings, type WritePlan } from '../../src/core/types';
import { ExcelHost } from '../../src/excel/excel-host';
import { toIssue } from '../../src/i18n/index';
import { createFakeOffice, FakeWorkbook, type FakeOffice } from '../fake-excel/index';
import { addLedger } from '../fake-excel/ledger-fixture';

const settings: Settings = { ...DEFAULT_SETTINGS, today: '2022-07-15', lang: 'zh-CN' };
let fake: FakeOffice | null = null;

afterEach(() => {
  fake?.uninstall();
  fake = null;
});

/** Reads the workbook through the host and plans it with the real engine, as the pane does. */
async function plan(host: ExcelHost): Promise<WritePlan[]> {
  const { ledgers } = analyzeWorkbook(await host.readSheets(), settings);
  return buildPlans(ledgers.map((a) => ({ ...a, issues: a.issues.map((raw) => toIssue(raw, settings.lang)) })), settings);
}

describe('ExcelHost with the real engine', () => {
  it('reads, plans, writes, re-runs to the same workbook, and removes back to the original', async () => {
    const wb = new FakeWorkbook();
    addLedger(wb, 400);
    fake = createFakeOffice(wb).install();
    const host = new ExcelHost({ retryDelayMs: 1 });
    const original = wb.snapshot();

    const first = await plan(host);
    expect(first.length).toBe(1);
    expect(first[0].marks.length).toBeGreaterThan(0);
    await host.writeColumns(first);
    await host.writeMarks(first);
    const written = wb.snapshot();

    // The second run finds its own columns by their headers and writes the same again.
    const second = await plan(host);
    expect(second[0].ownColumns).toEqual(first[0].ownColumns);
    await host.writeColumns(second);
    await host.writeMarks(second);
    expect(wb.snapshot()).toEqual(written);

    await host.removeAll(second);
    expect(wb.snapshot()).toEqual(original);
  });
});
