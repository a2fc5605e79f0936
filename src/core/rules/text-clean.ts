/**
 * What the rules ask of text: the noise in a cell, and keys that match projects.
 * Built on text.ts so the rules and the header finder read text the same way.
 */
import { hasFullWidthAlnum, hasInvisible, hasPinyinGloss, hasStraySpaces, normalizeHeader } from '../text';

export type NoiseKind = 'spaces' | 'invisible' | 'pinyin' | 'full-width';

const EDGE_SPACE = /^\s|\s$/;

/**
 * What is wrong with a text cell, in a fixed order; empty when nothing is.
 * In prose (`prose`: 形象进度, 存在问题…) only blanks at the ends count as stray:
 * a space between two phrases there is punctuation, not noise.
 */
export function noiseOf(s: string, prose = false): NoiseKind[] {
  const kinds: NoiseKind[] = [];
  if (prose ? EDGE_SPACE.test(s) : hasStraySpaces(s)) kinds.push('spaces');
  if (hasInvisible(s)) kinds.push('invisible');
  if (hasPinyinGloss(s)) kinds.push('pinyin');
  if (hasFullWidthAlnum(s)) kinds.push('full-width');
  return kinds;
}

/**
 * A project name or code reduced to what identifies it: half-width, no blanks or
 * invisible characters, no glosses, traditional characters simplified, one case.
 */
export function nameKey(name: string): string {
  return normalizeHeader(name);
}

/** A project code reduced like a name, upper case; null when nothing is left. */
export function codeKey(code: string | null): string | null {
  if (code === null) return null;
  const k = normalizeHeader(code).toUpperCase();
  return k === '' ? null : k;
}
