/** Figures as a bulletin writes them: rates to 0.1 %, gaps to 0.1 point, 亿元 for large sums. */
import { roundHalfAway } from './round';
import type { Lang } from './types';

export function pct(x: number | null, decimals = 1): string {
  if (x === null || !Number.isFinite(x)) return '—';
  return `${roundHalfAway(x * 100, decimals).toFixed(decimals)}%`;
}

/** 快于时间进度17.0个百分点 / 慢于… / 与时间进度持平. */
export function gapPhrase(gapPp: number | null, lang: Lang, decimals = 1): string {
  if (gapPp === null || !Number.isFinite(gapPp)) {
    return lang === 'en' ? 'gap unknown' : lang === 'zh-TW' ? '與時間進度差無法計算' : '与时间进度差无法计算';
  }
  const r = roundHalfAway(Math.abs(gapPp), decimals);
  const n = r.toFixed(decimals);
  if (r === 0) return lang === 'en' ? 'level with time progress' : lang === 'zh-TW' ? '與時間進度持平' : '与时间进度持平';
  if (gapPp > 0) {
    return lang === 'en' ? `${n} points ahead of time progress` : lang === 'zh-TW' ? `快於時間進度${n}個百分點` : `快于时间进度${n}个百分点`;
  }
  return lang === 'en' ? `${n} points behind time progress` : lang === 'zh-TW' ? `慢於時間進度${n}個百分點` : `慢于时间进度${n}个百分点`;
}

/** An amount in 万元 shown in 亿元 from 1亿 up, else in 万元. */
export function money(wan: number | null, lang: Lang): string {
  if (wan === null || !Number.isFinite(wan)) return '—';
  if (Math.abs(wan) >= 10000) {
    // As bulletins write it: 44.5亿元, 261.35亿元 (no trailing zeros).
    const yi = String(roundHalfAway(wan / 10000, 2));
    return lang === 'en' ? `${yi} hundred-million CNY (亿元)` : lang === 'zh-TW' ? `${yi}億元` : `${yi}亿元`;
  }
  const w = roundHalfAway(wan, 2);
  const s = Number.isInteger(w) ? String(w) : w.toFixed(2);
  return lang === 'en' ? `${s} ten-thousand CNY (万元)` : lang === 'zh-TW' ? `${s}萬元` : `${s}万元`;
}
