/**
 * The web page in headless Chromium against the `ledger` command: the same
 * figures, issues, report and annotated copy for the same file, with nothing
 * fetched from anywhere but the page's own origin.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { run, todayIso } from '../../src/cli/commands';
import { gapPhrase, money, pct } from '../../src/core/format';
import { PLAN_LABELS } from '../../src/core/plan-labels';
import type { Report } from '../../src/core/types';
import { paneStrings } from '../../src/taskpane/strings';
import { launchChromium } from './helpers/browser';
import { ensureBuild, ROOT } from './helpers/build';
import { screenshot } from './helpers/screenshots';
import { serve, type StaticServer } from './helpers/server';
import { MARKUP_NAME, markupLedger, textAsXlsx, truncatedCopy } from './helpers/workbooks';

const EXAMPLE = path.join(ROOT, 'examples', '冠县.xlsx');
const FIXTURES = fs.readdirSync(path.join(ROOT, 'test/fixtures/xlsx'))
  .filter((f) => f.endsWith('.xlsx'))
  .sort()
  .map((f) => path.join(ROOT, 'test/fixtures/xlsx', f));
const T = paneStrings('zh-CN');

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let tmp: string;
const urls: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-web-e2e-'));
  const dist = await ensureBuild();
  server = await serve(dist);
  browser = await launchChromium();
  context = await browser.newContext({ locale: 'zh-CN', acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  context.on('request', (req) => urls.push(req.url()));
}, 240000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** `ledger check <file> --json --out <tmp>` run in-process: the report and the copy it wrote. */
function cli(file: string): { report: Report; copy: string } {
  let stdout = '';
  const out = fs.mkdtempSync(path.join(tmp, 'cli-'));
  run(['check', file, '--json', '--out', out], { stdout: (s) => (stdout += s), stderr: () => undefined, isTTY: false, today: todayIso(), env: {} });
  const report = JSON.parse(stdout) as Report;
  return { report, copy: report.files[0].output as string };
}

async function newPage(): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(`${server.origin}/web/index.html`);
  return page;
}

/** Picks the file (on a fresh page unless one is given) and waits for the pane to finish checking it. */
async function load(file: string, reuse?: Page): Promise<Page> {
  const page = reuse ?? (await newPage());
  await page.setInputFiles('[data-testid="file-input"]', file);
  await page.waitForSelector('.lc-pane[aria-busy="false"] [data-testid="summary"], .lc-pane[aria-busy="false"] [data-testid="notice"][data-kind="error"]');
  return page;
}

async function download(page: Page, testid: string): Promise<{ name: string; file: string }> {
  // The pane re-renders when the annotated copy is ready; a click landing on the button just
  // replaced is lost (seen once under load in CI), so a click that starts no download is repeated.
  const attempt = async (timeout: number) => {
    const [d] = await Promise.all([page.waitForEvent('download', { timeout }), page.click(`[data-testid="${testid}"]`)]);
    return d;
  };
  const dl = await attempt(10000).catch(() => attempt(30000));
  const file = path.join(tmp, `${Date.now()}-${dl.suggestedFilename()}`);
  await dl.saveAs(file);
  return { name: dl.suggestedFilename(), file };
}

/** Paths differ between a command line and a browser: compare file names only. */
function withoutPaths(report: Report): Report {
  const copy = JSON.parse(JSON.stringify(report)) as Report;
  for (const f of copy.files) {
    f.file = path.basename(f.file);
    f.output = f.output === null ? null : path.basename(f.output);
  }
  for (const r of copy.ranking) r.file = path.basename(r.file);
  return copy;
}

async function figures(page: Page): Promise<Record<string, { text: string; value: string }>> {
  return page.$$eval('[data-testid="summary"] .lc-figure', (els) =>
    Object.fromEntries(els.map((e) => [e.getAttribute('data-key'), { text: e.querySelector('dd')?.textContent ?? '', value: e.getAttribute('data-value') ?? '' }])));
}

describe('one file after another on one page', () => {
  let page: Page;
  beforeAll(async () => {
    page = await newPage();
  });
  afterAll(() => page.close());

  it.each([EXAMPLE, ...FIXTURES].map((f) => [path.basename(f), f]))('%s: the command\'s figures, issues and report', async (_name, file) => {
    const { report } = cli(file);
    const sheet = report.files[0].sheets[0];
    await load(file, page);
    const shown = await figures(page);
    const g = sheet.total;
    const expected: Record<string, { text: string; value: number | null }> = {
      projects: { text: String(g.projects), value: g.projects },
      started: { text: String(g.started), value: g.started },
      startRate: { text: pct(g.startRate), value: g.startRate },
      annualPlan: { text: money(g.annualPlan, 'zh-CN'), value: g.annualPlan },
      completedYtd: { text: money(g.completedYtd, 'zh-CN'), value: g.completedYtd },
      completionRate: { text: pct(g.completionRate), value: g.completionRate },
      gapPp: { text: gapPhrase(g.gapPp, 'zh-CN'), value: g.gapPp },
    };
    for (const [key, want] of Object.entries(expected)) {
      expect({ key, text: shown[key]?.text, value: Number(shown[key]?.value) }).toEqual({ key, text: want.text, value: want.value });
    }
    const cells = await page.$$eval('[data-testid="issue-list"] button', (els) => els.map((e) => e.getAttribute('data-cell')));
    expect(cells).toHaveLength(sheet.issues.length);
    expect([...cells].sort()).toEqual(sheet.issues.map((x) => x.cell).sort());

    const dl = await download(page, 'download-report');
    expect(dl.name).toBe(`${path.basename(file, '.xlsx')}.report.json`);
    const web = JSON.parse(fs.readFileSync(dl.file, 'utf8')) as Report;
    // The annotated copy is offered as soon as the check is done; the report names it, as the command's does.
    await page.waitForSelector('[data-testid="download-workbook"]:not([aria-disabled="true"])');
    const again = await download(page, 'download-report');
    const named = JSON.parse(fs.readFileSync(again.file, 'utf8')) as Report;
    expect(path.basename(named.files[0].output as string)).toBe(`${path.basename(file, '.xlsx')}.checked.xlsx`);
    expect(withoutPaths(named)).toEqual(withoutPaths(report));
    expect(web.files[0].file).toBe(path.basename(file));
  });
});

describe('冠县.xlsx, worked through', () => {
  let page: Page;
  let report: Report;
  let cliCopy: string;

  beforeAll(async () => {
    ({ report, copy: cliCopy } = cli(EXAMPLE));
    page = await load(EXAMPLE);
  });
  afterAll(() => page.close());

  it('runs the check in a worker', async () => {
    expect(await page.getAttribute('.lc-web', 'data-runs-in')).toBe('worker');
  });

  it('shows the row of an issue with its cell highlighted', async () => {
    const issues = report.files[0].sheets[0].issues;
    const issue = issues.find((x) => x.severity === 'error') ?? issues[0];
    await page.click(`[data-testid="issue-list"] button[data-cell="${issue.cell}"]`);
    const hit = await page.waitForSelector(`[data-testid="preview"] td.lc-hit[data-cell="${issue.cell}"]`);
    expect(await hit.getAttribute('aria-current')).toBe('true');
    expect(await page.$$eval('[data-testid="preview"] td.lc-hit', (els) => els.length)).toBe(1);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'web.png', { fullPage: true });
  });

  it('writes the computed columns into a copy that holds them as formulas', async () => {
    // Offered right after the check, before any other click.
    await page.waitForSelector('[data-testid="download-workbook"]:not([aria-disabled="true"])');
    await page.click('[data-testid="fill"]');
    await page.waitForSelector('.lc-pane[aria-busy="false"] [data-testid="notice"][data-kind="info"]');
    const dl = await download(page, 'download-workbook');
    expect(dl.name).toBe('冠县.checked.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(dl.file);
    const sheet = report.files[0].sheets[0];
    const ws = wb.getWorksheet(sheet.sheet);
    expect(ws).toBeDefined();
    const col = sheet.outputColumns.completionRate as string;
    for (const p of sheet.projects) {
      const cell = ws!.getCell(`${col}${p.row}`);
      expect(cell.formula).toBeTruthy();
      if (p.completionRate !== null) expect(cell.result).toBeCloseTo(p.completionRate, 9);
    }
    expect(wb.worksheets.map((w) => w.name)).toContain(PLAN_LABELS['zh-CN'].summarySheet);
  });

  it('after marking too, gives the command\'s copy and report', async () => {
    await page.click('[data-testid="mark"]');
    await page.waitForSelector(`.lc-pane[aria-busy="false"] [data-testid="notice"][data-kind="info"]`);
    const dl = await download(page, 'download-workbook');
    const cellsOf = async (file: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      return wb.worksheets.map((ws) => {
        const cells: [string, unknown, string | undefined, unknown][] = [];
        ws.eachRow((row) => row.eachCell((c) => cells.push([c.address, c.formula ? c.result : c.value, c.formula, c.note])));
        return { name: ws.name, cells };
      });
    };
    expect(await cellsOf(dl.file)).toEqual(await cellsOf(cliCopy));
    const rep = await download(page, 'download-report');
    expect(withoutPaths(JSON.parse(fs.readFileSync(rep.file, 'utf8')) as Report)).toEqual(withoutPaths(report));
  });

  it('takes the copy back on 移除全部标注', async () => {
    await page.click('[data-testid="remove"]');
    await page.waitForSelector(`.lc-pane[aria-busy="false"] [data-testid="notice"][data-kind="info"]`);
    expect(await page.getAttribute('[data-testid="download-workbook"]', 'aria-disabled')).toBe('true');
  });
});

describe('files that cannot be checked', () => {
  it.each([
    ['a zip cut short', (dir: string) => truncatedCopy(EXAMPLE, dir)],
    ['a text file', textAsXlsx],
  ])('%s gets one plain sentence', async (_what, make) => {
    const page = await load(make(tmp));
    try {
      const text = (await page.textContent('[data-testid="notice"]'))?.trim();
      expect(Object.values(T.fileErrors)).toContain(text);
      expect(await page.getAttribute('[data-testid="notice"]', 'role')).toBe('alert');
      expect(await page.$('[data-testid="summary"]')).toBeNull();
    } finally {
      await page.close();
    }
  });
});

describe('text from the workbook', () => {
  it('stays text: markup in a project name creates no element and runs nothing', async () => {
    const page = await load(await markupLedger(tmp));
    try {
      // The engine trims the name; the preview shows the cell as typed.
      const lagging = await page.$$eval('[data-testid="lagging-list"] .lc-project-name', (els) => els.map((e) => e.textContent));
      expect(lagging).toContain(MARKUP_NAME);
      await page.click('[data-testid="lagging-list"] button[data-cell="C6"]');
      await page.waitForSelector('[data-testid="preview"] td.lc-hit[data-cell="C6"]');
      expect(await page.textContent('[data-testid="preview"] td.lc-hit')).toBe(`${MARKUP_NAME} `);
      const messages = await page.$$eval('[data-testid="issue-list"] .lc-msg', (els) => els.map((e) => e.textContent ?? ''));
      expect(messages.some((m) => m.includes(MARKUP_NAME))).toBe(true);
      expect(await page.$$eval('img, b', (els) => els.length)).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    } finally {
      await page.close();
    }
  });
});

describe('the network', () => {
  it('is never reached: every request stays on the page\'s own origin', () => {
    expect(urls.length).toBeGreaterThan(0);
    const foreign = urls.filter((u) => !u.startsWith(`${server.origin}/`) && !u.startsWith(`blob:${server.origin}/`));
    expect(foreign).toEqual([]);
    expect(urls.some((u) => /\/chunks\/.+\.js$/.test(u))).toBe(true); // the worker's script
  });

  it('raised no script error on any page', () => {
    expect(pageErrors).toEqual([]);
  });
});
