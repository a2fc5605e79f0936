/**
 * The web page as people get it: the dist/web folder copied alone to a server's
 * root, to a sub-path or to a disk (file://), and the single file opened from a
 * disk. Each checks 冠县.xlsx, shows the summary and offers the annotated copy
 * right after the check, with no other click. Every request that is not the
 * page's own (its origin and folder, or its blob: URLs) is failed by the browser
 * context and recorded, and none may be made.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { unzipSync } from 'fflate';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { run, todayIso } from '../../src/cli/commands';
import { DEFAULT_SETTINGS, type Report } from '../../src/core/types';
import { paneStrings } from '../../src/taskpane/strings';
import { checkWorkbook } from '../../src/xlsx';
import { launchChromium } from './helpers/browser';
import { ensureBuild, ROOT } from './helpers/build';
import { serve, type StaticServer } from './helpers/server';

const EXAMPLE = path.join(ROOT, 'examples', '冠县.xlsx');

let browser: Browser;
let web: string;
let tmp: string;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-ship-e2e-'));
  web = path.join(await ensureBuild(), 'web');
  browser = await launchChromium();
}, 240000);

afterAll(async () => {
  await browser?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** `ledger check 冠县.xlsx --json --out <dir>` in-process: its report and the copy it wrote. */
function cli(): { report: Report; copy: Uint8Array } {
  let stdout = '';
  const out = fs.mkdtempSync(path.join(tmp, 'cli-'));
  run(['check', EXAMPLE, '--json', '--out', out], { stdout: (s) => (stdout += s), stderr: () => undefined, isTTY: false, today: todayIso(), env: {} });
  const report = JSON.parse(stdout) as Report;
  return { report, copy: new Uint8Array(fs.readFileSync(report.files[0].output as string)) };
}

/** The parts of a package in their order, each with its uncompressed bytes. */
function parts(zip: Uint8Array): [string, Buffer][] {
  return Object.entries(unzipSync(zip)).map(([name, data]) => [name, Buffer.from(data)]);
}

interface Visit {
  page: Page;
  context: BrowserContext;
  requests: string[];
  /** Requests failed because they were not the page's own. */
  refused: string[];
  errors: string[];
}

/**
 * What a browser that refuses workers to file:// pages does (Chrome on the desktop: a
 * SecurityError from the Worker constructor; headless Chromium here lets them start).
 */
const REFUSE_FILE_WORKERS = `(() => {
  const Real = window.Worker;
  window.Worker = function Worker(url, options) {
    const href = new URL(String(url), location.href).href;
    if (href.startsWith('file:')) throw new DOMException("Script at '" + href + "' cannot be accessed from origin 'null'.", 'SecurityError');
    return new Real(url, options);
  };
})();`;

/** `local(url)` says which requests are the page's own; any other is aborted before it leaves. */
async function visit(url: string, local: (u: string) => boolean, init?: string): Promise<Visit> {
  const context = await browser.newContext({ locale: 'zh-CN', acceptDownloads: true });
  if (init) await context.addInitScript(init);
  const requests: string[] = [];
  const refused: string[] = [];
  const errors: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (local(u)) return route.continue();
    refused.push(u);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(url);
  return { page, context, requests, refused, errors };
}

/** Picks the file, waits for the summary, and takes the annotated copy with the one click on its link. */
async function checkAndDownload(v: Visit): Promise<{ copy: Uint8Array; name: string }> {
  await v.page.setInputFiles('[data-testid="file-input"]', EXAMPLE);
  await v.page.waitForSelector('.lc-pane[aria-busy="false"] [data-testid="summary"]');
  await v.page.waitForSelector('[data-testid="download-workbook"]:not([aria-disabled="true"])');
  const [dl] = await Promise.all([v.page.waitForEvent('download'), v.page.click('[data-testid="download-workbook"]')]);
  const file = path.join(tmp, `${Date.now()}-${dl.suggestedFilename()}`);
  await dl.saveAs(file);
  return { copy: new Uint8Array(fs.readFileSync(file)), name: dl.suggestedFilename() };
}

describe.each([
  ['at the root of a server', '/'],
  ['at a sub-path', '/tools/ledger/'],
])('dist/web served alone %s', (_where, base) => {
  let server: StaticServer;
  let v: Visit;
  let got: { copy: Uint8Array; name: string };

  beforeAll(async () => {
    server = await serve(web, base);
    const mine = `${server.origin}${base}`;
    v = await visit(mine, (u) => u.startsWith(mine) || u.startsWith(`blob:${server.origin}/`));
    got = await checkAndDownload(v);
  });
  afterAll(async () => {
    await v?.context.close();
    await server?.close();
  });

  it('loads every script, stylesheet and worker from inside the folder', () => {
    expect(server.requests.every((p) => p.startsWith(base))).toBe(true);
    // The page's stylesheet carries the pane's styles: nothing is fetched from a parent folder.
    expect(server.requests).toContain(`${base}web.css`);
    expect(server.requests.some((p) => /\/chunks\/.+\.js$/.test(p))).toBe(true);
  });

  it('is styled: the pane\'s own rules apply', async () => {
    // taskpane.css gives the primary button the brand colour; unstyled it would be the browser's grey.
    const bg = await v.page.$eval('[data-testid="check"]', (e) => getComputedStyle(e).backgroundColor);
    expect(bg).not.toBe('rgb(239, 239, 239)');
    expect(bg).not.toBe('rgba(0, 0, 0, 0)');
  });

  it('checks in a worker and shows the command\'s project count', async () => {
    const { report } = cli();
    expect(await v.page.getAttribute('.lc-web', 'data-runs-in')).toBe('worker');
    const shown = await v.page.getAttribute('[data-testid="summary"] .lc-figure[data-key="projects"]', 'data-value');
    expect(Number(shown)).toBe(report.files[0].sheets[0].total.projects);
  });

  it('offers the annotated copy at once: the command\'s package, part for part', () => {
    const { copy } = cli();
    expect(got.name).toBe('冠县.checked.xlsx');
    expect(parts(got.copy)).toEqual(parts(copy));
  });

  it('writes the bytes the engine\'s portable writer writes for the same check', () => {
    const bytes = new Uint8Array(fs.readFileSync(EXAMPLE));
    const portable = checkWorkbook(bytes, { ...DEFAULT_SETTINGS, today: todayIso(), lang: 'zh-CN' }).output as Uint8Array;
    expect(Buffer.from(got.copy).equals(Buffer.from(portable))).toBe(true);
  });

  it('sends no request outside its own origin and folder and raises no error', () => {
    const foreign = v.requests.filter((u) => !u.startsWith(`${server.origin}${base}`) && !u.startsWith(`blob:${server.origin}/`));
    expect(foreign).toEqual([]);
    expect(v.refused).toEqual([]);
    expect(v.errors).toEqual([]);
  });
});

describe('dist/web copied to a disk and opened from there (file://)', () => {
  let v: Visit;
  let got: { copy: Uint8Array; name: string };
  let folder: string;

  beforeAll(async () => {
    // The folder alone, somewhere else: nothing beside or above it.
    folder = path.join(fs.mkdtempSync(path.join(tmp, 'disk-')), 'ledger');
    fs.cpSync(web, folder, { recursive: true });
    const root = `file://${folder}/`;
    v = await visit(`${root}index.html`, (u) => u.startsWith(root) || u.startsWith('blob:'));
    got = await checkAndDownload(v);
  });
  afterAll(() => v?.context.close());

  it('is styled and shows the command\'s project count, checked in a worker or, where file:// refuses one, on the page', async () => {
    const { report } = cli();
    expect(['worker', 'page']).toContain(await v.page.getAttribute('.lc-web', 'data-runs-in'));
    const shown = await v.page.getAttribute('[data-testid="summary"] .lc-figure[data-key="projects"]', 'data-value');
    expect(Number(shown)).toBe(report.files[0].sheets[0].total.projects);
    const bg = await v.page.$eval('[data-testid="check"]', (e) => getComputedStyle(e).backgroundColor);
    expect(bg).not.toBe('rgb(239, 239, 239)');
  });

  it('offers the annotated copy at once: the command\'s package, part for part', () => {
    const { copy } = cli();
    expect(got.name).toBe('冠县.checked.xlsx');
    expect(parts(got.copy)).toEqual(parts(copy));
  });

  it('loads only files inside its folder and its own blobs, and raises no error', () => {
    const foreign = v.requests.filter((u) => !u.startsWith(`file://${folder}/`) && !u.startsWith('blob:'));
    expect(foreign).toEqual([]);
    expect(v.refused).toEqual([]);
    expect(v.errors).toEqual([]);
  });

  it('in a browser that refuses a file:// page its worker, checks on the page and still offers the same copy at once', async () => {
    const root = `file://${folder}/`;
    const refusing = await visit(`${root}index.html`, (u) => u.startsWith(root) || u.startsWith('blob:'), REFUSE_FILE_WORKERS);
    try {
      const mine = await checkAndDownload(refusing);
      expect(await refusing.page.getAttribute('.lc-web', 'data-runs-in')).toBe('page');
      const { report, copy } = cli();
      const shown = await refusing.page.getAttribute('[data-testid="summary"] .lc-figure[data-key="projects"]', 'data-value');
      expect(Number(shown)).toBe(report.files[0].sheets[0].total.projects);
      expect(parts(mine.copy)).toEqual(parts(copy));
      expect(refusing.refused).toEqual([]);
      expect(refusing.errors).toEqual([]);
    } finally {
      await refusing.context.close();
    }
  });
});

describe('dist/ledger-check.html opened from the disk (file://)', () => {
  let v: Visit;
  let got: { copy: Uint8Array; name: string };
  let html: string;
  let url: string;

  beforeAll(async () => {
    // A copy in a folder of its own: the file needs nothing beside it.
    const file = path.join(fs.mkdtempSync(path.join(tmp, 'usb-')), 'ledger-check.html');
    fs.copyFileSync(path.join(web, '..', 'ledger-check.html'), file);
    html = fs.readFileSync(file, 'utf8');
    url = `file://${file}`;
    v = await visit(url, (u) => u === url || u.startsWith('blob:'));
    got = await checkAndDownload(v);
  });
  afterAll(() => v?.context.close());

  it('carries everything: no src, no href, no stylesheet link, a CSP of hashes', () => {
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toMatch(/<link/);
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp.split('; ')).toEqual(expect.arrayContaining([
      "default-src 'none'", "connect-src 'none'", 'worker-src blob:', "object-src 'none'", "base-uri 'none'", "form-action 'none'",
    ]));
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/]+=*'(;|$)/);
    expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/]+=*'(;|$)/);
    expect(csp).not.toContain('unsafe');
  });

  it('checks in a worker started from its own script and shows the command\'s project count', async () => {
    const { report } = cli();
    expect(await v.page.getAttribute('.lc-web', 'data-runs-in')).toBe('worker');
    const shown = await v.page.getAttribute('[data-testid="summary"] .lc-figure[data-key="projects"]', 'data-value');
    expect(Number(shown)).toBe(report.files[0].sheets[0].total.projects);
    const bg = await v.page.$eval('[data-testid="check"]', (e) => getComputedStyle(e).backgroundColor);
    expect(bg).not.toBe('rgb(239, 239, 239)');
  });

  it('offers the annotated copy at once: the command\'s package, part for part', () => {
    const { copy } = cli();
    expect(got.name).toBe('冠县.checked.xlsx');
    expect(parts(got.copy)).toEqual(parts(copy));
  });

  it('evaluates an indicator in the worker it carries packed (mathjs inside the file)', async () => {
    const page = v.page;
    await page.click('[data-testid="tab-whatif"]');
    await page.waitForSelector('[data-testid="whatif"][aria-busy="false"] [data-testid="whatif-groups"]');
    await page.click('#lc-wi-indicators > summary');
    await page.waitForSelector('[data-testid="indicator-engine"][data-mode="worker"]');
    await page.fill('#lc-wi-ind-name', '投资强度');
    await page.fill('#lc-wi-ind-expr', 'completedYtd / totalInvestment * 100');
    await page.waitForFunction(() => document.getElementById('lc-wi-ind-msg')?.getAttribute('data-state') === 'ok');
    await page.click('[data-testid="indicator-add"]');
    // Row 6, 冠县纺织服装产业园: 6650 / 52200 * 100 = 12.7394636…
    const cell = await page.waitForSelector('tr[data-row="6"] td[data-indicator="投资强度"][data-value]');
    expect(Number(await cell.getAttribute('data-value'))).toBeCloseTo(6650 / 52200 * 100, 6);
  });

  it('requests nothing but itself and its own blobs, and raises no error (a CSP refusal would be one)', () => {
    const foreign = v.requests.filter((u) => u !== url && !u.startsWith('blob:'));
    expect(foreign).toEqual([]);
    expect(v.refused).toEqual([]);
    expect(v.errors).toEqual([]);
  });
});

describe('the page follows the browser\'s language', () => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await serve(web, '/');
  });
  afterAll(() => server?.close());

  // The page's title in each language is the pane strings' webTitle (src/taskpane/strings).
  it.each([
    ['en-US', 'en'],
    ['zh-TW', 'zh-TW'],
    ['zh-HK', 'zh-TW'],
    ['zh-CN', 'zh-CN'],
    ['fr-FR', 'zh-CN'],
    ['ja-JP', 'zh-CN'],
  ] as const)('%s → %s', async (locale, lang) => {
    const context = await browser.newContext({ locale });
    try {
      const page = await context.newPage();
      await page.goto(`${server.origin}/`);
      await page.waitForSelector('.lc-web');
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      expect(await page.textContent('.lc-web-title')).toBe(paneStrings(lang).webTitle);
      expect(await page.title()).toBe(paneStrings(lang).webTitle);
    } finally {
      await context.close();
    }
  });
});
