/**
 * The words of the pane's 上期台账 input and its 下载通报（Word） button, per language: kept
 * apart from the pane's main table as the what-if's are.
 */
import type { Lang } from '../../core/types';

export interface PeriodStrings {
  /** The section's heading. */
  title: string;
  /** The file input's label. */
  chooseEarlier: string;
  hint: string;
  /** What is chosen now: the files' names, or none. */
  chosen: (n: number, names: string) => string;
  none: string;
  clear: string;
  /** Notice once the files are read. */
  earlierRead: (n: number) => string;
  earlierCleared: string;
  downloadBulletin: string;
  /** Before any check: the button checks first. */
  bulletinHint: string;
  /** The download was handed to the browser; inside Excel or WPS it may still be held back silently. */
  bulletinOffered: (file: string) => string;
  /** The host refused the download (Excel desktop's pane may). */
  bulletinBlocked: string;
}

const zhCN: PeriodStrings = {
  title: '上期台账与通报',
  chooseEarlier: '上期台账（可选）',
  hint: '选择此前各期的台账（可多选，按各自日期排序），检查时计算连续滞后期数和挂牌名单。',
  chosen: (n, names) => `已选 ${n} 个：${names}`,
  none: '未选上期台账。',
  clear: '清除上期台账',
  earlierRead: (n) => `已读入 ${n} 个上期台账，检查时计入。`,
  earlierCleared: '已清除上期台账。',
  downloadBulletin: '下载通报（Word）',
  bulletinHint: '按当前检查结果生成通报（Word 文档）。',
  bulletinOffered: (f) => `已生成通报「${f}」。如未开始下载，请在网页版中检查同一台账并下载通报，或使用命令 ledger bulletin --docx。`,
  bulletinBlocked: '此处不允许下载文件（Excel 桌面版的任务窗格可能禁止下载）。请在网页版中检查同一台账并下载通报，或使用命令 ledger bulletin --docx。',
};

const zhTW: PeriodStrings = {
  title: '上期台賬與通報',
  chooseEarlier: '上期台賬（可選）',
  hint: '選擇此前各期的台賬（可多選，按各自日期排序），檢查時計算連續落後期數和掛牌名單。',
  chosen: (n, names) => `已選 ${n} 個：${names}`,
  none: '未選上期台賬。',
  clear: '清除上期台賬',
  earlierRead: (n) => `已讀入 ${n} 個上期台賬，檢查時計入。`,
  earlierCleared: '已清除上期台賬。',
  downloadBulletin: '下載通報（Word）',
  bulletinHint: '按目前檢查結果產生通報（Word 文件）。',
  bulletinOffered: (f) => `已產生通報「${f}」。如未開始下載，請在網頁版中檢查同一台賬並下載通報，或使用命令 ledger bulletin --docx。`,
  bulletinBlocked: '此處不允許下載檔案（Excel 桌面版的工作窗格可能禁止下載）。請在網頁版中檢查同一台賬並下載通報，或使用命令 ledger bulletin --docx。',
};

const en: PeriodStrings = {
  title: 'Earlier periods and bulletin',
  chooseEarlier: 'Earlier periods (optional)',
  hint: 'Choose the ledgers of earlier periods (several at once, ordered by their dates): the check then counts how many reports in a row each project has been behind, and the 挂牌 list.',
  chosen: (n, names) => `${n} chosen: ${names}`,
  none: 'No earlier period chosen.',
  clear: 'Clear earlier periods',
  earlierRead: (n) => `${n} earlier workbook${n === 1 ? '' : 's'} read; the check counts ${n === 1 ? 'it' : 'them'}.`,
  earlierCleared: 'Earlier periods cleared.',
  downloadBulletin: 'Download the bulletin (Word)',
  bulletinHint: 'Makes the bulletin (a Word document) from the current check.',
  bulletinOffered: (f) => `Bulletin "${f}" made. If no download starts, check the same ledger on the web page and download it there, or run ledger bulletin --docx.`,
  bulletinBlocked: 'Downloads are not allowed here (the pane of desktop Excel may refuse them). Check the same ledger on the web page and download the bulletin there, or run ledger bulletin --docx.',
};

const TABLES: Record<Lang, PeriodStrings> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };

export function periodStrings(lang: Lang): PeriodStrings {
  return TABLES[lang];
}
