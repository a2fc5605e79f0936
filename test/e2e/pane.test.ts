/**
 * The task pane as Excel loads it (dist/taskpane.html), with Office.js replaced
 * by the strict fake of the Excel API holding a fixture ledger: check, fill,
 * select, mark and remove, read back from the fake workbook.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { settingsFor } from '../../src/commands/commands';
import { analyzeWorkbook } from '../../src/core/analyze';
import { ledgerInputCheck } from '../../src/core/input-rules';
import type { Grid } from '../../src/core/grid';
import { SYNC_BUDGET } from '../../src/excel/payload';
import { SETTINGS_KEY } from '../../src/excel/settings';
import { checkGrids, laggingProjects, type CheckResult } from '../../src/taskpane/model';
import type { SavedSettings } from '../../src/taskpane/host';
import { readWorkbook } from '../../src/xlsx';
import type { SyncStat, WorkbookSnapshot } from '../fake-excel/index';
import { mistakes } from '../fixtures/ledgers';
import { LEVELS_SHEET } from '../helpers/row-levels';
import { toGrid } from '../fixtures/to-grid';
import { launchChromium } from './helpers/browser';
import { ensureBuild, ROOT } from './helpers/build';
import { buildFakeOffice, OFFICE_JS, routeFakeOffice } from './helpers/fake-office';
import { screenshot } from './helpers/screenshots';
import { serve, type StaticServer } from './helpers/server';
import { plainGrid } from './fake-office/plain-grid';
import type { FakeSetup } from './fake-office/entry';

let server: StaticServer;
let browser: Browser;
let fakeOffice: string;
const foreign: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  const [dist, bundle] = await Promise.all([ensureBuild(), buildFakeOffice()]);
  fakeOffice = bundle;
  server = await serve(dist);
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

/** taskpane.html in a pane-sized window, with the fake holding these grids. */
async function openPane(grids: Grid[], today: string, saved?: SavedSettings): Promise<Opened> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 360, height: 1000 } });
  const setup: FakeSetup = {
    sheets: grids.map(plainGrid),
    displayLanguage: 'zh-CN',
    settings: saved ? { [SETTINGS_KEY]: JSON.stringify(saved) } : undefined,
  };
  await routeFakeOffice(context, server.origin, fakeOffice, setup, foreign);
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  // The engine's "today" is the host's clock: the fixture's date, as the golden figures assume.
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

const syncs = (page: Page) => page.evaluate(() => window.__fake.office.syncs.map((s) => ({ ...s }))) as Promise<SyncStat[]>;
const snapshot = (page: Page) => page.evaluate(() => window.__fake.wb.snapshot()) as Promise<WorkbookSnapshot>;

/** Syncs made by one operation, each within the adapter's payload budget. */
async function syncsOf(page: Page, op: () => Promise<void>): Promise<SyncStat[]> {
  const before = (await syncs(page)).length;
  await op();
  const made = (await syncs(page)).slice(before);
  for (const s of made) {
    expect(s.failed).toBeUndefined();
    expect(s.request).toBeLessThanOrEqual(SYNC_BUDGET);
    expect(s.response).toBeLessThanOrEqual(SYNC_BUDGET);
  }
  return made;
}

describe('the pane on the mistakes fixture', () => {
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
  });
  afterAll(() => opened.context.close());

  it('checks the workbook: the summary shows the hand-computed figures', async () => {
    // One sync to list the sheets and their used ranges, one to read the cells (a small sheet is one chunk).
    const made = await syncsOf(page, () => press(page, 'check'));
    expect(made.length).toBeLessThanOrEqual(2);
    const shown = await page.$$eval('[data-testid="summary"] .lc-figure', (els) =>
      Object.fromEntries(els.map((e) => [e.getAttribute('data-key'), Number(e.getAttribute('data-value'))])));
    const t = fixture.expected.total;
    // mistakes.js: 22 projects, 20 started (否 on 13 and 21), 187000 planned (the 12000 typed in
    // full-width digits at J7 read by the value reader), 103417 done: 103417 / 187000 = 0.5530321,
    // gap (0.5530321 − 0.5) × 100 = +5.30321 points.
    expect(shown.projects).toBe(22);
    expect(shown.started).toBe(20);
    expect(shown.startRate).toBeCloseTo(20 / 22, 12);
    expect(shown.annualPlan).toBe(t.annualPlan);
    expect(shown.completedYtd).toBe(t.completedYtd);
    expect(shown.completionRate).toBeCloseTo(103417 / 187000, 12);
    expect(shown.gapPp).toBeCloseTo(5.30321, 4);
    expect(await page.textContent('[data-testid="summary"] [data-key="completionRate"] dd')).toBe('55.3%');
    expect(await page.textContent('[data-testid="summary"] [data-key="gapPp"] dd')).toBe('快于时间进度5.3个百分点');
  });

  it('lists every issue and every lagging project', async () => {
    const cells = await page.$$eval('[data-testid="issue-list"] button', (els) => els.map((e) => e.getAttribute('data-cell')));
    expect(cells.sort()).toEqual(expected.sheets[0].issues.map((x) => x.cell).sort());
    for (const planted of fixture.expected.issues) expect(cells).toContain(planted.cell);
    const rows = await page.$$eval('[data-testid="lagging-list"] button', (els) => els.map((e) => Number(e.getAttribute('data-row'))));
    // Projects 9, 14, 20 behind and 13 overdue (sheet rows 13, 18, 24, 17): fixture.expected.total.lagging = 4.
    expect(rows.sort((a, b) => a - b)).toEqual([13, 17, 18, 24]);
    expect(laggingProjects(expected.sheets[0]).map((p) => p.row).sort((a, b) => a - b)).toEqual([13, 17, 18, 24]);
  });

  it('filters the issues by severity', async () => {
    const errors = expected.sheets[0].issues.filter((x) => x.severity === 'error').length;
    await page.click('[data-filter="error"]');
    expect(await page.$$eval('[data-testid="issue-list"] button', (els) => els.map((e) => e.getAttribute('data-severity')))).toEqual(Array(errors).fill('error'));
    await page.click('[data-filter="all"]');
    expect(await page.$$eval('[data-testid="issue-list"] button', (els) => els.length)).toBe(expected.sheets[0].issues.length);
  });

  it('selects the cell of an issue in the workbook', async () => {
    const issue = expected.sheets[0].issues.find((x) => x.cell === 'L6');
    expect(issue).toBeDefined();
    const made = await syncsOf(page, async () => {
      await page.click('[data-testid="issue-list"] button[data-cell="L6"]');
      await page.waitForFunction(() => window.__fake.wb.selection !== null);
    });
    expect(made).toHaveLength(1);
    expect(await page.evaluate(() => window.__fake.wb.selection)).toEqual({ sheet: '茌平区', address: 'L6' });
  });

  it('works from the keyboard: arrows move along the issues, Enter goes to the cell', async () => {
    const cells = await page.$$eval('[data-testid="issue-list"] button', (els) => els.map((e) => e.getAttribute('data-cell')));
    await page.focus('[data-testid="issue-list"] button >> nth=0');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-cell'))).toBe(cells[1]);
    await page.keyboard.press('End');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-cell'))).toBe(cells[cells.length - 1]);
    await page.keyboard.press('Enter');
    await page.waitForFunction((cell) => window.__fake.wb.selection?.address === cell, cells[cells.length - 1]);
  });

  it('fills the computed columns: the workbook holds the plan\'s formulas in the own columns', async () => {
    before = await snapshot(page);
    const made = await syncsOf(page, () => press(page, 'fill'));
    // One sync to see what an earlier run left, one to write (the plan is far under the budget).
    expect(made.length).toBeLessThanOrEqual(2);
    const plan = expected.plans[0];
    const want = plan.cells.filter((c) => c.formula).map((c) => [c.r, c.c, c.formula]);
    const got = await page.evaluate(({ sheet, cols }) => {
      const out: [number, number, string | undefined][] = [];
      const s = window.__fake.wb.sheet(sheet);
      for (const [k, cell] of s.cells) {
        const c = k % 16384;
        if (cols.includes(c) && cell.formula) out.push([Math.floor(k / 16384), c, cell.formula]);
      }
      return out;
    }, { sheet: plan.sheet, cols: [...new Set(plan.cells.map((c) => c.c))] });
    const key = (x: unknown[]) => `${x[0]}:${x[1]}`;
    expect(got.map(String).sort()).toEqual(want.map(String).sort());
    expect(want.length).toBeGreaterThanOrEqual(22 * 5); // five formulas (and a rank key) per project
    expect(new Set(got.map(key)).size).toBe(got.length);
    const sheets = (await snapshot(page)).sheets.map((s) => s.name);
    for (const s of plan.sheets) expect(sheets).toContain(s.name);
  });

  it('marks the faulty cells with their messages as notes', async () => {
    const made = await syncsOf(page, () => press(page, 'mark'));
    expect(made.length).toBeLessThanOrEqual(2);
    const notes = new Map((await snapshot(page)).sheets.find((s) => s.name === '茌平区')!.notes);
    const marks = expected.plans[0].marks;
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) {
      const a1 = `${String.fromCharCode(65 + m.c)}${m.r + 1}`;
      expect(notes.get(a1)).toContain(m.note);
    }
  });

  it('removes everything it added: the workbook equals its state before', async () => {
    const made = await syncsOf(page, () => press(page, 'remove'));
    expect(made.length).toBeLessThanOrEqual(2);
    const after = await snapshot(page);
    expect(after.sheets).toEqual(before.sheets);
    expect(after.names).toEqual(before.names);
  });

  it('adds input checks: rules on the input columns in two syncs, no value changed, the cells breaking them listed', async () => {
    const { ledgers } = analyzeWorkbook([toGrid(fixture)], settings);
    const check = ledgerInputCheck(ledgers[0], { lang: 'zh-CN' });
    const plan = check.rules.find((r) => r.key === 'annualPlan')!;
    const cellsBefore = (await snapshot(page)).sheets.map((s) => s.cells);
    const made = await syncsOf(page, () => press(page, 'input-rules'));
    expect(made.length).toBe(2);
    expect(await page.textContent('[data-testid="notice"]')).toContain('已为输入列添加输入检查');
    expect((await snapshot(page)).sheets.map((s) => s.cells)).toEqual(cellsBefore);
    const first = plan.sqref.split(' ')[0];
    const rule = await page.evaluate(async ([sheet, a1]) => Excel.run(async (ctx) => {
      const dv = ctx.workbook.worksheets.getItem(sheet).getRange(a1).dataValidation.load('type,rule');
      await ctx.sync();
      return { type: dv.type, rule: dv.rule };
    }), [check.sheet, first] as const);
    expect(rule).toEqual({ type: 'Decimal', rule: { decimal: { formula1: 0, formula2: 5000000, operator: 'Between' } } });
    const listed = await page.$$eval('[data-testid="issue-list"] button[data-code="input-rule-broken"]', (els) => els.map((e) => e.getAttribute('data-cell')));
    const broken = check.issues.map((i) => `${String.fromCharCode(65 + i.c)}${i.r + 1}`);
    expect(broken.length).toBeGreaterThan(0);
    expect(listed.sort()).toEqual([...broken].sort());
    expect(await page.getAttribute('[data-testid="issue-list"]', 'data-count')).toBe(String(expected.sheets[0].issues.length + broken.length));
  });

  it('corrects a column: the choice is saved in the workbook and the figures follow', async () => {
    await page.click('#lc-columns-panel > summary');
    // Take 本月完成投资 (K) as the year-to-date column instead of 1-6月完成投资 (L).
    await page.selectOption('#lc-col-completedYtd', '10');
    await page.waitForFunction(() => document.querySelector('[data-key="completedYtd"]')?.getAttribute('data-value') !== '103417');
    await page.waitForSelector(idle);
    const override = checkGrids([toGrid(fixture)], { ...settings, columnOverrides: { completedYtd: 10 } });
    expect(Number(await page.getAttribute('[data-key="completedYtd"]', 'data-value'))).toBe(override.sheets[0].total.completedYtd);
    const saved = await page.evaluate((k) => window.__fake.wb.settings.get(k), SETTINGS_KEY);
    expect(JSON.parse(saved as string)).toEqual({ columnOverrides: { completedYtd: 10 } });
    await page.click('#lc-columns-reset');
    await page.waitForFunction(() => document.querySelector('[data-key="completedYtd"]')?.getAttribute('data-value') === '103417');
  });

  it('changes a threshold: saved, and the lagging list follows', async () => {
    await page.waitForSelector(idle);
    await page.click('#lc-settings-panel > summary');
    // With "behind" at 5 points, a project must be more than 5 points behind time progress.
    await page.fill('#lc-lagwarn', '5');
    await page.press('#lc-lagwarn', 'Enter');
    await page.locator('#lc-lagwarn').blur();
    // Project 14 (0.45, gap −5.0) is no longer behind: −5 is not below −5. Still lagging:
    // 9 (0.42, −8), 20 (0.37, −13) and 13 (overdue start) → 3.
    const changed = checkGrids([toGrid(fixture)], { ...settings, lagWarn: 5 });
    const want = laggingProjects(changed.sheets[0]).length;
    expect(want).toBe(3);
    await page.waitForFunction((n) => document.querySelector('[data-testid="lagging-list"]')?.getAttribute('data-count') === String(n), want);
    const saved = JSON.parse((await page.evaluate((k) => window.__fake.wb.settings.get(k), SETTINGS_KEY)) as string) as SavedSettings;
    expect(saved.lagWarn).toBe(5);
  });

  it('switches language: labels and issue messages in English', async () => {
    await page.waitForSelector(idle);
    await page.selectOption('#lc-lang', 'en');
    await page.waitForFunction(() => document.querySelector('[data-testid="check"]')?.textContent === 'Check ledger');
    await page.waitForSelector(idle);
    const en = checkGrids([toGrid(fixture)], { ...settings, lang: 'en', lagWarn: 5 });
    const messages = await page.$$eval('[data-testid="issue-list"] .lc-msg', (els) => els.map((e) => e.textContent));
    expect(messages.sort()).toEqual(en.sheets[0].issues.map((x) => x.message).sort());
    expect(await page.getAttribute('.lc-pane', 'lang')).toBe('en');
  });
});

describe('the pane on the 冠县 example', () => {
  it('looks right (screenshot) and never leaves its origin but for Office.js', async () => {
    const file = path.join(ROOT, 'examples', '冠县.xlsx');
    const grids = readWorkbook(new Uint8Array(fs.readFileSync(file))).sheets.map((s) => s.grid);
    const { context, page } = await openPane(grids, '2022-07-05');
    try {
      await press(page, 'check');
      await page.click('[data-testid="lagging-list"] button >> nth=0');
      await page.waitForFunction(() => window.__fake.wb.selection !== null);
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, 'pane.png', { fullPage: false });
      expect(await page.textContent('[data-testid="summary"] [data-key="projects"] dd')).toBe('28');
    } finally {
      await context.close();
    }
    expect(foreign).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

describe('the pane on a ledger with two row levels', () => {
  // Categories outside, counties inside (test/helpers/row-levels.ts works the figures):
  // by county 阳谷县 65 / 120 = 54.2% and 冠县 15 / 80 = 18.8%; by category 工业 60 / 150 = 40.0%
  // and 服务业 20 / 50 = 40.0%.
  const grid: Grid = { name: '台账', values: LEVELS_SHEET };
  const ranking = (page: Page) => page.$$eval('[data-testid="ranking"] tbody tr', (els) =>
    els.map((e) => [e.getAttribute('data-group'), e.querySelector('td:nth-of-type(2)')?.textContent]));

  it('groups by the counties, lists both levels in the 分组 picker, and regroups by the one chosen', async () => {
    const { context, page } = await openPane([grid], '2022-07-15');
    try {
      await press(page, 'check');
      expect(await ranking(page)).toEqual([['阳谷县', '54.2%'], ['冠县', '18.8%']]);
      // The chart draws the same: 阳谷县 ahead of time progress (50%), 冠县 behind, by rank.
      const bars = await page.$$eval('[data-testid="rate-chart"] .lc-bar', (els) =>
        els.map((e) => [e.getAttribute('data-label'), e.getAttribute('class'), e.querySelector('.lc-chart-value')?.textContent]));
      expect(bars).toEqual([['阳谷县', 'lc-bar lc-bar-ahead', '54.2%'], ['冠县', 'lc-bar lc-bar-behind', '18.8%']]);
      expect(await page.textContent('[data-testid="rate-chart"] .lc-chart-mark-text')).toBe('时间进度 50.0%');
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, 'pane-levels.png', { fullPage: true });
      await page.click('#lc-settings-panel > summary');
      const options = await page.$$eval('#lc-groupby option', (els) => els.map((e) => [(e as HTMLOptionElement).value, e.textContent]));
      expect(options).toEqual([
        ['', '自动（第2级（地区）：阳谷县、冠县）'],
        ['level:1', '第1级：工业、服务业'],
        ['level:2', '第2级（地区）：阳谷县、冠县'],
      ]);
      await page.selectOption('#lc-groupby', 'level:1');
      await page.waitForFunction(() => document.querySelector('[data-testid="ranking"] tbody tr')?.getAttribute('data-group') === '工业');
      await page.waitForSelector(idle);
      expect(await ranking(page)).toEqual([['工业', '40.0%'], ['服务业', '40.0%']]);
      expect(await page.$$eval('[data-testid="rate-chart"] .lc-bar', (els) => els.map((e) => e.getAttribute('data-label')))).toEqual(['工业', '服务业']);
      const saved = JSON.parse((await page.evaluate((k) => window.__fake.wb.settings.get(k), SETTINGS_KEY)) as string) as SavedSettings;
      expect(saved).toEqual({ groupLevel: 1 });
      expect(await page.inputValue('#lc-groupby')).toBe('level:1');
    } finally {
      await context.close();
    }
  });
});

describe('outside Excel', () => {
  it('says plainly that the page belongs in Excel', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    // Office.js cannot be fetched (no network): the page still explains itself.
    await context.route(OFFICE_JS, (route) => route.abort());
    const page = await context.newPage();
    await page.goto(`${server.origin}/taskpane.html`);
    const text = await page.textContent('[data-testid="no-office"]');
    expect(text).toContain('此页面需要在 Excel 中作为加载项打开');
    await context.close();
  });
});
