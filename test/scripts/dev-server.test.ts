import { spawn, spawnSync, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as https from 'https';
import * as os from 'os';
import * as path from 'path';

const SCRIPT = path.join(__dirname, '..', '..', 'scripts', 'dev-server.js');
const HAS_OPENSSL = spawnSync('openssl', ['version']).status === 0;

interface Started {
  child: ChildProcess;
  base: string;
  output: () => string;
}

/** Starts the server on a free port and resolves once it prints its address. */
function start(root: string, certDir: string, env: NodeJS.ProcessEnv = process.env): Promise<Started> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SCRIPT, '--root', root, '--port', '0'], {
      env: { ...env, LEDGER_CERT_DIR: certDir },
    });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no address printed:\n${out}`)), 30000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /serving .* at (https?:\/\/localhost:\d+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, base: m[1], output: () => out });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`exited ${code}:\n${out}`)));
  });
}

function get(url: string, ca?: Buffer): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const lib = url.startsWith('https:') ? https : http;
    lib
      .get(url, { ca, agent: false }, (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }));
      })
      .on('error', reject);
  });
}

describe('scripts/dev-server.js', () => {
  let dir: string;
  let server: Started | null = null;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dev-server-'));
    fs.mkdirSync(path.join(dir, 'dist', 'web'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'dist', 'manifest.xml'), '<OfficeApp/>');
    fs.writeFileSync(path.join(dir, 'dist', 'taskpane.html'), '<p>pane</p>');
    fs.writeFileSync(path.join(dir, 'dist', 'web', 'index.html'), '<p>web</p>');
    fs.writeFileSync(path.join(dir, 'secret.txt'), 'outside the root');
  });

  afterEach(async () => {
    const child = server?.child;
    server = null;
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      await exited;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  (HAS_OPENSSL ? it : it.skip)('makes a CA and a localhost certificate, and serves dist over https with it', async () => {
    const certs = path.join(dir, 'certs');
    server = await start(path.join(dir, 'dist'), certs);
    expect(server.base).toMatch(/^https:/);
    expect(server.output()).toContain('Trust');
    // Verifying against the made CA proves the chain and the localhost name.
    const ca = fs.readFileSync(path.join(certs, 'ca.crt'));
    const pane = await get(`${server.base}/taskpane.html`, ca);
    expect([pane.status, pane.type, pane.body]).toEqual([200, 'text/html; charset=utf-8', '<p>pane</p>']);
    expect((await get(`${server.base}/web/`, ca)).body).toBe('<p>web</p>');
    expect((await get(`${server.base}/%2e%2e/secret.txt`, ca)).status).toBe(404);
    expect((await get(`${server.base}/nothing.js`, ca)).status).toBe(404);
  }, 60000);

  it('falls back to http with a warning when no certificate can be had', async () => {
    // No openssl on PATH and an empty cert folder.
    server = await start(path.join(dir, 'dist'), path.join(dir, 'none'), { ...process.env, PATH: path.join(dir, 'no-bin') });
    expect(server.base).toMatch(/^http:/);
    expect(server.output()).toContain('WARNING: serving plain http');
    expect((await get(`${server.base}/taskpane.html`)).body).toBe('<p>pane</p>');
  }, 60000);

  it('asks for a build when dist is empty', () => {
    const res = spawnSync(process.execPath, [SCRIPT, '--root', path.join(dir, 'empty'), '--port', '0'], { encoding: 'utf8' });
    expect(res.status).toBe(2);
    expect(res.stderr).toContain('run `npm run build` first');
  });
});
