import { spawnSync } from 'child_process';
import * as path from 'path';

const SCRIPT = path.join(__dirname, '..', '..', 'scripts', 'start.js');

function start(platform: string) {
  return spawnSync(process.execPath, [SCRIPT, '--platform', platform], { encoding: 'utf8' });
}

describe('scripts/start.js', () => {
  it.each([
    ['linux', /Excel on the web works from a browser here/],
    ['win32', /Trusted Add-in Catalogs/],
    ['darwin', /Library\/Containers\/com\.microsoft\.Excel\/Data\/Documents\/wef/],
  ])('on %s prints the steps, points at TESTING.md and exits 0', (platform, text) => {
    const res = start(platform);
    expect(res.status).toBe(0);
    expect(res.stdout).toMatch(text);
    expect(res.stdout).toContain('TESTING.md');
    expect(res.stderr).toBe('');
  });
});

describe('scripts/stop.js', () => {
  const STOP = path.join(__dirname, '..', '..', 'scripts', 'stop.js');
  it.each([
    ['linux', /Nothing was sideloaded on this system/],
    ['win32', /Trusted Add-in Catalogs/],
    ['darwin', /Documents\/wef\/manifest\.xml/],
  ])('on %s prints how to undo npm start and exits 0', (platform, text) => {
    const res = spawnSync(process.execPath, [STOP, '--platform', platform], { encoding: 'utf8' });
    expect(res.status).toBe(0);
    expect(res.stdout).toMatch(text);
    expect(res.stderr).toBe('');
  });
});

describe('the Office tools npm start and npm stop hand over to', () => {
  it('are installed, keytar being the local stub (no native build)', () => {
    const root = path.join(__dirname, '..', '..');
    expect(() => require.resolve('office-addin-debugging/package.json', { paths: [root] })).not.toThrow();
    expect(() => require.resolve('office-addin-dev-certs/package.json', { paths: [root] })).not.toThrow();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const keytar = require(require.resolve('keytar/package.json', { paths: [root] })) as { version: string };
    expect(keytar.version).toMatch(/-stub\./);
  });

  it('office-addin-debugging runs: --help lists start and stop', () => {
    const root = path.join(__dirname, '..', '..');
    const cli = path.join(path.dirname(require.resolve('office-addin-debugging/package.json', { paths: [root] })), 'cli.js');
    const res = spawnSync(process.execPath, [cli, '--help'], { encoding: 'utf8' });
    expect(res.status).toBe(0);
    expect(res.stdout).toMatch(/\bstart\b/);
    expect(res.stdout).toMatch(/\bstop\b/);
  });
});
