/** The command's own sentences, per language. */
import type { FileErrorCode, Lang, RowAccount, RowLevelReport } from '../core/types';

/** Labels a level shows in the human report; the rest are summed up with `more`. */
const LEVEL_LABELS_SHOWN = 6;
const someLabels = (l: RowLevelReport, sep: string, more: (all: number) => string): string => {
  const all = l.labels.length + (l.moreLabels ?? 0);
  return l.labels.slice(0, LEVEL_LABELS_SHOWN).join(sep) + (all > LEVEL_LABELS_SHOWN ? more(all) : '');
};
/** The rows the roles account for. */
const sumRoles = (a: RowAccount): number =>
  a.header + a.project + a.total + a.subtotal + a.heading + a.breakdown + a.footer + a.numberedEmpty;

export interface CliText {
  fileError: Record<FileErrorCode, string>;
  noLedger: (looked: string) => string;
  xlsNoLibreOffice: string;
  xlsConvertFailed: string;
  usage: string;
  badOption: (opt: string) => string;
  badValue: (opt: string, value: string) => string;
  noFiles: string;
  fileHeading: (file: string, sheet: string, asOf: string, tp: string) => string;
  /** Where the as-of date came from, when not from the sheet itself or --as-of. */
  asOfFrom: (source: 'file-name' | 'workbook', from: string) => string;
  totals: (p: { projects: number; started: number; startRate: string; plan: string; done: string; rate: string; gap: string }) => string;
  /** The sheet's rows by role, in one line (rowAccount). */
  rowsLine: (a: RowAccount) => string;
  groupsHeading: string;
  /** The row tree's levels, outermost first, with their use. */
  levelsLine: (levels: RowLevelReport[]) => string;
  groupLine: (p: { name: string; projects: number; rate: string; gap: string; lagging: number; rank: string }) => string;
  issuesHeading: (n: number, errors: number, warnings: number, infos: number) => string;
  noIssues: string;
  moreIssues: (n: number) => string;
  written: (path: string) => string;
  /** The sheet reaches Excel's last column: the copy has no computed columns. */
  noRoom: (file: string, sheet: string) => string;
  ranking: string;
  rankLine: (p: { rank: string; name: string; rate: string; gap: string; file: string }) => string;
  progress: (done: number, all: number, file: string) => string;
  severity: Record<'error' | 'warning' | 'info', string>;
  columnsHeading: string;
  columnLine: (p: { field: string; letter: string; header: string; override: boolean; evidence: boolean; ambiguous: boolean }) => string;
  /** `ledger merge`'s lines on stderr. */
  merge: {
    converted: (file: string, sheet: string, from: string) => string;
    written: (file: string, projects: number, files: number) => string;
    nothing: string;
    needOut: string;
  };
}

const zhCN: CliText = {
  fileError: {
    'unreadable-file': '无法读取文件（文件损坏或不完整）',
    'not-a-workbook': '不是 Excel 工作簿（.xlsx）',
    'encrypted-workbook': '工作簿已加密，请先在 Excel 中取消密码后另存',
    'no-ledger-found': '未找到项目台账',
    'too-large': '文件过大，超出处理上限（可用 --max-mb、--max-cells 调整）',
  },
  noLedger: (looked) => `未找到项目台账：没有一个工作表同时包含${looked}`,
  xlsNoLibreOffice: '这是旧版 .xls 文件，且本机未安装 LibreOffice，无法转换：请在 Excel 中另存为 .xlsx 后再检查',
  xlsConvertFailed: '旧版 .xls 文件转换失败：请在 Excel 中另存为 .xlsx 后再检查',
  usage: [
    '用法：',
    '  ledger check <文件或文件夹>... [--json] [--out 目录] [--as-of YYYY-MM-DD] [--time-basis month|day]',
    '               [--previous 上期文件.xlsx] [--lang zh-CN|zh-TW|en] [--group-by 字段|level:N] [--rank competition|dense]',
    '               [--lag-warn 百分点] [--lag-alert 百分点] [--max-mb 兆字节] [--max-cells 单元格数] [--map 字段=列字母]...',
    '  ledger bulletin <文件>... [同上选项] [--docx 通报.docx] [--previous 上期… (可多次，或文件夹)] [--list-after 2] [--list-not-started 3]',
    '  ledger whatif <文件>... [--target 1.0] [--by YYYY-MM] [--adjust "代码或名称:字段=值|+增量|-减量"]... [--indicator "名称=表达式"]... [--json] [--out 目录]',
    '  ledger template [--as-of YYYY-MM-DD] [--groups 阳谷县,冠县] [--max-amount 5000000] [--from 台账.xlsx] --out 台账模板.xlsx',
    '  ledger merge <文件或文件夹>... --out 全市.xlsx [--json] [--lang zh-CN|zh-TW|en] [--as-of YYYY-MM-DD] [--previous 上期全市.xlsx（可重复，或文件夹）] [--list-after 2]',
  ].join('\n'),
  badOption: (opt) => `未知选项：${opt}`,
  badValue: (opt, value) => `选项 ${opt} 的值无效：${value}`,
  noFiles: '没有要检查的 .xlsx 文件',
  fileHeading: (file, sheet, asOf, tp) => `${file}「${sheet}」 截至 ${asOf}，时间进度 ${tp}`,
  asOfFrom: (source, from) => (source === 'file-name' ? `  截至日期取自文件名「${from}」（表内未写期间）`
    : `  截至日期取自同一工作簿的工作表「${from}」（本表未写期间）`),
  totals: (p) => `  项目 ${p.projects} 个，已开工 ${p.started} 个，开工率 ${p.startRate}；年度计划投资 ${p.plan}，完成投资 ${p.done}，完成率 ${p.rate}，${p.gap}`,
  rowsLine: (a) => `  行：共 ${a.rows} 行 = 表头 ${a.header} + 项目 ${a.project} + 合计 ${a.total} + 小计 ${a.subtotal} + 分类标题 ${a.heading} + 其中 ${a.breakdown} + 注释 ${a.footer} + 空序号行 ${a.numberedEmpty}${a.rows === sumRoles(a) ? '' : `，另有 ${a.rows - sumRoles(a)} 行未归类`}`,
  levelsLine: (ls) => `  行的层级：${ls.map((l) => `第${l.level}级${l.places ? '（地区）' : ''}${l.use === 'group' ? '作分组' : '作子分组'}：${someLabels(l, '、', (n) => `等 ${n} 个`)}`).join('；')}（--group-by level:N 可改用其他层级分组）`,
  groupsHeading: '  分组：',
  groupLine: (p) => `    ${p.name}：${p.projects} 个项目，完成率 ${p.rate}，${p.gap}，滞后 ${p.lagging} 个，排名 ${p.rank}`,
  issuesHeading: (n, e, w, i) => `  问题 ${n} 个（错误 ${e}，警告 ${w}，提示 ${i}）：`,
  noIssues: '  未发现问题',
  moreIssues: (n) => `    ……另有 ${n} 个问题，见 JSON 报告或问题清单`,
  written: (p) => `  已写出：${p}`,
  noRoom: (f, s) => `${f}「${s}」：表格已用到 Excel 最后一列（XFD），右侧没有 6 个空列，副本中未写入计算列（完成率、排名等），问题标注照常写入`,
  ranking: '排名：',
  rankLine: (p) => `  ${p.rank}. ${p.name}  完成率 ${p.rate}，${p.gap}（${p.file}）`,
  progress: (d, a, f) => `检查中 ${d}/${a} ${f}`,
  severity: { error: '错误', warning: '警告', info: '提示' },
  columnsHeading: '  识别的列：',
  columnLine: (p) => `    ${p.field} → ${p.letter} 列「${p.header}」${p.override ? '（手动指定）' : p.ambiguous ? '（无法确定，请核对）' : p.evidence ? '（按表中数据判定）' : ''}`,
  merge: {
    converted: (f, s, u) => `${f}「${s}」金额单位为${u}，已换算为万元`,
    written: (f, n, k) => `已合并 ${k} 个文件共 ${n} 个项目，写入 ${f}`,
    nothing: '没有可合并的台账',
    needOut: 'merge 需要 --out <全市.xlsx>',
  },
};

const zhTW: CliText = {
  fileError: {
    'unreadable-file': '無法讀取檔案（檔案損壞或不完整）',
    'not-a-workbook': '不是 Excel 活頁簿（.xlsx）',
    'encrypted-workbook': '活頁簿已加密，請先在 Excel 中取消密碼後另存',
    'no-ledger-found': '未找到項目台賬',
    'too-large': '檔案過大，超出處理上限（可用 --max-mb、--max-cells 調整）',
  },
  noLedger: (looked) => `未找到項目台賬：沒有一個工作表同時包含${looked}`,
  xlsNoLibreOffice: '這是舊版 .xls 檔案，且本機未安裝 LibreOffice，無法轉換：請在 Excel 中另存為 .xlsx 後再檢查',
  xlsConvertFailed: '舊版 .xls 檔案轉換失敗：請在 Excel 中另存為 .xlsx 後再檢查',
  usage: zhCN.usage,
  badOption: (opt) => `未知選項：${opt}`,
  badValue: (opt, value) => `選項 ${opt} 的值無效：${value}`,
  noFiles: '沒有要檢查的 .xlsx 檔案',
  fileHeading: (file, sheet, asOf, tp) => `${file}「${sheet}」 截至 ${asOf}，時間進度 ${tp}`,
  asOfFrom: (source, from) => (source === 'file-name' ? `  截至日期取自檔名「${from}」（表內未寫期間）`
    : `  截至日期取自同一活頁簿的工作表「${from}」（本表未寫期間）`),
  totals: (p) => `  項目 ${p.projects} 個，已開工 ${p.started} 個，開工率 ${p.startRate}；年度計劃投資 ${p.plan}，完成投資 ${p.done}，完成率 ${p.rate}，${p.gap}`,
  rowsLine: (a) => `  列：共 ${a.rows} 列 = 表頭 ${a.header} + 項目 ${a.project} + 合計 ${a.total} + 小計 ${a.subtotal} + 分類標題 ${a.heading} + 其中 ${a.breakdown} + 註釋 ${a.footer} + 空序號列 ${a.numberedEmpty}${a.rows === sumRoles(a) ? '' : `，另有 ${a.rows - sumRoles(a)} 列未歸類`}`,
  levelsLine: (ls) => `  列的層級：${ls.map((l) => `第${l.level}級${l.places ? '（地區）' : ''}${l.use === 'group' ? '作分組' : '作子分組'}：${someLabels(l, '、', (n) => `等 ${n} 個`)}`).join('；')}（--group-by level:N 可改用其他層級分組）`,
  groupsHeading: '  分組：',
  groupLine: (p) => `    ${p.name}：${p.projects} 個項目，完成率 ${p.rate}，${p.gap}，滯後 ${p.lagging} 個，排名 ${p.rank}`,
  issuesHeading: (n, e, w, i) => `  問題 ${n} 個（錯誤 ${e}，警告 ${w}，提示 ${i}）：`,
  noIssues: '  未發現問題',
  moreIssues: (n) => `    ……另有 ${n} 個問題，見 JSON 報告或問題清單`,
  written: (p) => `  已寫出：${p}`,
  noRoom: (f, s) => `${f}「${s}」：表格已用到 Excel 最後一欄（XFD），右側沒有 6 個空欄，副本中未寫入計算欄（完成率、排名等），問題標註照常寫入`,
  ranking: '排名：',
  rankLine: (p) => `  ${p.rank}. ${p.name}  完成率 ${p.rate}，${p.gap}（${p.file}）`,
  progress: (d, a, f) => `檢查中 ${d}/${a} ${f}`,
  severity: { error: '錯誤', warning: '警告', info: '提示' },
  columnsHeading: '  識別的欄：',
  columnLine: (p) => `    ${p.field} → ${p.letter} 欄「${p.header}」${p.override ? '（手動指定）' : p.ambiguous ? '（無法確定，請核對）' : p.evidence ? '（按表中資料判定）' : ''}`,
  merge: {
    converted: (f, s, u) => `${f}「${s}」金額單位為${u}，已換算為萬元`,
    written: (f, n, k) => `已合併 ${k} 個檔案共 ${n} 個項目，寫入 ${f}`,
    nothing: '沒有可合併的台賬',
    needOut: 'merge 需要 --out <全市.xlsx>',
  },
};

const en: CliText = {
  fileError: {
    'unreadable-file': 'cannot read the file (damaged or incomplete)',
    'not-a-workbook': 'not an Excel workbook (.xlsx)',
    'encrypted-workbook': 'the workbook is password-protected: remove the password in Excel and save it again',
    'no-ledger-found': 'no project ledger found',
    'too-large': 'the file is too large to check (the limits are set with --max-mb and --max-cells)',
  },
  noLedger: (looked) => `no project ledger found: no sheet has ${looked}`,
  xlsNoLibreOffice: 'this is an old .xls file and LibreOffice is not installed to convert it: save it as .xlsx in Excel and check it again',
  xlsConvertFailed: 'could not convert the old .xls file: save it as .xlsx in Excel and check it again',
  usage: [
    'usage:',
    '  ledger check <files or folders>... [--json] [--out dir] [--as-of YYYY-MM-DD] [--time-basis month|day]',
    '               [--previous last.xlsx] [--lang zh-CN|zh-TW|en] [--group-by field|level:N] [--rank competition|dense]',
    '               [--lag-warn pp] [--lag-alert pp] [--max-mb MB] [--max-cells N] [--map field=LETTER]...',
    '  ledger bulletin <files>... [same options] [--docx bulletin.docx] [--previous earlier… (repeatable, or a folder)] [--list-after 2] [--list-not-started 3]',
    '  ledger whatif <files>... [--target 1.0] [--by YYYY-MM] [--adjust "code or name:field=value|+delta|-delta"]... [--indicator "name=expression"]... [--json] [--out dir]',
    '  ledger template [--as-of YYYY-MM-DD] [--groups A,B] [--max-amount 5000000] [--from ledger.xlsx] --out template.xlsx',
    '  ledger merge <files or folders>... --out city.xlsx [--json] [--lang zh-CN|zh-TW|en] [--as-of YYYY-MM-DD] [--previous last-city.xlsx (repeatable, or a folder)] [--list-after 2]',
  ].join('\n'),
  badOption: (opt) => `unknown option: ${opt}`,
  badValue: (opt, value) => `invalid value for ${opt}: ${value}`,
  noFiles: 'no .xlsx files to check',
  fileHeading: (file, sheet, asOf, tp) => `${file} [${sheet}] as of ${asOf}, time progress ${tp}`,
  asOfFrom: (source, from) => (source === 'file-name' ? `  As-of date taken from the file name "${from}" (the sheet names no period)`
    : `  As-of date taken from sheet "${from}" of the same workbook (this sheet names no period)`),
  totals: (p) => `  ${p.projects} projects, ${p.started} started (${p.startRate}); annual plan ${p.plan}, completed ${p.done}, ${p.rate} of plan, ${p.gap}`,
  rowsLine: (a) => `  Rows: ${a.rows} = ${a.header} header + ${a.project} projects + ${a.total} total + ${a.subtotal} subtotal + ${a.heading} heading + ${a.breakdown} breakdown + ${a.footer} note + ${a.numberedEmpty} empty numbered${a.rows === sumRoles(a) ? '' : `, and ${a.rows - sumRoles(a)} unaccounted`}`,
  levelsLine: (ls) => `  Row levels: ${ls.map((l) => `level ${l.level}${l.places ? ' (places)' : ''} ${l.use === 'group' ? 'groups' : 'subgroups'}: ${someLabels(l, ', ', (n) => ` and others (${n} in all)`)}`).join('; ')} (--group-by level:N groups by another level)`,
  groupsHeading: '  Groups:',
  groupLine: (p) => `    ${p.name}: ${p.projects} projects, ${p.rate}, ${p.gap}, ${p.lagging} lagging, rank ${p.rank}`,
  issuesHeading: (n, e, w, i) => `  ${n} issues (${e} errors, ${w} warnings, ${i} info):`,
  noIssues: '  no issues found',
  moreIssues: (n) => `    … ${n} more issues: see the JSON report or the Issues sheet`,
  written: (p) => `  written: ${p}`,
  noRoom: (f, s) => `${f} [${s}]: the sheet reaches Excel's last column (XFD) with no 6 empty columns to the right of the header, so the copy has no computed columns (completion rate, ranks); the marks on faulty cells are written`,
  ranking: 'Ranking:',
  rankLine: (p) => `  ${p.rank}. ${p.name}  ${p.rate}, ${p.gap} (${p.file})`,
  progress: (d, a, f) => `checking ${d}/${a} ${f}`,
  severity: { error: 'error', warning: 'warning', info: 'info' },
  columnsHeading: '  Columns read:',
  columnLine: (p) => `    ${p.field} → column ${p.letter} "${p.header}"${p.override ? ' (set by --map)' : p.ambiguous ? ' (unsure: please check)' : p.evidence ? ' (decided by the figures)' : ''}`,
  merge: {
    converted: (f, s, u) => `${f} "${s}": amounts in ${u}, converted to 万元`,
    written: (f, n, k) => `merged ${n} projects from ${k} files into ${f}`,
    nothing: 'no ledger to merge',
    needOut: 'merge needs --out <city.xlsx>',
  },
};

export const CLI_TEXT: Record<Lang, CliText> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };
