/**
 * Screenshots for the README: written to docs/screenshots/ when missing or when
 * UPDATE_SCREENSHOTS=1, otherwise to a temporary folder (a test run leaves the
 * tree as it was).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { ROOT } from './build';

const DOCS = path.join(ROOT, 'docs', 'screenshots');

export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  const docFile = path.join(DOCS, name);
  const update = process.env.UPDATE_SCREENSHOTS === '1' || !fs.existsSync(docFile);
  const file = update ? docFile : path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-shot-')), name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Fonts first: a screenshot taken before the CJK fonts load shows empty boxes.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.screenshot({ path: file, fullPage: options.fullPage ?? false, animations: 'disabled' });
  return file;
}
