/**
 * The corpus of test/fixtures/bad/ through `ledger check`, in-process: each broken file
 * gives one clear line on stderr, its error code in the JSON report, exit 2, nothing
 * written; each ledger among them is checked; no input is ever modified.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CASES, writeCorpus, type BadCase } from '../../scripts/make-bad-files';
import { CLI_TEXT } from '../../src/cli/messages';
import type { Report } from '../../src/core/types';
import { readWorkbook } from '../../src/xlsx';
import { BAD_DIR, lines, runCli, sha256, snapshot, tempDir } from './helpers';

const zh = CLI_TEXT['zh-CN'];
const refused = CASES.filter((c) => c.code && !c.knownBug);
const checked = CASES.filter((c) => c.checks && !c.knownBug);

/**
 * The codes a case may give. A damaged .xls goes to LibreOffice when it is installed, which
 * may make an empty sheet of it (no ledger found) or give up (not a workbook).
 */
function codes(c: BadCase): string[] {
  return c.file.endsWith('.xls') ? ['not-a-workbook', 'no-ledger-found'] : [c.code as string];
}

/** What a reviewer may read for each code: the sentence of messages.ts, never an exception's text. */
function acceptable(c: BadCase): (msg: string) => boolean {
  const code = c.code as NonNullable<BadCase['code']>;
  if (c.file.endsWith('.xls')) return (m) => [zh.xlsConvertFailed, zh.xlsNoLibreOffice].includes(m) || m.startsWith('未找到项目台账：');
  if (code === 'no-ledger-found') return (m) => m.startsWith('未找到项目台账：');
  return (m) => m === zh.fileError[code];
}

describe('the corpus', () => {
  it('is what scripts/make-bad-files.js writes, byte for byte', () => {
    const dir = tempDir('corpus');
    writeCorpus(dir);
    expect(snapshot(dir)).toEqual(snapshot(BAD_DIR));
  });

  it('stays small: every file under 64 kB, all of them under 256 kB', () => {
    const sizes = fs.readdirSync(BAD_DIR).map((f) => fs.statSync(path.join(BAD_DIR, f)).size);
    expect(Math.max(...sizes)).toBeLessThan(64 * 1024);
    expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThan(256 * 1024);
  });
});

describe.each(refused)('$file ($what)', (c) => {
  const input = path.join(BAD_DIR, c.file);

  it(`is refused with ${c.code}: one line on stderr, exit 2, nothing written, input untouched`, () => {
    const out = path.join(tempDir('out'), 'out');
    const before = sha256(input);
    const res = runCli(['check', input, '--out', out]);
    expect(res.code).toBe(2);
    const err = lines(res.stderr);
    expect(err).toHaveLength(1);
    const prefix = `${input}: `;
    expect(err[0].startsWith(prefix)).toBe(true);
    expect(acceptable(c)(err[0].slice(prefix.length))).toBe(true);
    expect(res.stderr).not.toMatch(/\bat .+:\d+:\d+|Error:/);
    expect(snapshot(out)).toEqual({});
    expect(sha256(input)).toBe(before);
  });

  it('gives its code in the JSON report, with no output', () => {
    const out = path.join(tempDir('out'), 'out');
    const res = runCli(['check', input, '--out', out, '--json']);
    expect(res.code).toBe(2);
    const report = JSON.parse(res.stdout) as Report;
    expect(report.files).toHaveLength(1);
    expect(codes(c)).toContain(report.files[0].error?.code);
    expect(report.files[0].output).toBeNull();
    expect(report.files[0].sheets).toEqual([]);
  });
});

describe.each(checked)('$file ($what)', (c) => {
  const input = path.join(BAD_DIR, c.file);

  it('is checked: a complete annotated copy that reads back, input untouched', () => {
    const out = path.join(tempDir('out'), 'out');
    const before = sha256(input);
    const res = runCli(['check', input, '--out', out, '--json']);
    expect(res.stderr).toBe('');
    expect([0, 1]).toContain(res.code);
    const report = JSON.parse(res.stdout) as Report;
    const file = report.files[0];
    expect(file.error).toBeNull();
    // The base ledger's 4 projects survive whatever was added around them.
    expect(file.sheets[0].projects).toHaveLength(4);
    const written = Object.keys(snapshot(out));
    expect(written).toEqual([c.file.replace(/\.xlsx$/, '.checked.xlsx')]);
    expect(() => readWorkbook(new Uint8Array(fs.readFileSync(path.join(out, written[0]))))).not.toThrow();
    expect(sha256(input)).toBe(before);
  });
});

describe('a folder holding the whole corpus', () => {
  it('reports every bad file, checks every ledger, writes only their copies and exits 2', () => {
    const dir = tempDir('corpus');
    const inputs = path.join(dir, 'in');
    const out = path.join(dir, 'out');
    fs.mkdirSync(inputs);
    for (const c of [...refused, ...checked]) fs.copyFileSync(path.join(BAD_DIR, c.file), path.join(inputs, c.file));
    const before = snapshot(inputs);
    const res = runCli(['check', inputs, '--out', out, '--json']);
    expect(res.code).toBe(2);
    const report = JSON.parse(res.stdout) as Report;
    const byName = new Map(report.files.map((f) => [path.basename(f.file), f]));
    for (const c of refused) expect([c.file, codes(c).includes(byName.get(c.file)?.error?.code as string)]).toEqual([c.file, true]);
    for (const c of checked) expect([c.file, byName.get(c.file)?.error]).toEqual([c.file, null]);
    expect(lines(res.stderr)).toHaveLength(refused.length);
    expect(Object.keys(snapshot(out)).sort()).toEqual(checked.map((c) => c.file.replace(/\.xlsx$/, '.checked.xlsx')).sort());
    expect(snapshot(inputs)).toEqual(before);
  });
});
