#!/usr/bin/env node
/**
 * Serves dist/ over https on port 3000 for sideloading the add-in.
 *   npm run build && npm run dev-server
 * Certificates, first found wins:
 *   1. ~/.office-addin-dev-certs/{localhost.crt,localhost.key} (what `npx office-addin-dev-certs install` makes)
 *   2. a localhost certificate and its own CA made there with the openssl CLI (trust ca.crt once)
 *   3. plain http, with a warning: Office will not load the add-in that way
 * Options: --root DIR (default dist), --port N (or PORT), --host H (or HOST, default localhost),
 * --watch (also run `webpack --watch --mode development`). LEDGER_CERT_DIR moves the cert folder.
 */
'use strict';

const fs = require('fs');
const http = require('http');
const https = require('https');
const os = require('os');
const path = require('path');
const { spawn, spawnSync } = require('child_process');

const ROOT = path.join(__dirname, '..');

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function parseArgs(argv) {
  const opts = {
    root: path.join(ROOT, 'dist'),
    port: Number(process.env.PORT || 3000),
    host: process.env.HOST || 'localhost',
    watch: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--root') opts.root = path.resolve(argv[++i]);
    else if (a === '--port') opts.port = Number(argv[++i]);
    else if (a === '--host') opts.host = argv[++i];
    else if (a === '--watch') opts.watch = true;
    else throw new Error(`unknown option ${a}`);
  }
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) throw new Error('the port must be a number from 0 to 65535');
  return opts;
}

function certDir() {
  return process.env.LEDGER_CERT_DIR || path.join(os.homedir(), '.office-addin-dev-certs');
}

function trustHelp(caFile) {
  return [
    `Trust ${caFile} once, then restart Excel or the browser:`,
    `  Windows: certutil -addstore -user Root "${caFile}"   (or open the file > Install Certificate > Trusted Root Certification Authorities)`,
    `  macOS:   sudo security add-trusted-cert -d -r trustRoot -k /Library/Keychains/System.keychain "${caFile}"`,
    `  Linux (Chrome/Chromium): certutil -d sql:$HOME/.pki/nssdb -A -t "C,," -n ledger-check-dev -i "${caFile}"`,
  ].join('\n');
}

function openssl(args, cwd) {
  const res = spawnSync('openssl', args, { cwd, encoding: 'utf8' });
  if (res.error || res.status !== 0) throw new Error((res.stderr || String(res.error)).trim().split('\n').pop());
}

/** A development CA and a localhost certificate it signs, written into dir. */
function makeCertificates(dir) {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const ca = path.join(dir, 'ledger-ca.cnf');
  const leaf = path.join(dir, 'ledger-localhost.cnf');
  // Config files rather than -addext, so LibreSSL on macOS takes them too.
  fs.writeFileSync(ca, [
    '[req]', 'distinguished_name = dn', 'prompt = no',
    '[dn]', 'CN = ledger-check Development CA',
    '[v3_ca]', 'basicConstraints = critical,CA:TRUE', 'keyUsage = critical,keyCertSign,cRLSign', 'subjectKeyIdentifier = hash',
  ].join('\n'));
  fs.writeFileSync(leaf, [
    'basicConstraints = CA:FALSE',
    'keyUsage = critical,digitalSignature,keyEncipherment',
    'extendedKeyUsage = serverAuth',
    'subjectAltName = DNS:localhost,IP:127.0.0.1,IP:::1',
  ].join('\n'));
  try {
    openssl(['req', '-x509', '-new', '-nodes', '-newkey', 'rsa:2048', '-sha256', '-days', '825',
      '-keyout', 'ca.key', '-out', 'ca.crt', '-config', ca, '-extensions', 'v3_ca'], dir);
    openssl(['req', '-new', '-nodes', '-newkey', 'rsa:2048', '-keyout', 'localhost.key', '-out', 'localhost.csr', '-subj', '/CN=localhost'], dir);
    // 397 days: the longest validity browsers accept for a server certificate.
    openssl(['x509', '-req', '-in', 'localhost.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial',
      '-out', 'localhost.crt', '-days', '397', '-sha256', '-extfile', leaf], dir);
  } finally {
    for (const f of [ca, leaf, path.join(dir, 'localhost.csr'), path.join(dir, 'ca.srl')]) fs.rmSync(f, { force: true });
  }
  fs.chmodSync(path.join(dir, 'ca.key'), 0o600);
  fs.chmodSync(path.join(dir, 'localhost.key'), 0o600);
}

/** { key, cert } for https, or null for the http fallback. */
function certificates() {
  const dir = certDir();
  const key = path.join(dir, 'localhost.key');
  const cert = path.join(dir, 'localhost.crt');
  if (fs.existsSync(key) && fs.existsSync(cert)) {
    console.log(`dev-server: using the certificate in ${dir}`);
    return { key: fs.readFileSync(key), cert: fs.readFileSync(cert) };
  }
  try {
    makeCertificates(dir);
  } catch (e) {
    console.warn(`dev-server: could not make a certificate with openssl (${e.message}).`);
    console.warn('dev-server: WARNING: serving plain http. Office loads add-ins over https only, so sideloading will fail.');
    console.warn('dev-server: fix: install openssl, or run `npx office-addin-dev-certs install`, then start again.');
    return null;
  }
  console.log(`dev-server: made a development CA and a localhost certificate in ${dir}`);
  console.log(trustHelp(path.join(dir, 'ca.crt')));
  return { key: fs.readFileSync(key), cert: fs.readFileSync(cert) };
}

/** The file for a request path under root, or null (missing, or outside root). */
function resolveFile(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return null;
  }
  let file = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  try {
    if (fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    return fs.statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

function handler(root) {
  return (req, res) => {
    const headers = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...headers, Allow: 'GET, HEAD' }).end();
      return;
    }
    const file = resolveFile(root, req.url || '/');
    if (!file) {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
      return;
    }
    const type = MIME[path.extname(file).toLowerCase()] || 'application/octet-stream';
    res.writeHead(200, { ...headers, 'Content-Type': type, 'Content-Length': fs.statSync(file).size });
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(file).pipe(res);
  };
}

function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`dev-server: ${e.message}`);
    process.exit(2);
  }
  if (opts.watch) {
    const cli = require.resolve('webpack-cli/bin/cli.js');
    spawn(process.execPath, [cli, '--watch', '--mode', 'development'], { cwd: ROOT, stdio: 'inherit' });
  } else if (!fs.existsSync(path.join(opts.root, 'manifest.xml'))) {
    console.error(`dev-server: ${opts.root} has no build yet: run \`npm run build\` first (or start with --watch).`);
    process.exit(2);
  }
  const tls = certificates();
  const server = tls ? https.createServer(tls, handler(opts.root)) : http.createServer(handler(opts.root));
  server.on('error', (e) => {
    console.error(e.code === 'EADDRINUSE'
      ? `dev-server: port ${opts.port} is in use; stop the other server or pass --port`
      : `dev-server: ${e.message}`);
    process.exit(1);
  });
  server.listen(opts.port, opts.host, () => {
    const { port } = server.address();
    const base = `${tls ? 'https' : 'http'}://localhost:${port}`;
    console.log(`dev-server: serving ${path.relative(process.cwd(), opts.root) || '.'} at ${base}/`);
    console.log(`dev-server: pane ${base}/taskpane.html, web page ${base}/web/index.html; Ctrl+C stops`);
    if (port !== 3000) console.log('dev-server: note: manifest.xml points at port 3000; build with ADDIN_ORIGIN to match this port.');
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
}

main();
