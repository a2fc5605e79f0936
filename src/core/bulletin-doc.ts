/**
 * The 通报 as a document: title, headings, paragraphs and the ranking table, in the words of
 * the text bulletin (core/bulletin.ts). A host lays it out (src/docx writes it as Word in the
 * GB/T 9704 conventions); what it says is decided here, in each locale.
 */
import { groupSentence, periodPhrase } from './bulletin';
import { money, pct } from './format';
import { reasonText } from './history/lines';
import { byRank } from './rank';
import { roundHalfAway } from './round';
import { DEFAULT_LIST_RULE, type GroupFigures, type Lang, type ProjectReport, type Report } from './types';

export type BulletinBlock =
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; header: string[]; rows: string[][] };

export interface BulletinDoc {
  lang: Lang;
  title: string;
  blocks: BulletinBlock[];
}

interface Words {
  title: (year: string, period: string) => string;
  overall: string;
  counties: string;
  table: string;
  listed: string;
  streaks: string;
  city: string;
  header: string[];
  noListed: string;
  noHistory: string;
  noStreak: (n: number) => string;
  streakItem: (p: ProjectReport) => string;
  overdue: string;
  seriously: (p: ProjectReport) => string;
  delistedHead: string;
  delisted: (name: string, group: string) => string;
}

const WORDS: Record<Lang, Words> = {
  'zh-CN': {
    title: (y, p) => `关于${y}年${p}全市重点项目建设进展情况的通报`,
    overall: '一、总体情况', counties: '二、各县（市、区）进展情况', table: '三、排名情况',
    listed: '四、挂牌督办项目', streaks: '五、连续滞后项目', city: '全市',
    header: ['排名', '县（市、区）', '项目数', '开工数', '开工率', '年度计划', '完成投资', '完成率', '与时间进度差'],
    noListed: '本期无挂牌督办项目。',
    noHistory: '未提供往期台账（--previous），本期不统计连续滞后。',
    noStreak: (n) => `无连续${n}期及以上滞后的项目。`,
    streakItem: (p) => `${p.name}（${p.group}），连续滞后${p.behindStreak}期，完成率${pct(p.completionRate)}。`,
    overdue: '逾期未开工',
    seriously: (p) => `严重滞后，完成率${pct(p.completionRate)}`,
    delistedHead: '本期摘牌项目：',
    delisted: (n, g) => `${n}（${g}）予以摘牌。`,
  },
  'zh-TW': {
    title: (y, p) => `關於${y}年${p}全市重點項目建設進展情況的通報`,
    overall: '一、總體情況', counties: '二、各縣（市、區）進展情況', table: '三、排名情況',
    listed: '四、掛牌督辦項目', streaks: '五、連續滯後項目', city: '全市',
    header: ['排名', '縣（市、區）', '項目數', '開工數', '開工率', '年度計劃', '完成投資', '完成率', '與時間進度差'],
    noListed: '本期無掛牌督辦項目。',
    noHistory: '未提供往期台賬（--previous），本期不統計連續滯後。',
    noStreak: (n) => `無連續${n}期及以上滯後的項目。`,
    streakItem: (p) => `${p.name}（${p.group}），連續滯後${p.behindStreak}期，完成率${pct(p.completionRate)}。`,
    overdue: '逾期未開工',
    seriously: (p) => `嚴重滯後，完成率${pct(p.completionRate)}`,
    delistedHead: '本期摘牌項目：',
    delisted: (n, g) => `${n}（${g}）予以摘牌。`,
  },
  en: {
    title: (_y, p) => `Progress of the city's key projects, ${p.replace(/^As of/, 'as of')}`,
    overall: '1. Overview', counties: '2. Counties', table: '3. Ranking',
    listed: '4. Projects on the watch list (挂牌督办)', streaks: '5. Projects behind several reports in a row', city: 'The city',
    header: ['Rank', 'County', 'Projects', 'Started', 'Start rate', 'Annual plan', 'Completed', 'Completion rate', 'Gap to time progress'],
    noListed: 'No project is on the watch list this period.',
    noHistory: 'No earlier periods were given (--previous): streaks are not counted this period.',
    noStreak: (n) => `No project has been behind ${n} reports or more in a row.`,
    streakItem: (p) => `${p.name} (${p.group}): behind ${p.behindStreak} reports in a row, ${pct(p.completionRate)} of plan.`,
    overdue: 'overdue start',
    seriously: (p) => `seriously behind, ${pct(p.completionRate)} of plan`,
    delistedHead: 'Taken off the list (摘牌) this period:',
    delisted: (n, g) => `${n} (${g}).`,
  },
};

/** A gap in points with its sign, as the table shows it (`+17.0`, `-5.3`, `0.0`). */
function signedGap(gapPp: number | null): string {
  if (gapPp === null || !Number.isFinite(gapPp)) return '—';
  const r = roundHalfAway(gapPp, 1);
  return r > 0 ? `+${r.toFixed(1)}` : r === 0 ? '0.0' : r.toFixed(1);
}

/** The city's figures: every sheet's total added up. */
function cityFigures(report: Report, name: string): GroupFigures {
  const c: GroupFigures = {
    name, projects: 0, started: 0, startRate: null, totalInvestment: 0, annualPlan: 0, completedYtd: 0,
    completionRate: null, gapPp: null, lagging: 0, rank: null,
  };
  for (const f of report.files) {
    for (const s of f.sheets) {
      c.projects += s.total.projects;
      c.started += s.total.started;
      c.totalInvestment += s.total.totalInvestment;
      c.annualPlan += s.total.annualPlan;
      c.completedYtd += s.total.completedYtd;
      c.lagging += s.total.lagging;
    }
  }
  c.startRate = c.projects > 0 ? c.started / c.projects : null;
  c.completionRate = c.annualPlan > 0 ? c.completedYtd / c.annualPlan : null;
  c.gapPp = c.completionRate === null ? null : (c.completionRate - report.timeProgress) * 100;
  return c;
}

/** The 通报 of the report, ranking entries best first, unranked last. */
export function bulletinDoc(report: Report, lang: Lang): BulletinDoc {
  const w = WORDS[lang];
  const period = periodPhrase(report.asOf, lang);
  const lead = (s: string) => `${period}${lang === 'en' ? ', ' : '，'}${s}`;
  const blocks: BulletinBlock[] = [];
  const groupOf = (file: string, sheet: string, name: string): GroupFigures | undefined =>
    report.files.find((f) => f.file === file)?.sheets.find((s) => s.sheet === sheet)?.groups.find((g) => g.name === name);
  const entries = byRank(report.ranking).map((r) => ({ r, g: groupOf(r.file, r.sheet, r.name) }));
  const ranked = entries.filter((e) => e.r.rank !== null).length;

  blocks.push({ kind: 'heading', level: 1, text: w.overall });
  blocks.push({ kind: 'paragraph', text: lead(groupSentence(cityFigures(report, w.city), null, 0, lang)) });

  blocks.push({ kind: 'heading', level: 1, text: w.counties });
  for (const { r, g } of entries) if (g) blocks.push({ kind: 'paragraph', text: lead(groupSentence(g, r.rank, ranked, lang)) });

  blocks.push({ kind: 'heading', level: 1, text: w.table });
  const rows = entries.map(({ r, g }) => [
    r.rank === null ? '—' : String(r.rank), r.name, g ? String(g.projects) : '—', g ? String(g.started) : '—',
    pct(g?.startRate ?? null), money(g?.annualPlan ?? null, lang), money(g?.completedYtd ?? null, lang),
    pct(r.completionRate), signedGap(r.gapPp),
  ]);
  blocks.push({ kind: 'table', header: w.header, rows });

  blocks.push({ kind: 'heading', level: 1, text: w.listed });
  const projects = report.files.flatMap((f) => f.sheets.flatMap((s) => s.projects));
  if (report.history) {
    const { listed, delisted } = report.history;
    if (listed.length === 0) blocks.push({ kind: 'paragraph', text: w.noListed });
    listed.forEach((p, i) => blocks.push({ kind: 'paragraph', text: `${i + 1}. ${p.name}（${p.group}，${reasonText(p, lang)}）` }));
    if (delisted.length > 0) {
      blocks.push({ kind: 'paragraph', text: w.delistedHead });
      for (const p of delisted) blocks.push({ kind: 'paragraph', text: w.delisted(p.name, p.group) });
    }
  } else {
    const serious = projects.filter((p) => p.status === 'seriously-behind' || p.status === 'overdue-start');
    if (serious.length === 0) blocks.push({ kind: 'paragraph', text: w.noListed });
    serious.forEach((p, i) => blocks.push({
      kind: 'paragraph', text: `${i + 1}. ${p.name}（${p.group}，${p.status === 'overdue-start' ? w.overdue : w.seriously(p)}）`,
    }));
  }

  blocks.push({ kind: 'heading', level: 1, text: w.streaks });
  if (!report.history) blocks.push({ kind: 'paragraph', text: w.noHistory });
  else {
    // The cut-off is the list rule's (`--list-after`); a rule that turns the streak reason
    // off (0) still lets the section name projects behind the default number of reports.
    const after = report.history.rule.listAfter > 0 ? report.history.rule.listAfter : DEFAULT_LIST_RULE.listAfter;
    const streaks = projects.filter((p) => (p.behindStreak ?? 0) >= after)
      .sort((a, b) => (b.behindStreak ?? 0) - (a.behindStreak ?? 0));
    if (streaks.length === 0) blocks.push({ kind: 'paragraph', text: w.noStreak(after) });
    for (const p of streaks) blocks.push({ kind: 'paragraph', text: w.streakItem(p) });
  }
  return { lang, title: w.title(report.asOf.slice(0, 4), period), blocks };
}
