/**
 * The what-if's sentences per language: input errors (with the position in the
 * expression) and the lines the command prints. The pane can use the same.
 */
import type { Lang } from '../types';
import type { WhatifErrorCode, WhatifErrorParams } from './errors';
import { INDICATOR_FIELD_LABELS, INDICATOR_FIELDS } from './indicator-fields';

type P = WhatifErrorParams;
type ErrorTexts = Record<WhatifErrorCode, (p: P, at: string) => string>;

const ALLOWED = 'abs min max round floor ceil sqrt exp log log10 pow sign, pi';

function knownFields(lang: Lang): string {
  const labels = INDICATOR_FIELD_LABELS[lang];
  return INDICATOR_FIELDS.map((f) => `\n  ${f}  ${labels[f]}`).join('');
}

const ERRORS: Record<Lang, { at: (pos: number) => string; indicator: (name: string) => string; texts: ErrorTexts }> = {
  'zh-CN': {
    at: (pos) => `第 ${pos} 个字符处`,
    indicator: (name) => `指标「${name}」：`,
    texts: {
      'bad-adjust': (p) => `调整项格式不对：「${p.spec}」。应写作 "项目代码或名称:字段=数值"，数值前加 + 或 - 表示增减（万元；完成率可写 80%），例如 "甲项目:completedYtd=+5000"`,
      'unknown-adjust-field': (p) => `调整项「${p.spec}」的字段「${p.field}」未知；可用字段：${p.known}`,
      'adjust-not-found': (p) => `调整项「${p.spec}」找不到项目：没有项目代码或名称为「${p.key}」的项目`,
      'bad-indicator-spec': (p) => `指标格式不对：「${p.spec}」。应写作 "名称=表达式"，例如 "资金到位率=fundsArrived / totalInvestment * 100"`,
      'duplicate-indicator': (p) => `指标「${p.name}」定义了两次`,
      'indicator-too-long': (p) => `表达式过长：${p.length} 个字符，上限 ${p.max} 个`,
      'indicator-too-deep': (p, at) => `${at}括号嵌套过深（上限 ${p.max} 层）`,
      'indicator-too-complex': (p) => `表达式过于复杂（上限 ${p.max} 个运算项）`,
      'indicator-syntax': (p, at) => `${at}有语法错误（${p.detail}）`,
      'indicator-unknown-field': (p, at) => `${at}的「${p.name}」不是已知字段。可用字段：${knownFields('zh-CN')}`,
      'indicator-not-allowed': (p, at) => `${at}的「${p.what}」不允许使用。只能使用数字、字段、+ - * / ^、比较运算、括号和函数 ${ALLOWED}`,
    },
  },
  'zh-TW': {
    at: (pos) => `第 ${pos} 個字元處`,
    indicator: (name) => `指標「${name}」：`,
    texts: {
      'bad-adjust': (p) => `調整項格式不對：「${p.spec}」。應寫作 "項目代碼或名稱:欄位=數值"，數值前加 + 或 - 表示增減（萬元；完成率可寫 80%），例如 "甲項目:completedYtd=+5000"`,
      'unknown-adjust-field': (p) => `調整項「${p.spec}」的欄位「${p.field}」未知；可用欄位：${p.known}`,
      'adjust-not-found': (p) => `調整項「${p.spec}」找不到項目：沒有項目代碼或名稱為「${p.key}」的項目`,
      'bad-indicator-spec': (p) => `指標格式不對：「${p.spec}」。應寫作 "名稱=運算式"，例如 "資金到位率=fundsArrived / totalInvestment * 100"`,
      'duplicate-indicator': (p) => `指標「${p.name}」定義了兩次`,
      'indicator-too-long': (p) => `運算式過長：${p.length} 個字元，上限 ${p.max} 個`,
      'indicator-too-deep': (p, at) => `${at}括號巢狀過深（上限 ${p.max} 層）`,
      'indicator-too-complex': (p) => `運算式過於複雜（上限 ${p.max} 個運算項）`,
      'indicator-syntax': (p, at) => `${at}有語法錯誤（${p.detail}）`,
      'indicator-unknown-field': (p, at) => `${at}的「${p.name}」不是已知欄位。可用欄位：${knownFields('zh-TW')}`,
      'indicator-not-allowed': (p, at) => `${at}的「${p.what}」不允許使用。只能使用數字、欄位、+ - * / ^、比較運算、括號和函數 ${ALLOWED}`,
    },
  },
  en: {
    at: (pos) => `at character ${pos}: `,
    indicator: (name) => `indicator "${name}": `,
    texts: {
      'bad-adjust': (p) => `bad adjustment "${p.spec}": write "<code or name>:<field>=<value>", with + or - for a change (万元; a completion rate may be written 80%), e.g. "Project A:completedYtd=+5000"`,
      'unknown-adjust-field': (p) => `adjustment "${p.spec}": unknown field "${p.field}"; known fields: ${p.known}`,
      'adjust-not-found': (p) => `adjustment "${p.spec}": no project has the code or name "${p.key}"`,
      'bad-indicator-spec': (p) => `bad indicator "${p.spec}": write "<name>=<expression>", e.g. "funds ratio=fundsArrived / totalInvestment * 100"`,
      'duplicate-indicator': (p) => `indicator "${p.name}" is defined twice`,
      'indicator-too-long': (p) => `the expression is too long: ${p.length} characters, at most ${p.max}`,
      'indicator-too-deep': (p, at) => `${at}brackets nested too deep (at most ${p.max})`,
      'indicator-too-complex': (p) => `the expression is too complex (at most ${p.max} terms)`,
      'indicator-syntax': (p, at) => `${at}syntax error (${p.detail})`,
      'indicator-unknown-field': (p, at) => `${at}"${p.name}" is not a known field. Known fields:${knownFields('en')}`,
      'indicator-not-allowed': (p, at) => `${at}"${p.what}" is not allowed. Use numbers, fields, + - * / ^, comparisons, brackets and the functions ${ALLOWED}`,
    },
  },
};

/** An input error as a sentence: `指标「得分」：第 7 个字符处有语法错误（…）`. */
export function whatifErrorMessage(e: { code: WhatifErrorCode; params: P; position: number | null }, lang: Lang): string {
  const t = ERRORS[lang];
  const at = e.position === null ? '' : t.at(e.position);
  const prefix = typeof e.params.indicator === 'string' ? t.indicator(e.params.indicator) : '';
  return prefix + t.texts[e.code](e.params, at);
}

const NO_ROOM: Record<Lang, (p: { file: string; sheet: string; count: number }) => string> = {
  'zh-CN': (p) => `${p.file}「${p.sheet}」：计算列之后没有 ${p.count} 个连续空列可放指标列（指标列不越过 Excel 最后一列 XFD，也不覆盖已有单元格），副本中未写入指标列；指标值见报告`,
  'zh-TW': (p) => `${p.file}「${p.sheet}」：計算欄之後沒有 ${p.count} 個連續空欄可放指標欄（指標欄不越過 Excel 最後一欄 XFD，也不覆蓋已有儲存格），副本中未寫入指標欄；指標值見報告`,
  en: (p) => `${p.file} [${p.sheet}]: no ${p.count} free columns side by side after the computed columns for the indicators (they never go past Excel's last column XFD or over a cell in use), so the copy has no indicator columns; their values are in the report`,
};

/** The sheet has no room for the indicator columns: the copy is written without them. */
export function indicatorNoRoomMessage(p: { file: string; sheet: string; count: number }, lang: Lang): string {
  return NO_ROOM[lang](p);
}
