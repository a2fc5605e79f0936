'use strict';
/**
 * The web page in headless Chromium: from choosing a generated 10,000-row ledger in
 * the page's file picker to the pane's summary on screen (read, check and summary in
 * the page's worker, then drawn), timed inside the page with performance.now(); and the
 * size of the single page dist/ledger-check.html. The site is dist/ when `npm run build`
 * made it after the last change to a source, else a production build of the web page's
 * configurations into bench/out/web-site.
 */
const fs = require('fs');
const http = require('http');
const path = require('path');
const { OUT, ROOT, Skip, median, newestMtime, round, runTimed, tail } = require('../support');

const ROWS = 10000;
const DIST = path.join(ROOT, 'dist');
const SITE_OUT = path.join(OUT, 'web-site');
const SITE_INPUTS = ['src', 'assets', 'manifest.xml', 'webpack.config.js', 'tsconfig.json', 'tsconfig.web.json', 'package.json'];
const OUTPUTS = ['web/index.html', 'ledger-check.html'];
const SUMMARY = '.lc-pane[aria-busy="false"] [data-testid="summary"]';

function usableSite(site) {
  const outs = OUTPUTS.map((f) => path.join(site, f));
  if (!outs.every((f) => fs.existsSync(f))) return false;
  const built = Math.min(...outs.map((f) => fs.statSync(f).mtimeMs));
  return built >= Math.max(...SITE_INPUTS.map((f) => newestMtime(path.join(ROOT, f))));
}

async function site(ctx) {
  if (usableSite(DIST)) return DIST;
  if (usableSite(SITE_OUT)) return SITE_OUT;
  ctx.log('web: dist/ is missing or older than the sources: building the web page into bench/out/web-site (webpack, production)');
  const cli = require.resolve('webpack-cli/bin/cli.js', { paths: [ROOT] });
  const args = [cli, '--env', `outDir=${SITE_OUT}`, '--config-name', 'web', '--config-name', 'single-indicators', '--config-name', 'single'];
  const res = await runTimed(process.execPath, args, { timeoutMs: 10 * 60 * 1000, cwd: ROOT });
  if (res.code !== 0) throw new Skip(`webpack failed: ${tail(res.stderr || res.stdout, 4) || `exit ${res.code ?? res.signal}`}`);
  if (!usableSite(SITE_OUT)) throw new Skip('webpack wrote no web/index.html or ledger-check.html');
  return SITE_OUT;
}

/** Debian's Chromium when installed, else the one inside @sparticuz/chromium (as test/e2e/helpers/browser.ts). */
async function launch() {
  let chromium;
  try {
    ({ chromium } = require('playwright-core'));
  } catch {
    throw new Skip('playwright-core is not installed (npm install)');
  }
  const quiet = ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];
  if (fs.existsSync('/usr/bin/chromium')) return chromium.launch({ executablePath: '/usr/bin/chromium', args: quiet, headless: true });
  let sparticuz;
  try {
    sparticuz = require('@sparticuz/chromium');
  } catch {
    throw new Skip('no Chromium: neither /usr/bin/chromium nor @sparticuz/chromium');
  }
  const drop = ['--disable-web-security', '--allow-running-insecure-content', '--single-process'];
  const args = [...sparticuz.args.filter((a) => !a.startsWith('--headless') && !drop.includes(a)), ...quiet];
  return chromium.launch({ executablePath: await sparticuz.executablePath(), args, headless: true });
}

/** dist/web on 127.0.0.1, a free port. */
function serve(root) {
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };
  const server = http.createServer((req, res) => {
    let file = path.join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!file.startsWith(root) || !fs.existsSync(file)) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** One run on a fresh page: seconds from the picker's change event to the summary in the DOM, painted. */
async function timeOnce(browser, url, file) {
  const context = await browser.newContext({ locale: 'zh-CN' });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector('[data-testid="file-input"]', { state: 'attached' });
    await page.evaluate((selector) => {
      const w = window;
      w.__bench = {};
      document.querySelector('[data-testid="file-input"]').addEventListener('change', () => {
        w.__bench.t0 = performance.now();
      }, { capture: true });
      new MutationObserver((_m, obs) => {
        if (w.__bench.t0 !== undefined && document.querySelector(selector)) {
          obs.disconnect();
          // The next frame: the summary has been laid out and painted.
          requestAnimationFrame(() => { w.__bench.t1 = performance.now(); });
        }
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    }, SUMMARY);
    await page.setInputFiles('[data-testid="file-input"]', file);
    await page.waitForFunction(() => window.__bench.t1 !== undefined, null, { timeout: 120000 });
    const projects = Number(await page.getAttribute(`${SUMMARY} .lc-figure[data-key="projects"]`, 'data-value'));
    const ms = await page.evaluate(() => window.__bench.t1 - window.__bench.t0);
    return { s: ms / 1000, projects };
  } finally {
    await context.close();
  }
}

module.exports = {
  name: 'web',
  title: 'web page in headless Chromium: 10k-row ledger chosen → summary shown; the single page\'s size',
  keys() {
    return ['web.10k.s', 'web.singleFileKB'];
  },
  targets: {
    'web.10k.s': { lt: 1.5 },
    'web.singleFileKB': { lt: 1024 },
  },

  async run(ctx) {
    const root = await site(ctx);
    const single = fs.statSync(path.join(root, 'ledger-check.html')).size;
    ctx.log(`web: ${path.relative(ROOT, path.join(root, 'ledger-check.html'))}: ${(single / 1024).toFixed(1)} KB`);
    const file = ctx.ledgerFile(ROWS);
    const browser = await launch();
    const server = await serve(path.join(root, 'web'));
    try {
      const url = `http://127.0.0.1:${server.address().port}/`;
      // One untimed run: the browser's caches and JIT warm, as on a second file in a session.
      const warm = await timeOnce(browser, url, file);
      if (warm.projects < ROWS * 0.9) throw new Skip(`the page found ${warm.projects} projects of ${ROWS}`);
      const times = [];
      for (let i = 0; i < ctx.runs; i++) times.push((await timeOnce(browser, url, file)).s);
      ctx.log(`web: ${ROWS} rows, chosen → summary: ${times.map((t) => t.toFixed(2)).join(', ')} s (first, untimed: ${warm.s.toFixed(2)} s)`);
      return { 'web.10k.s': round(median(times), 2), 'web.singleFileKB': round(single / 1024, 1) };
    } finally {
      server.closeAllConnections();
      server.close();
      await browser.close();
    }
  },
};
