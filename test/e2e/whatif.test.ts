/**
 * The what-if tab (测算) on the web page in headless Chromium, against
 * `ledger whatif` run in-process on the same file: the groups' and projects'
 * pace, a scenario's ranks before and after, indicators evaluated in the worker
 * (and refused when they are not plain arithmetic), the length and nesting
 * limits, and the indicator columns in the downloaded copy (the time limit and
 * the bundles: whatif-limits.test.ts). Waits are for what the page shows,
 * never for a time.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { run, todayIso } from '../../src/cli/commands';
import { money, pct } from '../../src/core/format';
import { whatifErrorMessage, type GroupWhatif, type PaceFigures, type WhatifReport } from '../../src/core/whatif/index';
import { whatifStrings } from '../../src/taskpane/strings/whatif';
import { PROJECT_ROWS } from '../../src/taskpane/views/whatif';
import { projectOrder } from '../../src/taskpane/views/whatif-rows';
import { launchChromium } from './helpers/browser';
import { ensureBuild, ROOT } from './helpers/build';
import { screenshot } from './helpers/screenshots';
import { serve, type StaticServer } from './helpers/server';
import { openWhatif, whatifIdle } from './helpers/whatif-page';

const FILE = path.join(ROOT, 'test/fixtures/xlsx/city-county-column.xlsx');
const W = whatifStrings('zh-CN');
const TODAY = todayIso();
const STRENGTH = '投资强度=completedYtd / totalInvestment * 100';
const FUNDS = '资金到位率=fundsArrived / totalInvestment * 100';
const ADJUST = ['莘县光伏发电项目:completedYtd=+10000', '2020-371526-87-03-519707:annualPlan=-5000'];

let server: StaticServer;
let browser: Browser;
let tmp: string;
const pageErrors: string[] = [];

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-whatif-e2e-'));
  server = await serve(await ensureBuild());
  browser = await launchChromium();
}, 240000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** `ledger whatif <file> --json …` in-process, with today's date as the page has it. */
function cli(args: string[]): WhatifReport {
  let stdout = '';
  let stderr = '';
  const code = run(['whatif', FILE, '--json', ...args], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), isTTY: false, today: TODAY, env: {} });
  expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  return JSON.parse(stdout) as WhatifReport;
}

const open = (context: BrowserContext): Promise<Page> => openWhatif(context, server.origin, FILE, pageErrors);


type Row = Record<string, { text: string; value: string }>;

/** A table's rows: each cell with a data-key (or data-indicator) as its text and exact value. */
function rows(page: Page, table: string, rowAttr: string): Promise<{ id: string; cells: Row }[]> {
  return page.$$eval(`[data-testid="${table}"] tbody tr`, (trs, attr) => trs.map((tr) => ({
    id: tr.getAttribute(attr) ?? (tr.getAttribute('data-total') ? '合计' : ''),
    cells: Object.fromEntries(Array.from(tr.querySelectorAll('td')).map((td) => [
      td.getAttribute('data-key') ?? `ind:${td.getAttribute('data-indicator')}`,
      { text: td.textContent ?? '', value: td.getAttribute('data-value') ?? '' },
    ])),
  })), rowAttr);
}

const n = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));

/** What a row of the tab must show for these figures. */
function expectedPace(f: PaceFigures): Row {
  return {
    requiredMonthly: { text: money(f.requiredMonthly, 'zh-CN'), value: n(f.requiredMonthly) },
    currentMonthly: { text: money(f.currentMonthly, 'zh-CN'), value: n(f.currentMonthly) },
    projectedRate: { text: pct(f.projectedRate), value: n(f.projectedRate) },
    onCourse: { text: f.onCourse === null ? W.unknown : f.onCourse ? W.yes : W.no, value: String(f.onCourse) },
  };
}

async function addIndicator(page: Page, spec: string): Promise<void> {
  const at = spec.indexOf('=');
  await page.fill('#lc-wi-ind-name', spec.slice(0, at));
  await page.fill('#lc-wi-ind-expr', spec.slice(at + 1));
  await page.waitForFunction((x) => {
    const m = document.getElementById('lc-wi-ind-msg');
    return m?.getAttribute('data-state') === 'ok' && m.getAttribute('data-expression') === x;
  }, spec.slice(at + 1));
  const before = await page.$$eval('[data-testid="indicator-list"] li', (els) => els.length).catch(() => 0);
  await page.click('[data-testid="indicator-add"]');
  await page.waitForSelector(`[data-testid="indicator-list"] li:nth-child(${before + 1})[data-name="${spec.slice(0, at)}"]`);
  await whatifIdle(page);
}

/** Types an expression and waits for the refusal under the input: its text and the marked position. */
async function refusal(page: Page, expression: string): Promise<{ text: string; position: string | null }> {
  await page.fill('#lc-wi-ind-name', '注入');
  await page.fill('#lc-wi-ind-expr', expression);
  await page.waitForFunction((x) => {
    const m = document.getElementById('lc-wi-ind-msg');
    return m?.getAttribute('data-state') === 'error' && m.getAttribute('data-expression') === x;
  }, expression);
  const msg = (await page.$('#lc-wi-ind-msg'))!;
  return {
    text: (await msg.$eval('.lc-ind-text', (e) => e.textContent ?? '')),
    position: await msg.$eval('code.lc-expr', (e) => e.getAttribute('data-position')).catch(() => null),
  };
}

describe('city-county-column.xlsx, what-if worked through', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await browser.newContext({ locale: 'zh-CN', acceptDownloads: true, viewport: { width: 1280, height: 900 } });
    page = await open(context);
  });
  afterAll(() => context.close());

  it('shows the command\'s pace for every group and the county, with the target and deadline set', async () => {
    await page.fill('#lc-wi-target', '90');
    await page.locator('#lc-wi-target').dispatchEvent('change');
    await page.fill('#lc-wi-by', '2022-11');
    await page.locator('#lc-wi-by').dispatchEvent('change');
    await page.waitForSelector('[data-testid="whatif-timing"][data-by="2022-11"]');
    await whatifIdle(page);

    const report = cli(['--target', '0.9', '--by', '2022-11']);
    const sheet = report.files[0].sheets[0];
    // As of 2022-06-30, to November: 11 − 6 = 5 months.
    expect(await page.getAttribute('[data-testid="whatif-timing"]', 'data-months-left')).toBe('5');
    const rank = new Map(report.ranking.map((e) => [e.name, e.rank]));
    const want = [
      ...sheet.groups.map((g) => ({
        id: g.name,
        cells: {
          rank: { text: String(rank.get(g.name)), value: String(rank.get(g.name)) },
          ...expectedPace(g.whatif),
          toRankFirst: { text: money((g.whatif as GroupWhatif).toRankFirst ?? null, 'zh-CN'), value: n(g.whatif.toRankFirst) },
        },
      })),
      { id: '合计', cells: { rank: { text: '—', value: '' }, ...expectedPace(sheet.total.whatif), toRankFirst: { text: '', value: '' } } },
    ];
    expect(await rows(page, 'whatif-groups', 'data-group')).toEqual(want);
    // By hand (test/cli/whatif-golden.test.ts): 东昌府区 needs (0.9 × 312000 − 187200) / 5 = 18720 a month, 3.432亿元 more to rank first.
    const dong = (await rows(page, 'whatif-groups', 'data-group')).find((r) => r.id === '东昌府区')!;
    expect(dong.cells.requiredMonthly).toEqual({ text: '1.87亿元', value: '18720' });
    expect(dong.cells.toRankFirst).toEqual({ text: '3.43亿元', value: '34320' });
  });

  it('lists the projects off course first, by the pace they need, 20 at first and all on demand', async () => {
    const report = cli(['--target', '0.9', '--by', '2022-11']);
    const order = projectOrder(report.files[0].sheets[0].projects);
    const shown = await rows(page, 'whatif-projects', 'data-row');
    expect(shown.map((r) => Number(r.id))).toEqual(order.slice(0, PROJECT_ROWS).map((p) => p.row));
    shown.forEach((r, i) => expect(r.cells).toEqual(expectedPace(order[i].whatif)));
    await page.click('[data-testid="whatif-show-all"]');
    const all = await rows(page, 'whatif-projects', 'data-row');
    expect(all.map((r) => Number(r.id))).toEqual(order.map((p) => p.row));
    await page.click('[data-testid="whatif-show-all"]');
  });

  it('refuses an adjustment that names no project, in the command\'s words', async () => {
    await page.fill('#lc-wi-adj-key', '不存在的项目');
    await page.fill('#lc-wi-adj-value', '+100');
    await page.click('[data-testid="adjust-add"]');
    const error = await page.waitForSelector('[data-testid="adjust-error"]');
    const spec = '不存在的项目:annualPlan=+100';
    expect(await error.textContent()).toBe(whatifErrorMessage({ code: 'adjust-not-found', params: { spec, key: '不存在的项目' }, position: null }, 'zh-CN'));
    expect(await page.$('[data-testid="adjust-list"]')).toBeNull();
  });

  it('ranks the groups before and after adjustments by name and by code, as the command does', async () => {
    const add = async (key: string, field: string, value: string) => {
      await page.fill('#lc-wi-adj-key', key);
      await page.selectOption('#lc-wi-adj-field', field);
      await page.fill('#lc-wi-adj-value', value);
      await page.click('[data-testid="adjust-add"]');
    };
    await add('莘县光伏发电项目', 'completedYtd', '+10000');
    await page.waitForSelector('[data-testid="scenario"] tr[data-group="莘县"][data-rank-after="4"]');
    // 莘县 46800 + 10000 = 56800 of 120000 = 47.3 % passes 临清市 (46 %): 5th → 4th.
    const ranks = () => page.$$eval('[data-testid="scenario"] tbody tr', (trs) => trs.map((tr) => [
      tr.getAttribute('data-group'), Number(tr.getAttribute('data-rank-before')), Number(tr.getAttribute('data-rank-after')),
    ]));
    expect(await ranks()).toEqual([['阳谷县', 1, 1], ['东昌府区', 2, 2], ['冠县', 3, 3], ['莘县', 5, 4], ['临清市', 4, 5], ['高唐县', 6, 6]]);

    await add('2020-371526-87-03-519707', 'annualPlan', '-5000');
    await page.waitForSelector('[data-testid="adjust-list"][data-count="2"]');
    await whatifIdle(page);
    const sc = cli(['--target', '0.9', '--by', '2022-11', ...ADJUST.flatMap((a) => ['--adjust', a])]).whatif.scenario!;
    const before = new Map(sc.before.map((e) => [e.name, e]));
    const want = sc.after.map((e) => ({ group: e.name, rankBefore: String(before.get(e.name)!.rank), rankAfter: String(e.rank), rateBefore: n(before.get(e.name)!.completionRate), rateAfter: n(e.completionRate) }));
    const shown = await page.$$eval('[data-testid="scenario"] tbody tr', (trs) => trs.map((tr) => ({
      group: tr.getAttribute('data-group'), rankBefore: tr.getAttribute('data-rank-before'), rankAfter: tr.getAttribute('data-rank-after'),
      rateBefore: tr.getAttribute('data-rate-before'), rateAfter: tr.getAttribute('data-rate-after'),
    })));
    expect(shown).toEqual(want);
    // 高唐县: 蓝山's plan 15000 − 5000 → 51800 / 143000 = 36.2 %, still last.
    expect(await page.textContent('[data-testid="scenario"] tr[data-group="高唐县"] td')).toBe('35.0% → 36.2%');
    expect(await page.$$eval('[data-testid="adjust-list"] li', (els) => els.map((e) => e.getAttribute('data-spec'))))
      .toEqual(['莘县光伏发电项目:completedYtd=+10000', '2020-371526-87-03-519707:annualPlan=-5000']);
  });

  it('loads the formula engine in a worker only when the indicators are opened', async () => {
    expect(await page.evaluate(() => performance.getEntriesByType('resource').some((e) => /mathjs/.test(e.name)))).toBe(false);
    await page.click('#lc-wi-indicators > summary');
    await page.waitForSelector('[data-testid="indicator-engine"][data-mode="worker"]');
    const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    expect(loaded.some((u) => /\/chunks\/indicator-worker\.[0-9a-f]+\.js$/.test(u))).toBe(true);
  });

  it('computes indicators per project and group as the command does', async () => {
    await addIndicator(page, STRENGTH);
    await addIndicator(page, FUNDS);
    const report = cli(['--target', '0.9', '--by', '2022-11', ...ADJUST.flatMap((a) => ['--adjust', a]), '--indicator', STRENGTH, '--indicator', FUNDS]);
    const sheet = report.files[0].sheets[0];
    await page.click('[data-testid="whatif-show-all"]');
    const shown = new Map((await rows(page, 'whatif-projects', 'data-row')).map((r) => [Number(r.id), r.cells]));
    for (const p of sheet.projects) {
      const cells = shown.get(p.row)!;
      expect({ row: p.row, v: cells['ind:投资强度'].value, funds: cells['ind:资金到位率'] })
        .toEqual({ row: p.row, v: n(p.whatif.indicators!['投资强度']), funds: { text: '—', value: '' } }); // no 资金到位 column: no value
    }
    // The first project by hand: 33800 / 286000 × 100 = 11.818…
    expect(shown.get(5)!['ind:投资强度'].text).toBe('11.82');
    const groups = await rows(page, 'whatif-groups', 'data-group');
    for (const g of sheet.groups) expect(groups.find((r) => r.id === g.name)!.cells['ind:投资强度'].value).toBe(n(g.whatif.indicators!['投资强度']));
    // How each is written: 投资强度 over J and H as a formula in S; 资金到位率 as values in T.
    expect(await page.$$eval('[data-testid="indicator-list"] li [data-column]', (els) => els.map((e) => [e.getAttribute('data-column'), e.getAttribute('data-formula')])))
      .toEqual([['S', 'true'], ['T', 'false']]);
    await page.click('[data-testid="whatif-show-all"]');
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'whatif.png', { fullPage: true });
  });

  it('refuses code in an expression with the place it starts, and runs none of it', async () => {
    const cases: [string, Parameters<typeof whatifErrorMessage>[0]][] = [
      ['import({}, {override: true})', { code: 'indicator-not-allowed', params: { what: 'import' }, position: 1 }],
      ['cos.constructor("return 1")()', { code: 'indicator-syntax', params: { detail: 'Value expected' }, position: 29 }],
      ['cos.constructor("return 1")', { code: 'indicator-not-allowed', params: { what: 'Accessor' }, position: 4 }],
      ['anualPlan * 2', { code: 'indicator-unknown-field', params: { name: 'anualPlan', known: '' }, position: 1 }],
    ];
    for (const [expression, error] of cases) {
      const shown = await refusal(page, expression);
      expect(shown).toEqual({ text: whatifErrorMessage(error, 'zh-CN'), position: String(error.position) });
      await page.click('[data-testid="indicator-add"]');
      await page.waitForSelector('#lc-wi-ind-msg[data-state="error"]');
      expect(await page.$$eval('[data-testid="indicator-list"] li', (els) => els.length)).toBe(2);
    }
    // The unknown field's message lists the fields that are known.
    expect((await refusal(page, 'anualPlan * 2')).text).toContain('annualPlan  年度计划投资（万元）');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  });

  it('stops an expression too long or too deep at once, before the engine sees it', async () => {
    const long = `${'annualPlan+'.repeat(50)}1`; // 11 × 50 + 1 = 551 characters
    expect(await refusal(page, long)).toEqual({
      text: whatifErrorMessage({ code: 'indicator-too-long', params: { max: 500, length: 551 }, position: 501 }, 'zh-CN'), position: '501',
    });
    const deep = `${'('.repeat(25)}1${')'.repeat(25)}`;
    expect(await refusal(page, deep)).toEqual({
      text: whatifErrorMessage({ code: 'indicator-too-deep', params: { max: 20 }, position: 21 }, 'zh-CN'), position: '21',
    });
    await page.fill('#lc-wi-ind-name', '');
    await page.fill('#lc-wi-ind-expr', '');
  });

  it('writes the indicator columns into the copy: the command\'s copy, 投资强度 as a live formula', async () => {
    await page.click('[data-testid="write-indicators"]');
    const notice = await page.waitForSelector('.lc-pane[aria-busy="false"] [data-testid="notice"][data-kind="info"]');
    expect(await notice.textContent()).toBe(W.indicatorsWritten(2));
    // With the marks too, the copy is the one `ledger whatif --out` writes.
    await page.click('[data-testid="tab-check"]');
    await page.click('[data-testid="mark"]');
    await page.waitForSelector('.lc-pane[aria-busy="false"] [data-testid="notice"][data-kind="info"]');
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="download-workbook"]')]);
    const file = path.join(tmp, dl.suggestedFilename());
    await dl.saveAs(file);

    const out = fs.mkdtempSync(path.join(tmp, 'cli-'));
    let stdout = '';
    run(['whatif', FILE, '--json', '--out', out, '--indicator', STRENGTH, '--indicator', FUNDS], { stdout: (s) => (stdout += s), stderr: () => undefined, isTTY: false, today: TODAY, env: {} });
    const report = JSON.parse(stdout) as WhatifReport;
    const cellsOf = async (f: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(f);
      return wb.worksheets.map((ws) => {
        const cells: [string, unknown, string | undefined, unknown][] = [];
        ws.eachRow((row) => row.eachCell((c) => cells.push([c.address, c.formula ? c.result : c.value, c.formula, c.note])));
        return { name: ws.name, cells };
      });
    };
    expect(await cellsOf(file)).toEqual(await cellsOf(report.files[0].output as string));

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sheet = report.files[0].sheets[0];
    const ws = wb.getWorksheet(sheet.sheet)!;
    const headerRow = sheet.header.rows[sheet.header.rows.length - 1];
    expect(ws.getCell(`S${headerRow}`).value).toBe('指标：投资强度');
    expect(ws.getCell(`T${headerRow}`).value).toBe('指标：资金到位率');
    for (const p of sheet.projects) {
      const cell = ws.getCell(`S${p.row}`);
      expect(cell.formula).toBeTruthy();
      expect(cell.result).toBeCloseTo(p.whatif.indicators!['投资强度']!, 6);
    }
  });
});

describe('the what-if pages', () => {
  it('raised no script error', () => {
    expect(pageErrors).toEqual([]);
  });
});
