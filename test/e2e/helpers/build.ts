/**
 * The built site for the browser tests: dist/ when `npm run build` made it after
 * the last change to a source; otherwise the same webpack config built into a
 * cache folder without minifying, source maps or type check (tsc does that; none
 * changes what the code does), which takes a fraction of the time. dist/ itself
 * is left to `npm run build`. Test files run in parallel processes, so the build
 * is guarded by a lock.
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import webpack from 'webpack';

export const ROOT = path.join(__dirname, '..', '..', '..');
export const DIST = path.join(ROOT, 'dist');
/**
 * A key of this checkout's path: node_modules may be shared by several checkouts
 * (a linked node_modules, git worktrees), and each must build into a cache and take
 * a lock of its own, or one would test another's sources.
 */
export const CHECKOUT_KEY = crypto.createHash('sha1').update(path.resolve(ROOT)).digest('hex').slice(0, 10);
/** The cache folder `name` of this checkout under node_modules/.cache. */
export const cacheDir = (name: string): string => path.join(ROOT, 'node_modules', '.cache', `${name}-${CHECKOUT_KEY}`);
export const CACHE = cacheDir('ledger-e2e-site');
const INPUTS = ['src', 'assets', 'manifest.xml', 'webpack.config.js', 'tsconfig.json', 'tsconfig.web.json', 'package.json'];
const OUTPUTS = ['taskpane.html', 'web/index.html', 'ledger-check.html'];
const LOCK = path.join(os.tmpdir(), `ledger-check-e2e-build-${CHECKOUT_KEY}.lock`);
/** A lock older than this was left by a killed run. */
const STALE_LOCK_MS = 10 * 60 * 1000;

function newest(p: string): number {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let t = st.mtimeMs;
  for (const e of fs.readdirSync(p)) t = Math.max(t, newest(path.join(p, e)));
  return t;
}

export function buildIsFresh(dir: string): boolean {
  const outs = OUTPUTS.map((f) => path.join(dir, f));
  if (!outs.every((f) => fs.existsSync(f))) return false;
  const built = Math.min(...outs.map((f) => fs.statSync(f).mtimeMs));
  const sources = Math.max(...INPUTS.map((f) => path.join(ROOT, f)).filter((f) => fs.existsSync(f)).map(newest));
  return built >= sources;
}

export function runWebpack(config: webpack.Configuration | webpack.Configuration[]): Promise<void> {
  return new Promise((resolve, reject) => {
    webpack(config as webpack.Configuration, (err, stats) => {
      if (err) reject(err);
      else if (stats?.hasErrors()) reject(new Error(stats.toString('errors-only')));
      else resolve();
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function withLock<T>(f: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch {
      try {
        if (Date.now() - fs.statSync(LOCK).mtimeMs > STALE_LOCK_MS) fs.rmSync(LOCK, { recursive: true, force: true });
      } catch {
        // Gone in between: try again.
      }
      await sleep(250);
    }
  }
  try {
    return await f();
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}

/** The folder of an up-to-date build: dist/, or the cache, built first when stale. */
export function ensureBuild(): Promise<string> {
  return withLock(async () => {
    if (buildIsFresh(DIST)) return DIST;
    if (buildIsFresh(CACHE)) return CACHE;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const configure = require(path.join(ROOT, 'webpack.config.js')) as (env: unknown, argv: { mode: string }) => webpack.Configuration | webpack.Configuration[];
    const built = configure({}, { mode: 'production' });
    const config = Array.isArray(built) ? built : [built];
    for (const c of config) {
      // Each configuration keeps its place under the folder (dist/web → cache/web).
      const rel = path.relative(DIST, c.output?.path ?? DIST);
      // A scratch folder outside dist/ (the single page's indicator worker) stays where it is.
      if (!rel.startsWith('..')) c.output = { ...c.output, path: path.join(CACHE, rel) };
      c.devtool = false;
      c.optimization = { ...c.optimization, minimize: false };
      for (const rule of (c.module?.rules ?? []) as webpack.RuleSetRule[]) {
        if (rule.loader === 'ts-loader') rule.options = { ...(rule.options as Record<string, unknown>), transpileOnly: true };
      }
    }
    await runWebpack(config);
    return CACHE;
  });
}
