/**
 * The reader's limits as options: --max-mb (the file, and the XML unpacked from it) and
 * --max-cells (cells, and the shared strings they can use), each refusing past its value
 * with one line that says which options set the limits.
 */
import * as path from 'path';
import { parseArgs, UsageError } from '../../src/cli/cli';
import { CLI_TEXT } from '../../src/cli/messages';
import { BAD_DIR, lines, runCli, snapshot, tempDir } from './helpers';

const zh = CLI_TEXT['zh-CN'];
const OK = path.join(BAD_DIR, 'ok-ledger.xlsx');

describe('parsing --max-mb and --max-cells', () => {
  it('reads positive values', () => {
    const o = parseArgs(['check', 'a.xlsx', '--max-mb', '64', '--max-cells', '100000']);
    expect([o.maxMb, o.maxCells]).toEqual([64, 100000]);
    expect(parseArgs(['check', 'a.xlsx', '--max-mb', '0.5']).maxMb).toBe(0.5);
  });

  it('leaves them unset by default (the reader\'s own defaults apply)', () => {
    const o = parseArgs(['check', 'a.xlsx']);
    expect([o.maxMb, o.maxCells]).toEqual([undefined, undefined]);
  });

  it.each([
    ['--max-mb', '0'], ['--max-mb', '-1'], ['--max-mb', 'lots'], ['--max-mb', 'Infinity'],
    ['--max-cells', '0'], ['--max-cells', '1.5'], ['--max-cells', '1e20'], ['--max-cells', 'x'],
  ])('refuses %s %s', (opt, v) => {
    expect(() => parseArgs(['check', 'a.xlsx', opt, v])).toThrow(UsageError);
  });

  it('lists both in the usage, in every language', () => {
    for (const t of Object.values(CLI_TEXT)) expect(t.usage).toMatch(/--max-mb[\s\S]*--max-cells/);
  });
});

describe('limits applied by ledger check', () => {
  // ok-ledger.xlsx holds 37 cells: the title, the unit line, 7 header cells and 4 projects × 7.
  it.each([
    [36, 2],
    [37, 0],
  ])('--max-cells %i on a workbook of 37 cells → exit %i', (max, code) => {
    const out = path.join(tempDir('limits'), 'out');
    const res = runCli(['check', OK, '--out', out, '--max-cells', String(max)]);
    expect(res.code).toBe(code);
    if (code === 2) {
      expect(lines(res.stderr)).toEqual([`${OK}: ${zh.fileError['too-large']}`]);
      expect(snapshot(out)).toEqual({});
    } else expect(Object.keys(snapshot(out))).toEqual(['ok-ledger.checked.xlsx']);
  });

  it('--max-mb smaller than the file refuses it before reading (2,521 bytes > 0.002 MB = 2,097 bytes)', () => {
    const res = runCli(['check', OK, '--out', path.join(tempDir('limits'), 'out'), '--max-mb', '0.002']);
    expect(res.code).toBe(2);
    expect(lines(res.stderr)).toEqual([`${OK}: ${zh.fileError['too-large']}`]);
  });

  it('--max-mb bounds the unpacked XML too: 200 sheets of 16 MB (3.2 GB) under --max-mb 1000', () => {
    const file = path.join(BAD_DIR, 'bomb-overlapping.xlsx');
    const res = runCli(['check', file, '--max-mb', '1000', '--json']);
    expect(res.code).toBe(2);
    expect(JSON.parse(res.stdout).files[0].error.code).toBe('too-large');
  });

  it('the message names the options in every language', () => {
    for (const t of Object.values(CLI_TEXT)) expect(t.fileError['too-large']).toMatch(/--max-mb.*--max-cells/);
  });

  it('applies to ledger whatif as well', () => {
    const res = runCli(['whatif', OK, '--max-cells', '36']);
    expect(res.code).toBe(2);
    expect(lines(res.stderr)).toHaveLength(1);
    expect(res.stderr).toContain(zh.fileError['too-large']);
  });
});
