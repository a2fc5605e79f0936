/**
 * The 汇总 sheet's native chart through Office.js: the real engine plans a 400-row
 * ledger of five counties (阳谷县, 莘县, 东阿县, 冠县, 高唐县, test/fake-excel/ledger-fixture.ts),
 * the host writes it into the strict fake, and the chart's series must read the very
 * cells the table holds: the category labels are the five county names, the first
 * series the completion-rate column (I), the second the time-progress column (N).
 */
import { analyzeWorkbook } from '../../src/core/analyze';
import { buildPlans } from '../../src/core/plan';
import { DEFAULT_SETTINGS, type Settings, type WritePlan } from '../../src/core/types';
import { ExcelHost } from '../../src/excel/excel-host';
import { toIssue } from '../../src/i18n/index';
import { parseRect } from '../fake-excel/a1';
import { createFakeOffice, FakeWorkbook, type FakeOffice } from '../fake-excel/index';
import { addLedger } from '../fake-excel/ledger-fixture';

const settings: Settings = { ...DEFAULT_SETTINGS, today: '2022-07-15', lang: 'zh-CN' };
const COUNTIES = ['阳谷县', '莘县', '东阿县', '冠县', '高唐县'];
let fake: FakeOffice | null = null;

afterEach(() => {
  fake?.uninstall();
  fake = null;
});

async function setup(apiMinor: number): Promise<{ wb: FakeWorkbook; host: ExcelHost; plans: WritePlan[]; f: FakeOffice }> {
  const wb = new FakeWorkbook();
  addLedger(wb, 400);
  fake = createFakeOffice(wb, { apiMinor }).install();
  const host = new ExcelHost({ retryDelayMs: 1 });
  const { ledgers } = analyzeWorkbook(await host.readSheets(), settings);
  const plans = buildPlans(ledgers.map((a) => ({ ...a, issues: a.issues.map((raw) => toIssue(raw, settings.lang)) })), settings);
  return { wb, host, plans, f: fake };
}

/** The cells a chart range (`'汇总'!B9:B13`) covers on the fake sheet, top to bottom. */
function cellsOf(wb: FakeWorkbook, address: string | null): { value: unknown; formula?: string }[] {
  if (address === null) throw new Error('the series has no range');
  const bang = address.lastIndexOf('!');
  const sheet = wb.findSheet(address.slice(0, bang).replace(/^'|'$/g, '').replace(/''/g, "'"));
  const rect = parseRect(address.slice(bang + 1));
  if (!sheet || !rect) throw new Error(`bad range ${address}`);
  expect(rect.c0).toBe(rect.c1);
  const out = [];
  for (let r = rect.r0; r <= rect.r1; r++) {
    const cell = sheet.cell(r, rect.c0);
    out.push({ value: cell?.value, formula: cell?.formula });
  }
  return out;
}

describe('ExcelHost writes the 汇总 chart', () => {
  it('draws one clustered bar chart whose series read the table: counties, completion rate (I), time progress (N)', async () => {
    const { wb, host, plans } = await setup(18);
    await host.writeColumns(plans);
    const summary = wb.findSheet('汇总');
    expect(summary).toBeDefined();
    const charts = summary?.charts ?? [];
    expect(charts).toHaveLength(1);
    const [chart] = charts;
    expect(chart.type).toBe('BarClustered');
    expect(chart.title).toContain('台账');
    expect(chart.legend).toBe('Bottom');
    expect(chart.categoryReversed).toBe(true);
    expect(chart.valueNumFmt).toBe('0%');
    expect(chart.series.map((s) => s.name)).toEqual(['完成率', '时间进度']);
    expect(chart.series.map((s) => s.color)).toEqual(['#0F6CBD', '#A0A0A0']);
    expect(chart.series.map((s) => s.hasDataLabels)).toEqual([true, false]);

    // Both series label their bars with the same five cells of column B: the county names.
    const labels = cellsOf(wb, chart.series[0].xValues);
    expect(chart.series[1].xValues).toBe(chart.series[0].xValues);
    expect(labels.map((c) => c.value).sort()).toEqual([...COUNTIES].sort());
    expect(chart.series[0].xValues).toMatch(/!B\d+:B\d+$/);
    // The bars are the live columns: completion rate in I, time progress in N, on the same rows.
    expect(chart.series[0].values).toMatch(/!I\d+:I\d+$/);
    expect(chart.series[1].values).toMatch(/!N\d+:N\d+$/);
    const rows = (a: string | null) => (a ?? '').replace(/^.*!/, '').replace(/[A-Z]/g, '');
    expect(rows(chart.series[0].values)).toBe(rows(chart.series[0].xValues));
    expect(rows(chart.series[1].values)).toBe(rows(chart.series[0].xValues));
    const rates = cellsOf(wb, chart.series[0].values);
    const progress = cellsOf(wb, chart.series[1].values);
    // The fake keeps formulas, not results: each rate is its own row's H/G, each progress the named cell.
    const first = Number(rows(chart.series[0].values).split(':')[0]);
    rates.forEach((c, i) => expect(c.formula).toContain(`H${first + i}/G${first + i}`));
    expect(progress.map((c) => c.formula)).toEqual(Array(5).fill('LC_TimeProgress'));
    // Best first: the cached ranks (column L) of those rows, as planned, start at 1 and never fall
    // (two counties at 36.47% and 36.48% tie once rates are compared to 0.1 point).
    const planned = plans[0].sheets.find((x) => x.name === '汇总')?.cells ?? [];
    const ranks = rates.map((_, i) => planned.find((c) => c.r === first - 1 + i && c.c === 11)?.value);
    expect(ranks[0]).toBe(1);
    expect(ranks.every((v, i) => typeof v === 'number' && (i === 0 || v >= (ranks[i - 1] as number)))).toBe(true);
  });

  it('adds the chart inside the syncs the table already needs, and a re-run leaves one chart', async () => {
    const { wb, host, plans, f } = await setup(18);
    f.syncs.length = 0;
    const bare = plans.map((p) => ({ ...p, sheets: p.sheets.map(({ charts: _c, ...s }) => s) }));
    await host.writeColumns(bare);
    const withoutCharts = f.syncs.length;
    expect(wb.findSheet('汇总')?.charts).toHaveLength(0);
    f.syncs.length = 0;
    await host.writeColumns(plans);
    expect(f.syncs.length).toBe(withoutCharts);
    await host.writeColumns(plans);
    expect(wb.sheets.flatMap((s) => s.charts)).toHaveLength(1);
  });

  it('leaves the axis format to Excel at ExcelApi 1.7 (the manifest minimum), where ChartAxis.numberFormat is missing', async () => {
    const { wb, host, plans } = await setup(7);
    await host.writeColumns(plans);
    const chart = wb.findSheet('汇总')?.charts[0];
    expect(chart?.series.map((s) => s.name)).toEqual(['完成率', '时间进度']);
    expect(chart?.valueNumFmt).toBeUndefined();
    expect(chart?.categoryReversed).toBe(true);
  });
});
