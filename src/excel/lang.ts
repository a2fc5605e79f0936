/// <reference types="office-js" />
import type { Lang } from '../core/types';

/** Office's UI language as one of ours: zh-TW/HK/MO and Hant → zh-TW, other zh → zh-CN, else en. */
export function langOf(tag: string | null | undefined): Lang | null {
  if (!tag) return null;
  const t = tag.toLowerCase();
  if (/^zh-(tw|hk|mo|hant)/.test(t)) return 'zh-TW';
  if (t === 'zh' || t.startsWith('zh-')) return 'zh-CN';
  return 'en';
}

export function officeDisplayLanguage(): Lang | null {
  try {
    return typeof Office === 'undefined' ? null : langOf(Office.context.displayLanguage);
  } catch {
    return null;
  }
}
