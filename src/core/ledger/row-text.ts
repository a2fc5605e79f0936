/**
 * The words that mark a ledger row as something other than a project: totals,
 * subtotals, breakdowns, headings and footer lines. Patterns run on compact text
 * (narrowed, all whitespace removed), so `合 计` and `（一）` match as `合计`, `(一)`.
 */
import { cleanText } from '../values';
import { INVISIBLE_CHARS } from '../text';

const SPACES = /\s+/g;

/** Narrowed, trimmed, every whitespace removed. */
export function compactText(s: string): string {
  return cleanText(s).replace(SPACES, '');
}

const CN_NUM = '一二三四五六七八九十百零〇壹贰叁肆伍陆柒捌玖拾';

/** `合计`, `总计`, `全市合计`, `Total`: the sheet's grand total. */
export const TOTAL = /^(?:全市|全县|全区|全省|全州|全盟|全旗|总)?(?:合计|总计|合計|總計|共计|共計)|^(?:grand)?total\b/i;
/** `小计`, `阳谷县小计`, `Subtotal`. */
export const SUBTOTAL = /小计|小計|^sub-?total/i;
/** A label that names a place a city ranks: a county, district, town, zone or the city's own level. */
export const PLACE_NAME = /(?:省|市|县|縣|区|區|旗|州|盟|镇|鎮|乡|鄉|街道|开发区|開發區|园区|園區|本级|本級|市直|县直|縣直)$/;
/** `阳谷县合计`: a named block's total, i.e. a subtotal. */
export const NAMED_TOTAL = /^(.{1,20}?)(?:合计|合計|总计|總計|汇总|匯總)$/;
/** A label that is nothing but a count (`13个`, `（共13项）`): the sheet's total in templates that word it so. */
export const COUNT_ONLY = /^[(（]?(?:共|计|計)?(\d+)(?:个项目|個項目|个|個|项|項)[)）]?$/;
/** `其中：`, `其中:省重点`. */
export const BREAKDOWN = /^其中[:：]?/;

export const FOOTER = new RegExp(
  '^(?:(?:填报单位|填報單位|填报人|填報人|填表人|审核人|審核人|制表人|联系电话|聯繫電話|单位负责人|單位負責人|报送单位|報送單位)' +
    '|(?:填报日期|填表日期|填报时间|审核|審核|审批人|制表|统计人|负责人|主要负责人|联系人|聯繫人|填报说明|附注|备注|備註|注|註|说明|說明)\\d*[:：.、])',
);

/** `一、交通` (level 1). */
export const LEVEL1 = new RegExp(`^[${CN_NUM}]+[、.,，．]`);
/** `（一）阳谷县`, `(二)在建项目` (level 2). */
export const LEVEL2 = new RegExp(`^[(（][${CN_NUM}]+[)）][、.]?`);
/** `1.续建项目`, `1、新开工项目` (level 3); not `2.5万吨…`. */
export const LEVEL3 = /^\d{1,2}[.、．](?!\d)/;
/** `(1)在建` (level 4). */
export const LEVEL4 = /^[(（]\d{1,2}[)）][、.]?/;
/** A numeral alone, as an index cell of a heading whose text is in the name column. */
export const BARE_NUMERAL = new RegExp(`^(?:[${CN_NUM}]+[、.,，．]?|[(（][${CN_NUM}]+[)）][、.]?)$`);

/** Raw text that may start a numbered heading (checked before compacting it). */
export const HEADING_HINT = new RegExp(`^\\s*[(（\\d０-９${CN_NUM}]`);
/**
 * Raw text that may declare a count (COUNT, COUNT_ONLY): a digit, then, past blanks and
 * invisible marks (gone once the text is compact), a measure word. Names that merely hold
 * `项目` (most of them) fail it, and are not compacted to be read for a count.
 */
export const COUNT_HINT = new RegExp(`[0-9０-９][\\s${INVISIBLE_CHARS}]*[个個项項]`);
/** Raw text that may name a total, subtotal or breakdown. */
export const SUMMARY_HINT = /[计計其]|total|ｔｏｔａｌ/i;

/**
 * The count a label declares: `（48项）`, `(共48个)` anywhere; at the end, `48个项目`, `48项`,
 * `共12个`, and `12个` straight after a total word (`阳谷县合计12个`, which keeps its 合计).
 * A bare `N个` at the end of any other text is part of a name (`建设5G基站300个`).
 */
const COUNT = new RegExp(
  '[(（](?:共|计|計)?(\\d+)(?:个项目|個項目|个|個|项|項)[^)）]*[)）]' +
    '|(?<=合计|合計|小计|小計|总计|總計|汇总|匯總)[:：]?(?:共|计|計)?(\\d+)(?:个项目|個項目|个|個|项|項)$' +
    '|(?<![合小总總])(?:共|计|計)(\\d+)(?:个项目|個項目|个|個|项|項)$' +
    '|(\\d+)(?:个项目|個項目|项|項)$',
);
const TRAILING_PUNCT = /[:：,，、.。]+$/;

export interface Label {
  label: string;
  declaredCount?: number;
}

/** The label of compact heading or total text: numbering prefix and count removed. */
export function labelOf(compact: string, prefix?: RegExp): Label {
  let t = compact;
  if (prefix) t = t.replace(prefix, '');
  const out: Label = { label: t };
  const m = COUNT.exec(t);
  if (m) {
    out.declaredCount = Number(m[1] ?? m[2] ?? m[3] ?? m[4]);
    t = t.slice(0, m.index) + t.slice(m.index + m[0].length);
  }
  out.label = t.replace(TRAILING_PUNCT, '');
  return out;
}

/** The heading level a compact text starts with (1..4), and its numbering pattern. */
export function headingLevel(compact: string): { level: number; prefix: RegExp } | null {
  if (LEVEL2.test(compact)) return { level: 2, prefix: LEVEL2 };
  if (LEVEL1.test(compact)) return { level: 1, prefix: LEVEL1 };
  if (LEVEL3.test(compact)) return { level: 3, prefix: LEVEL3 };
  if (LEVEL4.test(compact)) return { level: 4, prefix: LEVEL4 };
  return null;
}
