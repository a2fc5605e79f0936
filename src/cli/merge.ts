/**
 * `ledger merge <files or folders>... --out <city.xlsx>`: the counties' ledgers into one city
 * workbook. Each file is read and analysed like `check`; the core merges the projects into one
 * grid (core/merge.ts), the xlsx layer writes it as a new workbook and the same check makes its
 * computed columns and 汇总, so the figures printed, in the JSON and in the formulas agree.
 * Inputs are never written; the output is written atomically.
 */
import * as path from 'path';
import { mergeLedgers, MERGED_SHEET, type MergeConversion, type MergeSource } from '../core/merge';
import { buildReport, failedFile, fileReport } from '../core/report';
import type { SheetAnalysis } from '../core/analyze';
import type { FileErrorCode, FileReport, HistoryReport, Report, Settings, SheetReport } from '../core/types';
import { checkWorkbook, gridWorkbook, type CheckedWorkbook } from '../xlsx';
import type { CliOptions } from './cli';
import { CLI_TEXT } from './messages';

export interface MergeIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

/** What commands.ts hands over: the expanded files, settings, its loader and writer. */
export interface MergeDeps {
  files: string[];
  settings: Settings;
  /** Reads and checks one file without writing; throws an error with `code` and a one-line message. */
  load: (file: string) => CheckedWorkbook;
  writeAtomic: (target: string, data: Uint8Array) => void;
  writeJson: (report: Report) => void;
  human: (report: Report) => string;
  /**
   * With `--previous` (earlier city workbooks): last period's sheets for the rules that compare
   * with it, the files read (never written), the 汇总 sheet's 挂牌 list and the report's history,
   * made as `check` makes them.
   */
  earlier?: {
    previous?: SheetAnalysis[];
    files: string[];
    history?: (sheets: SheetReport[]) => HistoryReport | undefined;
    apply: (report: Report) => HistoryReport;
  };
}

/** The report's `merge` part (report-v1, additive). */
export interface MergeReport {
  output: string;
  sheet: string;
  unit: '万元';
  sources: { file: string; sheet: string; unit: string; projects: number }[];
  conversions: MergeConversion[];
  failed: { file: string; code: FileErrorCode; message: string }[];
  counties: { name: string; projects: number; firstRow: number; lastRow: number; subtotalRow: number }[];
  totalRow: number;
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

export function runMerge(opts: CliOptions, io: MergeIo, deps: MergeDeps): number {
  const t = CLI_TEXT[opts.lang].merge;
  const out = opts.out;
  if (!/\.xlsx$/i.test(out)) {
    io.stderr(`${t.needOut}\n`);
    return 2;
  }
  let exit = 0;
  const sources: MergeSource[] = [];
  const failed: MergeReport['failed'] = [];
  const failedReports: FileReport[] = [];
  const inputs = new Set([...deps.files, ...(deps.earlier?.files ?? [])].map((f) => path.resolve(f)));
  if (inputs.has(path.resolve(out))) {
    io.stderr(`${t.needOut}\n`);
    return 2;
  }
  for (const file of deps.files) {
    try {
      const checked = deps.load(file);
      for (const a of checked.analyses) sources.push({ file: path.basename(file), analysis: a });
    } catch (e) {
      const code = ((e as { code?: FileErrorCode }).code ?? 'unreadable-file') as FileErrorCode;
      const message = oneLine(e instanceof Error ? e.message : String(e));
      io.stderr(`${file}: ${message}\n`);
      failed.push({ file, code, message });
      failedReports.push(failedFile(file, code, message));
      exit = 2;
    }
  }
  if (sources.length === 0) {
    io.stderr(`${t.nothing}\n`);
    return 2;
  }
  // The period is the sources' (the first file's, as `check` does for the city ranking).
  const asOf = deps.settings.asOf ?? sources[0].analysis.ledger.asOf;
  const merged = mergeLedgers(sources, opts.lang, asOf);
  for (const c of merged.conversions) io.stderr(`${t.converted(c.file, c.sheet, c.from)}\n`);
  const settings: Settings = {
    ...deps.settings,
    asOf,
    columnOverrides: { ...merged.columns },
    groupBy: 'group',
    sourceColumn: merged.sourceColumn,
  };
  const widths = merged.grid.values[2].map((_, c) => (c === merged.sourceColumn ? 28 : c === merged.columns.name ? 30 : 14));
  const bytes = gridWorkbook(merged.grid, { widths, boldRows: merged.boldRows });
  const checked = checkWorkbook(bytes, settings, { fileName: path.basename(out), previous: deps.earlier?.previous, history: deps.earlier?.history });
  if (!checked.output) throw new Error('merged workbook was not written');
  deps.writeAtomic(out, checked.output);
  if (checked.sheets.some((s) => s.issues.some((x) => x.severity === 'error'))) exit = Math.max(exit, 1);
  const analysis = checked.analyses[0];
  const report = buildReport([fileReport(out, out, checked.sheets), ...failedReports], settings, analysis.ledger.asOf, analysis.ledger.timeProgress);
  if (deps.earlier) {
    try {
      report.history = deps.earlier.apply(report);
    } catch (e) {
      io.stderr(`${oneLine(e instanceof Error ? e.message : String(e))}\n`);
      return 2;
    }
  }
  const mergeReport: MergeReport = {
    output: out,
    sheet: MERGED_SHEET,
    unit: '万元',
    sources: sources.map((s) => ({ file: s.file, sheet: s.analysis.ledger.sheet, unit: s.analysis.header.unit, projects: s.analysis.ledger.projects.length })),
    conversions: merged.conversions,
    failed,
    counties: merged.counties.map((k) => ({ name: k.name, projects: k.projects, firstRow: k.from + 1, lastRow: k.to + 1, subtotalRow: k.subtotalRow + 1 })),
    totalRow: merged.totalRow + 1,
  };
  const full = { ...report, merge: mergeReport };
  if (opts.json) deps.writeJson(full);
  else {
    io.stdout(deps.human(report));
    io.stderr(`${t.written(out, merged.sources.length, new Set(sources.map((s) => s.file)).size)}\n`);
  }
  return exit;
}
