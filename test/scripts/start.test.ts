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
