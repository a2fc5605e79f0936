/**
 * The headers of the columns this tool writes (completion rate, gap, status,
 * ranks), per language. The plan writer writes these strings; the header finder
 * recognises them on a later run so the columns are replaced, not read as data.
 */
import { RANK_KEY_HEADERS } from '../plan-labels';
import { normalizeHeader } from '../text';
import type { Lang, OutputKey } from '../types';
import { LANGS, OUTPUT_KEYS } from '../types';

export const OWN_COLUMN_HEADERS: Record<Lang, Record<OutputKey, string>> = {
  'zh-CN': {
    completionRate: '完成率',
    gapPp: '与时间进度差（百分点）',
    status: '状态',
    rankInGroup: '组内排名',
    rank: '排名',
  },
  'zh-TW': {
    completionRate: '完成率',
    gapPp: '與時間進度差（百分點）',
    status: '狀態',
    rankInGroup: '組內排名',
    rank: '排名',
  },
  en: {
    completionRate: 'Completion rate',
    gapPp: 'Gap (pp)',
    status: 'Status',
    rankInGroup: 'Rank in group',
    rank: 'Rank',
  },
};

/** Normalized own header → which output it is, over all languages. */
const OWN_KEYS: ReadonlyMap<string, OutputKey> = (() => {
  const m = new Map<string, OutputKey>();
  for (const lang of LANGS) {
    for (const key of OUTPUT_KEYS) m.set(normalizeHeader(OWN_COLUMN_HEADERS[lang][key]), key);
  }
  return m;
})();

const RANK_KEYS: ReadonlySet<string> = new Set(RANK_KEY_HEADERS.map(normalizeHeader));

/** Header prefix of the what-if indicator columns written after the tool's own (`指标：资金到位率`). */
export const INDICATOR_HEADER_PREFIX: Record<Lang, string> = { 'zh-CN': '指标：', 'zh-TW': '指標：', en: 'Indicator: ' };
const INDICATOR_PREFIXES: readonly string[] = [...new Set(LANGS.map((l) => normalizeHeader(INDICATOR_HEADER_PREFIX[l])))];

/** True for a header the what-if indicators write: a known prefix and a name after it. */
export function isIndicatorHeader(text: string): boolean {
  const t = normalizeHeader(text);
  return INDICATOR_PREFIXES.some((p) => t.length > p.length && t.startsWith(p));
}

/** Which output a header text is, when it is exactly one of the tool's own headers. */
export function ownHeaderKey(text: string): OutputKey | undefined {
  return OWN_KEYS.get(normalizeHeader(text));
}

/**
 * The tool's columns from an earlier run: a contiguous block of own headers at the
 * right end of the header. `labels` are the header texts per column (blank = no
 * header). A lone `完成率` or `状态` at the end may well be the user's own column,
 * so the block must hold the gap column, which no user names that way, or at least
 * three own headers. The hidden rank-key column the plan writes after them
 * (`排名依据`) belongs to the block, and so do indicator columns after it
 * (`指标：…`), which count only beside a recognised block.
 */
export function findOwnColumns(labels: readonly string[]): number[] {
  let last = labels.length - 1;
  while (last >= 0 && labels[last].trim() === '') last--;
  const block: number[] = [];
  let end = last;
  while (end >= 0 && isIndicatorHeader(labels[end])) block.unshift(end--);
  while (end >= 0 && RANK_KEYS.has(normalizeHeader(labels[end]))) block.unshift(end--);
  const kinds = new Set<OutputKey>();
  for (let c = end; c >= 0; c--) {
    const kind = ownHeaderKey(labels[c]);
    if (kind === undefined || kinds.has(kind)) break;
    kinds.add(kind);
    block.unshift(c);
  }
  if (kinds.size === 0 || block.length === last + 1) return [];
  return kinds.has('gapPp') || kinds.size >= 3 ? block : [];
}
