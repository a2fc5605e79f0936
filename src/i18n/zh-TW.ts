/** Traditional Chinese (繁體中文). */
import type { IssueParams } from '../core/types';
import { cell, field, list, num, pct, unit } from './format';
import type { Messages } from './types';

const fields: Messages['fields'] = {
  index: '序號',
  name: '項目名稱',
  code: '項目代碼',
  group: '縣（市、區）',
  responsibleUnit: '責任單位',
  leader: '包聯領導',
  nature: '建設性質',
  scope: '建設規模及主要內容',
  startDate: '開工時間',
  finishDate: '竣工時間',
  period: '建設起止年限',
  totalInvestment: '總投資',
  completedBeforeYear: '截至上年底累計完成投資',
  annualPlan: '年度計劃投資',
  monthCompleted: '本月完成投資',
  completedYtd: '本年累計完成投資',
  completedSinceStart: '開工以來累計完成投資',
  reportedRate: '投資完成率',
  status: '開工情況',
  progressText: '形象進度',
  problems: '存在問題',
  fundsArrived: '資金到位',
  remarks: '備註',
};

const units: Messages['units'] = { 元: '元', 万元: '萬元', 亿元: '億元' };

const f = (p: IssueParams, key = 'field'): string => field(fields, p[key]);
/** The examples of a grouped finding (tab-separated), each in the given quotes. */
const quoted = (p: IssueParams, open: string, close: string): string =>
  String(p.examples ?? p.value ?? '').split('\t').map((x) => `${open}${cell(x)}${close}`).join('');
const amount = (p: IssueParams, key: string): string => `${num(p[key])} ${unit(units, p.unit)}`;

const NOISE: Record<string, string> = {
  spaces: '多餘空格',
  gap: '兩部分之間的多個空格',
  invisible: '不可見字元',
  pinyin: '拼音注音',
  'full-width': '全形字母或數字',
};

const CODE_REASON: Record<string, string> = {
  format: '不符合全國投資項目統一代碼格式（YYYY-AAAAAA-II-TT-NNNNNX，24位）',
  year: '中的年份不合理',
  area: '中的行政區劃代碼不是有效的省級代碼',
};

export const zhTW: Messages = {
  lang: 'zh-TW',
  fields,
  units,
  issues: {
    'missing-required': (p) =>
      p.field === 'name' ? '項目名稱為空，請填寫' : `${f(p)}為空，無法計算完成率，請填寫（沒有投資的填 0）`,
    'not-a-number': (p) => `${f(p)}「${cell(p.value)}」不是數字，無法參與計算，請改為數值`,
    'number-as-text': (p) =>
      Number(p.count ?? 1) > 1
        ? `${f(p)}有 ${num(p.count)} 個以文字形式儲存的數字（如${quoted(p, '「', '」')}），均已按數值讀取（「${cell(p.value)}」讀作 ${num(p.number)}），建議改為數值`
        : `${f(p)}「${cell(p.value)}」是以文字形式儲存的數字，已按 ${num(p.number)} 讀取，建議改為數值`,
    'column-skipped': (p) => `${cell(p.column)} 欄「${cell(p.header)}」${p.hidden ? '是隱藏欄' : '沒有填寫資料'}，未作為${f(p)}讀取，改用 ${cell(p.chosen)} 欄`,
    'row-unaccounted': (p) => `第 ${num(p.row)} 列（「${cell(p.value)}」）既不是項目，也不是合計、小計、標題或註釋，未計入任何數字，請檢查該列`,
    'approximate-figure': (p) =>
      Number(p.count ?? 1) > 1
        ? `${f(p)}有 ${num(p.count)} 個估計數（如${quoted(p, '「', '」')}），已按所寫數值讀取（「${cell(p.value)}」讀作 ${num(p.number)}），請填寫實際數值`
        : `${f(p)}「${cell(p.value)}」是估計數，已按 ${num(p.number)} 讀取，請填寫實際數值`,
    'negative-value': (p) => `${f(p)}為負數（${amount(p, 'value')}），投資額不應為負`,
    'formula-error': (p) =>
      p.field ? `${f(p)}為錯誤值 ${cell(p.value)}，請檢查公式` : `儲存格為錯誤值 ${cell(p.value)}，請檢查公式`,
    'completed-exceeds-total': (p) =>
      p.field === 'completedYtd' && typeof p.before === 'number'
        ? `截至上年底累計完成 ${amount(p, 'before')} + 本年累計完成 ${amount(p, 'ytd')} = ${amount(p, 'completed')}，超過總投資 ${amount(p, 'total')}`
        : `${f(p)} ${amount(p, 'completed')} 超過總投資 ${amount(p, 'total')}`,
    'plan-exceeds-total': (p) =>
      typeof p.remaining === 'number'
        ? `年度計劃投資 ${amount(p, 'plan')} 超過總投資尚未完成的部分 ${amount(p, 'remaining')}（總投資 ${num(p.total)} − 截至上年底已完成 ${num(p.before)}）`
        : `年度計劃投資 ${amount(p, 'plan')} 超過總投資 ${amount(p, 'total')}`,
    'month-exceeds-ytd': (p) => `本月完成投資 ${amount(p, 'month')} 超過本年累計完成投資 ${amount(p, 'ytd')}`,
    'duplicate-project': (p) =>
      p.by === 'code'
        ? `項目代碼「${cell(p.key)}」與第 ${num(p.firstRow)} 行重複，同一項目填報了兩次`
        : `項目名稱「${cell(p.key)}」與第 ${num(p.firstRow)} 行重複，同一項目填報了兩次`,
    'invalid-project-code': (p) => `項目代碼「${cell(p.value)}」${CODE_REASON[String(p.reason)] ?? CODE_REASON.format}`,
    'status-inconsistent': (p) => {
      switch (p.reason) {
        case 'not-started-with-investment':
          return `開工情況為「${cell(p.status)}」，但本年累計完成投資 ${amount(p, 'completed')}`;
        case 'started-without-investment':
          return `開工情況為「${cell(p.status)}」，但尚無完成投資`;
        case 'new-with-prior-investment':
          return `建設性質為「${cell(p.nature)}」，但截至上年底已完成投資 ${amount(p, 'before')}，應為續建`;
        default:
          return `計劃 ${num(p.finishYear)} 年竣工，已過期（${num(p.asOfYear)} 年），但未標明已竣工`;
      }
    },
    'reported-rate-mismatch': (p) =>
      `填報的投資完成率 ${pct(p.reported)} 與計算值 ${pct(p.computed)}（${num(p.ytd)} ÷ ${num(p.plan)}）不符`,
    'subtotal-mismatch': (p) =>
      p.kind === 'count'
        ? `「${cell(p.label)}」註明 ${num(p.declared)} 項，實際列出 ${num(p.count)} 個項目`
        : `「${cell(p.label)}」的${f(p)} ${amount(p, 'value')} 與所含項目之和 ${amount(p, 'sum')} 不符`,
    'date-invalid': (p) => `${f(p)}「${cell(p.value)}」不是有效日期`,
    'date-order': (p) => `竣工時間 ${cell(p.finish)} 早於開工時間 ${cell(p.start)}`,
    'unit-suspect': (p) =>
      p.scope === 'column'
        ? `${f(p)}一欄數值（中位數 ${num(p.median)}）看起來是以${unit(units, p.likely)}填報的，而表中單位為${unit(units, p.unit)}，請核對單位`
        : `${f(p)} ${num(p.value)} 與本欄中位數 ${num(p.median)} 相差上千倍，可能誤用了${unit(units, p.likely)}為單位`,
    'text-noise': (p) =>
      Number(p.count ?? 1) > 1
        ? `${f(p)}有 ${num(p.count)} 個儲存格在兩部分之間留了多個空格（如${quoted(p, '「', '」')}），建議各留一個空格，如「${cell(p.cleaned)}」`
        : `${f(p)}「${cell(p.value)}」含有${list(p.problems).map((k) => NOISE[k] ?? k).join('、')}，建議改為「${cell(p.cleaned)}」`,
    'decreased-since-previous': (p) =>
      `${f(p)} ${amount(p, 'value')} 少於上期填報的 ${amount(p, 'previous')}，累計數不應減少`,
    'project-added': (p) => `新增項目「${cell(p.name)}」（上期台賬中沒有）`,
    'project-removed': (p) =>
      `上期第 ${num(p.previousRow)} 行的項目「${cell(p.name)}」${p.code ? `（${cell(p.code)}）` : ''}本期不在台賬中`,
    'column-ambiguous': (p) =>
      `${f(p)}可能是 ${cell(p.chosen)} 欄，也可能是 ${cell(p.others)} 欄，表中資料無法區分（${cell(p.evidence)}）。已按 ${cell(p.chosen)} 欄「${cell(p.chosenHeader)}」讀取，請核對或手動指定`,
    'columns-suspect': (p) =>
      `${cell(p.rate)} 欄填寫的完成率與 ${cell(p.ytd)} ÷ ${cell(p.plan)} 在 ${num(p.compared)} 列中有 ${num(p.mismatched)} 列不一致：可能是欄位識別有誤，請核對哪一欄是本年累計完成`,
    'period-mismatch': (p) =>
      `${p.otherFrom === 'file-name' ? '檔名' : '表頭'}「${cell(p.other)}」所示期間與${p.chosenFrom === 'title' ? '標題' : '表頭'}「${cell(p.chosen)}」不一致，已按${p.chosenFrom === 'title' ? '標題' : '表頭'}取截至日期 ${cell(p.asOf)}，請核對`,
    'rows-ambiguous': (p) =>
      `第 ${cell(p.rows)} 列的數字既等於其上方項目之和，也等於其下方項目之和，分塊有兩種讀法；已按${p.chosen === 'above' ? '上方' : '下方'}（第 ${num(p.chosenFrom)}–${num(p.chosenTo)} 列）讀取，另一種為第 ${num(p.otherFrom)}–${num(p.otherTo)} 列，請核對`,
    'duplicate-across-files': (p) =>
      `${p.by === 'code' ? '項目代碼' : '項目名稱'}「${cell(p.key)}」在兩個檔案中都有：${cell(p.firstFile)}「${cell(p.firstSheet)}」第 ${num(p.firstRow)} 列與 ${cell(p.file)}「${cell(p.sheet)}」第 ${num(p.row)} 列（本表第 ${num(p.firstMergedRow)} 列），兩列都計入了合計，請核實由哪個縣（市、區）填報`,
    'input-rule-broken': (p) => `${f(p)}「${cell(p.value)}」不符合該列的輸入檢查：${cell(p.message)}`,
  },
  status: {
    'on-track': '正常推進',
    behind: '滯後',
    'seriously-behind': '嚴重滯後',
    'overdue-start': '逾期未開工',
    pending: '未到開工期',
    unknown: '無法計算',
  },
  severity: { error: '錯誤', warning: '警告', info: '提示' },
  fileErrors: {
    'unreadable-file': '檔案無法讀取',
    'not-a-workbook': '不是 Excel 活頁簿（.xlsx）',
    'encrypted-workbook': '活頁簿已加密，請先取消密碼',
    'no-ledger-found': '沒有找到項目台賬（未識別到表頭）',
    'too-large': '檔案過大，無法處理',
  },
  ui: {
    project: '項目',
    projects: '項目數',
    started: '已開工',
    notStarted: '未開工',
    startRate: '開工率',
    totalInvestment: '總投資',
    annualPlan: '年度計劃投資',
    completedYtd: '完成投資',
    completionRate: '完成率',
    gapPp: '與時間進度差',
    status: '狀態',
    rank: '排名',
    rankInGroup: '組內排名',
    group: '縣（市、區）',
    total: '合計',
    subtotal: '小計',
    lagging: '滯後項目',
    issues: '問題清單',
    summary: '彙總',
    timeProgress: '時間進度',
    asOf: '截至',
    sheet: '工作表',
    file: '檔案',
    row: '行',
    cell: '儲存格',
    severity: '嚴重程度',
    code: '問題類型',
    message: '說明',
    fix: '建議值',
    unit: '單位',
    percentPoints: '個百分點',
    aheadOfTime: '快於時間進度',
    behindTime: '慢於時間進度',
    onTime: '與時間進度持平',
    noIssues: '未發現問題',
    issueCount: '問題數',
    output: '輸出檔案',
    header: '表頭',
    ranking: '排名表',
  },
};
