/** Running the command in-process and as a child, and proving that files were left alone. */
import { spawnSync, type SpawnSyncReturns } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/cli/commands';

export const ROOT = path.resolve(__dirname, '..', '..');
export const BAD_DIR = path.join(ROOT, 'test', 'fixtures', 'bad');
export const TODAY = '2022-07-15';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `ledger <argv>` in this process, output captured. */
export function runCli(argv: string[], env: NodeJS.ProcessEnv = {}): CliResult {
  let stdout = '';
  let stderr = '';
  const code = run(argv, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    isTTY: false,
    today: TODAY,
    env,
  });
  return { code, stdout, stderr };
}

export function tempDir(label: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `ledger-${label}-`));
}

export function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** Every file under `dir` (relative path → sha-256), or empty when it does not exist. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!fs.existsSync(dir)) return out;
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[path.relative(dir, p)] = sha256(p);
    }
  };
  walk(dir);
  return out;
}

/** stderr split into lines, the last newline dropped. */
export function lines(s: string): string[] {
  return s.split('\n').filter((l, i, all) => l !== '' || i < all.length - 1);
}

/** Is the compiled command (lib/, from `npm run build:cli`) as new as the sources it comes from? */
export function builtCliIsFresh(): boolean {
  const lib = path.join(ROOT, 'lib', 'cli', 'commands.js');
  if (!fs.existsSync(lib)) return false;
  // tsc re-emits only what changed; its build info is written on every build.
  const info = path.join(ROOT, 'lib', '.tsbuildinfo');
  const built = Math.max(fs.statSync(lib).mtimeMs, fs.existsSync(info) ? fs.statSync(info).mtimeMs : 0);
  const newest = (dir: string): number => {
    let m = 0;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      m = Math.max(m, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
    }
    return m;
  };
  return ['core', 'i18n', 'xlsx', 'cli'].every((d) => newest(path.join(ROOT, 'src', d)) <= built);
}

// Test files run in parallel processes: one builds lib/ while the others wait, so that no
// child runs bin/ledger.js on half-written files.
const BUILD_LOCK = path.join(os.tmpdir(), `ledger-check-cli-build-${crypto.createHash('sha1').update(ROOT).digest('hex').slice(0, 8)}.lock`);
const STALE_LOCK_MS = 5 * 60 * 1000;

function sleepMs(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Builds lib/ when it is missing or older than src/ (the child-process tests run bin/ledger.js). */
export function ensureBuiltCli(): void {
  for (;;) {
    try {
      fs.mkdirSync(BUILD_LOCK);
      break;
    } catch {
      try {
        if (Date.now() - fs.statSync(BUILD_LOCK).mtimeMs > STALE_LOCK_MS) fs.rmSync(BUILD_LOCK, { recursive: true, force: true });
      } catch {
        // Released in between: try again.
      }
      sleepMs(100);
    }
  }
  try {
    if (builtCliIsFresh()) return;
    const res = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, encoding: 'utf8' });
    // Type errors are npm test's typecheck to report; what matters here is that lib/ was written.
    if (res.status !== 0 && !builtCliIsFresh()) throw new Error(`npm run build:cli failed:\n${res.stdout}${res.stderr}`);
  } finally {
    fs.rmSync(BUILD_LOCK, { recursive: true, force: true });
  }
}

export interface ChildResult extends SpawnSyncReturns<string> {
  /** Peak resident set size of the child, in MB (from process.resourceUsage at exit). */
  maxRssMb: number | null;
}

/**
 * `node bin/ledger.js <argv>` as a child process, with a hook preloaded that records the
 * child's peak memory at exit. `timeout` kills it (a hang shows as `signal: 'SIGTERM'`).
 */
export function runChild(argv: string[], options: { timeout: number; env?: NodeJS.ProcessEnv; maxOldSpaceMb?: number; preload?: string[] }): ChildResult {
  const rssFile = path.join(tempDir('rss'), 'rss.json');
  const hook = path.join(ROOT, 'bench', 'sections', 'rss-hook.js');
  const nodeArgs = ['-r', hook];
  for (const p of options.preload ?? []) nodeArgs.push('-r', p);
  if (options.maxOldSpaceMb) nodeArgs.push(`--max-old-space-size=${options.maxOldSpaceMb}`);
  const res = spawnSync(process.execPath, [...nodeArgs, path.join(ROOT, 'bin', 'ledger.js'), ...argv], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: options.timeout,
    env: { ...process.env, LEDGER_LANG: 'zh-CN', ...options.env, BENCH_RSS_FILE: rssFile },
  });
  let maxRssMb: number | null = null;
  if (fs.existsSync(rssFile)) maxRssMb = (JSON.parse(fs.readFileSync(rssFile, 'utf8')) as { maxRssKB: number }).maxRssKB / 1024;
  fs.rmSync(path.dirname(rssFile), { recursive: true, force: true });
  return { ...res, maxRssMb };
}
