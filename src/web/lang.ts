/**
 * The web page's language from the browser's: traditional Chinese or English where the
 * browser asks for them, simplified Chinese otherwise. The browser's preferences are read
 * in order and the first Chinese or English one decides (`['fr-FR', 'en-GB']` is English,
 * `['zh-HK', 'en']` traditional Chinese); with none of either, or none at all, the page
 * is in simplified Chinese, the language of most of the ledgers it checks.
 */
import type { Lang } from '../core/types';
import { detectLang } from '../i18n/index';

export function pageLang(tags: readonly string[] | string | null | undefined): Lang {
  const list = typeof tags === 'string' ? [tags] : tags ?? [];
  for (const tag of list) {
    const t = tag.trim().toLowerCase();
    if (t === 'en' || t.startsWith('en-') || t.startsWith('en_')) return 'en';
    if (t === 'zh' || t.startsWith('zh-') || t.startsWith('zh_')) return detectLang(t);
  }
  return 'zh-CN';
}

/** The browser's language preferences, best first. */
export function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  if (navigator.languages && navigator.languages.length) return navigator.languages;
  return navigator.language ? [navigator.language] : [];
}
