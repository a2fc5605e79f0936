/**
 * The period a title or header names: `截至6月底`, `截至2022年6月30日`, `（1-3月）`,
 * `1-6月完成投资`, `上半年`, `前三季度`, `6月上旬`. The as-of date of a ledger is the
 * end of that period unless a day is given.
 */
import { normalizeHeader } from './text';

export interface AsOfPeriod {
  year?: number;
  month: number;
  day?: number;
}

const CN_DIGITS: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10,
};

/** `6`, `06`, `六`, `十二`, `二十五`, `三十一` → number; NaN when it is not one. */
function readNumeral(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  if (s.length === 0) return NaN;
  const ten = s.indexOf('十');
  if (ten < 0) return s.length === 1 && s in CN_DIGITS ? CN_DIGITS[s] : NaN;
  const tensText = s.slice(0, ten);
  const unitsText = s.slice(ten + 1);
  const tens = tensText === '' ? 1 : CN_DIGITS[tensText];
  const units = unitsText === '' ? 0 : CN_DIGITS[unitsText];
  if (tens === undefined || units === undefined || tensText.length > 1 || unitsText.length > 1) return NaN;
  return tens * 10 + units;
}

export function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeap(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The last day of a month as YYYY-MM-DD. */
export function monthEnd(year: number, month: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(daysInMonth(year, month)).padStart(2, '0')}`;
}

const NUM = '(\\d{1,2}|[〇零一二两三四五六七八九十]{1,3})';
const YEAR = '((?:19|20)\\d{2})年';
// Patterns over normalized text (half-width, no blanks, simplified), most specific first.
const FULL_DATE = new RegExp(`(?:${YEAR})?${NUM}月${NUM}[日号]`);
// A week or any span of days (`4月13日—4月19日`, `4月13日至19日`): the period ends on its last day.
const DATE_RANGE = new RegExp(`(?:${YEAR})?${NUM}月${NUM}[日号](?:-|至|到)(?:${NUM}月)?${NUM}[日号]`);
const DOTTED_DATE = /((?:19|20)\d{2})[.\-/](\d{1,2})[.\-/](\d{1,2})(?!\d)/;
const UNTIL_MONTH = new RegExp(`截[至止]?(?:${YEAR})?${NUM}月(?:份)?(?:${NUM}[日号])?`);
const RANGE_BLANK = new RegExp(`${NUM}(?:-|至|到)月`);
const RANGE = new RegExp(`(?:${YEAR})?${NUM}(?:-|至|到)${NUM}月`);
const TEN_DAYS = new RegExp(`(?:${YEAR})?${NUM}月(?:份)?(上|中|下)旬`);
const QUARTER = /(前三|前两|前二|第?[一二三四1234])季度/;
const HALF = /(上|下)半年/;
const WHOLE_YEAR = /全年/;
const YEAR_MONTH = new RegExp(`(?:${YEAR})?${NUM}月(?:份|底|末)?`);
const ANY_YEAR = new RegExp(YEAR);

const QUARTER_MONTH: Record<string, number> = {
  前三: 9, 前两: 6, 前二: 6, 一: 3, 二: 6, 三: 9, 四: 12, '1': 3, '2': 6, '3': 9, '4': 12,
};

function valid(year: number | undefined, month: number, day: number | undefined): AsOfPeriod | null {
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  const out: AsOfPeriod = { month };
  if (year !== undefined) out.year = year;
  if (day !== undefined) {
    const limit = year === undefined ? daysInMonth(2000, month) : daysInMonth(year, month);
    if (Number.isInteger(day) && day >= 1 && day <= limit) out.day = day;
  }
  return out;
}

function yearOf(text: string, matched: string | undefined): number | undefined {
  if (matched !== undefined) return Number(matched);
  const y = ANY_YEAR.exec(text);
  return y ? Number(y[1]) : undefined;
}

/**
 * The period a title or header names, or null. `截至上年底` is not a period of this
 * report, and `1-  月` (month left blank for the filler) gives null.
 */
export function parseAsOf(text: string): AsOfPeriod | null {
  const t = normalizeHeader(text).replace(/截止/g, '截至');
  if (t.length === 0) return null;
  let m = DATE_RANGE.exec(t);
  if (m) return valid(yearOf(t, m[1]), readNumeral(m[4] ?? m[2]), readNumeral(m[5]));
  m = FULL_DATE.exec(t);
  if (m) return valid(yearOf(t, m[1]), readNumeral(m[2]), readNumeral(m[3]));
  m = DOTTED_DATE.exec(t);
  if (m) return valid(Number(m[1]), Number(m[2]), Number(m[3]));
  m = UNTIL_MONTH.exec(t);
  if (m) return valid(yearOf(t, m[1]), readNumeral(m[2]), m[3] === undefined ? undefined : readNumeral(m[3]));
  m = TEN_DAYS.exec(t);
  if (m) {
    const day = m[3] === '上' ? 10 : m[3] === '中' ? 20 : undefined;
    return valid(yearOf(t, m[1]), readNumeral(m[2]), day);
  }
  m = RANGE.exec(t);
  if (m) return valid(yearOf(t, m[1]), readNumeral(m[3]), undefined);
  if (RANGE_BLANK.test(t)) return null;
  m = QUARTER.exec(t);
  if (m) return valid(yearOf(t, undefined), QUARTER_MONTH[m[1].replace('第', '')], undefined);
  m = HALF.exec(t);
  if (m) return valid(yearOf(t, undefined), m[1] === '上' ? 6 : 12, undefined);
  if (WHOLE_YEAR.test(t)) return valid(yearOf(t, undefined), 12, undefined);
  m = YEAR_MONTH.exec(t);
  if (m) return valid(yearOf(t, m[1]), readNumeral(m[2]), undefined);
  return null;
}

/** The year a text names (`2022年…`), if any. */
export function parseYear(text: string): number | undefined {
  const m = ANY_YEAR.exec(normalizeHeader(text));
  return m ? Number(m[1]) : undefined;
}
