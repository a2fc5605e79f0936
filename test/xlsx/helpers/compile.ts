/**
 * Plain-Node runs of our code for timing: jest's module sandbox makes typed-array-heavy
 * code (fflate) several times slower, so speed is measured in a child Node process on
 * JavaScript transpiled here.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.resolve(__dirname, '../../..');

/** Transpiles the package layer and the test helpers into a temporary folder; returns it. */
export function transpile(): string {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-xlsx-js-'));
  // All of src/core and src/xlsx (whatever they import from each other), and our helpers.
  const tree = (dir: string): string[] => fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? tree(`${dir}/${d.name}`) : d.name.endsWith('.ts') ? [`${dir}/${d.name}`] : []);
  const files = [...tree('src/core'), ...tree('src/xlsx'), 'test/xlsx/helpers/big.ts', 'test/xlsx/helpers/craft.ts', 'test/xlsx/helpers/zip.ts'];
  for (const rel of files) {
    const js = ts.transpileModule(fs.readFileSync(path.join(ROOT, rel), 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    }).outputText;
    const dest = path.join(out, rel.replace(/\.ts$/, '.js'));
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    fs.writeFileSync(dest, js);
  }
  return out;
}

/** Runs a script in a fresh Node with the transpiled tree at `dir`; returns what it prints as JSON. */
export function runNode<T>(dir: string, script: string): T {
  const stdout = execFileSync(process.execPath, ['-e', script], {
    cwd: dir,
    env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules') },
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout.trim().split('\n').pop()!) as T;
}
