/**
 * An old binary .xls: converted with LibreOffice when it is installed and then checked like
 * any workbook (the input untouched, the copy written as .xlsx); without LibreOffice, one
 * clear line saying to save it as .xlsx.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { CLI_TEXT } from '../../src/cli/messages';
import type { Report } from '../../src/core/types';
import { readWorkbook } from '../../src/xlsx';
import { requireSoffice } from '../helpers/libreoffice';
import { BAD_DIR, lines, runCli, sha256, snapshot, tempDir } from './helpers';

const soffice = requireSoffice('the .xls conversion (test/hardening/xls.test.ts)');

describe('an old .xls', () => {
  const dir = tempDir('xls');

  (soffice ? it : it.skip)('made by LibreOffice from the base ledger is converted and checked', () => {
    const profile = `file://${path.join(dir, 'profile')}`;
    const made = spawnSync(soffice as string, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'xls', '--outdir', dir, path.join(BAD_DIR, 'ok-ledger.xlsx')], { timeout: 120_000 });
    expect(made.status).toBe(0);
    const input = path.join(dir, 'ok-ledger.xls');
    // An OLE compound file, as Excel 97–2003 wrote them.
    expect([...fs.readFileSync(input).subarray(0, 4)]).toEqual([0xd0, 0xcf, 0x11, 0xe0]);
    const before = sha256(input);
    const out = path.join(dir, 'out');
    const res = runCli(['check', input, '--out', out, '--json']);
    expect(res.stderr).toBe('');
    const report = JSON.parse(res.stdout) as Report;
    expect(report.files[0].error).toBeNull();
    // The 4 projects of the base ledger: plans 500 + 300 + 400 + 200 = 1,400 万元.
    expect(report.files[0].sheets[0].projects).toHaveLength(4);
    expect(report.files[0].sheets[0].total.annualPlan).toBe(1400);
    expect(Object.keys(snapshot(out))).toEqual(['ok-ledger.checked.xlsx']);
    expect(() => readWorkbook(new Uint8Array(fs.readFileSync(path.join(out, 'ok-ledger.checked.xlsx'))))).not.toThrow();
    expect(sha256(input)).toBe(before);
  }, 180_000);

  it('without LibreOffice is refused with one line saying to save it as .xlsx', () => {
    // Runs on every machine: LibreOffice is hidden by a search path that holds no program.
    const input = path.join(BAD_DIR, 'damaged.xls');
    const out = path.join(dir, 'out-refused');
    const res = runCli(['check', input, '--out', out], { PATH: tempDir('empty-path') });
    expect(res.code).toBe(2);
    expect(lines(res.stderr)).toEqual([`${input}: ${CLI_TEXT['zh-CN'].xlsNoLibreOffice}`]);
    expect(fs.existsSync(out)).toBe(false);
  });
});
