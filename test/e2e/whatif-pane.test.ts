/**
 * The what-if tab inside Excel (taskpane.html against the strict Excel fake):
 * the same figures as on the page, the indicator worker started from the pane's
 * own origin under its Office CSP, indicators saved in the workbook's settings,
 * and the indicator columns written into the workbook as formulas.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { settingsFor } from '../../src/commands/commands';
import { SETTINGS_KEY } from '../../src/excel/settings';
import type { SavedSettings } from '../../src/taskpane/host';
import { analyseGrids } from '../../src/taskpane/model';
import { evaluateBatch } from '../../src/core/whatif/indicators';
import { plansWithIndicators, whatifReportOf, whatifScopes } from '../../src/taskpane/whatif/whatif-model';
import { readWorkbook } from '../../src/xlsx';
import { launchChromium } from './helpers/browser';
import { ensureBuild, ROOT } from './helpers/build';
import { buildFakeOffice, routeFakeOffice } from './helpers/fake-office';
import { serve, type StaticServer } from './helpers/server';
import type { FakeSetup } from './fake-office/entry';
import { plainGrid } from './fake-office/plain-grid';
import { figureFormula as F } from '../../src/core/plain-number';

const TODAY = '2022-07-15';
const DEF = { name: '投资强度', expression: 'completedYtd / totalInvestment * 100' };
const grids = readWorkbook(new Uint8Array(fs.readFileSync(path.join(ROOT, 'test/fixtures/xlsx/city-county-column.xlsx')))).sheets.map((s) => s.grid);

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

describe('the what-if tab in Excel', () => {
  let page: Page;

  beforeAll(async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 360, height: 1000 } });
    const setup: FakeSetup = { sheets: grids.map(plainGrid), displayLanguage: 'zh-CN' };
    await routeFakeOffice(context, server.origin, fakeOffice, setup, foreign);
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await page.clock.setFixedTime(new Date(`${TODAY}T10:00:00`));
    await page.goto(`${server.origin}/taskpane.html`);
    await page.click('[data-testid="check"]');
    await page.waitForSelector('.lc-pane[aria-busy="false"] [data-testid="summary"]');
    await page.click('[data-testid="tab-whatif"]');
    await page.waitForSelector('[data-testid="whatif"][aria-busy="false"] [data-testid="whatif-groups"]');
  });
  afterAll(() => page.context().close());

  it('shows the county\'s pace as the engine computes it', async () => {
    const { result, inputs } = analyseGrids(grids, settingsFor(null, 'zh-CN', TODAY));
    const total = whatifReportOf(result, inputs, '', { target: 1, adjustments: [] }).files[0].sheets[0].total.whatif;
    const shown = await page.$$eval('[data-testid="whatif-groups"] tr[data-total] td[data-key]', (tds) =>
      Object.fromEntries(tds.map((td) => [td.getAttribute('data-key'), td.getAttribute('data-value')])));
    // 60 projects: Σ plan 1180500, Σ done 619855 (6 months): (1180500 − 619855) / 6 = 93440.83… a month.
    expect(Number(shown.requiredMonthly)).toBeCloseTo((1180500 - 619855) / 6, 6);
    expect(shown).toMatchObject({ requiredMonthly: String(total.requiredMonthly), currentMonthly: String(total.currentMonthly), onCourse: String(total.onCourse) });
  });

  it('evaluates indicators in a worker of its own origin, saves them in the workbook and writes them as formulas', async () => {
    await page.click('#lc-wi-indicators > summary');
    await page.waitForSelector('[data-testid="indicator-engine"][data-mode="worker"]');
    await page.fill('#lc-wi-ind-name', DEF.name);
    await page.fill('#lc-wi-ind-expr', DEF.expression);
    await page.waitForSelector('#lc-wi-ind-msg[data-state="ok"]');
    await page.click('[data-testid="indicator-add"]');
    await page.waitForSelector('[data-testid="whatif"][aria-busy="false"] [data-testid="whatif-groups"] td[data-indicator="投资强度"]');
    const saved = JSON.parse((await page.evaluate((k) => window.__fake.wb.settings.get(k), SETTINGS_KEY)) as string) as SavedSettings;
    expect(saved.indicators).toEqual([DEF]);

    await page.click('[data-testid="write-indicators"]');
    await page.waitForSelector('.lc-pane[aria-busy="false"] [data-testid="notice"][data-kind="info"]');
    // What the pane must have written: the plan with the indicator column, made here as the engine makes it.
    const { result, inputs } = analyseGrids(grids, settingsFor(null, 'zh-CN', TODAY));
    const batch = evaluateBatch([DEF], whatifScopes(inputs));
    const plan = plansWithIndicators(result, inputs, { metas: batch.compiled.map((m) => m!), values: batch.values, source: 'workbook' }, 'zh-CN')[0];
    const S = 18; // column S, right after the tool's rank key in R
    const want = plan.cells.filter((c) => c.c === S).map((c) => [c.r, c.formula ?? c.value]);
    const got = await page.evaluate((col) => {
      const out: [number, unknown][] = [];
      for (const [k, cell] of window.__fake.wb.sheet('重点项目进展').cells) {
        if (k % 16384 === col) out.push([Math.floor(k / 16384), cell.formula ?? cell.value]);
      }
      return out.sort((a, b) => a[0] - b[0]);
    }, S);
    expect(got).toEqual(want);
    expect(got[0]).toEqual([plan.headerRow, '指标：投资强度']);
    // The first project reads its own row: completed in J, total in H, both in 万元.
    expect(got[1]).toEqual([4, `IFERROR(${F('J5')}/${F('H5')}*100,"")`]); // each figure read by plain-number.ts's rule
    expect(got).toHaveLength(1 + 60);
  });

  it('reached nothing beyond its origin and Office.js, and raised no script error', () => {
    expect(foreign).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
