/**
 * The report of shared/spec/report-v1.md, built from analysed sheets.
 * Amounts in 万元, rates as fractions, gaps in percentage points.
 */
import type { SheetAnalysis } from './analyze';
import { colLetter } from './grid';
import { ledgerRowAccount } from './ledger/row-account';
import { outputColumnLetters } from './plan';
import { byRank, rankValues } from './rank';
import { toPrecision12 } from './round';
import type {
  ColumnChoice, ColumnEvidence, FileErrorCode, FileReport, GroupFigures, Issue, ProjectReport, RankingEntry, Report, RowLevel, RowLevelReport,
  Settings, SheetReport, Field,
} from './types';

const SCHEMA = 'ledger-report/1' as const;

/** Rounds away binary noise (0.1+0.2) so the JSON shows what a person computes. */
function clean(x: number | null): number | null {
  if (x === null || !Number.isFinite(x)) return x === null ? null : null;
  return toPrecision12(x);
}

function cleanGroup(g: GroupFigures): GroupFigures {
  return {
    ...g,
    startRate: clean(g.startRate),
    totalInvestment: clean(g.totalInvestment) ?? 0,
    annualPlan: clean(g.annualPlan) ?? 0,
    completedYtd: clean(g.completedYtd) ?? 0,
    completionRate: clean(g.completionRate),
    gapPp: clean(g.gapPp),
  };
}

/** The unit word as the sheet writes it (`億元` stays traditional), without `单位：`. */
function unitAsWritten(header: SheetAnalysis['header']): string {
  const m = header.unitText ? /(万元|萬元|亿元|億元|元)/.exec(header.unitText) : null;
  return m ? m[1] : header.unit;
}

/** Labels a level lists in the report; the rest are counted. */
const MAX_LEVEL_LABELS = 50;

function levelReport(l: RowLevel): RowLevelReport {
  const out: RowLevelReport = { level: l.depth + 1, labels: l.labels.slice(0, MAX_LEVEL_LABELS), places: l.places, use: l.use };
  if (l.labels.length > MAX_LEVEL_LABELS) out.moreLabels = l.labels.length - MAX_LEVEL_LABELS;
  return out;
}

export function sheetReport(analysis: SheetAnalysis, issues: Issue[]): SheetReport {
  const { grid, header, ledger } = analysis;
  const columns: Partial<Record<Field, string>> = {};
  for (const [field, c] of Object.entries(header.columns) as [Field, number][]) columns[field] = colLetter(c);
  let columnEvidence: Partial<Record<Field, ColumnEvidence>> | undefined;
  if (header.columnChoices) {
    columnEvidence = {};
    for (const [field, ch] of Object.entries(header.columnChoices) as [Field, ColumnChoice][]) {
      const e: ColumnEvidence = { column: colLetter(ch.column), header: header.labels[ch.column] ?? '', source: ch.source };
      if (ch.ambiguous) e.ambiguous = true;
      if (ch.candidates) e.candidates = ch.candidates.map((k) => ({ column: colLetter(k.column), score: k.score, checks: k.checks }));
      columnEvidence[field] = e;
    }
  }
  const projects: ProjectReport[] = ledger.projects.map((p) => {
    const out: ProjectReport = {
      row: p.r + 1,
      name: p.name,
      code: p.code,
      group: p.group,
      started: p.started,
      totalInvestment: clean(p.totalInvestment),
      annualPlan: clean(p.annualPlan),
      completedYtd: clean(p.completedYtd),
      completionRate: clean(p.completionRate),
      gapPp: clean(p.gapPp),
      status: p.status,
      rankInGroup: p.rankInGroup,
      rank: p.rank,
    };
    if (p.subgroup) out.subgroup = p.subgroup;
    return out;
  });
  return {
    sheet: ledger.sheet,
    header: { rows: header.rows.map((r) => r + 1), unit: unitAsWritten(header) },
    columns,
    ...(columnEvidence ? { columnEvidence } : {}),
    ...(header.ytdParts?.length ? { completedYtdParts: header.ytdParts.map(colLetter) } : {}),
    outputColumns: outputColumnLetters(grid, header),
    projects,
    groups: ledger.groups.map(cleanGroup),
    total: cleanGroup(ledger.total),
    issues,
    asOf: ledger.asOf,
    ...(ledger.asOfSource ? { asOfSource: ledger.asOfSource } : {}),
    ...(ledger.asOfFrom !== undefined ? { asOfFrom: ledger.asOfFrom } : {}),
    timeProgress: clean(ledger.timeProgress) ?? 0,
    rowAccount: ledgerRowAccount(grid, ledger).account,
    groupSource: ledger.groupSource,
    ...(ledger.rowLevels?.length ? { rowLevels: ledger.rowLevels.map(levelReport) } : {}),
  };
}

export function fileReport(file: string, output: string | null, sheets: SheetReport[]): FileReport {
  return { file, output, error: null, sheets };
}

export function failedFile(file: string, code: FileErrorCode, message: string): FileReport {
  return { file, output: null, error: { code, message }, sheets: [] };
}

/** Ranks every group of every sheet of every file: the city-wide table. */
export function cityRanking(files: FileReport[], settings: Settings): RankingEntry[] {
  const entries: RankingEntry[] = [];
  for (const f of files) {
    for (const s of f.sheets) {
      // A sheet with a single group (one county's workbook) ranks as that group.
      for (const g of s.groups) {
        entries.push({ name: g.name, file: f.file, sheet: s.sheet, completionRate: g.completionRate, gapPp: g.gapPp, rank: null });
      }
    }
  }
  const ranks = rankValues(entries.map((e) => e.completionRate), settings.rankMethod, 3);
  entries.forEach((e, i) => (e.rank = ranks[i]));
  return byRank(entries);
}

export function buildReport(files: FileReport[], settings: Settings, asOf: string, timeProgress: number): Report {
  return {
    schema: SCHEMA,
    asOf,
    timeBasis: settings.timeBasis,
    timeProgress: clean(timeProgress) ?? 0,
    files,
    ranking: cityRanking(files, settings),
  };
}
