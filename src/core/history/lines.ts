/**
 * The 通报's sentences on lag that persists: the 挂牌 list with each project's reasons,
 * and the projects that left it (摘牌), in the seeds' phrasing.
 */
import { pct } from '../format';
import type { DelistedProject, HistoryReport, Lang, ListReason, ListedProject } from '../types';

interface Words {
  reason: (r: ListReason, p: ListedProject) => string;
  item: (p: { name: string; group: string }, why: string) => string;
  listed: (n: number, fresh: number, items: string) => string;
  none: string;
  delisted: (n: number, items: string) => string;
  sep: string;
}

const WORDS: Record<Lang, Words> = {
  'zh-CN': {
    reason: (r, p) => (r === 'seriously-behind' ? `严重滞后，完成率${pct(p.completionRate)}`
      : r === 'overdue-start' ? '逾期未开工'
        : r === 'behind-streak' ? `连续滞后${p.behindStreak}期`
          : `连续${p.notStartedMonths}个月未开工`),
    item: (p, why) => (why ? `${p.name}（${p.group}，${why}）` : `${p.name}（${p.group}）`),
    listed: (n, fresh, items) => `挂牌督办项目${n}个${fresh > 0 ? `，其中本期新挂牌${fresh}个` : ''}：${items}。`,
    none: '本期无挂牌督办项目。',
    delisted: (n, items) => `本期摘牌项目${n}个：${items}。`,
    sep: '、',
  },
  'zh-TW': {
    reason: (r, p) => (r === 'seriously-behind' ? `嚴重滯後，完成率${pct(p.completionRate)}`
      : r === 'overdue-start' ? '逾期未開工'
        : r === 'behind-streak' ? `連續滯後${p.behindStreak}期`
          : `連續${p.notStartedMonths}個月未開工`),
    item: (p, why) => (why ? `${p.name}（${p.group}，${why}）` : `${p.name}（${p.group}）`),
    listed: (n, fresh, items) => `掛牌督辦項目${n}個${fresh > 0 ? `，其中本期新掛牌${fresh}個` : ''}：${items}。`,
    none: '本期無掛牌督辦項目。',
    delisted: (n, items) => `本期摘牌項目${n}個：${items}。`,
    sep: '、',
  },
  en: {
    reason: (r, p) => (r === 'seriously-behind' ? `seriously behind, ${pct(p.completionRate)} of plan`
      : r === 'overdue-start' ? 'overdue start'
        : r === 'behind-streak' ? `behind ${p.behindStreak} reports in a row`
          : `not started for ${p.notStartedMonths} months`),
    item: (p, why) => (why ? `${p.name} (${p.group}; ${why})` : `${p.name} (${p.group})`),
    listed: (n, fresh, items) => `On the watch list (挂牌督办): ${n} projects${fresh > 0 ? `, ${fresh} newly listed` : ''}: ${items}.`,
    none: 'No project is on the watch list (挂牌督办) this period.',
    delisted: (n, items) => `Taken off the list (摘牌): ${n} projects: ${items}.`,
    sep: ', ',
  },
};

/** How a listed project's reasons read (`连续滞后3期，逾期未开工`). */
export function reasonText(p: ListedProject, lang: Lang): string {
  const w = WORDS[lang];
  return p.reasons.map((r) => w.reason(r, p)).join(lang === 'en' ? '; ' : '，');
}

/** The 挂牌 sentence, then the 摘牌 sentence when some project left the list. */
export function historyLines(history: HistoryReport, lang: Lang): string[] {
  const w = WORDS[lang];
  const lines: string[] = [];
  const { listed, delisted } = history;
  if (listed.length === 0) lines.push(w.none);
  else {
    const items = listed.map((p) => w.item(p, reasonText(p, lang))).join(w.sep);
    lines.push(w.listed(listed.length, listed.filter((p) => p.newlyListed).length, items));
  }
  if (delisted.length > 0) lines.push(w.delisted(delisted.length, delisted.map((p: DelistedProject) => w.item(p, '')).join(w.sep)));
  return lines;
}
