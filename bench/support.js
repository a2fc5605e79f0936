'use strict';
/**
 * What the bench sections share: the compiled engine, generated ledger files,
 * child processes timed from the outside, and a little statistics.
 */
const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');
const { writeXlsx } = require('./generate');

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(__dirname, 'out');
const LIB = path.join(ROOT, 'lib');
/** The folders tsconfig.build.json compiles into lib/. */
const BUILD_INPUTS = ['src/core', 'src/i18n', 'src/xlsx', 'src/cli', 'tsconfig.json', 'tsconfig.build.json'];

/** A section that cannot run says why; the runner reports its figures as null. */
class Skip extends Error {}

function log(msg) {
  process.stderr.write(`bench: ${msg}\n`);
}

/** 25000 → "25k", 2500 → "2.5k", 800 → "800". */
function label(rows) {
  return rows >= 1000 ? `${rows / 1000}k` : String(rows);
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Least-squares line through (x, y): the slope is the cost per row, the intercept the fixed cost. */
function fitLine(points) {
  const n = points.length;
  if (n < 2) return null;
  const mx = points.reduce((a, p) => a + p[0], 0) / n;
  const my = points.reduce((a, p) => a + p[1], 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const [x, y] of points) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) * (x - mx);
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx };
}

function round(x, digits) {
  if (x === null || x === undefined || !Number.isFinite(x)) return null;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function newestMtime(p) {
  let stat;
  try {
    stat = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

function mtime(p) {
  try {
    return fs.statSync(p).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * Spawns a command and times it from spawn to exit. stdout goes to `stdoutFile`
 * when given, else is collected; stderr is collected (last 64 kB).
 */
function runTimed(cmd, args, opts = {}) {
  return new Promise((resolve) => {
    const stdio = ['ignore', 'pipe', 'pipe'];
    let fd = null;
    if (opts.stdoutFile) {
      fd = fs.openSync(opts.stdoutFile, 'w');
      stdio[1] = fd;
    }
    const t0 = process.hrtime.bigint();
    const child = spawn(cmd, args, { cwd: ROOT, stdio, env: { ...process.env, ...opts.env } });
    let stdout = '';
    let stderr = '';
    if (child.stdout) child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => {
      stderr = (stderr + d).slice(-65536);
      if (opts.echoStderr) process.stderr.write(d);
    });
    const timer = opts.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs) : null;
    const finish = (code, signal, error) => {
      if (timer) clearTimeout(timer);
      if (fd !== null) fs.closeSync(fd);
      resolve({ code, signal, error, wallS: Number(process.hrtime.bigint() - t0) / 1e9, stdout, stderr });
    };
    child.on('error', (e) => finish(null, null, e));
    child.on('close', (code, signal) => finish(code, signal, null));
  });
}

/** The last few lines of a child's stderr, for a one-line reason. */
function tail(text, lines = 3) {
  return text.trim().split('\n').slice(-lines).join(' | ');
}

let buildResult = null;
/** What the last build the bench ran gave, so a failed one is not rerun while nothing changed. */
const BUILD_STATE = path.join(OUT, 'build-state.json');

function readBuildState() {
  try {
    return JSON.parse(fs.readFileSync(BUILD_STATE, 'utf8'));
  } catch {
    return null;
  }
}

/**
 * Compiles src/ to lib/ (npm run build:cli) when lib/ is missing or older than
 * the sources. A failed build is reported; whatever lib/ holds may still load.
 */
async function ensureBuild() {
  if (buildResult) return buildResult;
  const stampFile = path.join(LIB, '.tsbuildinfo');
  const sources = Math.max(...BUILD_INPUTS.map((p) => newestMtime(path.join(ROOT, p))));
  const stamp = mtime(stampFile);
  if (stamp > 0 && stamp >= sources && fs.existsSync(path.join(LIB, 'core', 'analyze.js'))) {
    const state = readBuildState();
    buildResult = state && state.stamp === stamp && !state.ok ? { ok: false, built: false, reason: state.reason } : { ok: true, built: false };
    if (!buildResult.ok) log(`lib/ is up to date but its build failed: ${state.reason}`);
    return buildResult;
  }
  log(fs.existsSync(LIB) ? 'lib/ is older than src/: running npm run build:cli' : 'lib/ is missing: running npm run build:cli');
  const res = await runTimed('npm', ['run', '--silent', 'build:cli']);
  if (res.code === 0) {
    log(`build:cli done in ${res.wallS.toFixed(1)} s`);
    buildResult = { ok: true, built: true };
  } else {
    // tsc prints its errors on stdout; keep them off ours.
    const errors = `${res.stdout}\n${res.stderr}`.trim().split('\n').filter((l) => /error TS\d+/.test(l));
    log(`build:cli failed (exit ${res.code}), ${errors.length} error(s):`);
    for (const line of errors.slice(0, 8)) log(`  ${line}`);
    if (errors.length > 8) log(`  … and ${errors.length - 8} more`);
    buildResult = { ok: false, built: true, reason: `build:cli failed: ${errors[0] ?? tail(res.stdout + res.stderr)}` };
  }
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(BUILD_STATE, JSON.stringify({ stamp: mtime(stampFile), ok: buildResult.ok, reason: buildResult.reason ?? null }));
  return buildResult;
}

/** bench/out/ledger-<label>.xlsx, written once and again only when the generator changes. */
function ledgerFile(rows) {
  const file = path.join(OUT, `ledger-${label(rows)}.xlsx`);
  const generator = Math.max(...['ledger-rows.js', 'xlsx-writer.js'].map((f) => mtime(path.join(__dirname, f))));
  if (mtime(file) > generator) return file;
  const t0 = process.hrtime.bigint();
  const bytes = writeXlsx(rows, file);
  log(`generated ${path.relative(ROOT, file)}: ${(bytes / 1e6).toFixed(1)} MB in ${(Number(process.hrtime.bigint() - t0) / 1e9).toFixed(1)} s`);
  return file;
}

module.exports = { ROOT, OUT, LIB, Skip, log, label, median, fitLine, round, runTimed, tail, ensureBuild, ledgerFile, newestMtime };
