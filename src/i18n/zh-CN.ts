/** Simplified Chinese (简体中文): the default language of the ledgers. */
import type { IssueParams } from '../core/types';
import { cell, field, list, num, pct, unit } from './format';
import type { Messages } from './types';

const fields: Messages['fields'] = {
  index: '序号',
  name: '项目名称',
  code: '项目代码',
  group: '县（市、区）',
  responsibleUnit: '责任单位',
  leader: '包联领导',
  nature: '建设性质',
  scope: '建设规模及主要内容',
  startDate: '开工时间',
  finishDate: '竣工时间',
  period: '建设起止年限',
  totalInvestment: '总投资',
  completedBeforeYear: '截至上年底累计完成投资',
  annualPlan: '年度计划投资',
  monthCompleted: '本月完成投资',
  completedYtd: '本年累计完成投资',
  completedSinceStart: '开工以来累计完成投资',
  reportedRate: '投资完成率',
  status: '开工情况',
  progressText: '形象进度',
  problems: '存在问题',
  fundsArrived: '资金到位',
  remarks: '备注',
};

const units: Messages['units'] = { 元: '元', 万元: '万元', 亿元: '亿元' };

const f = (p: IssueParams, key = 'field'): string => field(fields, p[key]);
/** The examples of a grouped finding (tab-separated), each in the given quotes. */
const quoted = (p: IssueParams, open: string, close: string): string =>
  String(p.examples ?? p.value ?? '').split('\t').map((x) => `${open}${cell(x)}${close}`).join('');
const amount = (p: IssueParams, key: string): string => `${num(p[key])} ${unit(units, p.unit)}`;

const NOISE: Record<string, string> = {
  spaces: '多余空格',
  gap: '两部分之间的多个空格',
  invisible: '不可见字符',
  pinyin: '拼音注音',
  'full-width': '全角字母或数字',
};

const CODE_REASON: Record<string, string> = {
  format: '不符合全国投资项目统一代码格式（YYYY-AAAAAA-II-TT-NNNNNX，24位）',
  year: '中的年份不合理',
  area: '中的行政区划代码不是有效的省级代码',
};

export const zhCN: Messages = {
  lang: 'zh-CN',
  fields,
  units,
  issues: {
    'missing-required': (p) =>
      p.field === 'name' ? '项目名称为空，请填写' : `${f(p)}为空，无法计算完成率，请填写（没有投资的填 0）`,
    'not-a-number': (p) => `${f(p)}「${cell(p.value)}」不是数字，无法参与计算，请改为数值`,
    'number-as-text': (p) =>
      Number(p.count ?? 1) > 1
        ? `${f(p)}有 ${num(p.count)} 个以文本形式存储的数字（如${quoted(p, '「', '」')}），均已按数值读取（「${cell(p.value)}」读作 ${num(p.number)}），建议改为数值`
        : `${f(p)}「${cell(p.value)}」是以文本形式存储的数字，已按 ${num(p.number)} 读取，建议改为数值`,
    'column-skipped': (p) => `${cell(p.column)} 列「${cell(p.header)}」${p.hidden ? '是隐藏列' : '没有填写数据'}，未作为${f(p)}读取，改用 ${cell(p.chosen)} 列`,
    'row-unaccounted': (p) => `第 ${num(p.row)} 行（「${cell(p.value)}」）既不是项目，也不是合计、小计、标题或注释，未计入任何数字，请检查该行`,
    'approximate-figure': (p) =>
      Number(p.count ?? 1) > 1
        ? `${f(p)}有 ${num(p.count)} 个估计数（如${quoted(p, '「', '」')}），已按所写数值读取（「${cell(p.value)}」读作 ${num(p.number)}），请填写实际数值`
        : `${f(p)}「${cell(p.value)}」是估计数，已按 ${num(p.number)} 读取，请填写实际数值`,
    'negative-value': (p) => `${f(p)}为负数（${amount(p, 'value')}），投资额不应为负`,
    'formula-error': (p) =>
      p.field ? `${f(p)}为错误值 ${cell(p.value)}，请检查公式` : `单元格为错误值 ${cell(p.value)}，请检查公式`,
    'completed-exceeds-total': (p) =>
      p.field === 'completedYtd' && typeof p.before === 'number'
        ? `截至上年底累计完成 ${amount(p, 'before')} + 本年累计完成 ${amount(p, 'ytd')} = ${amount(p, 'completed')}，超过总投资 ${amount(p, 'total')}`
        : `${f(p)} ${amount(p, 'completed')} 超过总投资 ${amount(p, 'total')}`,
    'plan-exceeds-total': (p) =>
      typeof p.remaining === 'number'
        ? `年度计划投资 ${amount(p, 'plan')} 超过总投资尚未完成的部分 ${amount(p, 'remaining')}（总投资 ${num(p.total)} − 截至上年底已完成 ${num(p.before)}）`
        : `年度计划投资 ${amount(p, 'plan')} 超过总投资 ${amount(p, 'total')}`,
    'month-exceeds-ytd': (p) => `本月完成投资 ${amount(p, 'month')} 超过本年累计完成投资 ${amount(p, 'ytd')}`,
    'duplicate-project': (p) =>
      p.by === 'code'
        ? `项目代码「${cell(p.key)}」与第 ${num(p.firstRow)} 行重复，同一项目填报了两次`
        : `项目名称「${cell(p.key)}」与第 ${num(p.firstRow)} 行重复，同一项目填报了两次`,
    'invalid-project-code': (p) => `项目代码「${cell(p.value)}」${CODE_REASON[String(p.reason)] ?? CODE_REASON.format}`,
    'status-inconsistent': (p) => {
      switch (p.reason) {
        case 'not-started-with-investment':
          return `开工情况为「${cell(p.status)}」，但本年累计完成投资 ${amount(p, 'completed')}`;
        case 'started-without-investment':
          return `开工情况为「${cell(p.status)}」，但尚无完成投资`;
        case 'new-with-prior-investment':
          return `建设性质为「${cell(p.nature)}」，但截至上年底已完成投资 ${amount(p, 'before')}，应为续建`;
        default:
          return `计划 ${num(p.finishYear)} 年竣工，已过期（${num(p.asOfYear)} 年），但未标明已竣工`;
      }
    },
    'reported-rate-mismatch': (p) =>
      `填报的投资完成率 ${pct(p.reported)} 与计算值 ${pct(p.computed)}（${num(p.ytd)} ÷ ${num(p.plan)}）不符`,
    'subtotal-mismatch': (p) =>
      p.kind === 'count'
        ? `「${cell(p.label)}」注明 ${num(p.declared)} 项，实际列出 ${num(p.count)} 个项目`
        : `「${cell(p.label)}」的${f(p)} ${amount(p, 'value')} 与所含项目之和 ${amount(p, 'sum')} 不符`,
    'date-invalid': (p) => `${f(p)}「${cell(p.value)}」不是有效日期`,
    'date-order': (p) => `竣工时间 ${cell(p.finish)} 早于开工时间 ${cell(p.start)}`,
    'unit-suspect': (p) =>
      p.scope === 'column'
        ? `${f(p)}一列数值（中位数 ${num(p.median)}）看起来是以${unit(units, p.likely)}填报的，而表中单位为${unit(units, p.unit)}，请核对单位`
        : `${f(p)} ${num(p.value)} 与本列中位数 ${num(p.median)} 相差上千倍，可能误用了${unit(units, p.likely)}为单位`,
    'text-noise': (p) =>
      Number(p.count ?? 1) > 1
        ? `${f(p)}有 ${num(p.count)} 个单元格在两部分之间留了多个空格（如${quoted(p, '「', '」')}），建议各留一个空格，如「${cell(p.cleaned)}」`
        : `${f(p)}「${cell(p.value)}」含有${list(p.problems).map((k) => NOISE[k] ?? k).join('、')}，建议改为「${cell(p.cleaned)}」`,
    'decreased-since-previous': (p) =>
      `${f(p)} ${amount(p, 'value')} 少于上期填报的 ${amount(p, 'previous')}，累计数不应减少`,
    'project-added': (p) => `新增项目「${cell(p.name)}」（上期台账中没有）`,
    'project-removed': (p) =>
      `上期第 ${num(p.previousRow)} 行的项目「${cell(p.name)}」${p.code ? `（${cell(p.code)}）` : ''}本期不在台账中`,
    'column-ambiguous': (p) =>
      `${f(p)}可能是 ${cell(p.chosen)} 列，也可能是 ${cell(p.others)} 列，表中数据无法区分（${cell(p.evidence)}）。已按 ${cell(p.chosen)} 列「${cell(p.chosenHeader)}」读取，请核对或手动指定`,
    'columns-suspect': (p) =>
      `${cell(p.rate)} 列填写的完成率与 ${cell(p.ytd)} ÷ ${cell(p.plan)} 在 ${num(p.compared)} 行中有 ${num(p.mismatched)} 行不一致：可能是列识别有误，请核对哪一列是本年累计完成`,
    'period-mismatch': (p) =>
      `${p.otherFrom === 'file-name' ? '文件名' : '表头'}「${cell(p.other)}」所示期间与${p.chosenFrom === 'title' ? '标题' : '表头'}「${cell(p.chosen)}」不一致，已按${p.chosenFrom === 'title' ? '标题' : '表头'}取截至日期 ${cell(p.asOf)}，请核对`,
    'rows-ambiguous': (p) =>
      `第 ${cell(p.rows)} 行的数字既等于其上方项目之和，也等于其下方项目之和，分块有两种读法；已按${p.chosen === 'above' ? '上方' : '下方'}（第 ${num(p.chosenFrom)}–${num(p.chosenTo)} 行）读取，另一种为第 ${num(p.otherFrom)}–${num(p.otherTo)} 行，请核对`,
    'duplicate-across-files': (p) =>
      `${p.by === 'code' ? '项目代码' : '项目名称'}「${cell(p.key)}」在两个文件中都有：${cell(p.firstFile)}「${cell(p.firstSheet)}」第 ${num(p.firstRow)} 行与 ${cell(p.file)}「${cell(p.sheet)}」第 ${num(p.row)} 行（本表第 ${num(p.firstMergedRow)} 行），两行都计入了合计，请核实由哪个县（市、区）填报`,
    'input-rule-broken': (p) => `${f(p)}「${cell(p.value)}」不符合该列的输入检查：${cell(p.message)}`,
  },
  status: {
    'on-track': '正常推进',
    behind: '滞后',
    'seriously-behind': '严重滞后',
    'overdue-start': '逾期未开工',
    pending: '未到开工期',
    unknown: '无法计算',
  },
  severity: { error: '错误', warning: '警告', info: '提示' },
  fileErrors: {
    'unreadable-file': '文件无法读取',
    'not-a-workbook': '不是 Excel 工作簿（.xlsx）',
    'encrypted-workbook': '工作簿已加密，请先取消密码',
    'no-ledger-found': '没有找到项目台账（未识别到表头）',
    'too-large': '文件过大，无法处理',
  },
  ui: {
    project: '项目',
    projects: '项目数',
    started: '已开工',
    notStarted: '未开工',
    startRate: '开工率',
    totalInvestment: '总投资',
    annualPlan: '年度计划投资',
    completedYtd: '完成投资',
    completionRate: '完成率',
    gapPp: '与时间进度差',
    status: '状态',
    rank: '排名',
    rankInGroup: '组内排名',
    group: '县（市、区）',
    total: '合计',
    subtotal: '小计',
    lagging: '滞后项目',
    issues: '问题清单',
    summary: '汇总',
    timeProgress: '时间进度',
    asOf: '截至',
    sheet: '工作表',
    file: '文件',
    row: '行',
    cell: '单元格',
    severity: '严重程度',
    code: '问题类型',
    message: '说明',
    fix: '建议值',
    unit: '单位',
    percentPoints: '个百分点',
    aheadOfTime: '快于时间进度',
    behindTime: '慢于时间进度',
    onTime: '与时间进度持平',
    noIssues: '未发现问题',
    issueCount: '问题数',
    output: '输出文件',
    header: '表头',
    ranking: '排名表',
  },
};
