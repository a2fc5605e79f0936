/**
 * Builds the add-in and the web page into dist/ (two configurations, one run):
 *   taskpane.html  the pane (src/taskpane/index.ts), Office.js from Microsoft's CDN
 *   commands.html  the ribbon's function file (src/commands/commands.ts)
 *   assets/, manifest.xml (URLs rewritten to ADDIN_ORIGIN)
 *   web/           the offline web page (src/web/index.ts), no Office.js: a folder that
 *                  stands alone (its own stylesheet, scripts and chunks, every path
 *                  relative to itself), so it can be copied to any folder of any server
 *   ledger-check.html  the same page as one file (scripts, styles and both workers inside),
 *                  to hand around on a USB stick or by e-mail and open from the disk
 * `npx webpack --mode development` for a readable build; production is the default.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const os = require('os');
const zlib = require('zlib');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyPlugin = require('copy-webpack-plugin');
const { WebpackError } = require('webpack');

const ROOT = __dirname;
const DEV_ORIGIN = 'https://localhost:3000';

/**
 * Where the add-in is served from: an https origin, optionally with a base
 * path (https://intranet.example/ledger). The manifest names it everywhere.
 */
function addinBase() {
  const raw = (process.env.ADDIN_ORIGIN || DEV_ORIGIN).trim().replace(/\/+$/, '');
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`ADDIN_ORIGIN "${raw}" is not a URL; expected e.g. https://intranet.example/ledger`);
  }
  if (url.protocol !== 'https:') throw new Error(`ADDIN_ORIGIN "${raw}" must use https: Office loads add-ins over https only`);
  if (url.search || url.hash) throw new Error(`ADDIN_ORIGIN "${raw}" must not have a query or fragment`);
  return { base: raw, origin: url.origin };
}

/** manifest.xml with every dev URL pointed at the real site; AppDomain takes the bare origin. */
function rewriteManifest(xml, { base, origin }) {
  return xml
    .split(`<AppDomain>${DEV_ORIGIN}</AppDomain>`).join(`<AppDomain>${origin}</AppDomain>`)
    .split(DEV_ORIGIN).join(base);
}

const OFFICE_CDN = 'https://appsforoffice.microsoft.com';

/** CSP of the pane and the function file: our scripts plus Office.js and what it loads. */
const OFFICE_CSP = [
  "default-src 'self'",
  `script-src 'self' ${OFFICE_CDN} https://ajax.aspnetcdn.com`,
  // Office.js sets inline styles on the pages it runs in.
  "style-src 'self' 'unsafe-inline'",
  `img-src 'self' data: blob: ${OFFICE_CDN}`,
  "font-src 'self' data:",
  `connect-src 'self' ${OFFICE_CDN}`,
  `frame-src 'self' ${OFFICE_CDN}`,
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

/** CSP of the web page: a dropped file is read locally and nothing leaves the page. */
const WEB_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'none'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Stylesheets are plain files the UI may add; linked only when present. */
function optionalCss(rel, to) {
  return fs.existsSync(path.join(ROOT, rel)) ? { from: rel, to } : null;
}

/**
 * The web page's stylesheet with the pane's styles in it instead of its
 * `@import url("../taskpane.css")`, which would point outside the page's folder.
 */
function webStylesheet() {
  const web = fs.readFileSync(path.join(ROOT, 'src/web/web.css'), 'utf8');
  const pane = fs.readFileSync(path.join(ROOT, 'src/taskpane/taskpane.css'), 'utf8');
  const inlined = web.replace(/@import\s+url\(["']?\.\.\/taskpane\.css["']?\)\s*;/, () => `/* The pane's styles (src/taskpane/taskpane.css). */\n${pane}\n`);
  if (/@import/.test(inlined)) throw new Error('src/web/web.css: an @import other than ../taskpane.css; the web page must stand alone');
  return inlined;
}

/** mathjs only in chunks loaded on demand: the pane and page must start without it. */
const LAZY_ONLY = /[\\/]node_modules[\\/]mathjs[\\/]/;

class LazyMathjsPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('LazyMathjsPlugin', (compilation) => {
      compilation.hooks.afterSeal.tap('LazyMathjsPlugin', () => {
        for (const chunk of compilation.chunks) {
          if (!chunk.canBeInitial()) continue;
          for (const module of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
            // Production concatenates modules: look inside the concatenation too.
            const parts = module.modules ? [...module.modules] : [module];
            if (parts.some((m) => m.resource && LAZY_ONLY.test(m.resource))) {
              compilation.errors.push(new WebpackError(
                `mathjs is in the start-up chunk "${chunk.name}": load the what-if code with import() so it stays a separate chunk`,
              ));
              return;
            }
          }
        }
      });
    });
  }
}

/** What every bundle shares: TypeScript through ts-loader, the target, the mathjs split. */
function common(mode) {
  return {
    mode,
    // Excel 2019 on Windows runs add-ins in EdgeHTML 18: ES2017 is what it parses.
    target: ['web', 'es2017'],
    devtool: 'source-map', // eval-based maps would need 'unsafe-eval' in the CSP
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          loader: 'ts-loader',
          options: { configFile: path.join(ROOT, 'tsconfig.web.json'), onlyCompileBundledFiles: true },
        },
      ],
    },
    optimization: {
      splitChunks: {
        cacheGroups: {
          mathjs: {
            test: /[\\/]node_modules[\\/](mathjs|decimal\.js|complex\.js|fraction\.js|typed-function|javascript-natural-sort|escape-latex|seedrandom|tiny-emitter|@babel[\\/]runtime)[\\/]/,
            name: 'mathjs',
            chunks: 'async',
            enforce: true,
          },
        },
      },
    },
    performance: {
      // The on-demand mathjs chunk is big by nature; the start-up bundles are what count.
      assetFilter: (file) => file.endsWith('.js') && !file.includes('mathjs'),
      maxAssetSize: 600 * 1024,
      maxEntrypointSize: 600 * 1024,
    },
    stats: 'errors-warnings',
  };
}

const page = (template, filename, chunk, csp, stylesheet) =>
  new HtmlWebpackPlugin({ template, filename, chunks: [chunk], scriptLoading: 'defer', inject: 'head', csp, stylesheet });

/** The add-in: pane, function file, assets and manifest into dist/. */
function addinConfig(mode, site, dist) {
  const paneCss = optionalCss('src/taskpane/taskpane.css', 'taskpane.css');
  return {
    ...common(mode),
    name: 'addin',
    entry: {
      taskpane: './src/taskpane/index.ts',
      commands: './src/commands/commands.ts',
    },
    output: {
      path: dist,
      filename: '[name].[contenthash:8].js',
      chunkFilename: 'chunks/[name].[contenthash:8].js',
      publicPath: 'auto',
      // web/ and the single page come from the other configurations of the same run.
      clean: { keep: /^(web[\\/]|ledger-check\.html$|wps[\\/])/ },
    },
    plugins: [
      page('./src/taskpane/taskpane.html', 'taskpane.html', 'taskpane', OFFICE_CSP, paneCss && paneCss.to),
      page('./src/commands/commands.html', 'commands.html', 'commands', OFFICE_CSP, null),
      new CopyPlugin({
        patterns: [
          { from: 'assets', to: 'assets' },
          { from: 'manifest.xml', to: 'manifest.xml', transform: (content) => rewriteManifest(content.toString('utf8'), site) },
          ...[paneCss].filter(Boolean),
        ],
      }),
      new LazyMathjsPlugin(),
    ],
  };
}

/** The web page into dist/web/, everything it loads inside that folder. */
function webConfig(mode, dist) {
  return {
    ...common(mode),
    name: 'web',
    entry: { web: './src/web/index.ts' },
    output: {
      path: path.join(dist, 'web'),
      filename: '[name].[contenthash:8].js',
      chunkFilename: 'chunks/[name].[contenthash:8].js',
      // Chunks and workers are found from the script's own URL: any folder, any base path.
      publicPath: 'auto',
      clean: true,
    },
    plugins: [
      page('./src/web/index.html', 'index.html', 'web', WEB_CSP, 'web.css'),
      new CopyPlugin({
        patterns: [{ from: 'src/web/web.css', to: 'web.css', transform: () => webStylesheet() }],
      }),
      new LazyMathjsPlugin(),
    ],
  };
}

/** The single page must stay small enough to mail. */
const SINGLE_MAX_BYTES = 1024 * 1024;
const SINGLE_NAME = 'ledger-check.html';

/** The CSP of the single page: WEB_CSP with the page's one script and one stylesheet named by hash. */
function singleCsp(scriptHash, styleHash) {
  return [
    "default-src 'none'",
    `script-src '${scriptHash}'`,
    `style-src '${styleHash}'`,
    'img-src data: blob:',
    "font-src 'none'",
    "connect-src 'none'",
    // Both workers start from blob: URLs made from text inside the page.
    'worker-src blob:',
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

const sha256 = (text) => `sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}`;

/** Inline script text that cannot end its element early; the same program to JavaScript. */
function inlineSafe(js) {
  const out = js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
  if (/<\/script|<!--/i.test(out)) throw new Error('the single page\'s script still contains </script or <!--');
  return out;
}

/** The single page from the bundle, the stylesheet and the packed indicator worker. */
function singlePage(js, css, indicatorsB64) {
  const script = inlineSafe(js);
  const style = css.replace(/<\/style/gi, '<\\/style');
  return [
    '<!doctype html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${singleCsp(sha256(script), sha256(style))}">`,
    '<meta name="referrer" content="no-referrer">',
    '<title>重点项目台账检查</title>',
    `<style>${style}</style>`,
    '</head>',
    '<body>',
    '<main id="app"></main>',
    '<noscript>台账检查需要启用 JavaScript。</noscript>',
    `<script type="application/octet-stream" id="lc-indicators">${indicatorsB64}</script>`,
    `<script id="lc-code">${script}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** Where the indicator worker of the single page is built before it is packed into the page. */
function singleScratch(dist) {
  const key = crypto.createHash('sha1').update(dist).digest('hex').slice(0, 10);
  return path.join(os.tmpdir(), `ledger-check-single-${key}`);
}

/** Replaces the page's emitted script with ledger-check.html, everything inside. */
class SinglePagePlugin {
  constructor(scratch) {
    this.scratch = scratch;
  }

  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('SinglePagePlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'SinglePagePlugin', stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, (assets) => {
        const scripts = Object.keys(assets).filter((f) => f.endsWith('.js'));
        if (scripts.length !== 1) {
          compilation.errors.push(new WebpackError(`the single page needs one script, the build made ${scripts.length}: ${scripts.join(', ')}`));
          return;
        }
        const worker = fs.readFileSync(path.join(this.scratch, 'indicators.js'));
        const packed = zlib.deflateRawSync(worker, { level: 9 }).toString('base64');
        const html = singlePage(assets[scripts[0]].source().toString(), webStylesheet(), packed);
        for (const f of Object.keys(assets)) compilation.deleteAsset(f);
        const bytes = Buffer.byteLength(html);
        // Only a minified build is held to the limit (the tests build without minifying, to be quick).
        if (bytes >= SINGLE_MAX_BYTES && compilation.options.optimization.minimize !== false) {
          compilation.errors.push(new WebpackError(`${SINGLE_NAME} is ${Math.round(bytes / 1024)} KB, over the 1 MB it must stay under`));
        }
        // Already final: a minimizer that rewrote it would break the hashes in its CSP.
        compilation.emitAsset(SINGLE_NAME, new sources.RawSource(html), { minimized: true });
      });
    });
  }
}

const single = (rel) => path.join(ROOT, 'src/web', rel);

/** The indicator worker with mathjs, as one script, for the single page to carry. */
function singleIndicatorsConfig(mode, dist) {
  const base = common(mode);
  return {
    ...base,
    name: 'single-indicators',
    target: ['webworker', 'es2017'],
    devtool: false,
    entry: { indicators: './src/taskpane/whatif/whatif-worker.ts' },
    output: { path: singleScratch(dist), filename: '[name].js', publicPath: '', clean: true },
    optimization: { splitChunks: false },
    performance: { hints: false },
    plugins: [new (require('webpack').optimize.LimitChunkCountPlugin)({ maxChunks: 1 })],
  };
}

/** The page as dist/ledger-check.html: one script that is page and check worker both. */
function singleConfig(mode, dist) {
  const webpack = require('webpack');
  const base = common(mode);
  return {
    ...base,
    name: 'single',
    dependencies: ['single-indicators'],
    devtool: false,
    entry: { single: './src/web/single-entry.js' },
    output: { path: dist, filename: '[name].js', publicPath: '', clean: false },
    optimization: { splitChunks: false },
    performance: { hints: false },
    plugins: [
      new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }),
      new webpack.NormalModuleReplacementPlugin(/[\\/]start-worker(\.js)?$/, (res) => {
        if (/[\\/]src[\\/]web$/.test(res.context)) res.request = single('single-start-worker.js');
      }),
      new webpack.NormalModuleReplacementPlugin(/whatif-start-worker(\.js)?$/, (res) => {
        res.request = single('single-start-indicator-worker.js');
      }),
      // The page's own fallback for indicators would pull mathjs into the page: left out here.
      new webpack.NormalModuleReplacementPlugin(/core[\\/]whatif[\\/]indicators$/, (res) => {
        if (/whatif-controller\.ts$/.test(res.contextInfo.issuer || '')) res.request = single('single-no-pane-indicators.js');
      }),
      new SinglePagePlugin(singleScratch(dist)),
    ],
  };
}

/** Reads ADDIN_ORIGIN; a setting mistake is one line and exit 1, not a stack. */
function siteOrExit() {
  try {
    return addinBase();
  } catch (e) {
    console.error(`build: ${e.message}`);
    process.exit(1);
  }
}

/** `webpack --env outDir=<folder>` builds into another folder than dist/ (the layout inside is the same). */
module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || 'production';
  const site = siteOrExit();
  const dist = env.outDir ? path.resolve(env.outDir) : path.join(ROOT, 'dist');
  return [addinConfig(mode, site, dist), webConfig(mode, dist), singleIndicatorsConfig(mode, dist), singleConfig(mode, dist)];
};

module.exports.rewriteManifest = rewriteManifest;
module.exports.webStylesheet = webStylesheet;
module.exports.singleCsp = singleCsp;
module.exports.SINGLE_NAME = SINGLE_NAME;
module.exports.OFFICE_CSP = OFFICE_CSP;
module.exports.WEB_CSP = WEB_CSP;
