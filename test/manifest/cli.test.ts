import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const SCRIPT = path.join(ROOT, 'scripts', 'check-manifest.js');

function run(args: string[], nodeArgs: string[] = []) {
  return spawnSync(process.execPath, [...nodeArgs, SCRIPT, ...args], { cwd: ROOT, encoding: 'utf8' });
}

/** Writes `xml` as manifest.xml in a fresh folder, runs `fn` on its path, removes the folder. */
function withCopy<T>(xml: string, fn: (file: string, dir: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'manifest-'));
  try {
    const file = path.join(dir, 'manifest.xml');
    fs.writeFileSync(file, xml);
    return fn(file, dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const MANIFEST = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');

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
      // The XSD's Version pattern refuses it too, on the same line.
      expect(res.stdout).toMatch(new RegExp(`manifest.xml:${line}: error \\[schema-invalid\\] <Version>: "one" does not have the required form`));
      expect(res.stdout).toContain('2 error(s), 0 warning(s)');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports schema errors beside the hand checks, each at its line', () => {
    const xml = MANIFEST.replace('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>Everything</Permissions>');
    expect(xml).not.toBe(MANIFEST);
    const line = xml.split('\n').findIndex((l) => l.includes('<Permissions>')) + 1;
    const res = withCopy(xml, (file) => run([file, '--site-root', ROOT]));
    expect(res.status).toBe(1);
    // One hand rule and one schema rule see the same defect: 2 errors on one line.
    expect(res.stdout).toContain(`manifest.xml:${line}: error [bad-value] <Permissions> "Everything"`);
    expect(res.stdout).toContain(`manifest.xml:${line}: error [schema-invalid] <Permissions>: "Everything" is not one of Restricted,`);
    expect(res.stdout).toContain('2 error(s), 0 warning(s)');
  });

  it('fails with one plain line, no stack, when xmllint-wasm is not installed', () => {
    const res = withCopy(MANIFEST, (_file, dir) => {
      // Makes require('xmllint-wasm') fail as it does when the package is absent.
      const hide = path.join(dir, 'hide-xmllint.js');
      fs.writeFileSync(
        hide,
        [
          "const Module = require('module');",
          'const resolve = Module._resolveFilename;',
          'Module._resolveFilename = function (request, ...rest) {',
          "  if (request === 'xmllint-wasm') throw Object.assign(new Error(\"Cannot find module 'xmllint-wasm'\"), { code: 'MODULE_NOT_FOUND' });",
          '  return resolve.call(this, request, ...rest);',
          '};',
        ].join('\n'),
      );
      return run([], ['--require', hide]);
    });
    expect(res.status).toBe(1);
    expect(res.stdout).toContain('manifest.xml:1: error [schema-unavailable] cannot validate against schemas/manifest/*.xsd: the devDependency xmllint-wasm is not installed (run npm install)');
    expect(res.stdout).toContain('1 error(s), 0 warning(s)');
    expect(`${res.stdout}${res.stderr}`).not.toMatch(/\n\s+at /);
  });

  it('says what to do when the manifest is missing', () => {
    const res = run([path.join(ROOT, 'dist', 'no-such-manifest.xml')]);
    expect(res.status).toBe(2);
    expect(res.stderr).toContain('run npm run build first');
  });
});
