/**
 * The 通报 paragraph a county or city office writes, in the seeds' phrasing:
 * 上半年，阳谷县55个项目开工46个，开工率83.6%；完成投资44.50亿元，占年度计划的67.0%，快于时间进度17.0个百分点，居全市第1位。
 */
import { gapPhrase, money, pct } from './format';
import { historyLines } from './history/lines';
import type { GroupFigures, Lang, ProjectReport, Report } from './types';

export function periodPhrase(asOf: string, lang: Lang): string {
  const month = Number(asOf.slice(5, 7));
  const day = Number(asOf.slice(8, 10));
  const monthEnd = new Date(Date.UTC(Number(asOf.slice(0, 4)), month, 0)).getUTCDate() === day;
  if (lang === 'en') return `As of ${asOf}`;
  if (monthEnd) {
    if (month === 6) return '上半年';
    if (month === 3) return '一季度';
    if (month === 9) return '前三季度';
    if (month === 12) return '全年';
    return `1-${month}月`;
  }
  return `截至${month}月${day}日`;
}

export function groupSentence(g: GroupFigures, rank: number | null, ranked: number, lang: Lang): string {
  const rankText = rank !== null && ranked > 1
    ? lang === 'en' ? `, ranking ${rank} of ${ranked}` : lang === 'zh-TW' ? `，居全市第${rank}位` : `，居全市第${rank}位`
    : '';
  if (lang === 'en') {
    return `${g.name}: ${g.projects} projects, ${g.started} started (start rate ${pct(g.startRate)}); ${money(g.completedYtd, lang)} completed, ${pct(g.completionRate)} of the annual plan, ${gapPhrase(g.gapPp, lang)}${rankText}.`;
  }
  const ge = lang === 'zh-TW' ? '個' : '个';
  const plan = lang === 'zh-TW' ? '年度計劃' : '年度计划';
  const start = lang === 'zh-TW' ? '開工' : '开工';
  const rate = lang === 'zh-TW' ? '開工率' : '开工率';
  const done = lang === 'zh-TW' ? '完成投資' : '完成投资';
  const item = lang === 'zh-TW' ? '項目' : '项目';
  return `${g.name}${g.projects}${ge}${item}${start}${g.started}${ge}，${rate}${pct(g.startRate)}；${done}${money(g.completedYtd, lang)}，占${plan}的${pct(g.completionRate)}，${gapPhrase(g.gapPp, lang)}${rankText}。`;
}

function laggingSentence(projects: ProjectReport[], lang: Lang): string {
  const serious = projects.filter((p) => p.status === 'seriously-behind' || p.status === 'overdue-start');
  if (serious.length === 0) return '';
  const list = serious
    .slice(0, 20)
    .map((p) => (p.status === 'overdue-start'
      ? `${p.name}（${lang === 'en' ? 'overdue start' : lang === 'zh-TW' ? '逾期未開工' : '逾期未开工'}）`
      : `${p.name}（${pct(p.completionRate)}）`))
    .join(lang === 'en' ? ', ' : '、');
  const more = serious.length > 20 ? (lang === 'en' ? ` and ${serious.length - 20} more` : `等${serious.length}个`) : '';
  if (lang === 'en') return `Named for lagging (挂牌提醒): ${list}${more}.`;
  if (lang === 'zh-TW') return `嚴重滯後、予以掛牌提醒的項目：${list}${more.replace('个', '個')}。`;
  return `严重滞后、予以挂牌提醒的项目：${list}${more}。`;
}

/**
 * One paragraph per file; with earlier periods, a last paragraph with the 挂牌 list
 * (streaks and reasons) and the 摘牌 since last period.
 */
export function bulletin(report: Report, lang: Lang): string {
  const ranked = report.ranking.filter((r) => r.rank !== null).length;
  const rankOf = (file: string, sheet: string, name: string) =>
    report.ranking.find((r) => r.file === file && r.sheet === sheet && r.name === name)?.rank ?? null;
  const lines: string[] = [];
  const period = periodPhrase(report.asOf, lang);
  for (const f of report.files) {
    for (const s of f.sheets) {
      const sentences: string[] = [];
      if (s.groups.length > 1) {
        sentences.push(groupSentence({ ...s.total, name: lang === 'en' ? 'All projects' : lang === 'zh-TW' ? '全部' : '全部' }, null, 0, lang));
      }
      for (const g of s.groups) sentences.push(groupSentence(g, rankOf(f.file, s.sheet, g.name), ranked, lang));
      // With earlier periods the 挂牌 list below names these projects, with their streaks.
      const lag = report.history ? '' : laggingSentence(s.projects, lang);
      if (lag) sentences.push(lag);
      lines.push(`${period}${lang === 'en' ? ', ' : '，'}${sentences.join(lang === 'en' ? ' ' : '')}`);
    }
  }
  if (report.history) lines.push(historyLines(report.history, lang).join(lang === 'en' ? ' ' : ''));
  return lines.join('\n');
}
