/**
 * A command killed while it works (SIGKILL: no cleanup runs) never leaves a half-written
 * `*.checked.xlsx`: the out folder holds the complete copy or none. Leftover temporary
 * files never carry the final name, and the next run clears them.
 */
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { writeXlsx } from '../../bench/generate';
import { ROOT, ensureBuiltCli, runCli, sha256, tempDir } from './helpers';

const BIN = path.join(ROOT, 'bin', 'ledger.js');
// 10,000 rows: a 0.9 MB workbook whose check and copy take most of a second, long enough to be hit.
const ROWS = 10_000;

interface Killed {
  signal: NodeJS.Signals | null;
  code: number | null;
}

/** Runs the command and kills it with SIGKILL after `afterMs`, or as soon as a temp file shows in `out` (afterMs = -1). */
function runAndKill(input: string, out: string, afterMs: number): Promise<Killed> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'check', input, '--out', out], { stdio: 'ignore' });
    let timer: NodeJS.Timeout | undefined;
    if (afterMs >= 0) timer = setTimeout(() => child.kill('SIGKILL'), afterMs);
    else {
      // Poll for the temporary file that precedes the rename, and kill while it is there.
      timer = setInterval(() => {
        if (fs.existsSync(out) && fs.readdirSync(out).some((f) => f.endsWith('.tmp'))) child.kill('SIGKILL');
      }, 1);
    }
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      clearInterval(timer);
      resolve({ code, signal });
    });
  });
}

describe('a command killed while it checks and writes', () => {
  const dir = tempDir('kill');
  const input = path.join(dir, 'big.xlsx');
  const finalName = 'big.checked.xlsx';
  let reference = '';
  let fullMs = 0;

  beforeAll(() => {
    ensureBuiltCli();
    writeXlsx(ROWS, input);
    // A run left alone: the copy every complete run must reproduce, and how long a run takes
    // here (used only to spread the kills over a run, never asserted).
    const out = path.join(dir, 'reference');
    const t0 = process.hrtime.bigint();
    const res = spawnSync(process.execPath, [BIN, 'check', input, '--out', out], { stdio: 'ignore' });
    fullMs = Number(process.hrtime.bigint() - t0) / 1e6;
    expect([0, 1]).toContain(res.status);
    reference = sha256(path.join(out, finalName));
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const inputHash = () => sha256(input);

  it.each([
    ['as the temporary copy appears', -1],
    ['a fifth of the way', 0.2],
    ['half way', 0.5],
    ['nine tenths of the way', 0.9],
  ])('killed %s: no partial copy under the final name, input untouched', async (_label, at) => {
    const before = inputHash();
    const out = path.join(dir, `out-${String(at).replace('.', '_')}`);
    const killed = await runAndKill(input, out, at < 0 ? -1 : Math.round(fullMs * at));
    const files = fs.existsSync(out) ? fs.readdirSync(out) : [];
    // Only the final copy (complete) or temporary names; nothing else.
    for (const f of files) expect(f === finalName || /^\..*\.tmp$/.test(f)).toBe(true);
    if (files.includes(finalName)) expect(sha256(path.join(out, finalName))).toBe(reference);
    // A kill that landed must not have left the final name (unless the run had finished).
    if (killed.signal === 'SIGKILL' && files.includes(finalName)) expect(sha256(path.join(out, finalName))).toBe(reference);
    expect(inputHash()).toBe(before);
  });

  it('the next run clears a temporary copy a killed run left behind', () => {
    const small = path.join(ROOT, 'test', 'fixtures', 'bad', 'ok-ledger.xlsx');
    const out = path.join(dir, 'out-stale');
    fs.mkdirSync(out, { recursive: true });
    // What a run killed mid-write leaves: the temp name writeAtomic uses, with a pid that is gone.
    const stale = path.join(out, '.ok-ledger.checked.xlsx.999999.tmp');
    fs.writeFileSync(stale, 'half a copy');
    const res = runCli(['check', small, '--out', out]);
    expect([0, 1]).toContain(res.code);
    expect(fs.readdirSync(out).sort()).toEqual(['ok-ledger.checked.xlsx']);
  });
});

describe('a write that fails half way', () => {
  it('leaves neither the final name nor the temporary file', () => {
    const dir = tempDir('fail');
    const input = path.join(ROOT, 'test', 'fixtures', 'bad', 'ok-ledger.xlsx');
    const out = path.join(dir, 'out');
    // The fs module itself (not this file's import of it), as commands.ts reaches it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const nodeFs = require('fs') as typeof fs;
    const rename = jest.spyOn(nodeFs, 'renameSync').mockImplementation(() => {
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    });
    try {
      const res = runCli(['check', input, '--out', out]);
      // The file could not be written: reported as a failure of that file.
      expect(res.code).toBe(2);
      expect(res.stderr).toContain(input);
    } finally {
      rename.mockRestore();
    }
    expect(fs.existsSync(out) ? fs.readdirSync(out) : []).toEqual([]);
  });
});
