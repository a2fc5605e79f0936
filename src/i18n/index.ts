/** Messages per language, and issues turned from data into sentences. */
import { toA1 } from '../core/grid';
import type { Issue, Lang, RawIssue } from '../core/types';
import { en } from './en';
import type { Messages } from './types';
import { zhCN } from './zh-CN';
import { zhTW } from './zh-TW';

export type { IssueMessage, Messages, UiKey } from './types';
export { UI_KEYS } from './types';

const ALL: Record<Lang, Messages> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };

export function messages(lang: Lang): Messages {
  return ALL[lang];
}

export function formatIssue(raw: RawIssue, lang: Lang): string {
  return ALL[lang].issues[raw.code](raw.params);
}

export function toIssue(raw: RawIssue, lang: Lang): Issue {
  const issue: Issue = {
    code: raw.code,
    severity: raw.severity,
    cell: toA1(raw.r, raw.c),
    message: formatIssue(raw, lang),
    fix: raw.fix,
    params: raw.params,
  };
  if (raw.rows) issue.cells = raw.rows.map((r) => toA1(r, raw.c));
  return issue;
}

/**
 * A language tag (`zh-Hant-TW`, `zh_HK`, `en-US`) to one of ours: traditional
 * scripts and regions to zh-TW, any other Chinese to zh-CN, the rest to English.
 */
export function detectLang(tag: string): Lang {
  const t = tag.trim().toLowerCase().replace(/_/g, '-');
  if (!/^zh(-|$)/.test(t)) return 'en';
  const parts = t.split('-');
  if (parts.includes('hans')) return 'zh-CN';
  if (parts.includes('hant') || parts.includes('tw') || parts.includes('hk') || parts.includes('mo')) return 'zh-TW';
  return 'zh-CN';
}
