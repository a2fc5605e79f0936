/** Text the write plan puts into the workbook, per language. */
import { messages } from '../i18n/index';
import type { Lang, ProjectStatus } from './types';

export interface PlanLabels {
  summarySheet: string;
  issuesSheet: string;
  rankKey: string;
  /** The status words, as the messages give them. */
  status: Record<ProjectStatus, string>;
  asOf: string;
  timeProgress: string;
  lagWarn: string;
  lagAlert: string;
  editHint: string;
  group: string;
  projects: string;
  started: string;
  startRate: string;
  totalInvestment: string;
  annualPlan: string;
  completedYtd: string;
  completionRate: string;
  gapPp: string;
  lagging: string;
  rank: string;
  total: string;
  sheet: string;
  no: string;
  cell: string;
  severity: string;
  code: string;
  message: string;
  fix: string;
  severityNames: Record<'error' | 'warning' | 'info', string>;
  unitNote: string;
  /** The 汇总 chart's title, given the sheet: groups' completion rate beside time progress. */
  chartTitle: (sheet: string) => string;
  /** The 挂牌 list on 汇总 (earlier periods given): its title, the bulletin's heading. */
  listedTitle: string;
  projectName: string;
  behindStreak: string;
  listReasons: string;
  newlyListed: string;
  yes: string;
}

export const PLAN_LABELS: Record<Lang, PlanLabels> = {
  'zh-CN': {
    summarySheet: '汇总',
    issuesSheet: '问题清单',
    rankKey: '排名依据',
    status: messages('zh-CN').status,
    asOf: '截至日期',
    timeProgress: '时间进度',
    lagWarn: '滞后线（低于时间进度百分点）',
    lagAlert: '严重滞后线（低于时间进度百分点）',
    editHint: '修改以上数值，台账中的计算列随之更新',
    group: '分组',
    projects: '项目数',
    started: '已开工',
    startRate: '开工率',
    totalInvestment: '总投资（万元）',
    annualPlan: '年度计划投资（万元）',
    completedYtd: '完成投资（万元）',
    completionRate: '完成率',
    gapPp: '与时间进度差（百分点）',
    lagging: '滞后项目',
    rank: '排名',
    total: '合计',
    sheet: '工作表',
    no: '序号',
    cell: '单元格',
    severity: '严重程度',
    code: '代码',
    message: '说明',
    fix: '建议值',
    severityNames: { error: '错误', warning: '警告', info: '提示' },
    unitNote: '金额单位：万元',
    chartTitle: (s) => `${s}：各组完成率与时间进度`,
    listedTitle: '挂牌督办项目',
    projectName: '项目名称',
    behindStreak: '连续滞后期数',
    listReasons: '挂牌原因',
    newlyListed: '本期新挂牌',
    yes: '是',
  },
  'zh-TW': {
    summarySheet: '彙總',
    issuesSheet: '問題清單',
    rankKey: '排名依據',
    status: messages('zh-TW').status,
    asOf: '截至日期',
    timeProgress: '時間進度',
    lagWarn: '滯後線（低於時間進度百分點）',
    lagAlert: '嚴重滯後線（低於時間進度百分點）',
    editHint: '修改以上數值，台賬中的計算列隨之更新',
    group: '分組',
    projects: '項目數',
    started: '已開工',
    startRate: '開工率',
    totalInvestment: '總投資（萬元）',
    annualPlan: '年度計劃投資（萬元）',
    completedYtd: '完成投資（萬元）',
    completionRate: '完成率',
    gapPp: '與時間進度差（百分點）',
    lagging: '滯後項目',
    rank: '排名',
    total: '合計',
    sheet: '工作表',
    no: '序號',
    cell: '儲存格',
    severity: '嚴重程度',
    code: '代碼',
    message: '說明',
    fix: '建議值',
    severityNames: { error: '錯誤', warning: '警告', info: '提示' },
    unitNote: '金額單位：萬元',
    chartTitle: (s) => `${s}：各組完成率與時間進度`,
    listedTitle: '掛牌督辦項目',
    projectName: '項目名稱',
    behindStreak: '連續滯後期數',
    listReasons: '掛牌原因',
    newlyListed: '本期新掛牌',
    yes: '是',
  },
  en: {
    summarySheet: 'Summary',
    issuesSheet: 'Issues',
    rankKey: 'Rank key',
    status: messages('en').status,
    asOf: 'As of',
    timeProgress: 'Time progress',
    lagWarn: 'Behind below time progress by (pp)',
    lagAlert: 'Seriously behind below time progress by (pp)',
    editHint: 'Change these values and the computed columns of the ledger follow',
    group: 'Group',
    projects: 'Projects',
    started: 'Started',
    startRate: 'Start rate',
    totalInvestment: 'Total investment (10k CNY)',
    annualPlan: 'Annual plan (10k CNY)',
    completedYtd: 'Completed (10k CNY)',
    completionRate: 'Completion rate',
    gapPp: 'Gap (pp)',
    lagging: 'Lagging',
    rank: 'Rank',
    total: 'Total',
    sheet: 'Sheet',
    no: 'No.',
    cell: 'Cell',
    severity: 'Severity',
    code: 'Code',
    message: 'Message',
    fix: 'Suggested value',
    severityNames: { error: 'Error', warning: 'Warning', info: 'Info' },
    unitNote: 'Amounts in 10,000 CNY (万元)',
    chartTitle: (s) => `${s}: completion rate by group against time progress`,
    listedTitle: 'Projects on the watch list (挂牌督办)',
    projectName: 'Project',
    behindStreak: 'Reports behind in a row',
    listReasons: 'Why listed',
    newlyListed: 'Newly listed',
    yes: 'yes',
  },
};

/** Every name the tool's sheets have had in any language: replaced on every run. */
export const TOOL_SHEET_NAMES: readonly string[] = Object.values(PLAN_LABELS).flatMap((l) => [l.summarySheet, l.issuesSheet]);

/** Every header the hidden rank-key column has had in any language. */
export const RANK_KEY_HEADERS: readonly string[] = Object.values(PLAN_LABELS).map((l) => l.rankKey);

/** Defined names the tool owns; all start with this prefix. */
export const NAME_PREFIX = 'LC_';
export const NAMES = {
  timeProgress: 'LC_TimeProgress',
  lagWarn: 'LC_LagWarn',
  lagAlert: 'LC_LagAlert',
  /** Points at the issues sheet, so the tool knows that sheet as its own on the next run. */
  issueList: 'LC_IssueList',
} as const;
