/**
 * The engine's vocabulary: fields of a ledger, settings, issues, and the report
 * of shared/spec/report-v1.md. Every other module speaks these types.
 * Over 300 lines because it is the one vocabulary every room speaks, section by section
 * (settings, issues, header, rows, report, history, write plan) as report-v1 lists them: no logic,
 * and one file to read the whole contract in.
 */
import type { CellValue } from './grid';
import type { InputRule } from './template';

export type Lang = 'zh-CN' | 'zh-TW' | 'en';
export const LANGS: readonly Lang[] = ['zh-CN', 'zh-TW', 'en'];

/** The fields of domain.md §2 that a column can be mapped to. */
export type Field =
  | 'index' // 序号
  | 'name' // 项目名称
  | 'code' // 项目代码
  | 'group' // 县（市、区）
  | 'responsibleUnit' // 责任单位
  | 'leader' // 包联领导
  | 'nature' // 建设性质
  | 'scope' // 建设规模及主要内容
  | 'startDate' // 开工时间
  | 'finishDate' // 竣工时间
  | 'period' // 建设起止年限
  | 'totalInvestment' // 总投资
  | 'completedBeforeYear' // 截至上年底累计完成投资
  | 'annualPlan' // 年度计划投资
  | 'monthCompleted' // 本月完成投资
  | 'completedYtd' // 1-N月完成投资
  | 'completedSinceStart' // 开工以来累计完成投资
  | 'reportedRate' // 投资完成率（typed in the sheet）
  | 'status' // 是否开工 / 项目进展状态
  | 'progressText' // 形象进度
  | 'problems' // 存在问题
  | 'fundsArrived' // 资金到位
  | 'remarks'; // 备注

export const FIELDS: readonly Field[] = [
  'index', 'name', 'code', 'group', 'responsibleUnit', 'leader', 'nature', 'scope',
  'startDate', 'finishDate', 'period', 'totalInvestment', 'completedBeforeYear', 'annualPlan',
  'monthCompleted', 'completedYtd', 'completedSinceStart', 'reportedRate', 'status',
  'progressText', 'problems', 'fundsArrived', 'remarks',
];

/** Amount fields: read as numbers and converted to 万元. */
export const AMOUNT_FIELDS: readonly Field[] = [
  'totalInvestment', 'completedBeforeYear', 'annualPlan', 'monthCompleted', 'completedYtd',
  'completedSinceStart', 'fundsArrived',
];

export type Unit = '元' | '万元' | '亿元';
/** How many 万元 one unit is. */
export const UNIT_IN_WAN: Record<Unit, number> = { 元: 0.0001, 万元: 1, 亿元: 10000 };

export type TimeBasis = 'month' | 'day';
export type RankMethod = 'competition' | 'dense';

export interface Settings {
  /** Report date YYYY-MM-DD; when absent, read from the sheet, else `today`. */
  asOf?: string;
  /** Today's date YYYY-MM-DD, handed in by the host (the core never reads the clock). */
  today: string;
  timeBasis: TimeBasis;
  lang: Lang;
  /** Field that groups projects; default: group column, else responsible unit, else headings. */
  groupBy?: Field;
  /**
   * The level of the row tree (1 = outermost, `Ledger.rowLevels`) whose labels group the
   * projects (`--group-by level:2`); it wins over `groupBy`. A level the sheet lacks is ignored.
   */
  groupLevel?: number;
  rankMethod: RankMethod;
  /** Points below time progress that make a project `behind`. */
  lagWarn: number;
  /** Points below time progress that make a project `seriously-behind`. */
  lagAlert: number;
  /** 开工率 denominator: every project, or only those planned to start by the as-of date. */
  startRateBase: 'all' | 'planned';
  /** Tolerance when comparing typed rates (fraction, 0.001 = 0.1 %). */
  rateTolerance: number;
  /** Tolerance when comparing sums (万元). */
  sumTolerance: number;
  /** The user's corrections of the column mapping: field → 0-based column (-1 = none). */
  columnOverrides?: Partial<Record<Field, number>>;
  /**
   * A merged city sheet's 来源 column (0-based), holding `file!sheet!row` per project: set by
   * `ledger merge`, so a project found in two files is said as such (duplicate-across-files).
   */
  sourceColumn?: number;
}

export const DEFAULT_SETTINGS: Omit<Settings, 'today'> = {
  timeBasis: 'month',
  lang: 'zh-CN',
  rankMethod: 'competition',
  lagWarn: 0,
  lagAlert: 10,
  startRateBase: 'all',
  rateTolerance: 0.0015,
  sumTolerance: 0.5,
};

// ---------------------------------------------------------------- issues

export type Severity = 'error' | 'warning' | 'info';

export type IssueCode =
  | 'missing-required'
  | 'not-a-number'
  | 'number-as-text'
  | 'approximate-figure'
  | 'row-unaccounted'
  | 'column-skipped'
  | 'negative-value'
  | 'formula-error'
  | 'completed-exceeds-total'
  | 'plan-exceeds-total'
  | 'month-exceeds-ytd'
  | 'duplicate-project'
  | 'invalid-project-code'
  | 'status-inconsistent'
  | 'reported-rate-mismatch'
  | 'subtotal-mismatch'
  | 'date-invalid'
  | 'date-order'
  | 'unit-suspect'
  | 'text-noise'
  | 'decreased-since-previous'
  | 'project-added'
  | 'project-removed'
  | 'column-ambiguous'
  | 'columns-suspect'
  | 'period-mismatch'
  | 'rows-ambiguous'
  | 'duplicate-across-files'
  | 'input-rule-broken';

/** Codes no check rule gives: 添加输入检查 (core/input-rules.ts) lists them when it lays its rules. */
export type InputIssueCode = 'input-rule-broken';

export const ISSUE_CODES: readonly IssueCode[] = [
  'missing-required', 'not-a-number', 'number-as-text', 'approximate-figure', 'row-unaccounted', 'column-skipped', 'negative-value', 'formula-error',
  'completed-exceeds-total', 'plan-exceeds-total', 'month-exceeds-ytd', 'duplicate-project',
  'invalid-project-code', 'status-inconsistent', 'reported-rate-mismatch', 'subtotal-mismatch',
  'date-invalid', 'date-order', 'unit-suspect', 'text-noise', 'decreased-since-previous',
  'project-added', 'project-removed', 'column-ambiguous', 'columns-suspect', 'period-mismatch',
  'rows-ambiguous', 'duplicate-across-files', 'input-rule-broken',
];

export type FileErrorCode =
  | 'unreadable-file'
  | 'not-a-workbook'
  | 'encrypted-workbook'
  | 'no-ledger-found'
  | 'too-large';

/** Parameters a locale turns into a sentence. Values are plain data. */
export type IssueParams = Record<string, string | number | boolean | null>;

/** An issue as rules produce it: data, no sentence yet. */
export interface RawIssue {
  code: IssueCode;
  severity: Severity;
  /** 0-based cell at fault. */
  r: number;
  c: number;
  params: IssueParams;
  /** The value that would repair the cell, when the repair is safe. */
  fix: CellValue | null;
  /** A finding said once for a column's cells (text figures): every row it covers, in column c, r first. */
  rows?: number[];
}

/** An issue as the report carries it. */
export interface Issue {
  code: IssueCode;
  severity: Severity;
  cell: string;
  message: string;
  fix: CellValue | null;
  params: IssueParams;
  /** A finding said once for several cells: each cell's A1 address, `cell` first. */
  cells?: string[];
}

// ---------------------------------------------------------------- ledger

export type ProjectStatus =
  | 'on-track'
  | 'behind'
  | 'seriously-behind'
  | 'overdue-start'
  | 'pending'
  | 'unknown';

export type RowKind =
  | 'project'
  | 'total' // 合计 / 总计
  | 'subtotal' // 小计, or a heading row that carries its block's sums
  | 'heading' // 一、交通（48项） with no figures
  | 'breakdown' // 其中：…
  | 'footer' // 填报单位：, 注：
  | 'blank';

/** A date as far as the sheet tells it. */
export interface LooseDate {
  year: number;
  month?: number; // 1-12
  day?: number; // 1-31
}

// ---------------------------------------------------------------- header

/** How a column came to be read as a field, and what else could have been. */
export interface ColumnChoice {
  /** 0-based column. */
  column: number;
  /** header: its text alone; evidence: the sheet's figures decided; override: the user's mapping. */
  source: 'header' | 'evidence' | 'override';
  /** The columns weighed, best first, with their scores and the checks that held. */
  candidates?: { column: number; score: number; checks: string[] }[];
  /** The figures could not tell the best reading from the next. */
  ambiguous?: boolean;
}

/** What the header finder understood of a sheet. */
export interface HeaderInfo {
  /** 0-based rows of the header (one or two, sometimes three). */
  rows: number[];
  /** First 0-based row after the header. */
  dataStart: number;
  /** Field → 0-based column. */
  columns: Partial<Record<Field, number>>;
  /** Header text per column, levels joined with ` / ` (`2022年 / 1-6月完成`). */
  labels: string[];
  /** The sheet's unit for amounts, and how it was written (`单位：万元`). */
  unit: Unit;
  unitText: string | null;
  /** Where the unit differs per column (`总投资（亿元）` in a 万元 sheet). */
  columnUnits: Partial<Record<Field, Unit>>;
  /** True when the reported-rate column holds percent numbers (22.5) rather than fractions (header/rate-scale.ts). */
  ratePercentNumbers: boolean;
  /** True when its text with `%` is a ratio with a stray sign (`0.225%` for 22.5%), as the figures show. */
  ratePercentTextRatio?: boolean;
  /** As-of period read from the title or header, if any (the title's when both name one). */
  asOf: PeriodClaim | null;
  /**
   * Every period the sheet names, the title's first, then the header's (year-to-date,
   * then this-month column): the as-of date is the first; the others are checked against it.
   */
  asOfClaims?: PeriodClaim[];
  /** The year the title or the plan and year-to-date headers name (`2022年…`), if any. */
  year?: number;
  /** Title lines above the header (text). */
  title: string[];
  /** Columns this tool wrote on an earlier run (found by their header text), to be replaced. */
  ownColumns: number[];
  /** 0..1: how sure we are this is a ledger (fraction of key fields found). */
  confidence: number;
  /** Per mapped field, how its column was chosen. */
  columnChoices?: Partial<Record<Field, ColumnChoice>>;
  /** Columns whose header read as a field but that lost it, hidden or empty, to a visible, filled one. */
  skippedColumns?: SkippedColumn[];
  /**
   * Period columns that continue the year to date (`8月上旬完成`, `8月中旬完成` after
   * `1-7月完成投资`): this year's completed is the year-to-date cell plus these (header/continuation.ts).
   */
  ytdParts?: number[];
}

export interface SkippedColumn {
  field: Field;
  /** The column skipped, and the one chosen instead (0-based). */
  column: number;
  chosen: number;
  /** Hidden in the sheet (else: empty in the rows read). */
  hidden: boolean;
}

/** A period a title line or a header names, and the cell that names it. */
export interface PeriodClaim {
  year?: number;
  month: number;
  /** The text the period was read from. */
  source: string;
  /** The day, when the text names one (`截至6月20日`, `6月上旬`); else the month's end. */
  day?: number;
  /** Where the text sits: a title line above the header, or a header cell. */
  from?: 'title' | 'header';
  /** 0-based cell of the text, when known. */
  r?: number;
  c?: number;
}

/** A period named elsewhere (header, file name) that differs from the one the as-of date was taken from. */
export interface PeriodConflict {
  /** 0-based cell the issue sits on: the header that lost, or else the claim that won. */
  r: number;
  c: number;
  chosen: { from: 'title' | 'header'; source: string };
  other: { from: 'header' | 'file-name'; source: string; date: string };
}

/** Where a sheet's as-of date came from (report-v1, additive). */
export type AsOfSource = 'option' | 'title' | 'header' | 'workbook' | 'file-name' | 'today';

/** A sheet that is not a ledger, and what was looked for. */
export interface NoLedger {
  reason: 'empty-sheet' | 'no-header' | 'missing-key-columns';
  /** Fields that were looked for but not found. */
  missing: Field[];
}

// ---------------------------------------------------------------- ledger rows

export interface ClassifiedRow {
  r: number;
  kind: RowKind;
  /** Heading level (1 = `一、`, 2 = `（一）`, …) for heading and subtotal rows made from headings. */
  level?: number;
  /** Label text of a heading, subtotal or total (`交通`, `阳谷县`). */
  label?: string;
  /** A count written in the label (`（48项）` → 48). */
  declaredCount?: number;
  /** Outermost heading above this row. */
  group?: string;
  /** Inner heading above this row. */
  subgroup?: string;
  /** The row is hidden in the sheet (still data, classified like any other). */
  hidden?: boolean;
}

/** A number as read from a cell, with what was wrong with it. */
export interface ReadNumber {
  value: number | null;
  kind: 'blank' | 'number' | 'text-number' | 'not-a-number' | 'error';
  /** The raw cell (for messages). */
  raw: CellValue;
}

export interface Project {
  /** 0-based sheet row. */
  r: number;
  name: string;
  code: string | null;
  group: string;
  subgroup: string | null;
  /** Started (开工): from the status column, or inferred; null when unknown. */
  started: boolean | null;
  /** Amounts in 万元 (null when blank or unreadable). */
  totalInvestment: number | null;
  completedBeforeYear: number | null;
  annualPlan: number | null;
  monthCompleted: number | null;
  completedYtd: number | null;
  completedSinceStart: number | null;
  fundsArrived: number | null;
  /** Typed rate as a fraction (0.225), when the sheet has one. */
  reportedRate: number | null;
  startDate: LooseDate | null;
  finishDate: LooseDate | null;
  statusText: string | null;
  nature: string | null;
  // computed
  completionRate: number | null;
  gapPp: number | null;
  status: ProjectStatus;
  rankInGroup: number | null;
  rank: number | null;
}

export interface GroupFigures {
  name: string;
  projects: number;
  started: number;
  startRate: number | null;
  totalInvestment: number;
  annualPlan: number;
  completedYtd: number;
  completionRate: number | null;
  gapPp: number | null;
  lagging: number;
  rank: number | null;
}

/** A sheet understood as a ledger, with every figure computed. */
export interface Ledger {
  sheet: string;
  header: HeaderInfo;
  rows: ClassifiedRow[];
  projects: Project[];
  groups: GroupFigures[];
  total: GroupFigures;
  asOf: string; // YYYY-MM-DD
  timeProgress: number;
  /** Where the as-of date came from (core/period.ts); set by the analysis. */
  asOfSource?: AsOfSource;
  /** The text it was read from: the title line, header, file name, or the sheet whose period was shared. */
  asOfFrom?: string;
  /** Periods named elsewhere (header, file name) that differ from the chosen one. */
  periodConflicts?: PeriodConflict[];
  /** Where the group came from: a column, or the headings. */
  groupSource: Field | 'heading' | 'none';
  /** Each total, subtotal and heading row and the projects it covers (ledger/row-tree.ts). */
  blocks?: RowBlock[];
  /** Rows whose sums fit two readings; the choice made (ledger/row-tree.ts). */
  rowsAmbiguous?: AmbiguousRow[];
  /** The levels of the row tree, outermost first, and which one groups the projects. */
  rowLevels?: RowLevel[];
}

/** A total, subtotal or heading row and the project rows it covers: from ≤ project.r < to. */
export interface RowBlock {
  r: number;
  from: number;
  to: number;
  /** `layout`: the labels and their order gave the block; `sums`: the row's figures did. */
  by: 'layout' | 'sums';
}

/** A row whose figures add up both the projects above it and those below it. */
export interface AmbiguousRow {
  r: number;
  /** Which block was taken, and its first and last sheet rows (0-based). */
  chosen: 'above' | 'below';
  chosenRows: [number, number];
  otherRows: [number, number];
}

/** One level of the row tree: its labels, whether they name places, and its use. */
export interface RowLevel {
  depth: number;
  labels: string[];
  places: boolean;
  use: 'group' | 'subgroup' | 'none';
}

// ---------------------------------------------------------------- report (report-v1)

export interface ProjectReport {
  row: number; // 1-based
  name: string;
  code: string | null;
  group: string;
  subgroup?: string;
  started: boolean | null;
  totalInvestment: number | null;
  annualPlan: number | null;
  completedYtd: number | null;
  completionRate: number | null;
  gapPp: number | null;
  status: ProjectStatus;
  rankInGroup: number | null;
  rank: number | null;
  /** With earlier periods (`--previous`): reports in a row, this one included, behind or seriously behind. */
  behindStreak?: number;
  /** With earlier periods: calendar months of the reports in a row, this one included, it was not started in. */
  notStartedMonths?: number;
  /** With earlier periods: on the 挂牌 list this period (see `Report.history`). */
  listed?: boolean;
}

export type OutputKey = 'completionRate' | 'gapPp' | 'status' | 'rankInGroup' | 'rank';
export const OUTPUT_KEYS: readonly OutputKey[] = ['completionRate', 'gapPp', 'status', 'rankInGroup', 'rank'];

/** How one field's column was chosen (report-v1, optional). */
export interface ColumnEvidence {
  column: string;
  header: string;
  source: 'header' | 'evidence' | 'override';
  ambiguous?: boolean;
  candidates?: { column: string; score: number; checks: string[] }[];
}

export interface SheetReport {
  sheet: string;
  header: { rows: number[]; unit: string };
  columns: Partial<Record<Field, string>>;
  /** Per mapped field: the column's header text and how it was chosen. */
  columnEvidence?: Partial<Record<Field, ColumnEvidence>>;
  /** Period columns added to `columns.completedYtd` to give this year's completed (`8月上旬完成`, `8月中旬完成`). */
  completedYtdParts?: string[];
  outputColumns: Partial<Record<OutputKey, string>>;
  projects: ProjectReport[];
  groups: GroupFigures[];
  total: GroupFigures;
  issues: Issue[];
  asOf: string;
  /** Where `asOf` came from: `option` (--as-of), `title`, `header`, `workbook` (another sheet), `file-name`, `today`. */
  asOfSource?: AsOfSource;
  /** The text `asOf` was read from (title line, header, file name, or the sheet that named the period). */
  asOfFrom?: string;
  timeProgress: number;
  /** Every row from the header down by its role (ledger/row-account.ts). */
  rowAccount?: RowAccount;
  /** Where each project's `group` came from (a field, the row tree's levels, or none). */
  groupSource?: Ledger['groupSource'];
  /** The levels of the row tree, outermost first (level 1), when rows nest. */
  rowLevels?: RowLevelReport[];
}

/** One level of the row tree in the report: its labels (at most 50, `moreLabels` the rest) and use. */
export interface RowLevelReport {
  level: number;
  labels: string[];
  moreLabels?: number;
  places: boolean;
  use: RowLevel['use'];
}

/**
 * The sheet's rows from the header down by role (report-v1, additive): `rows` non-blank
 * rows in all, equal to the sum of the others when every row is accounted for.
 */
export interface RowAccount {
  rows: number;
  header: number;
  project: number;
  total: number;
  subtotal: number;
  heading: number;
  breakdown: number;
  footer: number;
  /** A 序号 and nothing else: an empty line of a template. */
  numberedEmpty: number;
}

export interface RankingEntry {
  name: string;
  file: string;
  sheet: string;
  completionRate: number | null;
  gapPp: number | null;
  rank: number | null;
}

export interface FileReport {
  file: string;
  output: string | null;
  error: { code: FileErrorCode; message: string } | null;
  sheets: SheetReport[];
}

export interface Report {
  schema: 'ledger-report/1';
  asOf: string;
  timeBasis: TimeBasis;
  timeProgress: number;
  files: FileReport[];
  ranking: RankingEntry[];
  /** Lag that persists, when earlier periods were given (core/history). */
  history?: HistoryReport;
}

// ---------------------------------------------------------------- history (lag that persists)

/** Why a project is on the 挂牌 list. */
export type ListReason = 'seriously-behind' | 'overdue-start' | 'behind-streak' | 'not-started';

/** The settable rule of the 挂牌 list. */
export interface ListRule {
  /** Behind (or seriously behind) this many reports in a row lists a project. */
  listAfter: number;
  /** Not started over this many months of reports lists a project (0: never by this reason). */
  listNotStarted: number;
}

export const DEFAULT_LIST_RULE: ListRule = { listAfter: 2, listNotStarted: 3 };

export interface ListedProject {
  name: string;
  code: string | null;
  group: string;
  file: string;
  sheet: string;
  /** 1-based sheet row. */
  row: number;
  status: ProjectStatus;
  completionRate: number | null;
  gapPp: number | null;
  behindStreak: number;
  notStartedMonths: number;
  reasons: ListReason[];
  /** Not on the list last period. */
  newlyListed: boolean;
}

/** A project listed last period and not this one (摘牌). */
export interface DelistedProject {
  name: string;
  code: string | null;
  group: string;
  /** Where it is this period; null when it is no longer in the ledgers. */
  file: string | null;
  sheet: string | null;
  row: number | null;
  /** Its status this period; null when it is gone. */
  status: ProjectStatus | null;
  /** Why it was listed last period. */
  previousReasons: ListReason[];
}

export interface HistoryReport {
  /** The earlier periods, oldest first, and the files each was read from. */
  periods: { asOf: string; files: string[] }[];
  rule: ListRule;
  listed: ListedProject[];
  delisted: DelistedProject[];
}

// ---------------------------------------------------------------- write plan

/** One cell a host must write. `formula` has no leading `=`; `value` is its cached result. */
export interface PlanCell {
  r: number;
  c: number;
  value: CellValue;
  formula?: string;
  numFmt?: string;
  bold?: boolean;
  /** Hyperlink to a cell of the workbook (`'Sheet 1'!B6`). */
  link?: string;
}

export interface PlanSheet {
  name: string;
  cells: PlanCell[];
  /** Column widths in characters, by 0-based column. */
  widths?: Record<number, number>;
  /** Native charts drawn over the sheet, their data in its cells (the 汇总 chart). */
  charts?: PlanChart[];
}

/** A cell range of one column on the plan's sheet, rows r0..r1 (0-based, inclusive), with the values written there. */
export interface PlanSeriesRange {
  c: number;
  r0: number;
  r1: number;
  values: (string | number | null)[];
}

/**
 * A clustered bar chart, bars across, first category on top: its title, where it sits
 * (top-left and bottom-right cells, 0-based), its category labels and its series, each
 * named and coloured (RRGGBB), all read from the sheet's cells so the chart follows them.
 */
export interface PlanChart {
  title: string;
  from: { r: number; c: number };
  to: { r: number; c: number };
  categories: PlanSeriesRange;
  series: (PlanSeriesRange & { name: string; color: string; numFmt: string })[];
}

/**
 * What a host must write to annotate a ledger sheet: the computed columns as live
 * formulas with cached values, a named cell holding time progress, fills for
 * lagging rows, marks and notes on faulty cells, and the tool's own sheets.
 * Everything here goes into cells, columns, sheets and names the tool owns.
 */
export interface WritePlan {
  sheet: string;
  /** Columns (0-based) the tool owns on the ledger sheet, cleared before writing. */
  ownColumns: number[];
  /** Header row (0-based) of the computed columns. */
  headerRow: number;
  cells: PlanCell[];
  /** Defined names: name → cell on a sheet of the plan. */
  names: { name: string; sheet: string; r: number; c: number }[];
  /** Conditional fills over the ledger's project rows. `formula` is relative to the range's top-left cell. */
  conditionalFormats: { r0: number; c0: number; r1: number; c1: number; formula: string; fill: 'red' | 'yellow' }[];
  /** Cells at fault: a mark and a note. */
  marks: { r: number; c: number; severity: Severity; note: string }[];
  /** 添加输入检查: input rules for the sheet's `<dataValidations>` (core/input-rules.ts); none when absent. */
  inputRules?: InputRule[];
  /** Sheets the tool owns (汇总, 问题清单), replaced whole on every run. */
  sheets: PlanSheet[];
  /** Owned columns to hide (the rank key that rank formulas read). */
  hiddenColumns?: number[];
  /**
   * Names of sheets from earlier runs (in any language) to drop before adding `sheets`.
   * A host drops such a sheet only when one of the tool's names (namePrefix) points into
   * it (see core/tool-sheets.ts); a user's sheet of the same name stays, and the tool's
   * sheet is written beside it under another name.
   */
  replaceSheets?: string[];
  /** Defined names starting with this prefix belong to the tool and are replaced. */
  namePrefix?: string;
}
