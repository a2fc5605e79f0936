/**
 * Builds the add-in and the web page into dist/:
 *   taskpane.html  the pane (src/taskpane/index.ts), Office.js from Microsoft's CDN
 *   commands.html  the ribbon's function file (src/commands/commands.ts)
 *   web/index.html the offline web page (src/web/index.ts), no Office.js
 *   assets/, manifest.xml (URLs rewritten to ADDIN_ORIGIN)
 * `npx webpack --mode development` for a readable build; production is the default.
 */
'use strict';

const fs = require('fs');
const path = require('path');
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

module.exports = (_env, argv = {}) => {
  const mode = argv.mode || 'production';
  let site;
  try {
    site = addinBase();
  } catch (e) {
    // A setting mistake, not a crash: one line, no stack.
    console.error(`build: ${e.message}`);
    process.exit(1);
  }
  const paneCss = optionalCss('src/taskpane/taskpane.css', 'taskpane.css');
  const webCss = optionalCss('src/web/web.css', 'web/web.css');
  const page = (template, filename, chunk, csp, stylesheet) =>
    new HtmlWebpackPlugin({ template, filename, chunks: [chunk], scriptLoading: 'defer', inject: 'head', csp, stylesheet });

  return {
    mode,
    // Excel 2019 on Windows runs add-ins in EdgeHTML 18: ES2017 is what it parses.
    target: ['web', 'es2017'],
    devtool: 'source-map', // eval-based maps would need 'unsafe-eval' in the CSP
    entry: {
      taskpane: './src/taskpane/index.ts',
      commands: './src/commands/commands.ts',
      web: './src/web/index.ts',
    },
    output: {
      path: path.join(ROOT, 'dist'),
      filename: (data) => (data.chunk.name === 'web' ? 'web/[name].[contenthash:8].js' : '[name].[contenthash:8].js'),
      chunkFilename: 'chunks/[name].[contenthash:8].js',
      publicPath: 'auto',
      clean: true,
    },
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
    plugins: [
      page('./src/taskpane/taskpane.html', 'taskpane.html', 'taskpane', OFFICE_CSP, paneCss && paneCss.to),
      page('./src/commands/commands.html', 'commands.html', 'commands', OFFICE_CSP, null),
      page('./src/web/index.html', 'web/index.html', 'web', WEB_CSP, webCss && 'web.css'),
      new CopyPlugin({
        patterns: [
          { from: 'assets', to: 'assets' },
          { from: 'manifest.xml', to: 'manifest.xml', transform: (content) => rewriteManifest(content.toString('utf8'), site) },
          ...[paneCss, webCss].filter(Boolean),
        ],
      }),
      new LazyMathjsPlugin(),
    ],
    stats: 'errors-warnings',
  };
};

module.exports.rewriteManifest = rewriteManifest;
module.exports.OFFICE_CSP = OFFICE_CSP;
module.exports.WEB_CSP = WEB_CSP;
