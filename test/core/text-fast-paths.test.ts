/**
 * The one-pass checks of text.ts against what they stand in for: the regular
 * expressions and the stepwise normalisation. Strings are drawn from the characters
 * each path treats specially, so the fast and the slow path both get exercised.
 */
import fc from 'fast-check';
import {
  findPinyinGlosses, hasInvisible, isSpaceCode, isTidy, knownTraditional, mayHoldGloss, normalizeByStages, normalizeHeader,
  toSimplified,
} from '../../src/core/text';

// Blanks, invisible marks, brackets, dashes, full-width forms, traditional and plain
// characters, pinyin with and without tones, Latin-1, a Greek sigma and an astral character.
const ALPHABET = [
  ' ', '  ', '\t', '\n', '\u3000', '\u00a0', '\u200b', '\u2060', '\ufeff', '\u00ad', '\u202f', '\u0001',
  '(', ')', '（', '）', '[', ']', '【', '】', '〔', '〕', '〖', '〗', '［', '］', '《', '》', '、', '。',
  '-', '~', '～', '〜', '—', '–', '−', '‐',
  '１', '２', 'Ａ', 'ｂ', 'Ｚ', '％', '：', '＠',
  '項', '計', '畫', '規', '画', '划', '计', '目', '发', '發', '县', '縣', '㐀',
  'a', 'x', 'i', 'ang', 'X', 'Q', 'à', 'ā', 'ü', 'ḿ', '1', '9', '%', ':', "'",
  'É', 'ß', 'Σ', '𝐀', '\u0130',
];
const text = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 12 }).map((parts) => parts.join(''));

describe('isSpaceCode', () => {
  it('is true exactly for the code units \\s matches', () => {
    const differ: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (isSpaceCode(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c);
    expect(differ).toEqual([]);
  });
});

describe('isTidy', () => {
  // What the ledger reader asked before: no untidy blank and no invisible character.
  const reference = (s: string): boolean => !/^\s|\s$|\s\s|[^\S ]/.test(s) && !hasInvisible(s);

  it.each([
    ['阳谷县', true],
    ['a b', true],
    ['', true],
    [' a', false],
    ['a ', false],
    ['a  b', false],
    ['a\tb', false],
    ['a\u00a0b', false],
    ['a\u200bb', false],
    ['a\u3000b', false],
  ])('%j → %s', (s, tidy) => {
    expect(isTidy(s)).toBe(tidy);
  });

  it('agrees with the regular expressions it replaces', () => {
    fc.assert(fc.property(text, (s) => isTidy(s) === reference(s)), { numRuns: 3000 });
  });

  it('agrees with them on every single code unit, alone and between letters', () => {
    const differ: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (isTidy(ch) !== reference(ch) || isTidy(`a${ch}b`) !== reference(`a${ch}b`)) differ.push(c);
    }
    expect(differ).toEqual([]);
  });
});

describe('mayHoldGloss', () => {
  it.each([
    ['项目（二期）', false, false],
    ['發(fā)展', false, true],
    ['项( xiang )目', false, true],
    ['项（ǎ）', false, true],
    ['项(１)', false, false],
    ['项（Ａ）', false, false],
    ['项（Ａ）', true, true],
    ['项(', false, false],
    ['no bracket', false, false],
  ])('%j (wide: %s) → %s', (s, wide, may) => {
    expect(mayHoldGloss(s, wide)).toBe(may);
  });

  // The pattern findPinyinGlosses runs, copied here as the oracle for the pre-check.
  const LETTERS = 'a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ';
  const GLOSS = new RegExp(`[(（]\\s*[${LETTERS}]{1,7}(?:[ '][${LETTERS}]{1,7}){0,3}\\s*[)）]`);

  it('is never false where the gloss pattern matches', () => {
    fc.assert(fc.property(text, (s) => !GLOSS.test(s) || mayHoldGloss(s)), { numRuns: 3000 });
  });

  it('leaves findPinyinGlosses finding what the pattern finds', () => {
    // 高0 質1 量2 發3 `(fā)` 4–7 展8 項9 `(xiàng)` 10–16; `（二期）` holds no pinyin.
    expect(findPinyinGlosses('高質量發(fā)展項(xiàng)目（二期）')).toEqual([
      { index: 4, length: 4 },
      { index: 10, length: 7 },
    ]);
  });
});

describe('normalizeHeader', () => {
  it.each([
    ['项目名称', '项目名称'],
    ['项目（二期）', '项目(二期)'],
    ['總投資【萬元】', '总投资(万元)'],
    ['年度計畫', '年度计划'],
    ['ABC—１～２', 'abc-1-2'],
    ['發(fā)展', '发展'],
    ['Σ项目', 'σ项目'],
  ])('%j → %j', (s, key) => {
    expect(normalizeHeader(s)).toBe(key);
  });

  it('gives what the stepwise normalisation gives, for any text', () => {
    fc.assert(fc.property(text, (s) => normalizeHeader(s) === normalizeByStages(s)), { numRuns: 5000 });
  });

  it('returns clean text itself, not a copy', () => {
    const s = ['阳谷县', '物流园'].join('');
    expect(normalizeHeader(s)).toBe(s);
  });
});

describe('toSimplified', () => {
  // The character-by-character mapping through the known pairs, as the oracle.
  const pairs = knownTraditional();
  const reference = (s: string): string => {
    let out = '';
    let changed = false;
    for (const ch of s) {
      const mapped = pairs.get(ch);
      if (mapped !== undefined) changed = true;
      out += mapped ?? ch;
    }
    return changed ? out.replace(/(计|规)画/g, '$1划') : out;
  };

  it('maps each known character and rewrites 计画 / 规画 only when something changed', () => {
    fc.assert(fc.property(text, (s) => toSimplified(s) === reference(s)), { numRuns: 3000 });
    expect(toSimplified('计画')).toBe('计画');
    expect(toSimplified('計画')).toBe('计划');
  });
});
