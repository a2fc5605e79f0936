/**
 * The unit of amounts: from a unit line (`单位：万元`, `單位：億元`, `金额单位：亿元`) or
 * from the amount headers (`总投资（亿元）`). 1亿元 = 10000万元.
 */
import { normalizeHeader } from '../text';
import type { Unit } from '../types';

// Over the raw text, so the unit text can be reported as written.
// `元` must end the word: `填报单位：元氏县发改局` names a county, not a unit.
const UNIT_LINE = /(?:金\s*[额額]\s*|资\s*金\s*|資\s*金\s*)?[单單]\s*位\s*[:：]?\s*[(（]?\s*(万|萬|亿|億)?\s*元(?![\u4e00-\u9fff])/;

function unitOfPrefix(prefix: string | undefined): Unit {
  if (prefix === '万' || prefix === '萬') return '万元';
  if (prefix === '亿' || prefix === '億') return '亿元';
  return '元';
}

/** A unit line in a cell (`单位：万元`), with the words as written; null when there is none. */
export function unitLineIn(text: string): { unit: Unit; text: string } | null {
  const m = UNIT_LINE.exec(text);
  if (!m) return null;
  return { unit: unitOfPrefix(m[1]), text: m[0].trim() };
}

/** True when a cell holds nothing but a unit line. */
export function isUnitLineOnly(text: string): boolean {
  const m = UNIT_LINE.exec(text);
  return m !== null && text.replace(m[0], '').replace(/[\s()（）:：,，;；]/g, '') === '';
}

const BARE_YUAN = /(?:^|\()元\)?$|\(元\)|单位:?元/;

/** The unit a header names (`总投资（亿元）` → 亿元), or null. */
export function unitInHeader(text: string): Unit | null {
  const t = normalizeHeader(text);
  if (t.includes('亿元')) return '亿元';
  if (t.includes('万元')) return '万元';
  if (BARE_YUAN.test(t)) return '元';
  return null;
}

/** The unit most headers name; ties go to the first named. */
export function commonUnit(units: readonly Unit[]): Unit | null {
  const counts = new Map<Unit, number>();
  let best: Unit | null = null;
  for (const u of units) {
    const n = (counts.get(u) ?? 0) + 1;
    counts.set(u, n);
    if (best === null || n > (counts.get(best) ?? 0)) best = u;
  }
  return best;
}
