/**
 * The task pane as WPS 表格 opens it (the add-in's taskpane.html, built by
 * webpack.wps.js), with the strict fake of WPS's ET object model installed as the
 * `wps` and `Application` globals before the page's scripts run: check, select,
 * fill, mark and remove, read back from the fake workbook, as the Excel pane test
 * does over the Excel fake.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { settingsFor } from '../../src/commands/commands';
import type { Grid } from '../../src/core/grid';
import { checkGrids, laggingProjects, type CheckResult } from '../../src/taskpane/model';
import type { WorkbookSnapshot } from '../fake-excel/index';
import { mistakes } from '../fixtures/ledgers';
import { toGrid } from '../fixtures/to-grid';
import { launchChromium } from './helpers/browser';
import { serve, type StaticServer } from './helpers/server';
import { buildFakeWps, ensureWpsBuild } from './helpers/wps-build';
import { plainGrid } from './fake-office/plain-grid';
import type { FakeWpsSetup } from './fake-wps/entry';

let server: StaticServer;
let browser: Browser;
let fakeWps: string;
const foreign: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  const [addin, bundle] = await Promise.all([ensureWpsBuild(), buildFakeWps()]);
  fakeWps = bundle;
  server = await serve(addin);
  browser = await launchChromium();
}, 240000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Opened {
  context: BrowserContext;
  page: Page;
}

/** taskpane.html in a pane-sized window, inside a fake WPS holding these grids. */
async function openPane(grids: Grid[], today: string, extra: Partial<FakeWpsSetup> = {}): Promise<Opened> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 360, height: 1000 } });
  const setup: FakeWpsSetup = { sheets: grids.map(plainGrid), ...extra };
  // WPS gives its pages the ET globals before any of their scripts run.
  await context.addInitScript({ content: `${fakeWps}\n;window.__fakeWpsSetup(${JSON.stringify(setup)});` });
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith(`${server.origin}/`)) await route.continue();
    else {
      foreign.push(url);
      await route.abort();
    }
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.clock.setFixedTime(new Date(`${today}T10:00:00`));
  await page.goto(`${server.origin}/taskpane.html`);
  await page.waitForSelector('[data-testid="check"]');
  return { context, page };
}

const idle = '.lc-pane[aria-busy="false"]';

async function press(page: Page, testid: string): Promise<void> {
  await page.click(`[data-testid="${testid}"]`);
  await page.waitForSelector(`${idle} [data-testid="notice"]:not([hidden])`);
}

const snapshot = (page: Page) => page.evaluate(() => window.__fakeWps.wb.snapshot()) as Promise<WorkbookSnapshot>;
const calls = (page: Page) => page.evaluate(() => ({ total: window.__fakeWps.et.total, cells: window.__fakeWps.et.cellCalls }));

/** Shown figures of the summary card, by key. */
const figures = (page: Page) => page.$$eval('[data-testid="summary"] .lc-figure', (els) =>
  Object.fromEntries(els.map((e) => [e.getAttribute('data-key'), Number(e.getAttribute('data-value'))])));

describe('the pane inside WPS on the mistakes fixture', () => {
  const fixture = mistakes();
  const grid = toGrid(fixture);
  const settings = settingsFor(null, 'zh-CN', fixture.settings.today);
  let expected: CheckResult;
  let opened: Opened;
  let page: Page;
  let before: WorkbookSnapshot;

  beforeAll(async () => {
    expected = checkGrids([toGrid(fixture)], settings);
    opened = await openPane([grid], fixture.settings.today);
    page = opened.page;
    before = await snapshot(page);
  });
  afterAll(() => opened.context.close());

  it('checks the workbook through the ET globals: the summary shows the hand-computed figures', async () => {
    const start = await calls(page);
    await press(page, 'check');
    const shown = await figures(page);
    // mistakes.js: 22 projects, 20 started, 187000 planned (J7's full-width 12000 read), 103417
    // done: 103417 / 187000 = 55.3%, 5.3 points ahead of time progress (0.5).
    expect(shown.projects).toBe(22);
    expect(shown.started).toBe(20);
    expect(shown.annualPlan).toBe(187000);
    expect(shown.completedYtd).toBe(103417);
    expect(shown.completionRate).toBeCloseTo(103417 / 187000, 12);
    expect(await page.textContent('[data-testid="summary"] [data-key="completionRate"] dd')).toBe('55.3%');
    const made = await calls(page);
    // The values are read as blocks; single-cell calls are only the merge probes of the
    // header rows and the number formats per column, within the fake's budget of 500
    // (test/wps/wps-host.test.ts shows they do not grow with the rows of a 10,000-row ledger).
    expect(made.total - start.total).toBeGreaterThan(0);
    expect(made.cells - start.cells).toBeLessThanOrEqual(500);
  });

  it('lists every issue and every lagging project', async () => {
    const cells = await page.$$eval('[data-testid="issue-list"] button', (els) => els.map((e) => e.getAttribute('data-cell')));
    expect(cells.sort()).toEqual(expected.sheets[0].issues.map((x) => x.cell).sort());
    for (const planted of fixture.expected.issues) expect(cells).toContain(planted.cell);
    const rows = await page.$$eval('[data-testid="lagging-list"] button', (els) => els.map((e) => Number(e.getAttribute('data-row'))));
    // Projects 9, 14, 20 behind and 13 overdue: sheet rows 13, 18, 24 and 17.
    expect(rows.sort((a, b) => a - b)).toEqual([13, 17, 18, 24]);
    expect(laggingProjects(expected.sheets[0]).map((p) => p.row).sort((a, b) => a - b)).toEqual([13, 17, 18, 24]);
  });

  it('selects the cell of an issue in the workbook (Activate, then Range.Select)', async () => {
    await page.click('[data-testid="issue-list"] button[data-cell="L6"]');
    await page.waitForFunction(() => window.__fakeWps.wb.selection !== null);
    expect(await page.evaluate(() => window.__fakeWps.wb.selection)).toEqual({ sheet: '茌平区', address: 'L6' });
  });

  it('fills the computed columns: the workbook holds the plan\'s formulas in the own columns', async () => {
    await press(page, 'fill');
    const plan = expected.plans[0];
    const want = plan.cells.filter((c) => c.formula).map((c) => [c.r, c.c, c.formula]);
    const got = await page.evaluate(({ sheet, cols }) => {
      const out: [number, number, string | undefined][] = [];
      const s = window.__fakeWps.wb.sheet(sheet);
      for (const [k, cell] of s.cells) {
        const c = k % 16384;
        if (cols.includes(c) && cell.formula) out.push([Math.floor(k / 16384), c, cell.formula]);
      }
      return out;
    }, { sheet: plan.sheet, cols: [...new Set(plan.cells.map((c) => c.c))] });
    expect(want.length).toBeGreaterThanOrEqual(22 * 5);
    expect(got.map(String).sort()).toEqual(want.map(String).sort());
    const sheets = (await snapshot(page)).sheets.map((s) => s.name);
    for (const s of plan.sheets) expect(sheets).toContain(s.name);
    // The user's cells are as they were.
    const ledger = (await snapshot(page)).sheets.find((s) => s.name === plan.sheet)!;
    const original = before.sheets.find((s) => s.name === plan.sheet)!;
    const own = new Set(plan.cells.map((c) => c.c));
    const userCells = (s: typeof ledger) => s.cells.filter(([a1]) => !own.has(colOf(a1)));
    expect(userCells(ledger).map(([a1, c]) => [a1, c.value, c.formula])).toEqual(userCells(original).map(([a1, c]) => [a1, c.value, c.formula]));
  });

  it('marks the faulty cells with their messages as notes', async () => {
    await press(page, 'mark');
    const notes = new Map((await snapshot(page)).sheets.find((s) => s.name === '茌平区')!.notes);
    const marks = expected.plans[0].marks;
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) expect(notes.get(`${String.fromCharCode(65 + m.c)}${m.r + 1}`)).toContain(m.note);
  });

  it('removes everything it added: the workbook equals its state before', async () => {
    await press(page, 'remove');
    const after = await snapshot(page);
    expect(after.sheets).toEqual(before.sheets);
    expect(after.names).toEqual(before.names);
    expect(foreign).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

describe('a WPS build whose block reads come back as wrappers', () => {
  it('gives the same figures', async () => {
    const fixture = mistakes();
    const { context, page } = await openPane([toGrid(fixture)], fixture.settings.today, { wrapBlocks: true });
    try {
      await press(page, 'check');
      const shown = await figures(page);
      expect([shown.projects, shown.annualPlan, shown.completedYtd]).toEqual([22, 187000, 103417]);
    } finally {
      await context.close();
    }
  });
});

describe('the WPS pane outside WPS', () => {
  it('says plainly that it belongs in WPS 表格 or Excel and points to the web page', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${server.origin}/taskpane.html`);
    expect((await page.textContent('[data-testid="no-office"]'))?.length).toBeGreaterThan(5);
    await context.close();
  });
});

/** The column index of an A1 address. */
function colOf(a1: string): number {
  const letters = /^[A-Z]+/.exec(a1)?.[0] ?? '';
  let c = 0;
  for (const ch of letters) c = c * 26 + ch.charCodeAt(0) - 64;
  return c - 1;
}
