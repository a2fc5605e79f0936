/**
 * The command's I/O: files in, reports and annotated copies out, exit codes.
 * The core decides everything; this file reads, writes and prints.
 * Over 300 lines because every subcommand's file handling and exit code is here, side by side,
 * so that they stay alike.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import * as zlib from 'zlib';
import type { SheetAnalysis } from '../core/analyze';
import { bulletin } from '../core/bulletin';
import { applyHistory, workbookHistory, type PeriodSnapshot } from '../core/history';
import { bulletinDocx } from '../docx';
import { gapPhrase, money, pct } from '../core/format';
import { buildReport, failedFile, fileReport } from '../core/report';
import { DEFAULT_LIST_RULE, DEFAULT_SETTINGS, type ListRule, type FileErrorCode, type FileReport, type HistoryReport, type Report, type Settings, type SheetReport, type Field } from '../core/types';
import { messages } from '../i18n/index';
import { XlsxError } from '../xlsx';
import { checkWorkbook, NoLedgerError, type CheckedWorkbook } from '../xlsx';
import type { ReadOptions } from '../xlsx';
import { parseArgs, UsageError, type CliOptions } from './cli';
import { close as closeDeflateWorker, deflatePiece, workerPieceDeflater } from './deflate-worker';
import { writeJson } from './json-stream';
import { runTemplate } from './template';
import { CLI_TEXT, type CliText } from './messages';
import { readEarlier, type EarlierPeriods } from './history';
import { runWhatif } from './whatif';
import { runMerge } from './merge';

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
  today: string;
  env: NodeJS.ProcessEnv;
}

/** A file-level failure: one line on stderr, nothing written for that file. */
class FileFailure extends Error {
  constructor(readonly code: FileErrorCode, message: string) {
    super(message);
  }
}

const MB = 1024 * 1024;
const MAX_FILE_BYTES = 200 * MB;

interface Limits {
  fileBytes: number;
  read: ReadOptions;
}

/**
 * --max-mb bounds the file and the XML unpacked from it; --max-cells the cells, and the
 * shared strings (a workbook of N cells uses at most N). The reader's defaults otherwise.
 */
function readLimits(opts: CliOptions): Limits {
  const read: ReadOptions = {};
  if (opts.maxMb !== undefined) read.maxUncompressedBytes = Math.floor(opts.maxMb * MB);
  if (opts.maxCells !== undefined) {
    read.maxCells = opts.maxCells;
    read.maxSharedStrings = opts.maxCells;
  }
  return { fileBytes: opts.maxMb !== undefined ? Math.floor(opts.maxMb * MB) : MAX_FILE_BYTES, read };
}

/**
 * Node's zlib for reading and for the copy: several times faster than the portable
 * codecs; level 2 deflates a 100k-row sheet several times faster than level 6.
 */
export const NODE_CODECS = {
  deflateRaw: (data: Uint8Array): Uint8Array => zlib.deflateRawSync(data, { level: 2 }),
  // A large sheet deflated in pieces as it is written (each ends on a full flush, the last finishes).
  deflateRawPiece: deflatePiece,
  // The ledger sheet deflated on a second thread while it is written.
  pieceDeflater: workerPieceDeflater,
  crc32: (zlib as unknown as { crc32?: (d: Uint8Array, v?: number) => number }).crc32,
  // One output buffer a byte larger than the part: no pieces to join, no second buffer.
  inflateRaw: (data: Uint8Array, max: number) => {
    const out = zlib.inflateRawSync(data, { maxOutputLength: max, chunkSize: Math.max(64, Math.min(max + 1, 1 << 30)) });
    return new Uint8Array(out.buffer, out.byteOffset, out.length);
  },
};
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function todayIso(now = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/**
 * Files named on the command line, folders expanded to the workbooks directly inside
 * them (not subfolders: a `previous/` folder of last month's files stays out).
 */
export function expandInputs(inputs: string[]): string[] {
  const out: string[] = [];
  const list = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, entry.name);
      if (entry.isFile() && /\.(xlsx|xlsm|xls)$/i.test(entry.name) && !entry.name.startsWith('~$') && !/\.checked\.xlsx$/i.test(entry.name)) out.push(p);
    }
  };
  for (const input of inputs) {
    let stat: fs.Stats | null = null;
    try {
      stat = fs.statSync(input);
    } catch {
      stat = null;
    }
    if (stat?.isDirectory()) list(input);
    else out.push(input);
  }
  return out;
}

function settingsFrom(opts: CliOptions, today: string): Settings {
  return {
    ...DEFAULT_SETTINGS,
    today,
    asOf: opts.asOf,
    timeBasis: opts.timeBasis,
    lang: opts.lang,
    groupBy: opts.groupBy,
    ...(opts.groupLevel !== undefined ? { groupLevel: opts.groupLevel } : {}),
    rankMethod: opts.rank,
    lagWarn: opts.lagWarn,
    lagAlert: opts.lagAlert,
    ...(Object.keys(opts.map ?? {}).length ? { columnOverrides: { ...opts.map } } : {}),
  };
}

/** The 挂牌 rule: `--list-after` and `--list-not-started`, the defaults otherwise. */
function listRule(opts: CliOptions): ListRule {
  return { listAfter: opts.listAfter ?? DEFAULT_LIST_RULE.listAfter, listNotStarted: opts.listNotStarted ?? DEFAULT_LIST_RULE.listNotStarted };
}

function isOle(bytes: Uint8Array): boolean {
  return OLE_MAGIC.every((b, i) => bytes[i] === b);
}

/** An old .xls converted to .xlsx with LibreOffice, when it is installed. */
function convertXls(file: string, t: CliText, searchPath: string | undefined): Uint8Array {
  const env = { ...process.env, PATH: searchPath ?? process.env.PATH };
  const soffice = ['soffice', 'libreoffice'].find((cmd) => spawnSync('which', [cmd], { env }).status === 0);
  if (!soffice) throw new FileFailure('not-a-workbook', t.xlsNoLibreOffice);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-xls-'));
  try {
    const profile = `file://${path.join(dir, 'profile')}`;
    const res = spawnSync(soffice, [`-env:UserInstallation=${profile}`, '--headless', '--calc', '--convert-to', 'xlsx', '--outdir', dir, path.resolve(file)], { timeout: 120000, env });
    const outFile = path.join(dir, path.basename(file).replace(/\.xls$/i, '') + '.xlsx');
    if (res.status !== 0 || !fs.existsSync(outFile)) throw new FileFailure('not-a-workbook', t.xlsConvertFailed);
    return new Uint8Array(fs.readFileSync(outFile));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The file's bytes; an old .xls converted with LibreOffice found on `searchPath`. */
function readBytes(file: string, t: CliText, maxBytes: number, searchPath?: string): Uint8Array {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    throw new FileFailure('unreadable-file', t.fileError['unreadable-file']);
  }
  if (size > maxBytes) throw new FileFailure('too-large', t.fileError['too-large']);
  if (size === 0) throw new FileFailure('not-a-workbook', t.fileError['not-a-workbook']);
  const bytes = new Uint8Array(fs.readFileSync(file));
  if (isOle(bytes) && /\.xls$/i.test(file)) return convertXls(file, t, searchPath);
  return bytes;
}

function describeMissing(missing: Field[], lang: Settings['lang']): string {
  const names = messages(lang).fields;
  return missing.map((f) => names[f]).join(lang === 'en' ? ', ' : '、');
}

/** Reads and checks one file; every way it can fail becomes a FileFailure. */
/** Lag that persists for one workbook's 汇总 sheet, from its sheet reports. */
type HistoryOf = (sheets: SheetReport[]) => HistoryReport | undefined;

function load(file: string, settings: Settings, t: CliText, previous: SheetAnalysis[] | undefined, write: boolean, limits: Limits, searchPath?: string, history?: HistoryOf): CheckedWorkbook {
  const bytes = readBytes(file, t, limits.fileBytes, searchPath);
  try {
    return checkWorkbook(bytes, settings, { previous, write, patch: NODE_CODECS, read: { ...NODE_CODECS, keepSheetXml: write, ...limits.read }, fileName: path.basename(file), history });
  } catch (e) {
    if (e instanceof NoLedgerError) throw new FileFailure(e.code, t.noLedger(describeMissing(e.missing, settings.lang)));
    if (e instanceof XlsxError) throw new FileFailure(e.code, t.fileError[e.code]);
    throw new FileFailure('unreadable-file', t.fileError['unreadable-file']);
  }
}

/** `<out>/<name>.checked.xlsx`, never one of the inputs. */
function outputPath(file: string, outDir: string, inputs: Set<string>): string {
  const base = path.basename(file).replace(/(\.checked)?\.(xlsx|xlsm|xls)$/i, '');
  let candidate = path.join(outDir, `${base}.checked.xlsx`);
  for (let i = 2; inputs.has(path.resolve(candidate)); i++) candidate = path.join(outDir, `${base}.checked-${i}.xlsx`);
  return candidate;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Temporary copies of `target` left by runs that were killed (their process is gone). */
function removeStaleTemps(target: string): void {
  const dir = path.dirname(target);
  const prefix = `.${path.basename(target)}.`;
  for (const name of fs.readdirSync(dir)) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const pid = Number(name.slice(prefix.length, -'.tmp'.length));
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && !processAlive(pid)) fs.rmSync(path.join(dir, name), { force: true });
  }
}

/**
 * Write to a temporary name in the same folder, then rename: no half-written output.
 * Temporaries that killed runs left for the same target are removed first.
 */
export function writeAtomic(target: string, data: Uint8Array): void {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  removeStaleTemps(target);
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

export function run(argv: string[], io: Io): number {
  try {
    return runCommand(argv, io);
  } finally {
    closeDeflateWorker();
  }
}

function runCommand(argv: string[], io: Io): number {
  let opts: CliOptions;
  try {
    opts = parseArgs(argv, io.env);
  } catch (e) {
    io.stderr(`${e instanceof UsageError ? e.message : String(e)}\n`);
    return 2;
  }
  const t = CLI_TEXT[opts.lang];
  if (opts.command === 'help') {
    io.stdout(`${t.usage}\n`);
    return 0;
  }
  if (opts.command === 'template') return runTemplate(opts, io, writeAtomic, settingsFrom(opts, io.today));
  const settings = settingsFrom(opts, io.today);
  const files = expandInputs(opts.inputs);
  if (files.length === 0) {
    io.stderr(`${t.noFiles}\n`);
    return 2;
  }
  const limits = readLimits(opts);
  if (opts.command === 'whatif') return runWhatif(opts, io, { files, settings, readBytes: (f) => readBytes(f, t, limits.fileBytes, io.env.PATH), writeAtomic, read: limits.read });
  const inputSet = new Set(files.map((f) => path.resolve(f)));
  let exit = 0;
  let earlier: EarlierPeriods | null = null;
  if (opts.previous.length > 0) {
    let at = opts.previous[0];
    try {
      earlier = readEarlier(opts.previous, settings, (file, own) => {
        at = file;
        return load(file, own, t, undefined, false, limits, io.env.PATH);
      }, (dir) => expandInputs([dir]));
    } catch (e) {
      const msg = e instanceof FileFailure ? e.message : t.fileError['unreadable-file'];
      io.stderr(`${at}: ${oneLine(msg)}\n`);
      return 2;
    }
    for (const f of earlier.files) inputSet.add(f);
  }
  const previous: SheetAnalysis[] | undefined = earlier && earlier.last.length > 0 ? earlier.last : undefined;
  const rule = listRule(opts);
  const snapshots = new Map<string, PeriodSnapshot[]>();
  const snapshotsAt = (e: EarlierPeriods, at: string): PeriodSnapshot[] => {
    if (!snapshots.has(at)) snapshots.set(at, e.snapshots(at));
    return snapshots.get(at)!;
  };
  // Each copy's 汇总 sheet shows its own workbook's 挂牌 list and 摘牌 line.
  const historyOf = (file: string): HistoryOf | undefined => {
    const e = earlier;
    if (!e) return undefined;
    return (sheets) => {
      if (sheets.length === 0) return undefined;
      const own = buildReport([fileReport(file, null, sheets)], settings, sheets[0].asOf, sheets[0].timeProgress);
      return workbookHistory(own, snapshotsAt(e, own.asOf), rule);
    };
  };

  if (opts.command === 'merge') {
    const e = earlier;
    // Earlier periods of a merge are earlier city workbooks: their projects carry the county.
    const withEarlier = e ? { previous, files: e.files, history: historyOf(opts.out), apply: (r: Report) => applyHistory(r, snapshotsAt(e, r.asOf), rule) } : undefined;
    return runMerge(opts, io, {
      files, settings, load: (f) => load(f, settings, t, undefined, false, limits, io.env.PATH), writeAtomic,
      writeJson: (r) => writeJsonOut(r, io.stdout), human: (r) => humanReport(r, opts, t), earlier: withEarlier,
    });
  }
  const reports: FileReport[] = [];
  let asOf = settings.asOf ?? settings.today;
  let timeProgress: number | null = null;
  const progress = io.isTTY && files.length > 1;
  files.forEach((file, i) => {
    if (progress) io.stderr(`\r${t.progress(i + 1, files.length, path.basename(file))}\x1b[K`);
    try {
      const checked = load(file, settings, t, previous, !opts.noWrite, limits, io.env.PATH, opts.noWrite ? undefined : historyOf(file));
      const sheets = checked.sheets;
      if (timeProgress === null) {
        asOf = checked.analyses[0].ledger.asOf;
        timeProgress = checked.analyses[0].ledger.timeProgress;
      }
      let output: string | null = null;
      if (checked.output) {
        output = outputPath(file, opts.out, inputSet);
        writeAtomic(output, checked.output);
        for (const s of sheets) {
          if (Object.keys(s.outputColumns).length > 0) continue;
          if (progress) io.stderr('\r\x1b[K');
          io.stderr(`${t.noRoom(file, s.sheet)}\n`);
        }
      }
      if (sheets.some((s) => s.issues.some((x) => x.severity === 'error'))) exit = Math.max(exit, 1);
      reports.push(fileReport(file, output, sheets));
    } catch (e) {
      const failure = e instanceof FileFailure ? e : new FileFailure('unreadable-file', t.fileError['unreadable-file']);
      if (progress) io.stderr('\r\x1b[K');
      io.stderr(`${file}: ${oneLine(failure.message)}\n`);
      reports.push(failedFile(file, failure.code, failure.message));
      exit = 2;
    }
  });
  if (progress) io.stderr('\r\x1b[K');

  const report = buildReport(reports, settings, asOf, timeProgress ?? 0);
  if (earlier) {
    try {
      report.history = applyHistory(report, snapshotsAt(earlier, report.asOf), rule);
    } catch (e) {
      io.stderr(`${e instanceof FileFailure ? oneLine(e.message) : String(e)}\n`);
      return 2;
    }
  }
  if (opts.docx) {
    writeAtomic(opts.docx, bulletinDocx(report, opts.lang, { deflateRaw: NODE_CODECS.deflateRaw, crc32: NODE_CODECS.crc32 }));
  }
  if (opts.json) writeJsonOut(report, io.stdout);
  else if (opts.command === 'bulletin') io.stdout(`${bulletin(report, opts.lang)}\n`);
  else io.stdout(humanReport(report, opts, t));
  return exit;
}

/** The JSON report in pieces of about 64 KB: no single giant string, few writes. */
function writeJsonOut(report: Report, out: (s: string) => void): void {
  let buf = '';
  writeJson(report, (s) => {
    buf += s;
    if (buf.length >= 65536) {
      out(buf);
      buf = '';
    }
  });
  out(`${buf}\n`);
}

const MAX_ISSUES_SHOWN = 30;

export function humanReport(report: Report, opts: CliOptions, t: CliText): string {
  const lang = opts.lang;
  const lines: string[] = [];
  for (const f of report.files) {
    if (f.error) continue;
    for (const s of f.sheets) {
      lines.push(t.fileHeading(f.file, s.sheet, s.asOf, pct(s.timeProgress)));
      if (s.asOfSource === 'file-name' || s.asOfSource === 'workbook') lines.push(t.asOfFrom(s.asOfSource, s.asOfFrom ?? ''));
      lines.push(t.columnsHeading);
      const fieldNames = messages(lang).fields;
      for (const [field, letter] of Object.entries(s.columns) as [Field, string][]) {
        const ev = s.columnEvidence?.[field];
        lines.push(t.columnLine({ field: fieldNames[field], letter, header: ev?.header ?? '', override: ev?.source === 'override', evidence: ev?.source === 'evidence', ambiguous: !!ev?.ambiguous }));
      }
      const g = s.total;
      lines.push(t.totals({
        projects: g.projects, started: g.started, startRate: pct(g.startRate), plan: money(g.annualPlan, lang),
        done: money(g.completedYtd, lang), rate: pct(g.completionRate), gap: gapPhrase(g.gapPp, lang),
      }));
      if (s.rowAccount) lines.push(t.rowsLine(s.rowAccount));
      if (s.rowLevels && s.rowLevels.length > 0) lines.push(t.levelsLine(s.rowLevels));
      if (s.groups.length > 1) {
        lines.push(t.groupsHeading);
        for (const grp of s.groups) {
          lines.push(t.groupLine({ name: grp.name, projects: grp.projects, rate: pct(grp.completionRate), gap: gapPhrase(grp.gapPp, lang), lagging: grp.lagging, rank: String(grp.rank ?? '—') }));
        }
      }
      const count = (sev: string) => s.issues.filter((x) => x.severity === sev).length;
      if (s.issues.length === 0) lines.push(t.noIssues);
      else {
        lines.push(t.issuesHeading(s.issues.length, count('error'), count('warning'), count('info')));
        const order = { error: 0, warning: 1, info: 2 } as const;
        const shown = [...s.issues].sort((a, b) => order[a.severity] - order[b.severity]).slice(0, MAX_ISSUES_SHOWN);
        for (const x of shown) lines.push(`    ${t.severity[x.severity]}  ${x.cell.padEnd(6)} ${x.message}`);
        if (s.issues.length > MAX_ISSUES_SHOWN) lines.push(t.moreIssues(s.issues.length - MAX_ISSUES_SHOWN));
      }
    }
    if (f.output) lines.push(t.written(f.output));
    lines.push('');
  }
  if (report.ranking.length > 1) {
    lines.push(t.ranking);
    for (const r of report.ranking) {
      lines.push(t.rankLine({ rank: String(r.rank ?? '—'), name: r.name, rate: pct(r.completionRate), gap: gapPhrase(r.gapPp, lang), file: path.basename(r.file) }));
    }
    lines.push('');
  }
  return lines.join('\n');
}

/** Entry point for bin/ledger.js. */
export function main(): void {
  const code = run(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    isTTY: Boolean(process.stderr.isTTY),
    today: todayIso(),
    env: process.env,
  });
  process.exitCode = code;
}
