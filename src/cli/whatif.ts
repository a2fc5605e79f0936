/**
 * `ledger whatif`: the planners' what-if over the files given. Reads like `check`
 * (the same loading, exit codes and JSON report), adds the what-if fields, and
 * writes annotated copies (with indicator columns) only when --out is given.
 * Inputs are never written.
 */
import * as path from 'path';
import { buildReport, failedFile, fileReport } from '../core/report';
import type { FileErrorCode, FileReport, Field, Settings } from '../core/types';
import {
  buildWhatifReport, indicatorColumnStart, indicatorNoRoomMessage, matchProjects, parseAdjustment, parseIndicatorSpec, savedIndicators,
  whatifErrorMessage, whatifSummary, withIndicators, WhatifInputError, type IndicatorDef, type WhatifIndicator,
} from '../core/whatif/index';
import type { SheetInput } from '../core/whatif/pace';
import { messages } from '../i18n/index';
import { checkWorkbook, NoLedgerError, type CheckedWorkbook } from '../xlsx';
import type { ReadOptions } from '../xlsx';
import { XlsxError } from '../xlsx';
import { applyPlans } from '../xlsx';
import { unescapeXml } from '../xlsx';
import { entryText, readZipDirectory } from '../xlsx';
import type { CliOptions } from './cli';
import { CLI_TEXT, type CliText } from './messages';

type IndicatorsModule = typeof import('../core/whatif/indicators');

/** mathjs takes about a second to load: required only when an indicator is asked for. */
function indicatorsModule(): IndicatorsModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('../core/whatif/indicators') as IndicatorsModule;
}

export interface WhatifIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

/** What commands.ts hands over: the expanded files, the settings, its file reader and writer. */
export interface WhatifDeps {
  files: string[];
  settings: Settings;
  /** Reads a file's bytes; throws an error with a FileErrorCode `code` and a message when it cannot. */
  readBytes: (file: string) => Uint8Array;
  writeAtomic: (target: string, data: Uint8Array) => void;
  /** The reader's limits (--max-mb, --max-cells). */
  read?: ReadOptions;
}

const FILE_CODES: readonly string[] = ['unreadable-file', 'not-a-workbook', 'encrypted-workbook', 'no-ledger-found', 'too-large'];
const SETTINGS_KEY = 'ledgerCheck.settings';
const WEB_EXTENSION = /^xl\/webextensions\/webextension\d*\.xml$/;
const PROPERTY = /<(?:[\w.-]+:)?property\b[^>]*>/g;
const MAX_SETTINGS_BYTES = 1024 * 1024;

class Failure extends Error {
  constructor(readonly code: FileErrorCode, message: string) {
    super(message);
  }
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** The pane's settings saved in the workbook (Office add-in properties), if any. */
export function workbookIndicators(bytes: Uint8Array): IndicatorDef[] {
  try {
    const dir = readZipDirectory(bytes);
    for (const e of dir.entries) {
      if (!WEB_EXTENSION.test(e.key)) continue;
      const xml = entryText(bytes, e, { remaining: MAX_SETTINGS_BYTES });
      for (const tag of xml.match(PROPERTY) ?? []) {
        const name = /\bname="([^"]*)"/.exec(tag);
        const value = /\bvalue="([^"]*)"/.exec(tag);
        if (name && value && unescapeXml(name[1]) === SETTINGS_KEY) return savedIndicators(unescapeXml(value[1]));
      }
    }
  } catch {
    // Settings are a convenience: a package we cannot read them from is still checked.
  }
  return [];
}

function describeMissing(missing: Field[], lang: Settings['lang']): string {
  const names = messages(lang).fields;
  return missing.map((f) => names[f]).join(lang === 'en' ? ', ' : '、');
}

function load(file: string, deps: WhatifDeps, t: CliText): { bytes: Uint8Array; checked: CheckedWorkbook } {
  let bytes: Uint8Array;
  try {
    bytes = deps.readBytes(file);
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    throw new Failure(typeof code === 'string' && FILE_CODES.includes(code) ? (code as FileErrorCode) : 'unreadable-file', e instanceof Error ? e.message : String(e));
  }
  try {
    return { bytes, checked: checkWorkbook(bytes, deps.settings, { write: false, read: deps.read, fileName: path.basename(file) }) };
  } catch (e) {
    if (e instanceof NoLedgerError) throw new Failure(e.code, t.noLedger(describeMissing(e.missing, deps.settings.lang)));
    if (e instanceof XlsxError) throw new Failure(e.code, t.fileError[e.code]);
    throw new Failure('unreadable-file', t.fileError['unreadable-file']);
  }
}

/** `<out>/<name>.checked.xlsx`, as check names its copies, never one of the inputs. */
function outputPath(file: string, outDir: string, inputs: Set<string>): string {
  const base = path.basename(file).replace(/(\.checked)?\.(xlsx|xlsm|xls)$/i, '');
  let candidate = path.join(outDir, `${base}.checked.xlsx`);
  for (let i = 2; inputs.has(path.resolve(candidate)); i++) candidate = path.join(outDir, `${base}.checked-${i}.xlsx`);
  return candidate;
}

/** Indicators from the command line first, then those saved in the workbooks (a name once). */
function indicatorDefs(specs: readonly string[], saved: readonly IndicatorDef[]): { def: IndicatorDef; source: 'option' | 'workbook' }[] {
  const out: { def: IndicatorDef; source: 'option' | 'workbook' }[] = specs.map((s) => ({ def: parseIndicatorSpec(s), source: 'option' }));
  const names = new Set(out.map((x) => x.def.name));
  for (const def of saved) {
    if (names.has(def.name)) continue;
    names.add(def.name);
    out.push({ def, source: 'workbook' });
  }
  return out;
}

export function runWhatif(opts: CliOptions, io: WhatifIo, deps: WhatifDeps): number {
  const lang = opts.lang;
  const t = CLI_TEXT[lang];
  const w = opts.whatif ?? { target: 1, adjust: [], indicators: [] };
  const usage = (e: unknown): number => {
    if (!(e instanceof WhatifInputError)) throw e;
    io.stderr(`${whatifErrorMessage(e, lang)}\n`);
    return 2;
  };
  let adjustments;
  try {
    adjustments = w.adjust.map(parseAdjustment);
    w.indicators.forEach(parseIndicatorSpec);
  } catch (e) {
    return usage(e);
  }

  const inputs = new Set(deps.files.map((f) => path.resolve(f)));
  const loaded: { file: string; bytes: Uint8Array; checked: CheckedWorkbook }[] = [];
  const failed = new Map<string, Failure>();
  let exit = 0;
  for (const file of deps.files) {
    try {
      loaded.push({ file, ...load(file, deps, t) });
    } catch (e) {
      const failure = e instanceof Failure ? e : new Failure('unreadable-file', t.fileError['unreadable-file']);
      io.stderr(`${file}: ${oneLine(failure.message)}\n`);
      failed.set(file, failure);
      exit = 2;
    }
  }

  const saved = loaded.flatMap((l) => workbookIndicators(l.bytes));
  let indicators: WhatifIndicator[] = [];
  try {
    const defs = indicatorDefs(w.indicators, saved);
    if (defs.length) {
      const mod = indicatorsModule();
      const fromOptions = mod.compileIndicators(defs.filter((d) => d.source === 'option').map((d) => d.def));
      indicators = fromOptions.map((compiled) => ({ compiled, source: 'option' as const }));
      for (const d of defs.filter((x) => x.source === 'workbook')) {
        try {
          indicators.push({ compiled: mod.compileIndicator(d.def.name, d.def.expression), source: 'workbook' });
        } catch (e) {
          // A saved indicator that no longer compiles is reported and left out; the run goes on.
          if (!(e instanceof WhatifInputError)) throw e;
          e.params.indicator = d.def.name;
          io.stderr(`${whatifErrorMessage(e, lang)}\n`);
        }
      }
    }
  } catch (e) {
    return usage(e);
  }

  // An adjustment that names no project is a mistake on the command line: stop before writing anything.
  const ledgers = loaded.flatMap((l) => l.checked.analyses.map((a) => a.ledger.projects));
  const unmatched = adjustments.filter((a) => matchProjects(ledgers, a.key).length === 0);
  if (unmatched.length) {
    for (const a of unmatched) io.stderr(`${whatifErrorMessage(new WhatifInputError('adjust-not-found', { spec: a.spec, key: a.key }), lang)}\n`);
    return 2;
  }

  const reports: FileReport[] = [];
  const sheets: SheetInput[][] = [];
  let asOf = deps.settings.asOf ?? deps.settings.today;
  let timeProgress: number | null = null;
  for (const file of deps.files) {
    const failure = failed.get(file);
    const l = loaded.find((x) => x.file === file);
    if (failure || !l) {
      reports.push(failedFile(file, failure?.code ?? 'unreadable-file', failure?.message ?? ''));
      sheets.push([]);
      continue;
    }
    const { checked } = l;
    if (timeProgress === null) {
      asOf = checked.analyses[0].ledger.asOf;
      timeProgress = checked.analyses[0].ledger.timeProgress;
    }
    let output: string | null = null;
    if (!opts.noWrite) {
      const compiled = indicators.map((i) => i.compiled);
      const plans = checked.plans.map((plan, i) => withIndicators(plan, checked.analyses[i], compiled, lang));
      output = outputPath(file, opts.out, inputs);
      deps.writeAtomic(output, applyPlans(l.bytes, checked.workbook, plans));
      // What the copy lacks for want of room within XFD, as check says it.
      checked.analyses.forEach((a, i) => {
        if (Object.keys(checked.sheets[i].outputColumns).length === 0) io.stderr(`${t.noRoom(file, a.ledger.sheet)}\n`);
        if (compiled.length && indicatorColumnStart(a.grid, a.header, compiled.length) === null) {
          io.stderr(`${indicatorNoRoomMessage({ file, sheet: a.ledger.sheet, count: compiled.length }, lang)}\n`);
        }
      });
    }
    if (checked.sheets.some((s) => s.issues.some((x) => x.severity === 'error'))) exit = Math.max(exit, 1);
    reports.push(fileReport(file, output, checked.sheets));
    sheets.push(checked.analyses);
  }

  const base = buildReport(reports, deps.settings, asOf, timeProgress ?? 0);
  const report = buildWhatifReport({
    report: base, sheets, settings: deps.settings, options: { target: w.target, by: w.by }, indicators, adjustments,
  });
  if (opts.json) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  else io.stdout(whatifSummary(report, lang, (f) => path.basename(f)));
  return exit;
}
