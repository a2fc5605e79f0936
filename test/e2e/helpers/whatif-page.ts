/** The web page's 测算 tab, opened on a workbook, for the what-if browser tests. */
import type { BrowserContext, Page } from 'playwright-core';

/** Waits until the tab has finished its last computation. */
export const whatifIdle = (page: Page) => page.waitForSelector('[data-testid="whatif"][aria-busy="false"] [data-testid="whatif-groups"]');

/** A new page of `context` on the site's web page with `file` checked and the 测算 tab open; its errors go to `pageErrors`. */
export async function openWhatif(context: BrowserContext, site: string, file: string, pageErrors: string[]): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(`${site}/web/index.html`);
  await page.setInputFiles('[data-testid="file-input"]', file);
  await page.waitForSelector('.lc-pane[aria-busy="false"] [data-testid="summary"]');
  await page.click('[data-testid="tab-whatif"]');
  await whatifIdle(page);
  return page;
}
