import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const SCRIPT = path.join(ROOT, 'scripts', 'check-manifest.js');

function run(args: string[]) {
  return spawnSync(process.execPath, [SCRIPT, ...args], { cwd: ROOT, encoding: 'utf8' });
}

describe('scripts/check-manifest.js', () => {
  it('passes the real manifest with exit code 0', () => {
    const res = run([]);
    expect(res.stdout).toContain('manifest.xml: OK');
    expect(res.status).toBe(0);
  });

  it('prints file:line and exits 1 for a broken copy', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'manifest-'));
    try {
      const xml = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8').replace('<Version>0.1.0.0</Version>', '<Version>one</Version>');
      const file = path.join(dir, 'manifest.xml');
      fs.writeFileSync(file, xml);
      const line = xml.split('\n').findIndex((l) => l.includes('<Version>one')) + 1;
      // The copy's folder has no assets/: the icons are looked for beside the repo's manifest.
      const res = run([file, '--site-root', ROOT]);
      expect(res.status).toBe(1);
      expect(res.stdout).toMatch(new RegExp(`manifest.xml:${line}: error \\[bad-version\\]`));
      expect(res.stdout).toContain('1 error(s), 0 warning(s)');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says what to do when the manifest is missing', () => {
    const res = run([path.join(ROOT, 'dist', 'no-such-manifest.xml')]);
    expect(res.status).toBe(2);
    expect(res.stderr).toContain('run npm run build first');
  });
});
