/**
 * 下载通报（Word） on the web page in headless Chromium: after a check of a city ledger with a
 * county column (test/fixtures/xlsx/city-county-column.xlsx), the link downloads a .docx whose
 * parts are the ones `ledger bulletin --docx` writes for the same file on the same day, and
 * whose word/document.xml text starts with the title and lists the counties' table rows in the
 * report's rank order (the ranking of `ledger check --json`, not typed here).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { unzipSync, strFromU8 } from 'fflate';
import type { Browser, BrowserContext } from 'playwright-core';
import { run, todayIso } from '../../src/cli/commands';
import { documentText } from '../../src/docx';
import type { Report } from '../../src/core/types';
import { launchChromium } from './helpers/browser';
import { ensureBuild, ROOT } from './helpers/build';
import { serve, type StaticServer } from './helpers/server';

const FILE = path.join(ROOT, 'test/fixtures/xlsx/city-county-column.xlsx');

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let tmp: string;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-web-bulletin-'));
  server = await serve(await ensureBuild());
  browser = await launchChromium();
  context = await browser.newContext({ locale: 'zh-CN', acceptDownloads: true, viewport: { width: 1280, height: 900 } });
}, 240000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

function ledger(argv: string[]): string {
  let stdout = '';
  run(argv, { stdout: (s) => (stdout += s), stderr: () => undefined, isTTY: false, today: todayIso(), env: {} });
  return stdout;
}

test('downloads the command\'s .docx: title first, the counties in rank order', async () => {
  const page = await context.newPage();
  await page.goto(`${server.origin}/web/index.html`);
  await page.setInputFiles('[data-testid="file-input"]', FILE);
  await page.waitForSelector('.lc-pane[aria-busy="false"] [data-testid="summary"]');
  await page.waitForSelector('[data-testid="download-bulletin"][href]');
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="download-bulletin"]')]);
  expect(dl.suggestedFilename()).toBe('city-county-column.通报.docx');
  const got = path.join(tmp, 'web.docx');
  await dl.saveAs(got);

  const cliDocx = path.join(tmp, 'cli.docx');
  ledger(['bulletin', FILE, '--docx', cliDocx, '--no-write']);
  // The parts, byte for byte (the command packs with Node's zlib, the page with the portable
  // deflate, so the compressed bytes may differ while every part is the same).
  const parts = (f: string) => Object.entries(unzipSync(new Uint8Array(fs.readFileSync(f)))).map(([n, d]) => [n, strFromU8(d)]);
  expect(parts(got)).toEqual(parts(cliDocx));

  const lines = documentText(strFromU8(unzipSync(new Uint8Array(fs.readFileSync(got)))['word/document.xml'])).split('\n');
  expect(lines[0]).toMatch(/^关于\d{4}年.+全市重点项目建设进展情况的通报$/);
  const report = JSON.parse(ledger(['check', FILE, '--json', '--no-write'])) as Report;
  expect(report.ranking.length).toBeGreaterThan(1);
  const rows = lines.filter((l) => /^(\d+|—)\t/.test(l)).map((l) => l.split('\t')[1]);
  const ranked = [...report.ranking].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity)).map((r) => r.name);
  expect(rows).toEqual(ranked);
}, 120000);
