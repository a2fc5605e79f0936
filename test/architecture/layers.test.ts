/**
 * The layer rules (.dependency-cruiser.cjs) run on a scratch copy of src/: the clean tree
 * passes, and each deliberate breach fails with the rule that names it, on a line naming the
 * file it was put in. This is what keeps the rule file honest: a rule that never fires would
 * pass the clean tree too. One copy, two runs: the clean tree, then every breach at once.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

interface Outcome { status: number; out: string }

function cruise(dir: string): Outcome {
  try {
    const out = execFileSync(process.execPath, [CLI, 'src', '--config', '.dependency-cruiser.cjs', '--output-type', 'err'], {
      cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { status: 0, out };
  } catch (e) {
    const err = e as { status?: number; stdout?: string; stderr?: string };
    return { status: err.status ?? -1, out: `${err.stdout ?? ''}${err.stderr ?? ''}` };
  }
}

let scratch: string;

beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'layers-'));
  fs.cpSync(path.join(ROOT, 'src'), path.join(scratch, 'src'), { recursive: true });
  for (const f of ['.dependency-cruiser.cjs', 'tsconfig.json', 'package.json']) {
    fs.copyFileSync(path.join(ROOT, f), path.join(scratch, f));
  }
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(scratch, 'node_modules'), 'dir');
});

afterAll(() => {
  fs.rmSync(scratch, { recursive: true, force: true });
});

test('the tree as it is passes the layer rules', () => {
  const r = cruise(scratch);
  expect(r.out).not.toMatch(/error/);
  expect(r.status).toBe(0);
});

const BREACHES: [file: string, line: string, rule: string][] = [
  // The hole of the old lint patterns: '**/xlsx/**' never matched the bare door '../xlsx'.
  ['src/core/grid.ts', "import '../xlsx';", 'core-imports-only-core'],
  ['src/core/grid.ts', "import { readWorkbook } from '../xlsx/read';", 'core-imports-only-core'],
  ['src/core/header/units.ts', "import * as fs from 'fs';", 'core-no-node'],
  ['src/core/grid.ts', "import { unzipSync } from 'fflate';", 'core-packages'],
  ['src/core/grid.ts', '/// <reference types="office-js" />', 'office-only-in-excel'],
  ['src/xlsx/read/sheet-grid.ts', "import { toA1 } from '../../core/header/find-header';", 'xlsx-core-through-doors'],
  ['src/xlsx/read/sheet-grid.ts', "import { escapeText } from '../xml/text-spans';", 'xlsx-stage-door'],
  ['src/xlsx/read/sheet-grid.ts', "import { parseSettings } from '../../excel/settings';", 'xlsx-not-hosts'],
  ['src/cli/cli.ts', "import { readZipDirectory } from '../xlsx/zip';", 'xlsx-door-from-outside'],
  // saxes is a devDependency (the manifest checker's parser, the tests' oracle): nothing shipped imports it.
  ['src/xlsx/read/sheet-grid.ts', "import { SaxesParser } from 'saxes';", 'shipped-no-dev-deps'],
  ['src/taskpane/model.ts', "import { WebHost } from '../web/web-host';", 'web-only-from-web'],
  // The stage order zip ← xml ← package ← read ← write ← patch: each import below points up.
  ['src/xlsx/zip/crc32.ts', "import { scanAttrs } from '../xml';", 'xlsx-stage-order-zip'],
  ['src/xlsx/xml/cell-types.ts', "import { NS_MAIN } from '../package';", 'xlsx-stage-order-xml'],
  ['src/xlsx/package/date-serials.ts', "import { readWorkbook } from '../read';", 'xlsx-stage-order-package'],
  ['src/xlsx/read/sheet-grid.ts', "import { applyPlans } from '../patch';", 'xlsx-stage-order-read'],
  ['src/xlsx/write/cell-xml.ts', "import type { StylesPatch } from '../patch';", 'xlsx-stage-order-write'],
  ['src/xlsx/read/sheet-grid.ts', "import { checkWorkbook } from '../check-workbook';", 'xlsx-stages-not-the-top'],
  // src/xlsx/zip/crc32.ts imports nothing, so a runtime import back from it closes a loop.
  ['src/xlsx/zip/crc32.ts', "import { writeZip } from './zip-write';", 'no-cycles'],
];

interface Violation { rule: string; from: string; to: string }

/**
 * The violations of an `err` report: `error rule: from → to`, a cycle's further modules on
 * the lines after it (its `to` is then the module after `from`).
 */
function violations(out: string): Violation[] {
  const found: Violation[] = [];
  let open: Violation | null = null;
  for (const raw of out.split('\n')) {
    const head = /^\s*error ([\w-]+): (\S+) →\s*(\S*)/.exec(raw);
    if (head) {
      open = { rule: head[1], from: head[2], to: head[3] };
      found.push(open);
    } else if (open && open.to === '' && raw.trim() !== '') {
      open.to = raw.trim().replace(/\s*→$/, '');
    } else open = null;
  }
  return found;
}

/** True when `to` is what the import in `line`, put in `file`, resolves to: the breach's own edge, not another one's. */
function isTarget(file: string, line: string, to: string): boolean {
  const spec = /(?:from |import |types=)['"]([^'"]+)['"]/.exec(line)?.[1] ?? '';
  if (!spec.startsWith('.')) return to === spec || to.includes(`node_modules/${spec}/`);
  const resolved = path.posix.join(path.posix.dirname(file), spec);
  return to === resolved || to === `${resolved}.ts` || to === `${resolved}/index.ts`;
}

/** Every breach at the top of its file in the scratch copy (a `///` reference first, as it must be), checked in one run. */
function withAllBreaches(): Outcome {
  const byFile = new Map<string, string[]>();
  for (const [file, line] of BREACHES) byFile.set(file, [...(byFile.get(file) ?? []), line]);
  for (const [file, lines] of byFile) {
    const full = path.join(scratch, file);
    const refs = lines.filter((l) => l.startsWith('///'));
    const rest = lines.filter((l) => !l.startsWith('///'));
    fs.writeFileSync(full, `${[...refs, ...rest].join('\n')}\n${fs.readFileSync(full, 'utf8')}`);
  }
  return cruise(scratch);
}

describe('deliberate breaches', () => {
  let breached: Outcome;
  beforeAll(() => {
    for (const [file] of BREACHES) expect(fs.existsSync(path.join(scratch, file))).toBe(true);
    breached = withAllBreaches();
  });

  test('the breached tree fails', () => {
    expect(breached.status).not.toBe(0);
  });

  test.each(BREACHES)('a breach in %s (%s) fails with %s', (file, line, rule) => {
    expect(violations(breached.out).some((v) => v.rule === rule && v.from === file && isTarget(file, line, v.to))).toBe(true);
  });
});
