/** English. Amounts keep the sheet's unit, named in words. */
import type { IssueParams } from '../core/types';
import { cell, field, list, num, pct, unit } from './format';
import type { Messages } from './types';

const fields: Messages['fields'] = {
  index: 'No.',
  name: 'Project name',
  code: 'Project code',
  group: 'County',
  responsibleUnit: 'Responsible unit',
  leader: 'Leader in charge',
  nature: 'Nature of construction',
  scope: 'Scale and content',
  startDate: 'Start date',
  finishDate: 'Finish date',
  period: 'Construction period',
  totalInvestment: 'Total investment',
  completedBeforeYear: 'Completed before this year',
  annualPlan: 'Annual plan',
  monthCompleted: 'Completed this month',
  completedYtd: 'Completed this year',
  completedSinceStart: 'Completed since start',
  reportedRate: 'Completion rate',
  status: 'Status',
  progressText: 'Progress',
  problems: 'Problems',
  fundsArrived: 'Funds arrived',
  remarks: 'Remarks',
};

const units: Messages['units'] = { 元: 'yuan', 万元: '10k yuan', 亿元: '100M yuan' };

const f = (p: IssueParams, key = 'field'): string => field(fields, p[key]);
/** The examples of a grouped finding (tab-separated), each in the given quotes. */
const quoted = (p: IssueParams, open: string, close: string): string =>
  String(p.examples ?? p.value ?? '').split('\t').map((x) => `${open}${cell(x)}${close}`).join(', ');
const amount = (p: IssueParams, key: string): string => `${num(p[key])} ${unit(units, p.unit)}`;

const NOISE: Record<string, string> = {
  spaces: 'stray spaces',
  gap: 'several spaces between two parts',
  invisible: 'invisible characters',
  pinyin: 'pinyin glosses',
  'full-width': 'full-width letters or digits',
};

const CODE_REASON: Record<string, string> = {
  format: 'does not follow the national project code format (YYYY-AAAAAA-II-TT-NNNNNX, 24 characters)',
  year: 'has an implausible year',
  area: 'has an area code that is not a valid province code',
};

export const en: Messages = {
  lang: 'en',
  fields,
  units,
  issues: {
    'missing-required': (p) =>
      p.field === 'name'
        ? 'Project name is blank: please fill it in'
        : `${f(p)} is blank, so the completion rate cannot be computed: please fill it in (0 when nothing was invested)`,
    'not-a-number': (p) => `${f(p)} "${cell(p.value)}" is not a number and cannot be used: please type a number`,
    'number-as-text': (p) =>
      Number(p.count ?? 1) > 1
        ? `${f(p)}: ${num(p.count)} numbers stored as text (such as ${quoted(p, '"', '"')}), all read as numbers ("${cell(p.value)}" as ${num(p.number)}); better stored as numbers`
        : `${f(p)} "${cell(p.value)}" is a number stored as text; read as ${num(p.number)}, better stored as a number`,
    'column-skipped': (p) => `Column ${cell(p.column)} "${cell(p.header)}" is ${p.hidden ? 'hidden' : 'empty'}, so it was not read as ${f(p)}: column ${cell(p.chosen)} was read instead`,
    'row-unaccounted': (p) => `Row ${num(p.row)} ("${cell(p.value)}") is neither a project nor a total, subtotal, heading or note: none of its figures count; please check it`,
    'approximate-figure': (p) =>
      Number(p.count ?? 1) > 1
        ? `${f(p)}: ${num(p.count)} estimates (such as ${quoted(p, '"', '"')}), read as the numbers written ("${cell(p.value)}" as ${num(p.number)}); please enter the actual figures`
        : `${f(p)} "${cell(p.value)}" is an estimate, read as ${num(p.number)}; please enter the actual figure`,
    'negative-value': (p) => `${f(p)} is negative (${amount(p, 'value')}); an investment cannot be negative`,
    'formula-error': (p) =>
      p.field
        ? `${f(p)} holds the error value ${cell(p.value)}: check the formula`
        : `The cell holds the error value ${cell(p.value)}: check the formula`,
    'completed-exceeds-total': (p) =>
      p.field === 'completedYtd' && typeof p.before === 'number'
        ? `Completed before this year ${amount(p, 'before')} + this year ${amount(p, 'ytd')} = ${amount(p, 'completed')}, more than the total investment of ${amount(p, 'total')}`
        : `${f(p)} ${amount(p, 'completed')} is more than the total investment of ${amount(p, 'total')}`,
    'plan-exceeds-total': (p) =>
      typeof p.remaining === 'number'
        ? `Annual plan ${amount(p, 'plan')} is more than what remains of the total investment, ${amount(p, 'remaining')} (total ${num(p.total)} − completed before this year ${num(p.before)})`
        : `Annual plan ${amount(p, 'plan')} is more than the total investment of ${amount(p, 'total')}`,
    'month-exceeds-ytd': (p) => `Completed this month ${amount(p, 'month')} is more than completed this year ${amount(p, 'ytd')}`,
    'duplicate-project': (p) =>
      p.by === 'code'
        ? `Project code "${cell(p.key)}" already appears on row ${num(p.firstRow)}: the same project is listed twice`
        : `Project name "${cell(p.key)}" already appears on row ${num(p.firstRow)}: the same project is listed twice`,
    'invalid-project-code': (p) => `Project code "${cell(p.value)}" ${CODE_REASON[String(p.reason)] ?? CODE_REASON.format}`,
    'status-inconsistent': (p) => {
      switch (p.reason) {
        case 'not-started-with-investment':
          return `Status is "${cell(p.status)}" but ${amount(p, 'completed')} was completed this year`;
        case 'started-without-investment':
          return `Status is "${cell(p.status)}" but no investment is completed yet`;
        case 'new-with-prior-investment':
          return `Marked "${cell(p.nature)}" (new) but ${amount(p, 'before')} was completed before this year: should it be continuing?`;
        default:
          return `Planned to finish in ${num(p.finishYear)}, already past (${num(p.asOfYear)}), but not marked as finished`;
      }
    },
    'reported-rate-mismatch': (p) =>
      `Typed completion rate ${pct(p.reported)} differs from the computed ${pct(p.computed)} (${num(p.ytd)} ÷ ${num(p.plan)})`,
    'subtotal-mismatch': (p) =>
      p.kind === 'count'
        ? `"${cell(p.label)}" says ${num(p.declared)} projects but ${num(p.count)} are listed under it`
        : `${f(p)} of "${cell(p.label)}" is ${amount(p, 'value')}, but its projects add up to ${amount(p, 'sum')}`,
    'date-invalid': (p) => `${f(p)} "${cell(p.value)}" is not a valid date`,
    'date-order': (p) => `Finish date ${cell(p.finish)} is before the start date ${cell(p.start)}`,
    'unit-suspect': (p) =>
      p.scope === 'column'
        ? `${f(p)} figures (median ${num(p.median)}) look like ${unit(units, p.likely)}, but the sheet says ${unit(units, p.unit)}: check the unit`
        : `${f(p)} ${num(p.value)} is over 1,000 times off the column median ${num(p.median)}: typed in ${unit(units, p.likely)}?`,
    'text-noise': (p) =>
      Number(p.count ?? 1) > 1
        ? `${f(p)}: ${num(p.count)} cells set two parts apart with several spaces (such as ${quoted(p, '"', '"')}); one space each is enough, e.g. "${cell(p.cleaned)}"`
        : `${f(p)} "${cell(p.value)}" contains ${list(p.problems).map((k) => NOISE[k] ?? k).join(', ')}; suggested: "${cell(p.cleaned)}"`,
    'decreased-since-previous': (p) =>
      `${f(p)} ${amount(p, 'value')} is lower than the ${amount(p, 'previous')} of the previous submission; a cumulative figure should not fall`,
    'project-added': (p) => `New project "${cell(p.name)}" (not in the previous submission)`,
    'project-removed': (p) =>
      `Project "${cell(p.name)}"${p.code ? ` (${cell(p.code)})` : ''} on row ${num(p.previousRow)} of the previous submission is no longer listed`,
    'column-ambiguous': (p) =>
      `${f(p)} could be column ${cell(p.chosen)} or ${cell(p.others)}; the figures do not tell them apart (${cell(p.evidence)}). Read ${cell(p.chosen)} "${cell(p.chosenHeader)}": check it, or set the column yourself`,
    'columns-suspect': (p) =>
      `The typed rates in column ${cell(p.rate)} disagree with ${cell(p.ytd)} ÷ ${cell(p.plan)} on ${num(p.mismatched)} of ${num(p.compared)} rows: the columns may be read wrongly; check which column holds the year to date`,
    'period-mismatch': (p) =>
      `The ${p.otherFrom === 'file-name' ? 'file name' : 'header'} "${cell(p.other)}" names another period than the ${p.chosenFrom === 'title' ? 'title' : 'header'} "${cell(p.chosen)}"; the as-of date is taken from the ${p.chosenFrom === 'title' ? 'title' : 'header'}: ${cell(p.asOf)}. Check which is right`,
    'rows-ambiguous': (p) =>
      `The figures of row(s) ${cell(p.rows)} equal both the sum of the projects above and of those below, so the blocks read two ways; read as the sum of the projects ${p.chosen === 'above' ? 'above' : 'below'} (rows ${num(p.chosenFrom)}–${num(p.chosenTo)}), the other reading being rows ${num(p.otherFrom)}–${num(p.otherTo)}: check it`,
    'duplicate-across-files': (p) =>
      `Project ${p.by === 'code' ? 'code' : 'name'} "${cell(p.key)}" is in two files: ${cell(p.firstFile)} "${cell(p.firstSheet)}" row ${num(p.firstRow)} and ${cell(p.file)} "${cell(p.sheet)}" row ${num(p.row)} (row ${num(p.firstMergedRow)} of this sheet); both rows are counted in the totals: check which county reports it`,
    'input-rule-broken': (p) => `${f(p)} "${cell(p.value)}" breaks the column's input check: ${cell(p.message)}`,
  },
  status: {
    'on-track': 'On track',
    behind: 'Behind',
    'seriously-behind': 'Seriously behind',
    'overdue-start': 'Overdue start',
    pending: 'Not yet due to start',
    unknown: 'Cannot compute',
  },
  severity: { error: 'Error', warning: 'Warning', info: 'Info' },
  fileErrors: {
    'unreadable-file': 'the file cannot be read',
    'not-a-workbook': 'not an Excel workbook (.xlsx)',
    'encrypted-workbook': 'the workbook is encrypted: remove the password first',
    'no-ledger-found': 'no project ledger found (no header recognised)',
    'too-large': 'the file is too large to process',
  },
  ui: {
    project: 'Project',
    projects: 'Projects',
    started: 'Started',
    notStarted: 'Not started',
    startRate: 'Start rate',
    totalInvestment: 'Total investment',
    annualPlan: 'Annual plan',
    completedYtd: 'Completed',
    completionRate: 'Completion rate',
    gapPp: 'Gap to time progress',
    status: 'Status',
    rank: 'Rank',
    rankInGroup: 'Rank in group',
    group: 'County',
    total: 'Total',
    subtotal: 'Subtotal',
    lagging: 'Lagging projects',
    issues: 'Issues',
    summary: 'Summary',
    timeProgress: 'Time progress',
    asOf: 'As of',
    sheet: 'Sheet',
    file: 'File',
    row: 'Row',
    cell: 'Cell',
    severity: 'Severity',
    code: 'Issue type',
    message: 'Message',
    fix: 'Suggested value',
    unit: 'Unit',
    percentPoints: 'percentage points',
    aheadOfTime: 'ahead of time progress',
    behindTime: 'behind time progress',
    onTime: 'level with time progress',
    noIssues: 'No issues found',
    issueCount: 'Issues',
    output: 'Output file',
    header: 'Header',
    ranking: 'Ranking',
  },
};
