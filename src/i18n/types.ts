/** The shape every locale fills: issue sentences, field names and labels. */
import type { Field, FileErrorCode, IssueCode, IssueParams, Lang, ProjectStatus, Severity, Unit } from '../core/types';

/** Labels the CLI report, the summary sheet and the bulletin need. */
export type UiKey =
  | 'project'
  | 'projects'
  | 'started'
  | 'notStarted'
  | 'startRate'
  | 'totalInvestment'
  | 'annualPlan'
  | 'completedYtd'
  | 'completionRate'
  | 'gapPp'
  | 'status'
  | 'rank'
  | 'rankInGroup'
  | 'group'
  | 'total'
  | 'subtotal'
  | 'lagging'
  | 'issues'
  | 'summary'
  | 'timeProgress'
  | 'asOf'
  | 'sheet'
  | 'file'
  | 'row'
  | 'cell'
  | 'severity'
  | 'code'
  | 'message'
  | 'fix'
  | 'unit'
  | 'percentPoints'
  | 'aheadOfTime'
  | 'behindTime'
  | 'onTime'
  | 'noIssues'
  | 'issueCount'
  | 'output'
  | 'header'
  | 'ranking';

export const UI_KEYS: readonly UiKey[] = [
  'project', 'projects', 'started', 'notStarted', 'startRate', 'totalInvestment', 'annualPlan',
  'completedYtd', 'completionRate', 'gapPp', 'status', 'rank', 'rankInGroup', 'group', 'total',
  'subtotal', 'lagging', 'issues', 'summary', 'timeProgress', 'asOf', 'sheet', 'file', 'row', 'cell',
  'severity', 'code', 'message', 'fix', 'unit', 'percentPoints', 'aheadOfTime', 'behindTime', 'onTime',
  'noIssues', 'issueCount', 'output', 'header', 'ranking',
];

export type IssueMessage = (p: IssueParams) => string;

export interface Messages {
  lang: Lang;
  issues: Record<IssueCode, IssueMessage>;
  fields: Record<Field, string>;
  status: Record<ProjectStatus, string>;
  severity: Record<Severity, string>;
  units: Record<Unit, string>;
  fileErrors: Record<FileErrorCode, string>;
  ui: Record<UiKey, string>;
}
