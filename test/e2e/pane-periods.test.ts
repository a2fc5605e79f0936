/**
 * The add-in pane's 上期台账（可选） and 下载通报（Word） in headless Chromium, as Excel loads it
 * (taskpane.html) with Office.js replaced by the strict fake holding the open workbook.
 *
 * History: the three monthly ledgers of test/cli/summary-history.test.ts (end of April, May and
 * June 2022, every plan 100 万元). The open workbook is June's (its title names 2022年6月30日,
 * since the fake, like a new workbook in Excel, gives no file name); April's and May's are
 * chosen in the pane, dated by their file names. Worked out by hand there: 戊项目 seriously
 * behind for the first time (streak 1), 乙项目 behind in May and June (2), 甲项目 behind in all
 * three (3); worst gap first: 戊 35 − 50 = −15, 甲 45 − 50 = −5, 乙 46 − 50 = −4.
 *
 * Bulletin: the city ledger with a county column (test/fixtures/xlsx/city-county-column.xlsx);
 * the downloaded .docx's word/document.xml starts with the title and its table lists the
 * counties in the rank order of the same check run here in Node (not typed in the test).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { settingsFor } from '../../src/commands/commands';
import type { Grid } from '../../src/core/grid';
import { documentText } from '../../src/docx';
import { checkGrids, reportOf } from '../../src/taskpane/model';
import { readWorkbook } from '../../src/xlsx';
import { launchChromium } from './helpers/browser';
import { ensureBuild, ROOT } from './helpers/build';
import { buildFakeOffice, routeFakeOffice } from './helpers/fake-office';
import { serve, type StaticServer } from './helpers/server';
import { plainGrid } from './fake-office/plain-grid';
import type { FakeSetup } from './fake-office/entry';
import { threeMonthsLedger } from '../helpers/three-months';

const ledger = (month: number, title: string): Promise<Uint8Array> => threeMonthsLedger(month, title);

const gridsOf = (bytes: Uint8Array): Grid[] => readWorkbook(bytes).sheets.filter((s) => !s.hidden).map((s) => s.grid);
const TODAY = '2022-07-15';
const idle = '.lc-pane[aria-busy="false"]';

let server: StaticServer;
let browser: Browser;
let fakeOffice: string;
let tmp: string;
const foreign: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-pane-periods-'));
  const [dist, bundle] = await Promise.all([ensureBuild(), buildFakeOffice()]);
  fakeOffice = bundle;
  server = await serve(dist);
  browser = await launchChromium();
}, 240000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

async function openPane(grids: Grid[], init?: () => void): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'zh-CN', acceptDownloads: true, viewport: { width: 360, height: 1000 } });
  const setup: FakeSetup = { sheets: grids.map(plainGrid), displayLanguage: 'zh-CN' };
  await routeFakeOffice(context, server.origin, fakeOffice, setup, foreign);
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  if (init) await page.addInitScript(init);
  await page.clock.setFixedTime(new Date(`${TODAY}T10:00:00`));
  await page.goto(`${server.origin}/taskpane.html`);
  await page.waitForSelector('[data-testid="check"]');
  return { context, page };
}

async function check(page: Page): Promise<void> {
  await page.click('[data-testid="check"]');
  await page.waitForSelector(`${idle} [data-testid="lagging-list"]`);
}

const laggingLines = (page: Page) => page.$$eval('[data-testid="lagging-list"] .lc-project-text', (els) => els.map((e) => e.textContent ?? ''));

test('earlier workbooks chosen in the pane give the lagging list its streaks', async () => {
  const june = await ledger(2, '阳谷县重点项目建设进展情况表（截至2022年6月30日）');
  const files = ['20220430', '20220531'].map((day) => path.join(tmp, `阳谷县台账-${day}.xlsx`));
  fs.writeFileSync(files[0], await ledger(0, '阳谷县重点项目建设进展情况表'));
  fs.writeFileSync(files[1], await ledger(1, '阳谷县重点项目建设进展情况表'));
  const { context, page } = await openPane(gridsOf(june));
  try {
    await check(page);
    expect((await laggingLines(page)).some((l) => l.includes('连续'))).toBe(false);

    // Chosen after a check: the pane checks again with them.
    await page.setInputFiles('[data-testid="pane-earlier-input"]', files);
    await page.waitForFunction(() => document.querySelector('[data-testid="lagging-list"]')?.textContent?.includes('连续3期滞后'));
    await page.waitForSelector(`${idle} [data-testid="lagging-list"]`);
    const got = (await laggingLines(page)).map((l) => [/^(\S项目)/.exec(l)?.[1], /连续(\d)期滞后/.exec(l)?.[1]]);
    expect(got).toEqual([['戊项目', '1'], ['甲项目', '3'], ['乙项目', '2']]);
    expect(await page.textContent('[data-testid="pane-earlier-status"]')).toContain('已选 2 个');

    // A fresh 检查台账 (the workbook read again) keeps them.
    await check(page);
    expect((await laggingLines(page)).filter((l) => l.includes('连续')).length).toBe(3);

    // Cleared: no streak any more.
    await page.click('[data-testid="pane-earlier-clear"]');
    await page.waitForFunction(() => !document.querySelector('[data-testid="lagging-list"]')?.textContent?.includes('连续'));
    await page.waitForSelector(`${idle} [data-testid="lagging-list"]`);
    expect(await page.textContent('[data-testid="pane-earlier-status"]')).toContain('未选上期台账');
  } finally {
    await context.close();
  }
  expect(pageErrors).toEqual([]);
  expect(foreign).toEqual([]);
}, 120000);

const CITY = path.join(ROOT, 'test/fixtures/xlsx/city-county-column.xlsx');

test('下载通报（Word） downloads the .docx: title first, the counties in rank order', async () => {
  const grids = gridsOf(new Uint8Array(fs.readFileSync(CITY)));
  const { context, page } = await openPane(grids);
  try {
    expect(await page.isDisabled('[data-testid="download-bulletin"]')).toBe(true);
    await check(page);
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="download-bulletin"]')]);
    // Excel gives the fake no file name, as for a new workbook.
    expect(dl.suggestedFilename()).toBe('通报.docx');
    const got = path.join(tmp, 'pane.docx');
    await dl.saveAs(got);
    await page.waitForSelector(`${idle} [data-testid="notice"][data-kind="info"]`);

    const lines = documentText(strFromU8(unzipSync(new Uint8Array(fs.readFileSync(got)))['word/document.xml'])).split('\n');
    expect(lines[0]).toMatch(/^关于\d{4}年.+全市重点项目建设进展情况的通报$/);
    const report = reportOf(checkGrids(grids, settingsFor(null, 'zh-CN', TODAY)), '', null);
    expect(report.ranking.length).toBeGreaterThan(1);
    const rows = lines.filter((l) => /^(\d+|—)\t/.test(l)).map((l) => l.split('\t')[1]);
    const ranked = [...report.ranking].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity)).map((r) => r.name);
    expect(rows).toEqual(ranked);
  } finally {
    await context.close();
  }
  expect(pageErrors).toEqual([]);
}, 120000);

test('a pane that may not download says where else to get the 通报', async () => {
  const grids = gridsOf(new Uint8Array(fs.readFileSync(CITY)));
  // As in a webview that refuses Blob downloads.
  const { context, page } = await openPane(grids, () => {
    URL.createObjectURL = () => {
      throw new Error('blocked');
    };
  });
  try {
    await check(page);
    await page.click('[data-testid="download-bulletin"]');
    await page.waitForSelector(`${idle} [data-testid="notice"][data-kind="warning"]`);
    const text = await page.textContent('[data-testid="notice"]');
    expect(text).toContain('网页版');
    expect(text).toContain('ledger bulletin --docx');
  } finally {
    await context.close();
  }
}, 120000);

test('the web page keeps its own 上期台账 input and links: the pane there has no second section', async () => {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(`${server.origin}/web/index.html`);
    await page.setInputFiles('[data-testid="file-input"]', CITY);
    await page.waitForSelector(`${idle} [data-testid="summary"]`);
    expect(await page.$$('[data-testid="periods"]')).toHaveLength(0);
    expect(await page.$$('[data-testid="earlier-input"]')).toHaveLength(1);
    expect(await page.$$('[data-testid="download-bulletin"]')).toHaveLength(1);
  } finally {
    await context.close();
  }
}, 120000);
