/**
 * The what-if's limits in the built site: a worker that never answers is stopped
 * by the time limit with a message while the page goes on, and the start-up
 * scripts of the pane and the page stay small and free of mathjs. Waits are for
 * what the page shows, never for a time.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { whatifStrings } from '../../src/taskpane/strings/whatif';
import { launchChromium } from './helpers/browser';
import { ensureBuild, ROOT } from './helpers/build';
import { serve, type StaticServer } from './helpers/server';
import { openWhatif, whatifIdle } from './helpers/whatif-page';

const FILE = path.join(ROOT, 'test/fixtures/xlsx/city-county-column.xlsx');
const W = whatifStrings('zh-CN');

let site: string;
let server: StaticServer;
let browser: Browser;
const pageErrors: string[] = [];

beforeAll(async () => {
  site = await ensureBuild();
  server = await serve(site);
  browser = await launchChromium();
}, 240000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});


const open = (context: BrowserContext): Promise<Page> => openWhatif(context, server.origin, FILE, pageErrors);

describe('the start-up scripts', () => {
  /** A text only mathjs's expression parser holds. */
  const MATHJS = 'Unexpected end of expression';
  const scripts = (html: string) => [...fs.readFileSync(path.join(site, html), 'utf8').matchAll(/<script[^>]*src="([^"]+\.js)"/g)]
    .map((m) => m[1])
    .filter((src) => !/^https?:/.test(src)) // Office.js, from Microsoft
    .map((src) => path.join(site, path.dirname(html), src));

  it.each(['taskpane.html', 'web/index.html'])('of %s stay under 300 KB gzipped and hold no mathjs', (html) => {
    const files = scripts(html);
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const code = fs.readFileSync(f);
      expect({ f, gzipped: zlib.gzipSync(code).length <= 300 * 1024, mathjs: code.includes(MATHJS) }).toEqual({ f, gzipped: true, mathjs: false });
    }
  });

  it('leave mathjs to its own chunk, loaded on demand', () => {
    const chunks = fs.readdirSync(path.join(site, 'chunks')).filter((f) => f.endsWith('.js'));
    const holders = chunks.filter((f) => fs.readFileSync(path.join(site, 'chunks', f), 'utf8').includes(MATHJS));
    expect(holders).toEqual([expect.stringMatching(/^mathjs\.[0-9a-f]+\.js$/)]);
  });
});

describe('an evaluation that does not end', () => {
  it('is stopped by the time limit with a message, and the page goes on', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    // The indicator worker replaced by one that says it is ready, then loops for ever on any request.
    await context.route(/\/chunks\/indicator-worker\.[0-9a-f]+\.js$/, (route) => route.fulfill({
      contentType: 'text/javascript',
      body: 'self.postMessage({ kind: "ready" }); self.onmessage = function () { for (;;) {} };',
    }));
    try {
      const page = await open(context);
      await page.click('#lc-wi-indicators > summary');
      await page.waitForSelector('[data-testid="indicator-engine"][data-mode="worker"]');
      await page.fill('#lc-wi-ind-name', '得分');
      await page.fill('#lc-wi-ind-expr', 'completionRate * 100');
      const msg = await page.waitForSelector('#lc-wi-ind-msg[data-state="error"]');
      expect(await msg.$eval('.lc-ind-text', (e) => e.textContent)).toBe(W.timeout(2));
      // The page is not held up: the figures are still there and the tab answers.
      await page.fill('#lc-wi-target', '80');
      await page.locator('#lc-wi-target').dispatchEvent('change');
      await whatifIdle(page);
      expect(await page.$$eval('[data-testid="whatif-groups"] tbody tr', (els) => els.length)).toBe(7);
    } finally {
      await context.close();
    }
  });

  it('raised no script error', () => {
    expect(pageErrors).toEqual([]);
  });
});
