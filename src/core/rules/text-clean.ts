/**
 * What the rules ask of text: the noise in a cell, and keys that match projects.
 * Built on text.ts so the rules and the header finder read text the same way.
 */
import { glossMayOpenAt, hasFullWidthAlnum, hasInnerGap, hasInvisible, hasPinyinGloss, hasStraySpaces, normalizeHeader } from '../text';

export type NoiseKind = 'spaces' | 'gap' | 'invisible' | 'pinyin' | 'full-width';

const NONE: readonly NoiseKind[] = [];

const EDGE_SPACE = /^\s|\s$/;
// A code already as clean as it gets: digits, capitals and hyphens (or lower case, upper-cased).
const CLEAN_CODE = /^[0-9A-Z-]+$/;
const PLAIN_CODE = /^[0-9A-Za-z-]+$/;

// What a character may be evidence of, as bits: the checks each need only some.
const SPACE = 1; // blanks, controls and invisible marks: stray spaces, invisible characters
const BRACKET = 2; // an opening bracket followed by a pinyin letter: a pinyin gloss
const WIDE = 4; // full-width letters and digits (and some full-width punctuation)

/**
 * The kinds of character in the text that one of the checks could object to.
 * Clean text, the usual case, costs one pass over its characters and gives 0.
 */
function suspects(s: string): number {
  let found = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x28 && c < 0x7f) continue;
    // Chinese characters (and the other scripts up to the full-width forms): none is suspect.
    if (c >= 0x3400 && c < 0xfe00) continue;
    if (c <= 0x20 || (c >= 0x7f && c <= 0xa0) || c === 0xad || c === 0x1680 || (c >= 0x2000 && c <= 0x206f) || c === 0x3000 || c === 0xfeff) {
      found |= SPACE;
    } else if (c === 0x28 || c === 0xff08) {
      // `（二期）`: brackets in names mostly hold Chinese, no gloss.
      if (glossMayOpenAt(s, i)) found |= BRACKET;
    } else if (c >= 0xff10 && c <= 0xff5a) {
      found |= WIDE;
    }
  }
  return found;
}

/**
 * What is wrong with a text cell, in a fixed order; empty when nothing is.
 * In prose (`prose`: 形象进度, 存在问题…) only blanks at the ends count as stray:
 * a space between two phrases there is punctuation, not noise. In a column of two
 * parts (`parted`: `建设单位及责任人`) a run of blanks between them is a `gap`, kept
 * as one space by the fix.
 * Each check runs only when the text holds a character it could object to.
 */
export function noiseOf(s: string, prose = false, parted = false): readonly NoiseKind[] {
  const found = suspects(s);
  if (found === 0) return NONE;
  const kinds: NoiseKind[] = [];
  if (found & SPACE) {
    if (prose ? EDGE_SPACE.test(s) : hasStraySpaces(s, parted)) kinds.push('spaces');
    // Parts set apart by a run of blanks, in a column of two parts: layout.
    if (parted && !prose && hasInnerGap(s)) kinds.push('gap');
    if (hasInvisible(s)) kinds.push('invisible');
  }
  if (found & BRACKET && hasPinyinGloss(s)) kinds.push('pinyin');
  if (found & WIDE && hasFullWidthAlnum(s)) kinds.push('full-width');
  return kinds.length ? kinds : NONE;
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
  if (CLEAN_CODE.test(code)) return code;
  if (PLAIN_CODE.test(code)) return code.toUpperCase();
  const k = normalizeHeader(code).toUpperCase();
  return k === '' ? null : k;
}
