/** The words of the ledger template (`ledger template`): headers, labels, input prompts and error messages. */
import type { Lang } from '../core/types';

export interface TemplateText {
  title: (year: number, month: number) => string;
  unitLine: string;
  headers: {
    index: string; name: string; code: string; group: string; unit: string; nature: string; start: string; finish: string;
    total: string; annualPlan: string; month: (m: number) => string; ytd: (m: number) => string; rate: string; status: string;
    progress: string; problems: string; remarks: string;
  };
  subtotal: (group: string) => string;
  total: string;
  natures: string[];
  statuses: string[];
  listSheet: string;
  prompt: {
    amount: (max: number) => string; index: string; list: (items: string) => string; date: (from: number, to: number) => string;
    code: string;
  };
  error: {
    amount: (max: number) => string; index: string; list: string; date: (from: number, to: number) => string; code: string;
  };
  promptTitle: string;
  errorTitle: string;
}

const zhCN: TemplateText = {
  title: (y, m) => `${y}年重点项目进展情况表（${y}年1-${m}月）`,
  unitLine: '单位：万元',
  headers: {
    index: '序号', name: '项目名称', code: '项目代码', group: '县（市、区）', unit: '责任单位', nature: '建设性质',
    start: '开工时间', finish: '竣工时间', total: '总投资（万元）', annualPlan: '年度计划投资（万元）',
    month: (m) => `${m}月完成投资（万元）`, ytd: (m) => `1-${m}月完成投资（万元）`, rate: '投资完成率', status: '是否开工',
    progress: '形象进度', problems: '存在问题', remarks: '备注',
  },
  subtotal: (g) => `${g}小计`,
  total: '合计',
  natures: ['新建', '续建', '扩建', '改建'],
  statuses: ['已开工', '未开工'],
  listSheet: '列表',
  prompt: {
    amount: (max) => `填写以万元计的数字，0 至 ${max}`,
    index: '填写正整数',
    list: (items) => `从列表中选择：${items}`,
    date: (from, to) => `填写 ${from} 至 ${to} 年内的日期，如 ${from}-03-15`,
    code: '24位投资项目统一代码，如 2021-371521-48-01-012345',
  },
  error: {
    amount: (max) => `应为 0 至 ${max} 的数字（单位万元；填了元？）`,
    index: '序号应为正整数',
    list: '请从下拉列表中选择',
    date: (from, to) => `应为 ${from} 至 ${to} 年内的有效日期`,
    code: '项目代码应为 YYYY-AAAAAA-II-TT-NNNNNX 共24位',
  },
  promptTitle: '填写说明',
  errorTitle: '输入有误',
};

const zhTW: TemplateText = {
  title: (y, m) => `${y}年重點項目進展情況表（${y}年1-${m}月）`,
  unitLine: '單位：萬元',
  headers: {
    index: '序號', name: '項目名稱', code: '項目代碼', group: '縣（市、區）', unit: '責任單位', nature: '建設性質',
    start: '開工時間', finish: '竣工時間', total: '總投資（萬元）', annualPlan: '年度計劃投資（萬元）',
    month: (m) => `${m}月完成投資（萬元）`, ytd: (m) => `1-${m}月完成投資（萬元）`, rate: '投資完成率', status: '是否開工',
    progress: '形象進度', problems: '存在問題', remarks: '備註',
  },
  subtotal: (g) => `${g}小計`,
  total: '合計',
  natures: ['新建', '續建', '擴建', '改建'],
  statuses: ['已開工', '未開工'],
  listSheet: '列表',
  prompt: {
    amount: (max) => `填寫以萬元計的數字，0 至 ${max}`,
    index: '填寫正整數',
    list: (items) => `從列表中選擇：${items}`,
    date: (from, to) => `填寫 ${from} 至 ${to} 年內的日期，如 ${from}-03-15`,
    code: '24位投資項目統一代碼，如 2021-371521-48-01-012345',
  },
  error: {
    amount: (max) => `應為 0 至 ${max} 的數字（單位萬元；填了元？）`,
    index: '序號應為正整數',
    list: '請從下拉列表中選擇',
    date: (from, to) => `應為 ${from} 至 ${to} 年內的有效日期`,
    code: '項目代碼應為 YYYY-AAAAAA-II-TT-NNNNNX 共24位',
  },
  promptTitle: '填寫說明',
  errorTitle: '輸入有誤',
};

const en: TemplateText = {
  title: (y, m) => `${y} key projects progress (Jan-${m} ${y})`,
  unitLine: 'Unit: 10k yuan',
  headers: {
    index: 'No.', name: 'Project name', code: 'Project code', group: 'County', unit: 'Responsible unit', nature: 'Nature',
    start: 'Start date', finish: 'Completion date', total: 'Total investment (10k yuan)', annualPlan: 'Annual plan (10k yuan)',
    month: (m) => `Completed this month (${m}, 10k yuan)`, ytd: (m) => `Completed year to date (Jan-${m}, 10k yuan)`, rate: 'Completion rate',
    status: 'Started', progress: 'Progress', problems: 'Problems', remarks: 'Remarks',
  },
  subtotal: (g) => `Subtotal ${g}`,
  total: 'Total',
  natures: ['New', 'Continued', 'Expansion', 'Renovation'],
  statuses: ['Started', 'Not started'],
  listSheet: 'Lists',
  prompt: {
    amount: (max) => `A number in 10k yuan, 0 to ${max}`,
    index: 'A whole number from 1',
    list: (items) => `Pick from the list: ${items}`,
    date: (from, to) => `A date in ${from} to ${to}, such as ${from}-03-15`,
    code: 'The 24-character national project code, such as 2021-371521-48-01-012345',
  },
  error: {
    amount: (max) => `A number from 0 to ${max} is expected (10k yuan; typed in yuan?)`,
    index: 'The number must be a whole number from 1',
    list: 'Pick a value from the list',
    date: (from, to) => `A valid date in ${from} to ${to} is expected`,
    code: 'A project code has 24 characters: YYYY-AAAAAA-II-TT-NNNNNX',
  },
  promptTitle: 'How to fill in',
  errorTitle: 'Not accepted',
};

export const TEMPLATE_TEXT: Record<Lang, TemplateText> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };
