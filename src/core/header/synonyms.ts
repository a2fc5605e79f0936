/**
 * The headers each field goes by (domain.md §2), and how a header text is scored
 * against them. Synonyms are written as people write headers; they pass through
 * the same `headerKey` as the sheet's text, so traditional characters, full-width
 * forms, other years than `2022年` and other months than `1-6月` need no entries.
 */
import { normalizeHeader } from '../text';
import type { Field } from '../types';
import { AMOUNT_FIELDS } from '../types';

export interface Synonym {
  field: Field;
  /** As written in the table. */
  text: string;
  key: string;
  /** Matches only a header that is exactly this (short, ambiguous words). */
  exact: boolean;
  /** Added to the score: negative for weak readings that others should beat. */
  weight: number;
}

type Entry = string | { text: string; exact?: boolean; weight?: number };
const exact = (text: string, weight = 0): Entry => ({ text, exact: true, weight });
const weak = (text: string, weight: number): Entry => ({ text, weight });

const RAW: Record<Field, Entry[]> = {
  index: ['序号', '项目序号', exact('编号', -5), exact('no'), exact('no.'), exact('#'), exact('s/n'), 'serial number', exact('seq')],
  name: ['项目名称', '项目名', '建设项目名称', exact('项目'), exact('名称'), 'project name', exact('project'), exact('name')],
  code: ['项目代码', '项目编码', '统一项目代码', '投资项目代码', '项目统一代码', '项目编号', exact('代码'), exact('编码'),
    'project code', exact('code')],
  group: ['县(市、区)', '县市区', '市县区', '县区', '区县', '县(区)', '县(市)', '所属县区', '所在县区', '属地', '所在地',
    '所属地区', '所在地区', '所在市', '所属市', '市(州)', '地市', '所属板块', '所在板块', exact('板块'), exact('县别'), exact('地区'), exact('区域'), 'county', 'district', exact('region')],
  responsibleUnit: ['责任单位', '牵头单位', '建设单位', '项目单位', '项目业主', '业主单位', '实施单位', '主体单位',
    '承建单位', '责任部门', '主管部门', exact('单位'), 'responsible unit', 'owner', exact('unit')],
  leader: ['包联领导', '挂点领导', '责任领导', '分包领导', '联系领导', '牵头领导', '包抓领导', '包保领导', '市级领导',
    '县级领导', exact('领导'), weak('领导', -40), 'leader'],
  nature: ['建设性质', '项目性质', exact('性质'), 'nature'],
  scope: ['建设规模及主要内容', '建设规模及主要建设内容', '建设规模和主要内容', '主要建设内容', '建设规模', '建设内容',
    '主要内容', exact('规模'), 'scope', 'main contents'],
  startDate: ['开工时间', '计划开工时间', '开工日期', '开工年月', '开工年份', '计划开工', '开工时限', 'start date',
    exact('start')],
  finishDate: ['竣工时间', '计划竣工时间', '竣工日期', '竣工年月', '计划竣工', '完工时间', '建成时间', '投产时间',
    'finish date', 'completion date', 'end date'],
  period: ['建设起止年限', '起止年限', '建设年限', '建设期限', '起止年月', '起止时间', '建设工期', '建设周期',
    '建设起止年份', 'period'],
  totalInvestment: ['总投资', '计划总投资', '项目总投资', '估算总投资', '概算总投资', '投资总额', '总投资额',
    'total investment'],
  completedBeforeYear: ['截至上年底累计完成', '截至上年底', '至上年底', '上年底累计', '以前年度累计完成', '以前年度完成',
    '往年累计完成', '截至2021年底', '至2021年底', '2021年底前', '2021年底累计', 'completed before the year',
    'before this year', 'prior years', 'end of last year'],
  annualPlan: ['年度计划投资', '年度计划', '年度投资计划', '2022年计划投资', '2022年计划', '2022年投资计划', '本年计划',
    '今年计划', '年计划投资', '全年计划', '计划投资', exact('计划', -5), 'annual plan', exact('plan')],
  monthCompleted: ['本月完成', '当月完成', '6月完成', '6月份完成', '本旬完成', '本周完成', '本期完成', exact('本月'),
    exact('当月'), 'this month', 'month completed'],
  completedYtd: ['1-6月完成', '1-6月累计完成', '1-6月', '今年以来累计完成', '今年以来', '年初以来', '年初至今',
    '年度累计完成', '本年累计完成', '今年累计', '本年完成', '年度完成', '本年度累计', '2022年完成', '2022年累计完成',
    '截至6月底', '至6月底', '6月底累计', '上半年完成', '一季度完成', '前三季度完成', weak('累计完成', -10),
    weak('完成投资', -15), weak('已完成投资', -15), exact('完成', -20), exact('已完成', -20), 'completed ytd', 'ytd',
    'year to date', exact('completed', -20)],
  completedSinceStart: ['开工以来累计完成', '开工以来', '自开工以来', '开工至今', '开工累计', '建设以来', '项目累计完成',
    weak('累计完成', -20), exact('累计', -20), 'since start', 'cumulative'],
  reportedRate: ['投资完成率', '完成率', '完成年度计划比例', '完成年度计划', '占年度计划', '占年度计划比例', '占年计划',
    '年度计划完成率', '计划完成率', '完成比例', '完成进度', weak('比例', -10), exact('占比'), 'completion rate',
    'rate of completion', '% of plan', exact('rate')],
  status: ['是否开工', '开工情况', '项目进展状态', '进展状态', '项目状态', '建设状态', '开工状态', '是否开复工',
    '开复工情况', exact('状态'), 'status', exact('started')],
  progressText: ['形象进度', '工程形象进度', '工程进展情况', '项目进展情况', '进展情况', '建设进展', '工作进展',
    '项目进展', '目前进展', '进度情况', exact('进展'), 'progress'],
  problems: ['存在问题', '存在的问题', '存在问题及建议', '存在的问题及建议', '困难问题', '存在困难', '困难和问题',
    '需协调解决的问题', '需要协调解决的问题', exact('问题'), weak('问题', -40), 'problems', exact('issues')],
  fundsArrived: ['资金到位', '到位资金', '资金到位情况', '到位资金额', 'funds arrived', 'funds in place'],
  remarks: ['备注', exact('说明'), 'remarks', 'remark', exact('notes'), exact('note'), exact('comments')],
};

// ---------------------------------------------------------------- keys

const STRIP_UNITS = /\((?:单位:?)?(?:万元|亿元|元|%|‰|个|项|年|月|万美元|亿美元)\)/g;
const TRAILING_UNIT = /(?:万元|亿元)$/;
const YEAR_BEFORE_NIAN = /(?:19|20)\d{2}(?=年)/g;
const MONTH_RANGE = /(?:\d{1,2}|[一二三四五六七八九十]{1,3})(?:-|至|到)(?:\d{1,2}|[一二三四五六七八九十]{1,3}|[a-z])?月(?:份)?/g;
const SINGLE_MONTH = /(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:份)?/g;
const PUNCTUATION = /[()、,.:;'"“”‘’·•/\\|!?*★☆●○◆※_]/g;

/**
 * A header text as the synonym tables see it: normalized, units dropped, years as
 * `Y年`, month ranges as `R月`, single months as `M月`, punctuation dropped.
 * Returns the key and whether a percent sign was written (`占年度计划%`, `（%）`).
 */
export function headerKey(text: string): { key: string; percent: boolean } {
  let t = normalizeHeader(text);
  const percent = t.includes('%') || t.includes('百分比');
  t = t.replace(STRIP_UNITS, '').replace(/%/g, '').replace(TRAILING_UNIT, '');
  // Tokens are upper case: the text is lower-cased already, so they cannot collide,
  // and a single month (`M月完成`, this month) is not a substring of a range (`R月完成`).
  t = t.replace(/截止/g, '截至').replace(YEAR_BEFORE_NIAN, 'Y');
  t = t.replace(MONTH_RANGE, 'R月').replace(SINGLE_MONTH, 'M月');
  t = t.replace(PUNCTUATION, '');
  return { key: t, percent };
}

export const SYNONYMS: readonly Synonym[] = (() => {
  const out: Synonym[] = [];
  for (const field of Object.keys(RAW) as Field[]) {
    for (const e of RAW[field]) {
      const text = typeof e === 'string' ? e : e.text;
      const key = headerKey(text).key;
      if (key) out.push({ field, text, key, exact: typeof e !== 'string' && !!e.exact, weight: typeof e === 'string' ? 0 : e.weight ?? 0 });
    }
  }
  // Longer synonyms first, so the best reading of a field is found first.
  out.sort((a, b) => b.key.length - a.key.length);
  return out;
})();

// ---------------------------------------------------------------- scoring

export interface Candidate {
  field: Field;
  score: number;
  /** The synonym that gave the score (for explaining a mapping). */
  synonym: string;
}

const IN_LEAF = 1000;
const EXACT = 100;
const PER_CHAR = 10;
const PERCENT_RATE = 500;
const BREAKDOWN = 500;
const AMOUNT = new Set<Field>(AMOUNT_FIELDS);
const RATE_WORDS = /率|比例|比重|百分比/;

/**
 * How well a column's header path (outermost level first) reads as each field.
 * A synonym found in the leaf (or spanning into it, `2022年` + `计划`) scores above
 * one found only in a parent; exact beats contained; longer beats shorter.
 * Amount fields never match a rate header (`资金到位率`, `占年度计划%`).
 */
export function scoreHeader(levels: readonly string[]): Candidate[] {
  if (levels.length === 0) return [];
  const keys = levels.map(headerKey);
  const leaf = keys[keys.length - 1];
  let parents = '';
  for (let i = 0; i < keys.length - 1; i++) parents += keys[i].key;
  const path = parents + leaf.key;
  if (path.length === 0) return [];
  const percent = keys.some((k) => k.percent);
  const rateLike = percent || RATE_WORDS.test(leaf.key);
  const matches: { syn: Synonym; inLeaf: boolean; isExact: boolean }[] = [];
  // A leaf that says nothing by itself (`投资`, `合计`) takes its meaning from its parents.
  let leafSpeaks = false;
  for (const syn of SYNONYMS) {
    if (rateLike && AMOUNT.has(syn.field)) continue;
    if (syn.exact) {
      if (leaf.key === syn.key) matches.push({ syn, inLeaf: true, isExact: true });
      else if (path === syn.key) matches.push({ syn, inLeaf: true, isExact: false });
      else continue;
      if (leaf.key === syn.key && syn.weight >= 0) leafSpeaks = true;
    } else {
      const at = path.lastIndexOf(syn.key);
      if (at < 0) continue;
      const inLeaf = at + syn.key.length > parents.length;
      matches.push({ syn, inLeaf, isExact: leaf.key === syn.key || path === syn.key });
      if (at >= parents.length && syn.weight >= 0) leafSpeaks = true;
    }
  }
  const breakdown = leaf.key.startsWith('其中');
  const best = new Map<Field, Candidate>();
  for (const { syn, inLeaf, isExact } of matches) {
    let score = (inLeaf || !leafSpeaks ? IN_LEAF : 0) + (isExact ? EXACT : 0) + syn.key.length * PER_CHAR + syn.weight;
    if (syn.field === 'reportedRate' && percent) score += PERCENT_RATE;
    if (breakdown) score -= BREAKDOWN;
    const prev = best.get(syn.field);
    if (!prev || prev.score < score) best.set(syn.field, { field: syn.field, score, synonym: syn.text });
  }
  return [...best.values()].sort((a, b) => b.score - a.score);
}

/**
 * Whether one header cell, on its own, reads as a field well enough to count
 * towards a header row: the synonym must cover a fair part of the text, so a
 * project name that happens to contain `建设项目` is not a header.
 */
export function looksLikeHeaderCell(text: string): boolean {
  const { key } = headerKey(text);
  if (key.length === 0 || key.length > 40) return false;
  for (const syn of SYNONYMS) {
    if (syn.exact ? key === syn.key : key.includes(syn.key) && syn.key.length * 3 >= key.length) return true;
  }
  return false;
}
