/**
 * Text as ledgers carry it: full-width forms, traditional characters, invisible
 * characters and pinyin glosses pasted from web pages (`項(xiàng)目`). Used to
 * read headers and by the `text-noise` rule, so the per-cell checks are cheap.
 * Over 300 lines because every text test the header reader and the `text-noise` rule share is
 * here, section by section (full width, glosses, invisible characters, spaces, headers), so a
 * header and a cell are judged by the same steps; the traditional table is already its own file.
 */

import { PLAN_HUA, simplifiedCode, toSimplified } from './text-traditional';

// ---------------------------------------------------------------- full width

/** Full-width ASCII (U+FF01–U+FF5E) and the ideographic space to their half-width forms. */
export function toHalfWidth(s: string): string {
  const n = s.length;
  let i = 0;
  while (i < n && !isWideCode(s.charCodeAt(i))) i++;
  if (i === n) return s;
  // The runs between wide characters go over as slices: most names hold a bracket or
  // two (`（一期）`), and a string built one character at a time was most of the
  // garbage of reading a sheet's labels.
  let out = s.slice(0, i);
  let start = i;
  for (; i < n; i++) {
    const code = s.charCodeAt(i);
    if (!isWideCode(code)) continue;
    if (i > start) out += s.slice(start, i);
    out += code === 0x3000 ? ' ' : String.fromCharCode(code - 0xfee0);
    start = i + 1;
  }
  return start < n ? out + s.slice(start) : out;
}

function isWideCode(code: number): boolean {
  return (code >= 0xff01 && code <= 0xff5e) || code === 0x3000;
}

const FULL_WIDTH_ALNUM = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/;
/** Full-width digits or latin letters (`１２３`, `ＡＢ`): full-width punctuation is normal Chinese text. */
export function hasFullWidthAlnum(s: string): boolean {
  return FULL_WIDTH_ALNUM.test(s);
}

// ---------------------------------------------------------------- traditional → simplified

export { knownTraditional, toSimplified } from './text-traditional';

// ---------------------------------------------------------------- pinyin glosses

const PINYIN_LETTERS = 'a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ';
const TONE_MARK = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ]/;
const GLOSS = new RegExp(`[(（]\\s*([${PINYIN_LETTERS}]{1,7}(?:[ '][${PINYIN_LETTERS}]{1,7}){0,3})\\s*[)）]`, 'g');
const LOWER_PINYIN = /^[a-zü' ]+$/;
const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

/** A CJK ideograph (BMP blocks: extension A, unified, compatibility). */
export function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && CJK.test(ch);
}

/** The characters `\s` matches in a regular expression. */
export function isSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029
    || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

// The pinyin letters beyond a-z and A-Z, by code.
const PINYIN_EXTRA: ReadonlySet<number> = new Set(Array.from(PINYIN_LETTERS.slice('a-zA-Z'.length), (ch) => ch.charCodeAt(0)));

/**
 * False when no gloss can start in `s`: every gloss opens with a bracket followed
 * (after blanks) by a pinyin letter. With `wide`, full-width brackets and letters
 * count as well, as they do once the text is narrowed. Most brackets in ledgers
 * hold Chinese (`（二期）`), so this spares the pattern search.
 */
export function mayHoldGloss(s: string, wide = false): boolean {
  for (let i = 0; i < s.length; i++) if (glossMayOpenAt(s, i, wide)) return true;
  return false;
}

/** True when a gloss may start at `i`: a bracket there, then (after blanks) a pinyin letter. */
export function glossMayOpenAt(s: string, i: number, wide = false): boolean {
  const open = s.charCodeAt(i);
  if (open !== 0x28 && open !== 0xff08) return false;
  let j = i + 1;
  while (j < s.length && isSpaceCode(s.charCodeAt(j))) j++;
  if (j === s.length) return false;
  const c = s.charCodeAt(j);
  const lower = c | 0x20;
  if ((lower >= 0x61 && lower <= 0x7a) || PINYIN_EXTRA.has(c)) return true;
  return wide && ((c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a));
}

/**
 * Spans of pinyin glosses: a parenthesised syllable with a tone mark (`(xiàng)`),
 * or a toneless lower-case one squeezed between two characters (`项(xiang)目`).
 */
export function findPinyinGlosses(s: string): { index: number; length: number }[] {
  if (!mayHoldGloss(s)) return [];
  const found: { index: number; length: number }[] = [];
  GLOSS.lastIndex = 0;
  for (let m = GLOSS.exec(s); m !== null; m = GLOSS.exec(s)) {
    const inner = m[1];
    const end = m.index + m[0].length;
    const toned = TONE_MARK.test(inner);
    if (toned || (LOWER_PINYIN.test(inner) && isCjk(s[m.index - 1]) && isCjk(s[end]))) {
      found.push({ index: m.index, length: m[0].length });
    }
  }
  return found;
}

export function hasPinyinGloss(s: string): boolean {
  return findPinyinGlosses(s).length > 0;
}

/** `發(fā)展` → `發展`. */
export function stripPinyinGlosses(s: string): string {
  const spans = findPinyinGlosses(s);
  if (spans.length === 0) return s;
  let out = '';
  let at = 0;
  for (const { index, length } of spans) {
    out += s.slice(at, index);
    at = index + length;
  }
  return out + s.slice(at);
}

// ---------------------------------------------------------------- invisible characters

/**
 * Characters a reader cannot see: C0/C1 controls (a tab too, but not line breaks,
 * which people type on purpose), NBSP, soft hyphen, zero-width and bidi marks, BOM.
 * As a regex class body (what removeInvisible takes out, or turns into a space).
 */
export const INVISIBLE_CHARS = '\\u0000-\\u0009\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\u00a0\\u00ad\\u200b-\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2060-\\u2064\\ufeff';
const INVISIBLE = new RegExp(`[${INVISIBLE_CHARS}]`);
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'g');
const ZERO_WIDTH_ALL = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g;

export function hasInvisible(s: string): boolean {
  return INVISIBLE.test(s);
}

/**
 * True when the text holds no invisible character and no blank other than single
 * spaces between other characters (none at the ends, none doubled, no tab or NBSP):
 * what most cells are. One pass over the codes, for the hot paths.
 */
export function isTidy(s: string): boolean {
  const last = s.length - 1;
  for (let i = 0; i <= last; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x20 && c < 0x7f) continue;
    if (c === 0x20) {
      if (i === 0 || i === last || s.charCodeAt(i + 1) === 0x20) return false;
      continue;
    }
    if (c < 0x20 || (c >= 0x7f && c <= 0xa0) || c === 0xad || c === 0x1680 || (c >= 0x2000 && c <= 0x200f)) return false;
    if ((c >= 0x2028 && c <= 0x202f) || (c >= 0x205f && c <= 0x2064) || c === 0x3000 || c === 0xfeff) return false;
  }
  return true;
}

/** Invisible characters removed (NBSP and tab become a plain space). */
export function removeInvisible(s: string): string {
  if (!INVISIBLE.test(s)) return s;
  return s.replace(INVISIBLE_ALL, (ch) => (ch === '\u00a0' || ch === '\t' ? ' ' : ''));
}

// ---------------------------------------------------------------- stray spaces

const EDGE_SPACE = /^[\s\u3000]|[\s\u3000]$/;
const DOUBLE_SPACE = /[ \u3000\u00a0\t]{2,}/;
const SPACE_BETWEEN_CJK = /[\u3400-\u4dbf\u4e00-\u9fff][ \u3000\u00a0]+(?=[\u3400-\u4dbf\u4e00-\u9fff])/;
const SPACE_BETWEEN_CJK_ALL = /([\u3400-\u4dbf\u4e00-\u9fff])[ \u3000\u00a0]+(?=[\u3400-\u4dbf\u4e00-\u9fff])/g;
const ONE_SPACE_BETWEEN_CJK = /[\u3400-\u4dbf\u4e00-\u9fff][ \u3000\u00a0](?=[\u3400-\u4dbf\u4e00-\u9fff])/;
const ONE_SPACE_BETWEEN_CJK_ALL = /([\u3400-\u4dbf\u4e00-\u9fff])[ \u3000\u00a0](?=[\u3400-\u4dbf\u4e00-\u9fff])/g;
/** Two or more blanks between two parts (`市本级建设单位    负责人1`). */
const INNER_GAP = /[^\s\u3000][ \u3000\u00a0\t]{2,}(?=[^\s\u3000])/;

/**
 * Leading or trailing blanks, runs of blanks, or a blank between two characters
 * (`阳谷 县`). In a column of two parts (`parted`: `建设单位及责任人`) a run of blanks
 * between them is layout (hasInnerGap), not stray.
 */
export function hasStraySpaces(s: string, parted = false): boolean {
  if (parted) return EDGE_SPACE.test(s) || ONE_SPACE_BETWEEN_CJK.test(s);
  return EDGE_SPACE.test(s) || DOUBLE_SPACE.test(s) || SPACE_BETWEEN_CJK.test(s);
}

/**
 * Two or more blanks between two parts of a cell (`市本级建设单位    负责人1` under
 * `建设单位 及责任人`): the parts are meant apart, so a fix keeps one space.
 */
export function hasInnerGap(s: string): boolean {
  return INNER_GAP.test(s);
}

/** True for a header naming two things a cell holds side by side (`建设单位及责任人`, `责任单位/责任人`). */
export function isPartedHeader(label: string): boolean {
  return /\S\s*(?:及|和|与|以及|\/|、)\s*\S/.test(label);
}

/**
 * The text as it should have been typed: invisible characters and pinyin glosses
 * removed, full-width digits and letters narrowed, blanks between characters
 * dropped, other runs of blanks collapsed, ends trimmed. In a column of two parts
 * (`parted`) a run of blanks between them becomes one space and only a single blank
 * between two characters is dropped. Line breaks are kept.
 */
export function tidyText(s: string, parted = false): string {
  let t = stripPinyinGlosses(removeInvisible(s));
  if (FULL_WIDTH_ALNUM.test(t)) {
    t = t.replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
  }
  return t
    .replace(parted ? ONE_SPACE_BETWEEN_CJK_ALL : SPACE_BETWEEN_CJK_ALL, '$1')
    .replace(/[ \u3000]{2,}/g, ' ')
    .replace(/^[ \u3000]+|[ \u3000]+$/gm, '')
    .trim();
}

// ---------------------------------------------------------------- headers

const OPEN_BRACKETS = /[【〔［〖\[]/g;
const CLOSE_BRACKETS = /[】〕］〗\]]/g;
const DASHES = /[‐‑‒–—―−～〜~]/g;

/**
 * A header cell as a comparable key: half-width, no whitespace or zero-width
 * characters, brackets as `()`, dashes as `-`, latin lower-cased, pinyin glosses
 * dropped, traditional characters simplified.
 */
export function normalizeHeader(s: string): string {
  return normalizeSimple(s) ?? normalizeByStages(s);
}

/**
 * One character of normalizeHeader's result (its code), for the characters it treats
 * one at a time: ASCII, CJK ideographs and punctuation, full-width forms, blanks and
 * dashes. -1 drops the character; -2 means the character needs the stepwise path.
 */
function normalizedCode(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0; // full width, then as its ASCII form
  if (c < 0x80) {
    if (c >= 0x41 && c <= 0x5a) return c + 0x20;
    if (c === 0x5b) return 0x28;
    if (c === 0x5d) return 0x29;
    if (c === 0x7e) return 0x2d;
    return isSpaceCode(c) ? -1 : c;
  }
  if (c >= 0x4e00 && c <= 0x9fff) return simplifiedCode(c) || c;
  if (c >= 0x3400 && c <= 0x4dbf) return simplifiedCode(c) || c;
  if (c >= 0x3000 && c <= 0x301c) {
    if (c === 0x3000) return -1;
    if (c === 0x3010 || c === 0x3014 || c === 0x3016) return 0x28;
    if (c === 0x3011 || c === 0x3015 || c === 0x3017) return 0x29;
    if (c === 0x301c) return 0x2d;
    return c <= 0x300f ? c : -2;
  }
  if ((c >= 0x2010 && c <= 0x2015) || c === 0x2212) return 0x2d;
  if (isSpaceCode(c) || c === 0xad || (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2060 && c <= 0x2064)) return -1;
  return -2;
}

/**
 * normalizeHeader in one pass, for text made only of the characters normalizedCode
 * knows and holding no pinyin gloss; null for any other text. Most cells are such
 * text and most come out unchanged, with no new string made.
 */
function normalizeSimple(s: string): string | null {
  let out = '';
  let from = 0;
  let simplified = false;
  let glossChecked = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const n = normalizedCode(c);
    if (n === -2) return null;
    if (n === 0x28 && (c === 0x28 || c === 0xff08) && !glossChecked) {
      if (mayHoldGloss(s, true)) return null;
      glossChecked = true;
    }
    if (n === c) continue;
    if (n >= 0x3400) simplified = true;
    out += s.slice(from, i);
    if (n >= 0) out += String.fromCharCode(n);
    from = i + 1;
  }
  if (from === 0) return s;
  out += s.slice(from);
  return simplified && out.includes('画') ? out.replace(PLAN_HUA, '$1划') : out;
}

/** normalizeHeader step by step: any text. */
export function normalizeByStages(s: string): string {
  let t = toHalfWidth(s);
  if (t.includes('(')) t = stripPinyinGlosses(t);
  t = t
    .replace(ZERO_WIDTH_ALL, '')
    .replace(/\s+/g, '')
    .replace(OPEN_BRACKETS, '(')
    .replace(CLOSE_BRACKETS, ')')
    .replace(DASHES, '-')
    .toLowerCase();
  return toSimplified(t);
}

/** A header cell for display: line breaks dropped, runs of blanks as one space, trimmed. */
export function displayHeader(s: string): string {
  return removeInvisible(s)
    .replace(/[ \t\u3000]*[\r\n]+[ \t\u3000]*/g, '')
    .replace(/[ \t\u3000]+/g, ' ')
    .trim();
}
