/**
 * Every sentence of the pane and the web page, per language. Field, status,
 * severity and figure names come from src/i18n (one vocabulary everywhere);
 * this file has only the words of the UI itself.
 */
import type { FileErrorCode, Lang } from '../core/types';

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
  baseAll: string;
  basePlanned: string;
  settingsSaved: string;
  badNumber: string;
  alertBelowWarn: string;
  // summary
  summaryTitle: string;
  sheet: string;
  asOfLine: (asOf: string, timeProgress: string) => string;
  gap: string;
  pointsShort: string;
  points: (signed: string) => string;
  rankingTitle: string;
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
  // actions
  actionsTitle: string;
  fill: string;
  mark: string;
  remove: string;
  fillDone: (sheets: number) => string;
  markDone: (cells: number) => string;
  removeDone: string;
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
  dropHint: string;
  loadingFile: (name: string) => string;
  notXlsx: string;
  downloadsTitle: string;
  downloadWorkbook: string;
  downloadReport: string;
  downloadWorkbookHint: string;
  previewTitle: string;
  previewHint: string;
  previewCaption: (sheet: string, cell: string) => string;
  settingsSavedWeb: string;
  listSeparator: string;
}

const zhCN: PaneStrings = {
  appTitle: '台账检查',
  check: '检查台账',
  language: '语言',
  langNames: { 'zh-CN': '简体中文', 'zh-TW': '繁體中文', en: 'English' },
  intro: '点击「检查台账」，读取当前工作簿中的项目台账，核对数据并计算完成率、时间进度和排名。',
  columnsTitle: '识别的列',
  columnsHint: '如有识别错误，请选择正确的列，将立即重新检查。',
  noColumn: '（无）',
  notFound: (f) => `${f}（未识别）`,
  resetColumns: '恢复自动识别',
  settingsTitle: '截至日期与阈值',
  asOf: '截至日期',
  asOfHint: (d) => `留空则按表格标题确定（当前为 ${d}）`,
  timeBasis: '时间进度',
  timeBasisMonth: '按月（N/12）',
  timeBasisDay: '按天',
  lagWarn: '滞后阈值（百分点）',
  lagAlert: '严重滞后阈值（百分点）',
  rankMethod: '排名方式',
  rankCompetition: '并列占位（1、2、2、4）',
  rankDense: '中国式排名（1、2、2、3）',
  startRateBase: '开工率分母',
  baseAll: '全部项目',
  basePlanned: '计划已开工的项目',
  settingsSaved: '设置已保存到工作簿。',
  badNumber: '请输入 0 到 100 之间的数。',
  alertBelowWarn: '严重滞后阈值不能小于滞后阈值。',
  summaryTitle: '汇总',
  sheet: '工作表',
  asOfLine: (d, tp) => `截至 ${d}，时间进度 ${tp}`,
  gap: '与时间进度',
  pointsShort: '差（百分点）',
  points: (n) => `${n}个百分点`,
  rankingTitle: '分组排名',
  groupName: '分组',
  bulletinTitle: '通报表述',
  issuesTitle: '问题清单',
  filterLabel: '按严重程度筛选',
  all: '全部',
  showMore: (n) => `再显示 ${n} 条`,
  goToCell: (c) => `定位到 ${c}`,
  laggingTitle: '滞后项目',
  noLagging: '没有滞后的项目。',
  actionsTitle: '写回工作簿',
  fill: '填写计算列',
  mark: '标记问题单元格',
  remove: '移除全部标注',
  fillDone: (n) => `已填写计算列（${n} 个工作表），并更新了汇总和问题清单工作表。`,
  markDone: (n) => `已标记 ${n} 个问题单元格。`,
  removeDone: '已移除本工具添加的列、标记、工作表和名称，原有数据未改动。',
  checkDone: (n) => (n === 0 ? '检查完成，未发现问题。' : `检查完成，发现 ${n} 个问题。`),
  reading: '正在读取工作表…',
  checking: '正在检查…',
  writing: '正在写入计算列…',
  marking: '正在标记问题单元格…',
  removing: '正在移除标注…',
  fileErrors: {
    'unreadable-file': '无法读取这个文件：文件可能已损坏或不完整。请在 Excel 中打开并另存后再试。',
    'not-a-workbook': '这不是 Excel 工作簿（.xlsx）。请选择 .xlsx 文件；旧版 .xls 请先在 Excel 中另存为 .xlsx。',
    'encrypted-workbook': '工作簿设有密码。请先在 Excel 中取消密码并另存后再试。',
    'no-ledger-found': '没有找到项目台账：未识别到项目名称、年度计划投资和完成投资等表头。',
    'too-large': '文件太大，超出了可以处理的范围。',
  },
  noLedger: (looked) => `没有找到项目台账：没有一个工作表同时包含${looked}。请检查表头，或在「识别的列」中指定。`,
  unexpected: '出现意外错误，操作未完成。请重试；如仍失败，请保存工作簿后重新打开。',
  noOffice: '此页面需要在 Excel 中作为加载项打开。不在 Excel 中时，可以使用网页版检查 .xlsx 文件：',
  noOfficeLink: '打开网页版',
  webTitle: '重点项目台账检查',
  webIntro: '检查重点项目台账：核对数据，计算完成率、时间进度和排名，生成标注后的工作簿。',
  dropTitle: '把台账文件（.xlsx）拖到这里',
  chooseFile: '选择文件',
  dropHint: '文件只在本机浏览器中读取和处理，不会上传到任何地方。',
  loadingFile: (name) => `正在读取「${name}」…`,
  notXlsx: '请选择 .xlsx 格式的工作簿。',
  downloadsTitle: '下载',
  downloadWorkbook: '下载标注后的工作簿',
  downloadReport: '下载检查报告（JSON）',
  downloadWorkbookHint: '点击「填写计算列」或「标记问题单元格」后即可下载。',
  previewTitle: '定位',
  previewHint: '点击问题或滞后项目，在这里查看所在的行。',
  previewCaption: (sheet, cell) => `「${sheet}」${cell} 附近`,
  settingsSavedWeb: '设置已保存在本浏览器中。',
  listSeparator: '、',
};

const zhTW: PaneStrings = {
  appTitle: '台賬檢查',
  check: '檢查台賬',
  language: '語言',
  langNames: zhCN.langNames,
  intro: '按「檢查台賬」，讀取目前活頁簿中的項目台賬，核對資料並計算完成率、時間進度和排名。',
  columnsTitle: '識別的欄',
  columnsHint: '如有識別錯誤，請選擇正確的欄，將立即重新檢查。',
  noColumn: '（無）',
  notFound: (f) => `${f}（未識別）`,
  resetColumns: '恢復自動識別',
  settingsTitle: '截至日期與閾值',
  asOf: '截至日期',
  asOfHint: (d) => `留空則按表格標題確定（目前為 ${d}）`,
  timeBasis: '時間進度',
  timeBasisMonth: '按月（N/12）',
  timeBasisDay: '按天',
  lagWarn: '滯後閾值（百分點）',
  lagAlert: '嚴重滯後閾值（百分點）',
  rankMethod: '排名方式',
  rankCompetition: '並列佔位（1、2、2、4）',
  rankDense: '中國式排名（1、2、2、3）',
  startRateBase: '開工率分母',
  baseAll: '全部項目',
  basePlanned: '計劃已開工的項目',
  settingsSaved: '設定已儲存到活頁簿。',
  badNumber: '請輸入 0 到 100 之間的數。',
  alertBelowWarn: '嚴重滯後閾值不能小於滯後閾值。',
  summaryTitle: '彙總',
  sheet: '工作表',
  asOfLine: (d, tp) => `截至 ${d}，時間進度 ${tp}`,
  gap: '與時間進度',
  pointsShort: '差（百分點）',
  points: (n) => `${n}個百分點`,
  rankingTitle: '分組排名',
  groupName: '分組',
  bulletinTitle: '通報表述',
  issuesTitle: '問題清單',
  filterLabel: '按嚴重程度篩選',
  all: '全部',
  showMore: (n) => `再顯示 ${n} 條`,
  goToCell: (c) => `定位到 ${c}`,
  laggingTitle: '滯後項目',
  noLagging: '沒有滯後的項目。',
  actionsTitle: '寫回活頁簿',
  fill: '填寫計算欄',
  mark: '標記問題儲存格',
  remove: '移除全部標註',
  fillDone: (n) => `已填寫計算欄（${n} 個工作表），並更新了彙總和問題清單工作表。`,
  markDone: (n) => `已標記 ${n} 個問題儲存格。`,
  removeDone: '已移除本工具新增的欄、標記、工作表和名稱，原有資料未改動。',
  checkDone: (n) => (n === 0 ? '檢查完成，未發現問題。' : `檢查完成，發現 ${n} 個問題。`),
  reading: '正在讀取工作表…',
  checking: '正在檢查…',
  writing: '正在寫入計算欄…',
  marking: '正在標記問題儲存格…',
  removing: '正在移除標註…',
  fileErrors: {
    'unreadable-file': '無法讀取這個檔案：檔案可能已損壞或不完整。請在 Excel 中開啟並另存後再試。',
    'not-a-workbook': '這不是 Excel 活頁簿（.xlsx）。請選擇 .xlsx 檔案；舊版 .xls 請先在 Excel 中另存為 .xlsx。',
    'encrypted-workbook': '活頁簿設有密碼。請先在 Excel 中取消密碼並另存後再試。',
    'no-ledger-found': '沒有找到項目台賬：未識別到項目名稱、年度計劃投資和完成投資等表頭。',
    'too-large': '檔案太大，超出了可以處理的範圍。',
  },
  noLedger: (looked) => `沒有找到項目台賬：沒有一個工作表同時包含${looked}。請檢查表頭，或在「識別的欄」中指定。`,
  unexpected: '出現意外錯誤，操作未完成。請重試；如仍失敗，請儲存活頁簿後重新開啟。',
  noOffice: '此頁面需要在 Excel 中作為增益集開啟。不在 Excel 中時，可以使用網頁版檢查 .xlsx 檔案：',
  noOfficeLink: '開啟網頁版',
  webTitle: '重點項目台賬檢查',
  webIntro: '檢查重點項目台賬：核對資料，計算完成率、時間進度和排名，產生標註後的活頁簿。',
  dropTitle: '把台賬檔案（.xlsx）拖到這裡',
  chooseFile: '選擇檔案',
  dropHint: '檔案只在本機瀏覽器中讀取和處理，不會上傳到任何地方。',
  loadingFile: (name) => `正在讀取「${name}」…`,
  notXlsx: '請選擇 .xlsx 格式的活頁簿。',
  downloadsTitle: '下載',
  downloadWorkbook: '下載標註後的活頁簿',
  downloadReport: '下載檢查報告（JSON）',
  downloadWorkbookHint: '按「填寫計算欄」或「標記問題儲存格」後即可下載。',
  previewTitle: '定位',
  previewHint: '按問題或滯後項目，在這裡檢視所在的列。',
  previewCaption: (sheet, cell) => `「${sheet}」${cell} 附近`,
  settingsSavedWeb: '設定已儲存在本瀏覽器中。',
  listSeparator: '、',
};

const en: PaneStrings = {
  appTitle: 'Ledger check',
  check: 'Check ledger',
  language: 'Language',
  langNames: zhCN.langNames,
  intro: 'Press “Check ledger” to read the project ledger in this workbook, check its figures and compute completion rates, time progress and ranks.',
  columnsTitle: 'Columns found',
  columnsHint: 'If a column was taken wrongly, pick the right one; the ledger is checked again at once.',
  noColumn: '(none)',
  notFound: (f) => `${f} (not found)`,
  resetColumns: 'Back to automatic',
  settingsTitle: 'Report date and thresholds',
  asOf: 'As of',
  asOfHint: (d) => `Leave empty to take it from the sheet's title (now ${d})`,
  timeBasis: 'Time progress',
  timeBasisMonth: 'By month (N/12)',
  timeBasisDay: 'By day',
  lagWarn: 'Behind below (points)',
  lagAlert: 'Seriously behind below (points)',
  rankMethod: 'Ranking',
  rankCompetition: 'Competition (1, 2, 2, 4)',
  rankDense: 'Dense (1, 2, 2, 3)',
  startRateBase: 'Start rate counts',
  baseAll: 'All projects',
  basePlanned: 'Projects due to have started',
  settingsSaved: 'Settings saved in the workbook.',
  badNumber: 'Enter a number from 0 to 100.',
  alertBelowWarn: 'The “seriously behind” threshold cannot be below the “behind” one.',
  summaryTitle: 'Summary',
  sheet: 'Sheet',
  asOfLine: (d, tp) => `As of ${d}, time progress ${tp}`,
  gap: 'Against time progress',
  pointsShort: 'Gap (pp)',
  points: (n) => `${n} pp`,
  rankingTitle: 'Ranking of groups',
  groupName: 'Group',
  bulletinTitle: 'Bulletin sentence',
  issuesTitle: 'Issues',
  filterLabel: 'Filter by severity',
  all: 'All',
  showMore: (n) => `Show ${n} more`,
  goToCell: (c) => `Go to ${c}`,
  laggingTitle: 'Lagging projects',
  noLagging: 'No project is lagging.',
  actionsTitle: 'Write to the workbook',
  fill: 'Fill computed columns',
  mark: 'Mark faulty cells',
  remove: 'Remove all annotations',
  fillDone: (n) => `Computed columns filled (${n} sheet${n === 1 ? '' : 's'}); the summary and issues sheets were updated.`,
  markDone: (n) => `${n} faulty cell${n === 1 ? '' : 's'} marked.`,
  removeDone: 'Everything this tool added (columns, marks, sheets, names) was removed; your data is unchanged.',
  checkDone: (n) => (n === 0 ? 'Checked: no issues found.' : `Checked: ${n} issue${n === 1 ? '' : 's'} found.`),
  reading: 'Reading the sheets…',
  checking: 'Checking…',
  writing: 'Writing the computed columns…',
  marking: 'Marking faulty cells…',
  removing: 'Removing annotations…',
  fileErrors: {
    'unreadable-file': 'This file cannot be read: it may be damaged or incomplete. Open it in Excel, save it again and retry.',
    'not-a-workbook': 'This is not an Excel workbook (.xlsx). Choose an .xlsx file; save an old .xls as .xlsx in Excel first.',
    'encrypted-workbook': 'The workbook is password-protected. Remove the password in Excel, save it and try again.',
    'no-ledger-found': 'No project ledger found: no header with project name, annual plan and completed investment.',
    'too-large': 'The file is too large to check.',
  },
  noLedger: (looked) => `No project ledger found: no sheet has ${looked}. Check the header, or pick the columns under “Columns found”.`,
  unexpected: 'Something unexpected went wrong and the operation did not finish. Try again; if it fails again, save the workbook and reopen it.',
  noOffice: 'This page works as an add-in inside Excel. Outside Excel, check an .xlsx file with the web page:',
  noOfficeLink: 'Open the web page',
  webTitle: 'Key-project ledger check',
  webIntro: 'Check a key-project ledger: verify its figures, compute completion rates, time progress and ranks, and get an annotated copy.',
  dropTitle: 'Drop a ledger (.xlsx) here',
  chooseFile: 'Choose a file',
  dropHint: 'The file is read and processed in this browser only; it is never uploaded.',
  loadingFile: (name) => `Reading “${name}”…`,
  notXlsx: 'Choose a workbook in .xlsx format.',
  downloadsTitle: 'Downloads',
  downloadWorkbook: 'Download the annotated workbook',
  downloadReport: 'Download the report (JSON)',
  downloadWorkbookHint: 'Available after “Fill computed columns” or “Mark faulty cells”.',
  previewTitle: 'Location',
  previewHint: 'Click an issue or a lagging project to see its row here.',
  previewCaption: (sheet, cell) => `Around ${cell} on “${sheet}”`,
  settingsSavedWeb: 'Settings saved in this browser.',
  listSeparator: ', ',
};

const ALL: Record<Lang, PaneStrings> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };

export function paneStrings(lang: Lang): PaneStrings {
  return ALL[lang];
}
