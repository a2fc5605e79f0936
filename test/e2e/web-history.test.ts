/**
 * The web page's 上期台账（可选） input in headless Chromium: the three monthly ledgers of
 * test/cli/summary-history.test.ts (end of April, May, June 2022, dated by file name). After the
 * June ledger is checked and the April and May ones are added, the lagging list says how many
 * reports in a row each behind project has been behind, as worked out there:
 * 戊项目 (seriously behind, streak 1), 乙项目 (2), 甲项目 (3), worst gap first:
 * 戊 35 − 50 = −15, 甲 45 − 50 = −5, 乙 46 − 50 = −4.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium } from './helpers/browser';
import { ensureBuild } from './helpers/build';
import { serve, type StaticServer } from './helpers/server';
import { threeMonthsLedger } from '../helpers/three-months';

async function ledgerFile(file: string, month: number): Promise<void> {
  fs.writeFileSync(file, await threeMonthsLedger(month));
}

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let tmp: string;
const file = (day: string) => path.join(tmp, `阳谷县台账-${day}.xlsx`);

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-web-history-'));
  for (const [i, day] of ['20220430', '20220531', '20220630'].entries()) await ledgerFile(file(day), i);
  server = await serve(await ensureBuild());
  browser = await launchChromium();
  context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
}, 240000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

test('earlier-period workbooks give the lagging list its streaks', async () => {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${server.origin}/web/index.html`);
  await page.setInputFiles('[data-testid="file-input"]', file('20220630'));
  await page.waitForSelector('.lc-pane[aria-busy="false"] [data-testid="lagging-list"]');
  const lines = () => page.$$eval('[data-testid="lagging-list"] .lc-project-text', (els) => els.map((e) => e.textContent ?? ''));
  // Without earlier periods: no streak on any line.
  expect((await lines()).some((l) => l.includes('连续'))).toBe(false);

  await page.setInputFiles('[data-testid="earlier-input"]', [file('20220430'), file('20220531')]);
  await page.waitForFunction(() => document.querySelector('[data-testid="lagging-list"]')?.textContent?.includes('连续3期滞后'));
  await page.waitForSelector('.lc-pane[aria-busy="false"] [data-testid="lagging-list"]');
  const got = (await lines()).map((l) => [/^(\S项目)/.exec(l)?.[1], /连续(\d)期滞后/.exec(l)?.[1]]);
  expect(got).toEqual([['戊项目', '1'], ['甲项目', '3'], ['乙项目', '2']]);
  expect(errors).toEqual([]);
}, 120000);
