/**
 * Reading a figure column's header by its parts: what it measures (总投资, 计划,
 * 完成, 到位, a rate), over which time (this month, this year, before the year,
 * since the start), planned or actual, which year, its unit and a percent sign.
 * The figure fields come from that reading; plain names (项目名称, 责任单位) keep
 * the synonym table. Levels are read leaf first: the leaf's words win, a parent
 * (`2010年实际完成情况`) fills in what the leaf leaves open.
 */
import { normalizeHeader } from '../text';
import type { Field, Unit } from '../types';
import { unitInHeader } from './units';

export type Measure = 'total' | 'plan' | 'completed' | 'arrived' | 'rate';
/**
 * month: this month / ten days / week; year: this year so far or the whole year;
 * beforeYear: up to the end of last year; sinceStart: from the project's start;
 * cumulative: `累计` with nothing saying from when (ambiguous).
 */
export type Scope = 'month' | 'year' | 'beforeYear' | 'sinceStart' | 'cumulative';

export interface HeaderParts {
  measure: Measure | null;
  scope: Scope | null;
  /** `1-N月` or `截至N月底`: part of the year, so not a whole-year plan. */
  partOfYear: boolean;
  qualifier: 'plan' | 'actual' | null;
  year: number | null;
  unit: Unit | null;
  percent: boolean;
  /** The leaf starts `其中`: a breakdown of the column before it. */
  breakdown: boolean;
}

export interface PartsCandidate {
  field: Field;
  score: number;
  /** True when the header alone cannot tell (a lone `累计完成投资`, a bare `完成投资`). */
  weak: boolean;
}

/** The fields read from parts; every other field keeps the synonym table. */
export const FIGURE_FIELDS: readonly Field[] = [
  'totalInvestment', 'completedBeforeYear', 'annualPlan', 'monthCompleted', 'completedYtd',
  'completedSinceStart', 'reportedRate', 'fundsArrived',
];

/** Words that make a column something other than a figure (dates, texts, states). */
const NOT_FIGURE = /时间|日期|年月|年限|起止|期限|工期|内容|规模|形象|进展|问题|备注|状态|是否|情况说明|单位|领导|名称|代码|编码|序号|地点|性质|措施|责任人|联系/;
const FIGURE_WORD = /投资|完成|实际|计划|到位|资金|金额|总额|万元|亿元|率|%|比例|比重|占/;

const BEFORE_YEAR = /(?:开工|建设)?(?:至|到|截至|截止)?(?:上一?年(?:度)?(?:底|末)|上年度|去年底|(?:19|20)\d{2}年(?:底|末)|以前年度|往年|历年|前期)|年底前|年初前/;
const SINCE_START = /开工(?:以来|至今|累计)|开累|自开工|建设以来|开工建设以来|项目累计|开工至(?:本月|今|报告期)|自项目开工|截至目前累计|至今累计/;
// A bare `月完成投资` / `旬完成投资额` / `至   旬完成` (the month or the 旬 left for the filler, or
// implied by the report) is the report's own period, as `本月` is; so is a parent that is
// only a month (`3月` over `计划 | 实际`, 按月排进度), one column pair per month.
const MONTH = /本月|当月|本旬|本周|本期|上旬|中旬|下旬|第[一二三四五1-5]周|(?:^|[^-至到~\d])\d{1,2}月(?:份)?(?:完成|实际|计划|投资)|(?:^|[^\d年月])[月旬周](?:份)?(?:计划|完成|实际|投资)|^\d{1,2}月(?:份)?$/;
// `1-6月`, `8月至12月`, and the filler's blank or letter (`1-  月`, `1-N月`, lower-cased here).
const PART_OF_YEAR = /\d{1,2}\s*月?\s*(?:-|至|到|~)\s*(?:\d{1,2}|[a-z])?\s*月|[一二三四五六七八九十]+(?:-|至|到)[一二三四五六七八九十]+月|上半年|下半年|[一二三四1-4]季度|前三季度|(?:截至|截止|至)\d{1,2}月(?:底|末|\d{1,2}日)|\d{1,2}月底累计|年初(?:以来|至今|至)|今年以来|(?:本年|今年|当年)(?:至|到)(?:当月|本月|今|报告期|目前)/;
/** Last year's figure for the same span (`上年同月完成投资`, `去年同期`) and growth (`同比`): not this ledger's. */
const LAST_YEAR_SAME = /(?:上|去)年同(?:期|月|旬)|同比/;
/**
 * The next period (`下一月度计划完成投资`, `下月计划`): a plan ahead, no figure of the ledger.
 * `下旬` alone is the last ten days of this month, so a 旬 needs `下一旬`.
 */
const NEXT_PERIOD = /(?:下一(?:个)?(?:月|旬|周|季度|年度?)|下(?:个)?(?:月|周|季度|年度?))(?:度)?(?:计划|目标|安排|投资|完成)|明年/;
const THIS_YEAR = /本年|今年|年度|全年|当年|(?:19|20)\d{2}年/;
const CUMULATIVE = /累计/;
/**
 * A rate whose base is not the annual plan: a share of this month's or this 旬's plan
 * (`本旬占月计划投资额（%）`), of a part-year plan (`完成1-4月投资计划%`) or of the total
 * investment (`占总投资（%）`). The completion rate is a share of the annual plan only.
 */
const RATE_OF_OTHER_BASE = /占(?:本|当)?[月旬周]|[月旬周](?:投资)?计划(?:投资)?(?:额)?(?:的)?(?:%|\(%\)|比例|完成率)|\d{1,2}\s*月?\s*(?:-|至|到|~)\s*\d{1,2}\s*月(?:份)?(?:投资)?计划|占(?:项目)?总投资|占概算/;
const YEAR = /((?:19|20)\d{2})年/;

function levelParts(t: string): Omit<HeaderParts, 'unit' | 'percent' | 'breakdown' | 'year'> & { year: number | null } {
  let measure: Measure | null = null;
  const percent = t.includes('%') || t.includes('百分比');
  if (percent || /完成率|率$|率\(|比例|比重|占.{0,4}计划|百分比/.test(t)) measure = 'rate';
  else if (/到位/.test(t)) measure = 'arrived';
  else if (/总投资|投资总额|总额/.test(t) && !/完成/.test(t)) measure = 'total';
  // `本周新增投资` (a weekly bulletin's figure for the week): investment done, as 完成 is.
  else if (/完成|实际|已投|累计|新增投资/.test(t)) measure = 'completed';
  else if (/计划|安排|任务|目标/.test(t)) measure = 'plan';
  let qualifier: HeaderParts['qualifier'] = null;
  if (/实际|实绩|已完成/.test(t)) qualifier = 'actual';
  // 力争/争取/拟: what an office strives for (`大干150天力争完成的投资额`), a target, not a figure done.
  else if (/计划|预计|目标|安排|力争|争取|拟/.test(t)) qualifier = 'plan';
  let scope: Scope | null = null;
  let partOfYear = false;
  if (BEFORE_YEAR.test(t)) scope = 'beforeYear';
  if (scope === null && SINCE_START.test(t)) scope = 'sinceStart';
  if (scope === null && PART_OF_YEAR.test(t)) {
    scope = 'year';
    partOfYear = true;
  }
  if (scope === null && MONTH.test(t)) scope = 'month';
  if (scope === null && THIS_YEAR.test(t)) scope = 'year';
  if (scope === null && CUMULATIVE.test(t)) scope = 'cumulative';
  const y = YEAR.exec(t);
  return { measure, qualifier, scope, partOfYear, year: y && scope !== 'beforeYear' ? Number(y[1]) : null };
}

/** The parts of one column's header path (outermost level first). */
export function readParts(levels: readonly string[]): HeaderParts {
  const out: HeaderParts = {
    measure: null, scope: null, partOfYear: false, qualifier: null, year: null, unit: null, percent: false, breakdown: false,
  };
  const texts = levels.map((l) => normalizeHeader(l)).filter((t) => t !== '');
  if (texts.length === 0) return out;
  out.breakdown = texts[texts.length - 1].startsWith('其中');
  for (let i = texts.length - 1; i >= 0; i--) {
    const p = levelParts(texts[i]);
    if (out.measure === null) out.measure = p.measure;
    // A parent's measure refines a leaf that only says 投资 or 完成 (`计划 / 投资`).
    if (out.qualifier === null) out.qualifier = p.qualifier;
    if (out.scope === null) {
      out.scope = p.scope;
      out.partOfYear = p.partOfYear;
    } else if (out.scope === 'cumulative' && (p.scope === 'year' || p.scope === 'sinceStart' || p.scope === 'beforeYear')) {
      // `2010年实际完成情况 / 累计完成投资`: the parent says which 累计.
      out.scope = p.scope;
      out.partOfYear = out.partOfYear || p.partOfYear;
    }
    if (out.year === null) out.year = p.year;
    if (texts[i].includes('%') || texts[i].includes('百分比')) out.percent = true;
  }
  out.unit = unitInHeader(texts.join(''));
  if (out.measure === 'completed' && out.qualifier === 'plan' && !/实际|已完成/.test(texts.join(''))) {
    // `1-3月计划完成投资` (按月排进度): what was planned, not what was done.
    out.measure = 'plan';
  }
  return out;
}

const STRETCH = /力争|争取/;
const STRETCH_DROP = 100;
const STRONG = 1500;
const WEAK = 900;
const RATE_PERCENT = 200;
const BREAKDOWN = 500;
const SAID = 20;

/** The base of a rate (`占年度计划`, `完成年计划`): what it is a share of, not the span it covers. */
const RATE_BASE = /(?:占|完成)?(?:本年|今年|年度|全年|年)(?:投资)?计划(?:投资)?(?:额)?(?:的)?/g;

/** A rate whose own words, base aside, name no span, under a parent that names a month. */
function monthRate(levels: readonly string[]): boolean {
  if (levels.length < 2) return false;
  const leaf = levelParts(normalizeHeader(levels[levels.length - 1]).replace(RATE_BASE, ''));
  if (leaf.scope !== null && leaf.scope !== 'month') return false;
  for (let i = levels.length - 2; i >= 0; i--) {
    const s = levelParts(normalizeHeader(levels[i])).scope;
    if (s !== null) return s === 'month';
  }
  return false;
}

/**
 * The figure fields a header can be, best first. `ledgerYear` is the year the sheet
 * reports on, when the title says it: a column of another year (`2009年完成` in a
 * 2010 ledger) is not this year's.
 */
export function partsCandidates(levels: readonly string[], ledgerYear?: number): PartsCandidate[] {
  if (levels.length === 0) return [];
  const leaf = normalizeHeader(levels[levels.length - 1] ?? '');
  const path = levels.map((l) => normalizeHeader(l)).join('');
  if (!FIGURE_WORD.test(path)) return [];
  if (NOT_FIGURE.test(leaf) && !/率|%/.test(leaf)) return [];
  if (NEXT_PERIOD.test(leaf) || LAST_YEAR_SAME.test(path)) return [];
  const p = readParts(levels);
  const out: PartsCandidate[] = [];
  // A header that names both its scope and 投资 says more than one that leaves either out.
  const said = (p.scope !== null ? SAID : 0) + (/投资/.test(path) ? SAID : 0) + (p.qualifier !== null ? SAID / 2 : 0);
  const add = (field: Field, weak: boolean, bonus = 0) => {
    out.push({ field, score: (weak ? WEAK : STRONG) + said + bonus - (p.breakdown ? BREAKDOWN : 0), weak });
  };
  const otherYear = p.year !== null && ledgerYear !== undefined && p.year !== ledgerYear;
  switch (p.measure) {
    case 'rate':
      if (/到位/.test(path) && !/完成/.test(path)) break;
      if (RATE_OF_OTHER_BASE.test(path)) break;
      // A month's share (`本月完成率`, `4月份 / 占年度计划（%）`), not the year's rate: the leaf's
      // `年度计划` names the base, so the span is the one a parent gives.
      if (p.scope === 'month' || monthRate(levels)) break;
      add('reportedRate', false, p.percent ? RATE_PERCENT : 0);
      break;
    case 'arrived':
      add('fundsArrived', p.scope === 'month');
      break;
    case 'total':
      add('totalInvestment', false);
      break;
    case 'plan':
      if (otherYear || p.scope === 'month' || p.partOfYear || p.scope === 'sinceStart' || p.scope === 'beforeYear') break;
      // A stretch target (`2010年力争完成的投资额`) is a plan, but the plan itself beats it.
      add('annualPlan', p.scope === null && !/投资/.test(path), STRETCH.test(path) ? -STRETCH_DROP : 0);
      break;
    case 'completed':
      if (p.scope === 'beforeYear') add('completedBeforeYear', false);
      else if (p.scope === 'sinceStart') add('completedSinceStart', false);
      else if (otherYear) break;
      else if (p.scope === 'month') add('monthCompleted', false);
      else if (p.scope === 'year') add('completedYtd', false);
      else if (p.scope === 'cumulative') {
        add('completedYtd', true, 10);
        add('completedSinceStart', true);
      } else add('completedYtd', true, 20);
      break;
    default:
      break;
  }
  return out;
}

const ONE_MONTH = /(?:^|[^\d\-至到~])(\d{1,2})月(?:份)?(?!\s*(?:-|至|到|~))/;

/**
 * The one month a header (or its parent) names, outside a range: `8月 / 当月完成投资额` → 8,
 * `6月份完成` → 6; null for `1-6月`, `本月` or no month. Leaf first.
 */
export function namedMonth(levels: readonly string[]): number | null {
  for (let i = levels.length - 1; i >= 0; i--) {
    const t = normalizeHeader(levels[i]);
    if (PART_OF_YEAR.test(t)) return null;
    const m = ONE_MONTH.exec(t);
    if (m) {
      const n = Number(m[1]);
      return n >= 1 && n <= 12 ? n : null;
    }
  }
  return null;
}
