/**
 * Huge and hostile files through the real command (node bin/ledger.js) in a child process:
 * one line on stderr, exit 2, nothing written, input unchanged, and the child's peak memory
 * under a bound. Each child has a generous time limit that it must not reach (a hang would
 * show as the child killed); nothing here measures speed.
 */
import * as fs from 'fs';
import * as path from 'path';
import { manyCells, manySharedStrings, zipBomb } from '../../scripts/make-bad-files';
import { CLI_TEXT } from '../../src/cli/messages';
import { BAD_DIR, ROOT, ensureBuiltCli, lines, runChild, sha256, snapshot, tempDir, type ChildResult } from './helpers';

const zh = CLI_TEXT['zh-CN'];
const LIMIT_MS = 90_000;

/** The child ended on its own, refused the file with one line naming it, and wrote nothing. */
function expectRefused(res: ChildResult, file: string, out: string, message: string): void {
  expect(res.signal).toBeNull();
  expect(res.status).toBe(2);
  expect(lines(res.stderr)).toEqual([`${file}: ${message}`]);
  expect(snapshot(out)).toEqual({});
}

describe('huge files, refused within bounds', () => {
  const dir = tempDir('huge');
  beforeAll(() => ensureBuiltCli(), 120_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a zip bomb of 4 GB in a 4 MB file: too large, before inflating anything', () => {
    const file = path.join(dir, 'bomb-4g.xlsx');
    const built = zipBomb(file, { megabytes: 4096 });
    // 4 GB of spaces at 1,032 bytes per byte of deflate data ≈ 4 MB.
    expect(built.bytes).toBeLessThan(5 * 1024 * 1024);
    expect(built.inflated).toBeGreaterThan(4 * 1024 ** 3);
    const before = sha256(file);
    const out = path.join(dir, 'out-bomb');
    const res = runChild(['check', file, '--out', out], { timeout: LIMIT_MS });
    expectRefused(res, file, out, zh.fileError['too-large']);
    // The declared size is refused up front: the child's memory is Node's own plus the 4 MB file.
    expect(res.maxRssMb).toBeLessThan(200);
    expect(sha256(file)).toBe(before);
  });

  it('a zip bomb that declares 400 MB and inflates to 4 GB: stopped at its lie, within the default limit', () => {
    const file = path.join(dir, 'bomb-lying.xlsx');
    zipBomb(file, { megabytes: 4096, declared: 400 * 1024 * 1024 });
    const out = path.join(dir, 'out-lying');
    const res = runChild(['check', file, '--out', out], { timeout: LIMIT_MS });
    expectRefused(res, file, out, zh.fileError['unreadable-file']);
    // Inflating stops at 400 MB (the declared size, under the 512 MB default), never near 4 GB.
    expect(res.maxRssMb).toBeLessThan(1500);
  });

  it('the same bomb under --max-mb 64: too large up front, in little memory', () => {
    const file = path.join(dir, 'bomb-lying-64.xlsx');
    zipBomb(file, { megabytes: 4096, declared: 400 * 1024 * 1024 });
    const out = path.join(dir, 'out-lying-64');
    const res = runChild(['check', file, '--out', out, '--max-mb', '64'], { timeout: LIMIT_MS });
    expectRefused(res, file, out, zh.fileError['too-large']);
    expect(res.maxRssMb).toBeLessThan(200);
  });

  it('a shared-strings table of 6 million entries, their count not declared: too large', () => {
    const file = path.join(dir, 'sst-6m.xlsx');
    const built = manySharedStrings(file, 6_000_000);
    // 6,000,000 × `<si><t>x</t></si>` (17 bytes) ≈ 102 MB of XML in a file of about 250 kB.
    expect(built.xml).toBeGreaterThan(100_000_000);
    const out = path.join(dir, 'out-sst');
    const res = runChild(['check', file, '--out', out], { timeout: LIMIT_MS });
    expectRefused(res, file, out, zh.fileError['too-large']);
    expect(res.maxRssMb).toBeLessThan(1000);
  });

  it('more cells than --max-cells allows: too large, and the same file checks without the option', () => {
    const file = path.join(dir, 'cells.xlsx');
    // The base ledger (4 projects) plus 20,000 numbers in columns K–T below it.
    manyCells(file, 20_000);
    const out = path.join(dir, 'out-cells');
    const refused = runChild(['check', file, '--out', out, '--max-cells', '10000'], { timeout: LIMIT_MS });
    expectRefused(refused, file, out, zh.fileError['too-large']);
    const checked = runChild(['check', file, '--out', out], { timeout: LIMIT_MS });
    expect([0, 1]).toContain(checked.status);
    expect(Object.keys(snapshot(out))).toEqual(['cells.checked.xlsx']);
  });
});

describe('a workbook with links to other workbooks', () => {
  beforeAll(() => ensureBuiltCli(), 120_000);

  it('is checked without any attempt to reach the network, and its links are kept', () => {
    const dir = tempDir('links');
    const log = path.join(dir, 'network.log');
    const input = path.join(BAD_DIR, 'external-links.xlsx');
    const out = path.join(dir, 'out');
    const res = runChild(['check', input, '--out', out], {
      timeout: LIMIT_MS,
      preload: [path.join(ROOT, 'test', 'hardening', 'no-network.js')],
      env: { NO_NETWORK_LOG: log },
    });
    expect(res.stderr).toBe('');
    expect([0, 1]).toContain(res.status);
    expect(fs.existsSync(log)).toBe(false);
    const copy = fs.readFileSync(path.join(out, 'external-links.checked.xlsx'));
    // The external link part is carried over: its name and target are in the copy.
    expect(copy.includes(Buffer.from('xl/externalLinks/externalLink1.xml'))).toBe(true);
  });

  it('the network guard itself refuses and records a connection', () => {
    const dir = tempDir('guard');
    const log = path.join(dir, 'network.log');
    const script = path.join(dir, 'probe.js');
    fs.writeFileSync(script, "require('https').get('https://example.invalid/');\n");
    const res = runChild([], { timeout: LIMIT_MS, preload: [path.join(ROOT, 'test', 'hardening', 'no-network.js'), script], env: { NO_NETWORK_LOG: log } });
    expect(res.status).not.toBe(0);
    expect(fs.readFileSync(log, 'utf8')).toContain('https.get');
  });
});
