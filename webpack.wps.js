/**
 * Builds the WPS 表格 add-in into dist/wps/ (run after webpack.config.js, which cleans dist/):
 *   addin/                      the add-in folder for online mode, served from WPS_ADDIN_URL:
 *                               index.html → main.js (ribbon callbacks), ribbon.xml,
 *                               taskpane.html (the same pane over src/wps), images/
 *   jsplugins.xml, publish.xml  the online entry (<jspluginonline type="et" …/>) that WPS reads
 *                               from its jsaddons folder (publish.xml on newer builds)
 *   offline/ledger-check_<version>/ + offline/jsplugins.xml, offline/publish.xml
 *                               the same add-in as a folder to copy into jsaddons, with the
 *                               offline entry (<jsplugin … version=…/>), as wpsjs lays it out
 * WPS_ADDIN_URL: where addin/ is served (an intranet http or https address); default the
 * wpsjs debug server's http://127.0.0.1:3889/.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyPlugin = require('copy-webpack-plugin');

const ROOT = __dirname;
const OUT = path.join(ROOT, 'dist', 'wps');
const NAME = 'ledger-check';
const VERSION = require('./package.json').version;

/** The pane runs inside WPS's Chromium and loads nothing from elsewhere. */
const WPS_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function addinUrl() {
  const raw = (process.env.WPS_ADDIN_URL || 'http://127.0.0.1:3889/').trim();
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`WPS_ADDIN_URL "${raw}" is not a URL; expected e.g. http://intranet.example/ledger-check/`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`WPS_ADDIN_URL "${raw}" must be http or https`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

const xmlAttr = (s) => String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The entries WPS reads from jsaddons/jsplugins.xml (older builds) and publish.xml (newer ones). */
function onlineEntry(url) {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<jsplugins>\n  <jspluginonline name="${NAME}" type="et" url="${xmlAttr(url)}" enable="enable_dev" install="null" customDomain=""/>\n</jsplugins>\n`;
}

function offlineEntry(url) {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<jsplugins>\n  <jsplugin name="${NAME}" type="et" url="${xmlAttr(url)}" version="${VERSION}"/>\n</jsplugins>\n`;
}

function copyDir(from, to) {
  fs.mkdirSync(to, { recursive: true });
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    const a = path.join(from, e.name);
    const b = path.join(to, e.name);
    if (e.isDirectory()) copyDir(a, b);
    else fs.copyFileSync(a, b);
  }
}

class WpsPackagePlugin {
  constructor(url) {
    this.url = url;
  }

  apply(compiler) {
    compiler.hooks.afterEmit.tap('WpsPackagePlugin', () => {
      fs.writeFileSync(path.join(OUT, 'jsplugins.xml'), onlineEntry(this.url));
      fs.writeFileSync(path.join(OUT, 'publish.xml'), onlineEntry(this.url));
      const offline = path.join(OUT, 'offline');
      fs.rmSync(offline, { recursive: true, force: true });
      const folder = `${NAME}_${VERSION}`;
      copyDir(path.join(OUT, 'addin'), path.join(offline, folder));
      // The offline entry names the package by its folder; WPS loads jsaddons/<name>_<version>/.
      const packageUrl = `${this.url}${folder}.7z`;
      fs.writeFileSync(path.join(offline, 'jsplugins.xml'), offlineEntry(packageUrl));
      fs.writeFileSync(path.join(offline, 'publish.xml'), offlineEntry(packageUrl));
    });
  }
}

module.exports = (_env, argv = {}) => {
  let url;
  try {
    url = addinUrl();
  } catch (e) {
    console.error(`build: ${e.message}`);
    process.exit(1);
  }
  const css = fs.existsSync(path.join(ROOT, 'src/taskpane/taskpane.css'));
  const icon = (to) => ({ from: 'assets/icon-32.png', to: `images/${to}` });
  return {
    mode: argv.mode || 'production',
    target: ['web', 'es2017'],
    devtool: 'source-map',
    entry: { main: './src/wps/main.ts', taskpane: './src/wps/pane-entry.ts' },
    output: {
      path: path.join(OUT, 'addin'),
      // index.html loads main.js by that name (wpsjs's layout); the pane's bundle is hashed.
      filename: (data) => (data.chunk.name === 'main' ? 'main.js' : '[name].[contenthash:8].js'),
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
    performance: { assetFilter: (file) => file.endsWith('.js') && !file.startsWith('chunks/'), maxAssetSize: 700 * 1024, maxEntrypointSize: 700 * 1024 },
    plugins: [
      new HtmlWebpackPlugin({
        template: './src/wps/addin/taskpane.html', filename: 'taskpane.html', chunks: ['taskpane'],
        scriptLoading: 'defer', inject: 'head', csp: WPS_CSP, stylesheet: css ? 'taskpane.css' : null,
      }),
      new CopyPlugin({
        patterns: [
          { from: 'src/wps/addin/ribbon.xml', to: 'ribbon.xml' },
          { from: 'src/wps/addin/index.html', to: 'index.html' },
          icon('check.png'), icon('fill.png'), icon('pane.png'),
          ...(css ? [{ from: 'src/taskpane/taskpane.css', to: 'taskpane.css' }] : []),
        ],
      }),
      new WpsPackagePlugin(url),
    ],
    stats: 'errors-warnings',
  };
};

module.exports.onlineEntry = onlineEntry;
module.exports.offlineEntry = offlineEntry;
