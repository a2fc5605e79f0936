/**
 * The strict fake of Excel (test/fake-excel) bundled into one browser script,
 * served in place of Office.js so the real pane runs against it.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { BrowserContext } from 'playwright-core';
import type { FakeSetup } from '../fake-office/entry';
import { ROOT, runWebpack } from './build';

export async function buildFakeOffice(): Promise<string> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-fake-office-'));
  await runWebpack({
    mode: 'development',
    devtool: false,
    target: ['web', 'es2017'],
    context: ROOT,
    entry: { 'fake-office': './test/e2e/fake-office/entry.ts' },
    output: { path: out, filename: '[name].js', iife: true },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [{
        test: /\.ts$/,
        exclude: /node_modules/,
        loader: 'ts-loader',
        options: { configFile: path.join(ROOT, 'tsconfig.json'), transpileOnly: true },
      }],
    },
    stats: 'errors-only',
  });
  const code = fs.readFileSync(path.join(out, 'fake-office.js'), 'utf8');
  fs.rmSync(out, { recursive: true, force: true });
  return code;
}

/** Where the task pane loads Office.js from. */
export const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/**
 * Serves `fakeOffice` in place of Office.js, set up with `setup`, lets the site's own
 * requests through and aborts any other, recording its address in `foreign`.
 */
export async function routeFakeOffice(context: BrowserContext, site: string, fakeOffice: string, setup: FakeSetup, foreign: string[]): Promise<void> {
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS) {
      await route.fulfill({ contentType: 'text/javascript', body: `${fakeOffice}\n;window.__fakeExcelSetup(${JSON.stringify(setup)});` });
    } else if (url.startsWith(`${site}/`)) {
      await route.continue();
    } else {
      foreign.push(url);
      await route.abort();
    }
  });
}
