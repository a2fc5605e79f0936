/**
 * LibreOffice Calc headless as an independent spreadsheet engine: re-save an .xlsx
 * with every formula recalculated, so tests can compare its values with ours.
 * LibreOffice keeps cached results by default; the profile below forces a recalculation.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export function findSoffice(): string | null {
  for (const cmd of ['soffice', 'libreoffice']) {
    const r = spawnSync('which', [cmd], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  return null;
}

/**
 * soffice for a suite that needs it. Missing: with CI set the suite fails (CI
 * installs LibreOffice, so a missing one is a broken machine, not a reason to skip);
 * elsewhere one loud line names the suite whose checks did not run.
 */
export function requireSoffice(suite: string): string | null {
  const soffice = findSoffice();
  if (soffice) return soffice;
  const line = `*** LibreOffice (soffice) is NOT installed: ${suite} did NOT run. Install libreoffice-calc to run it. ***`;
  if (process.env.CI) throw new Error(`LibreOffice is required in CI (CI is set): ${suite}`);
  console.warn(line);
  return null;
}

const XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** Re-saves `file` through LibreOffice with a forced recalculation; returns the new file's path. */
export function recalculate(file: string, outDir: string, format = 'xlsx'): string {
  return recalculateAll([file], outDir, format)[0];
}

/** The same for several files in one LibreOffice start (each start costs seconds). */
export function recalculateAll(files: string[], outDir: string, format = 'xlsx'): string[] {
  const soffice = findSoffice();
  if (!soffice) throw new Error('LibreOffice (soffice) is not installed');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-lo-profile-'));
  try {
    fs.mkdirSync(path.join(profile, 'user'), { recursive: true });
    fs.writeFileSync(path.join(profile, 'user', 'registrymodifications.xcu'), XCU);
    fs.mkdirSync(outDir, { recursive: true });
    const res = spawnSync(
      soffice,
      [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--calc', '--convert-to', format, '--outdir', outDir, ...files],
      { encoding: 'utf8', timeout: 300000 },
    );
    const outs = files.map((file) => path.join(outDir, path.basename(file).replace(/\.[^.]+$/, '') + '.' + format.split(':')[0]));
    const missing = outs.filter((o) => !fs.existsSync(o));
    if (res.status !== 0 || missing.length) {
      throw new Error(`LibreOffice failed (${res.status}; missing ${missing.join(', ')}): ${res.stderr || res.stdout}`);
    }
    return outs;
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/** LibreOffice Writer (for .docx) and pdftotext, or null with one loud line; in CI a missing one fails. */
export function requireWriter(suite: string): { soffice: string; pdftotext: string } | null {
  const soffice = findSoffice();
  const program = soffice ? path.dirname(fs.realpathSync(soffice)) : null;
  const writer = program !== null && fs.readdirSync(program).some((f) => /^libswlo\.(so|dylib|dll)$/.test(f));
  const which = spawnSync('which', ['pdftotext'], { encoding: 'utf8' });
  const pdftotext = which.status === 0 ? which.stdout.trim() : '';
  if (soffice && writer && pdftotext) return { soffice, pdftotext };
  const missing = [!soffice || !writer ? 'libreoffice-writer' : null, !pdftotext ? 'poppler-utils' : null].filter(Boolean).join(' and ');
  if (process.env.CI) throw new Error(`${missing} is required in CI (CI is set): ${suite}`);
  console.warn(`*** ${missing} NOT installed: ${suite} did NOT run. Install ${missing} to run it. ***`);
  return null;
}

/** Converts a document (a .docx) with LibreOffice Writer; returns the new file's path. */
export function convertDocument(file: string, outDir: string, format: string): string {
  const soffice = findSoffice();
  if (!soffice) throw new Error('LibreOffice (soffice) is not installed');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-lo-profile-'));
  try {
    fs.mkdirSync(outDir, { recursive: true });
    const res = spawnSync(soffice, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', format, '--outdir', outDir, file],
      { encoding: 'utf8', timeout: 300000 });
    const out = path.join(outDir, path.basename(file).replace(/\.[^.]+$/, '') + '.' + format);
    if (res.status !== 0 || !fs.existsSync(out)) throw new Error(`LibreOffice failed (${res.status}): ${res.stderr || res.stdout}`);
    return out;
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}
