/**
 * Every sentence of the pane and the web page, per language. Field, status,
 * severity and figure names come from src/i18n (one vocabulary everywhere);
 * these files have only the words of the UI itself: the shape here, one file
 * per language.
 */
import type { FileErrorCode, Lang } from '../../core/types';
import { en } from './en';
import { zhCN } from './zh-cn';
import { zhTW } from './zh-tw';

export interface PaneStrings {
  appTitle: string;
  check: string;
  language: string;
  langNames: Record<Lang, string>;
  intro: string;
  // columns
  columnsTitle: string;
  columnsHint: string;
  noColumn: string;
  notFound: (field: string) => string;
  /** Under a field whose column the figures chose among several (`others`: the columns weighed). */
  columnEvidence: (chosen: string, others: string, close: boolean) => string;
  /** Under the name field when the sheet's text chose its column: one distinct name a row (`others`: the columns weighed, may be empty). */
  nameEvidence: (chosen: string, others: string, close: boolean) => string;
  resetColumns: string;
  // settings
  settingsTitle: string;
  asOf: string;
  asOfHint: (fromSheet: string) => string;
  timeBasis: string;
  timeBasisMonth: string;
  timeBasisDay: string;
  lagWarn: string;
  lagAlert: string;
  rankMethod: string;
  rankCompetition: string;
  rankDense: string;
  startRateBase: string;
  /** The 分组 picker: how projects are grouped. */
  groupBy: string;
  /** The automatic choice, naming what it gives on this sheet. */
  groupAuto: (now: string) => string;
  /** A column that can group (its field and letter). */
  groupByColumn: (field: string, letter: string) => string;
  /** A level of the row tree (1 = outermost) and its first labels; `places` when they name places. */
  groupByLevel: (level: number, labels: string, places: boolean) => string;
  /** What the automatic choice gives when the sheet has no grouping. */
  groupNone: string;
  groupHint: string;
  baseAll: string;
  basePlanned: string;
  settingsSaved: string;
  badNumber: string;
  alertBelowWarn: string;
  // summary
  summaryTitle: string;
  sheet: string;
  asOfLine: (asOf: string, timeProgress: string) => string;
  /** Where the as-of date came from, when the sheet itself names no period. */
  asOfFrom: (source: 'file-name' | 'workbook', from: string) => string;
  gap: string;
  pointsShort: string;
  points: (signed: string) => string;
  rankingTitle: string;
  /** Captions and reference lines of the summary's charts. */
  rateChartTitle: string;
  timeProgressMark: (pct: string) => string;
  gapChartTitle: string;
  zeroPointsMark: string;
  groupName: string;
  bulletinTitle: string;
  // issues
  issuesTitle: string;
  filterLabel: string;
  all: string;
  showMore: (n: number) => string;
  goToCell: (cell: string) => string;
  // lagging
  laggingTitle: string;
  noLagging: string;
  /** Reports in a row a project has been behind (earlier periods given): `连续2期滞后`. */
  behindStreak: (n: number) => string;
  // actions
  actionsTitle: string;
  fill: string;
  mark: string;
  remove: string;
  fillDone: (sheets: number) => string;
  /** The sheet reaches XFD with no 6 free columns: no computed columns (as `ledger check` says it). */
  noRoom: (sheet: string) => string;
  markDone: (cells: number) => string;
  removeDone: string;
  /** 添加输入检查: the template's input rules on the ledger's input columns, no value changed. */
  inputRules: string;
  inputRulesDone: (ranges: number, kept: number, broken: number) => string;
  inputRulesUnsupported: string;
  inputRulesUnsupportedWps: string;
  inputRulesUnavailable: string;
  inputRulesNone: string;
  validating: string;
  checkDone: (issues: number) => string;
  // progress
  reading: string;
  checking: string;
  writing: string;
  marking: string;
  removing: string;
  // errors
  fileErrors: Record<FileErrorCode, string>;
  noLedger: (looked: string) => string;
  unexpected: string;
  noOffice: string;
  noOfficeLink: string;
  // web page
  webTitle: string;
  webIntro: string;
  dropTitle: string;
  chooseFile: string;
  /** The web page's second file input: earlier periods' ledgers, for lag that persists. */
  chooseEarlier: string;
  dropHint: string;
  loadingFile: (name: string) => string;
  notXlsx: string;
  downloadsTitle: string;
  downloadWorkbook: string;
  downloadReport: string;
  /** The 通报 as Word, the document `ledger bulletin --docx` writes. */
  downloadBulletin: string;
  downloadWorkbookHint: string;
  previewTitle: string;
  previewHint: string;
  previewCaption: (sheet: string, cell: string) => string;
  settingsSavedWeb: string;
  listSeparator: string;
}

const ALL: Record<Lang, PaneStrings> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };

export function paneStrings(lang: Lang): PaneStrings {
  return ALL[lang];
}
