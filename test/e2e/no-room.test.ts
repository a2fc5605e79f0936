/**
 * The web page in headless Chromium with a sheet whose header reaches Excel's
 * last column (XFD): the check and 填写计算列 say, in a sentence, that the sheet
 * gets no computed columns (what `ledger check` says on stderr), never a stack.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { paneStrings } from '../../src/taskpane/strings';
import { readWorkbook } from '../../src/xlsx';
import { launchChromium } from './helpers/browser';
import { ensureBuild, ROOT } from './helpers/build';
import { serve, type StaticServer } from './helpers/server';

const T = paneStrings('zh-CN');
const SHEET_XML = 'xl/worksheets/sheet1.xml';

/** far-cell.xlsx (header A3:G3, a value in XFD20) with XFD3 filled too: the header spans A..XFD. */
function noRoomWorkbook(dir: string): { file: string; sheet: string } {
  const all = unzipSync(new Uint8Array(fs.readFileSync(path.join(ROOT, 'test/fixtures/bad/far-cell.xlsx'))));
  const xml = strFromU8(all[SHEET_XML]);
  const edited = xml.replace('</c></row><row r="4">', '</c><c r="XFD3"><v>9</v></c></row><row r="4">');
  expect(edited).not.toBe(xml);
  const bytes = zipSync({ ...all, [SHEET_XML]: strToU8(edited) });
  const file = path.join(dir, 'no-room.xlsx');
  fs.writeFileSync(file, bytes);
  return { file, sheet: readWorkbook(bytes).sheets[0].name };
}

let server: StaticServer;
let browser: Browser;
let tmp: string;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-no-room-e2e-'));
  server = await serve(await ensureBuild());
  browser = await launchChromium();
  const context = await browser.newContext({ locale: 'zh-CN' });
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(`${server.origin}/web/index.html`);
}, 240000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

const noticeLines = (): Promise<string[]> => page.$$eval('[data-testid="notice"] .lc-notice-text', (els) => els.map((e) => (e.textContent ?? '').trim()));

describe('a sheet with no room for the computed columns, on the web page', () => {
  let sheet = '';

  it('says so as soon as the check is done', async () => {
    const made = noRoomWorkbook(tmp);
    sheet = made.sheet;
    await page.setInputFiles('[data-testid="file-input"]', made.file);
    await page.waitForSelector('.lc-pane[aria-busy="false"] [data-testid="summary"]');
    const notice = await page.waitForSelector('[data-testid="notice"][data-kind="warning"]');
    expect(await notice.getAttribute('role')).toBe('alert');
    const lines = await noticeLines();
    expect(lines.length).toBe(2);
    expect(lines[0]).toMatch(/^检查完成/);
    expect(lines[1]).toBe(T.noRoom(sheet));
  });

  it('says so again after 填写计算列, with a plain sentence and no stack', async () => {
    await page.click('[data-testid="fill"]');
    await page.waitForSelector('.lc-pane[aria-busy="false"] [data-testid="notice"][data-kind="warning"] .lc-notice-text');
    // One ledger sheet: 填写计算列 covers 1 sheet, which gets no computed columns.
    expect(await noticeLines()).toEqual([T.fillDone(1), T.noRoom(sheet)]);
    const text = (await page.textContent('[data-testid="notice"]')) ?? '';
    expect(text).not.toMatch(/Error|\bat \w|\.ts:\d/);
    expect(pageErrors).toEqual([]);
  });
});
