'use strict';
/**
 * The add-in: the task pane's start-up JavaScript, gzipped, as a production
 * build serves it; and the context.sync() calls and payloads of the Office.js
 * adapter (src/excel) reading, writing and marking a generated 10,000-row ledger
 * in the strict fake Excel (test/fake-excel). Both are TypeScript outside what
 * lib/ holds, so the section transpiles them (and what they import) into
 * bench/out/addin-js with the TypeScript compiler's transpileModule.
 */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { OUT, ROOT, Skip, newestMtime, round, runTimed, tail } = require('../support');

const ROWS = 10000;
const CHILD = path.join(__dirname, 'addin-child.js');
const DIST = path.join(ROOT, 'dist');
const PANE_OUT = path.join(OUT, 'pane');
const JS_OUT = path.join(OUT, 'addin-js');
/** What the site is built from (as test/e2e/helpers/build.ts counts it). */
const SITE_INPUTS = ['src', 'assets', 'manifest.xml', 'webpack.config.js', 'tsconfig.json', 'tsconfig.web.json', 'package.json'];
const ENTRIES = ['src/excel/excel-host.ts', 'src/taskpane/model.ts', 'src/core/types.ts', 'test/fake-excel/index.ts'];
const MB = 1e6;

/** The scripts taskpane.html loads from the site itself (Office.js comes from Microsoft's CDN). */
function startupScripts(site) {
  const html = fs.readFileSync(path.join(site, 'taskpane.html'), 'utf8');
  return [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+\.js)"?/g)]
    .map((m) => m[1])
    .filter((src) => !/^https?:/.test(src))
    .map((src) => path.join(site, src));
}

/** A production build newer than every source; a development one keeps webpack's runtime names. */
function usableSite(site) {
  if (!fs.existsSync(path.join(site, 'taskpane.html'))) return false;
  const built = fs.statSync(path.join(site, 'taskpane.html')).mtimeMs;
  if (built < Math.max(...SITE_INPUTS.map((f) => newestMtime(path.join(ROOT, f))))) return false;
  const scripts = startupScripts(site);
  return scripts.length > 0 && scripts.every((f) => fs.existsSync(f) && !fs.readFileSync(f, 'utf8').includes('__webpack_require__'));
}

/** dist/ when `npm run build` made it after the last change; otherwise our own build in bench/out/pane. */
async function paneSite(ctx) {
  if (usableSite(DIST)) return DIST;
  if (usableSite(PANE_OUT)) return PANE_OUT;
  ctx.log('addin: dist/ is missing or older than the sources: building the site into bench/out/pane (webpack, production)');
  fs.rmSync(PANE_OUT, { recursive: true, force: true });
  const res = await runTimed(process.execPath, [CHILD, 'pane', PANE_OUT], { timeoutMs: 10 * 60 * 1000 });
  if (res.code !== 0) throw new Skip(`webpack failed: ${tail(res.stderr, 4) || `exit ${res.code ?? res.signal}`}`);
  ctx.log(`addin: site built in ${res.wallS.toFixed(0)} s`);
  if (!fs.existsSync(path.join(PANE_OUT, 'taskpane.html'))) throw new Skip('webpack wrote no taskpane.html');
  return PANE_OUT;
}

/** Sum of the start-up scripts, each gzipped on its own (as a server sends them), in KB of 1024 bytes. */
function paneFigures(site, ctx) {
  const files = startupScripts(site);
  if (files.length === 0) throw new Skip(`${path.relative(ROOT, site)}/taskpane.html loads no script of its own`);
  let gzip = 0;
  for (const f of files) {
    const n = zlib.gzipSync(fs.readFileSync(f)).length;
    gzip += n;
    ctx.log(`addin: ${path.relative(ROOT, f)}: ${(fs.statSync(f).size / 1024).toFixed(1)} KB, ${(n / 1024).toFixed(1)} KB gzipped`);
  }
  return { 'pane.gzipKB': round(gzip / 1024, 1) };
}

/**
 * Transpiles the entries and every module they require at run time (type-only
 * imports vanish in the output, so they are not followed) into outDir, keeping
 * the source tree's layout so relative requires still resolve.
 */
function transpileClosure(entries, outDir) {
  let ts;
  try {
    ts = require('typescript');
  } catch {
    throw new Skip('typescript is not installed (npm ci)');
  }
  const compilerOptions = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true };
  fs.rmSync(outDir, { recursive: true, force: true });
  const seen = new Set();
  const queue = entries.map((e) => path.join(ROOT, e));
  while (queue.length) {
    const file = queue.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    const { outputText } = ts.transpileModule(fs.readFileSync(file, 'utf8'), { compilerOptions, fileName: file });
    const out = path.join(outDir, path.relative(ROOT, file)).replace(/\.ts$/, '.js');
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, outputText);
    for (const m of outputText.matchAll(/require\("(\.{1,2}\/[^"]+)"\)/g)) {
      const base = path.resolve(path.dirname(file), m[1]);
      const found = [`${base}.ts`, path.join(base, 'index.ts')].find((f) => fs.existsSync(f));
      if (!found) throw new Skip(`${path.relative(ROOT, file)} requires ${m[1]}, which is no TypeScript source`);
      queue.push(found);
    }
  }
  return seen.size;
}

async function syncFigures(ctx) {
  const t0 = Date.now();
  const modules = transpileClosure(ENTRIES, JS_OUT);
  ctx.log(`addin: ${modules} modules transpiled into ${path.relative(ROOT, JS_OUT)} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const res = await runTimed(process.execPath, [CHILD, 'syncs', JS_OUT, String(ROWS)], { timeoutMs: 10 * 60 * 1000 });
  if (res.code !== 0) throw new Skip(`the adapter on the fake failed: ${tail(res.stderr, 4) || `exit ${res.code ?? res.signal}`}`);
  const data = JSON.parse(res.stdout.trim().split('\n').pop());
  if (data.projects < ROWS * 0.9) throw new Skip(`the pane's check found ${data.projects} projects of ${ROWS}`);
  const figures = {};
  for (const step of ['read', 'write', 'marks']) {
    const s = data[step];
    figures[`addin.${step}10k.syncs`] = s.syncs;
    figures[`addin.${step}10k.maxSyncMB`] = round(Math.max(s.maxRequest, s.maxResponse) / MB, 2);
    const refused = s.failed ? `, ${s.failed} refused and retried` : '';
    ctx.log(`addin: ${step}: ${s.syncs} syncs${refused}, largest request ${(s.maxRequest / MB).toFixed(2)} MB, response ${(s.maxResponse / MB).toFixed(2)} MB`);
  }
  ctx.log(`addin: ${data.cells} cells read, ${data.projects} projects, ${data.planCells} plan cells written`);
  return figures;
}

const SYNC_KEYS = ['read', 'write', 'marks'].flatMap((s) => [`addin.${s}10k.syncs`, `addin.${s}10k.maxSyncMB`]);

module.exports = {
  name: 'addin',
  title: 'add-in: the pane\'s start-up JavaScript gzipped; Office.js adapter on the strict fake Excel, 10k-row ledger',
  keys() {
    return ['pane.gzipKB', ...SYNC_KEYS];
  },
  targets: {
    'pane.gzipKB': { le: 300 },
    'addin.read10k.syncs': { le: 4 },
    'addin.write10k.syncs': { le: 4 },
    'addin.read10k.maxSyncMB': { lt: 4 },
    'addin.write10k.maxSyncMB': { lt: 4 },
    'addin.marks10k.maxSyncMB': { lt: 4 },
  },

  /** One half failing leaves the other's figures; only both failing skips the section. */
  async run(ctx) {
    const figures = {};
    const reasons = [];
    try {
      Object.assign(figures, paneFigures(await paneSite(ctx), ctx));
    } catch (e) {
      reasons.push(`pane: ${e instanceof Error ? e.message : e}`);
      ctx.log(`addin: pane.gzipKB not measured: ${reasons[reasons.length - 1]}`);
    }
    try {
      Object.assign(figures, await syncFigures(ctx));
    } catch (e) {
      reasons.push(`syncs: ${e instanceof Error ? e.message : e}`);
      ctx.log(`addin: sync figures not measured: ${reasons[reasons.length - 1]}`);
    }
    if (reasons.length === 2) throw new Skip(reasons.join('; '));
    return figures;
  },
};
