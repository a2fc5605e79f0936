/**
 * The WPS add-in folder for the browser tests: webpack.wps.js built into a cache
 * folder without minifying or type check (tsc does that), and without the step that
 * writes the jsplugins.xml entries into dist/wps (dist/ is left to `npm run build`);
 * plus the strict fake of WPS's ET object model bundled into one browser script.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type webpack from 'webpack';
import { cacheDir, ROOT, runWebpack } from './build';

const CACHE = cacheDir('ledger-e2e-wps');
const INPUTS = ['src', 'webpack.wps.js', 'tsconfig.json', 'tsconfig.web.json', 'package.json'];

function newest(p: string): number {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let t = st.mtimeMs;
  for (const e of fs.readdirSync(p)) t = Math.max(t, newest(path.join(p, e)));
  return t;
}

function fresh(): boolean {
  const out = path.join(CACHE, 'taskpane.html');
  if (!fs.existsSync(out)) return false;
  const sources = Math.max(...INPUTS.map((f) => path.join(ROOT, f)).filter((f) => fs.existsSync(f)).map(newest));
  return fs.statSync(out).mtimeMs >= sources;
}

/** The folder of the built add-in (index.html, main.js, ribbon.xml, taskpane.html…). */
export async function ensureWpsBuild(): Promise<string> {
  if (fresh()) return CACHE;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const configure = require(path.join(ROOT, 'webpack.wps.js')) as (env: unknown, argv: { mode: string }) => webpack.Configuration;
  const config = configure({}, { mode: 'production' });
  config.output = { ...config.output, path: CACHE };
  config.devtool = false;
  config.optimization = { ...config.optimization, minimize: false };
  config.plugins = (config.plugins ?? []).filter((p) => p?.constructor?.name !== 'WpsPackagePlugin');
  for (const rule of (config.module?.rules ?? []) as webpack.RuleSetRule[]) {
    if (rule.loader === 'ts-loader') rule.options = { ...(rule.options as Record<string, unknown>), transpileOnly: true };
  }
  await runWebpack(config);
  return CACHE;
}

/** test/e2e/fake-wps/entry.ts as one script for the page. */
export async function buildFakeWps(): Promise<string> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-fake-wps-'));
  await runWebpack({
    mode: 'development',
    devtool: false,
    target: ['web', 'es2017'],
    context: ROOT,
    entry: { 'fake-wps': './test/e2e/fake-wps/entry.ts' },
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
  const code = fs.readFileSync(path.join(out, 'fake-wps.js'), 'utf8');
  fs.rmSync(out, { recursive: true, force: true });
  return code;
}
