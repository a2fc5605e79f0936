import {
  displayHeader, findPinyinGlosses, hasFullWidthAlnum, hasInvisible, hasPinyinGloss, hasStraySpaces, isCjk,
  knownTraditional, normalizeHeader, removeInvisible, stripPinyinGlosses, tidyText, toHalfWidth, toSimplified,
} from '../../src/core/text';

describe('toHalfWidth', () => {
  it.each([
    ['１２３', '123'],
    ['ＡＢｃ', 'ABc'],
    ['总投资（万元）', '总投资(万元)'],
    ['占年度计划％', '占年度计划%'],
    ['单位：万元', '单位:万元'],
    ['项目\u3000名称', '项目 名称'],
    ['plain text 项目', 'plain text 项目'],
  ])('%s → %s', (input, out) => {
    expect(toHalfWidth(input)).toBe(out);
  });

  // The reader copies the runs between wide characters as slices; held here to the plain
  // definition, one character at a time, on texts where wide characters start, end and
  // follow each other, and on the edges of the range (U+FF00 and U+FF5F stay as they are).
  it('narrows as the character-by-character definition does, over 3,000 drawn texts', () => {
    const one = (t: string) => Array.from(t, (ch) => {
      const code = ch.charCodeAt(0);
      if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
      return code === 0x3000 ? ' ' : ch;
    }).join('');
    const pieces = ['项目', 'a', '（', '）', '１', '\u3000', '\uff00', '\uff5f', '～', '﹏', ' ', ''];
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let changed = 0;
    for (let i = 0; i < 3000; i++) {
      let t = '';
      const n = Math.floor(next() * 7);
      for (let k = 0; k < n; k++) t += pieces[Math.floor(next() * pieces.length)];
      expect([t, toHalfWidth(t)]).toEqual([t, one(t)]);
      if (one(t) !== t) changed++;
    }
    expect(changed).toBeGreaterThan(1000);
  });
});

describe('normalizeHeader', () => {
  it.each([
    ['总投资               (万元)', '总投资(万元)'],
    ['2010年  计划投资(万元)', '2010年计划投资(万元)'],
    ['总投资\n（万元）', '总投资(万元)'],
    ['项目\r\n名称', '项目名称'],
    ['项目\u3000名称', '项目名称'],
    ['项\u200b目名\ufeff称', '项目名称'],
    ['项目\u00a0名称', '项目名称'],
    ['【备注】', '(备注)'],
    ['〔备注〕', '(备注)'],
    ['1—6月', '1-6月'],
    ['1～6月', '1-6月'],
    ['Project Name', 'projectname'],
    ['Completed YTD', 'completedytd'],
    // traditional headers of domain.md §2
    ['項目名稱', '项目名称'],
    ['序號', '序号'],
    ['項目代碼', '项目代码'],
    ['縣（市、區）', '县(市、区)'],
    ['總投資（億元）', '总投资(亿元)'],
    ['年度計劃投資', '年度计划投资'],
    ['項目單位', '项目单位'],
    ['備註', '备注'],
    ['存在問題', '存在问题'],
    ['形象進度', '形象进度'],
    ['項目進展狀態', '项目进展状态'],
    ['是否開工', '是否开工'],
    ['與時間進度差（百分點）', '与时间进度差(百分点)'],
    ['組內排名', '组内排名'],
    ['單位：萬元', '单位:万元'],
    ['填報單位', '填报单位'],
    ['實際完成', '实际完成'],
    ['擴建 / 續建 / 改建', '扩建/续建/改建'],
    // Taiwan writes 計畫 for plan
    ['計畫總投資', '计划总投资'],
    // a pasted pinyin gloss inside a header
    ['項(xiàng)目名稱', '项目名称'],
  ])('%j → %s', (input, out) => {
    expect(normalizeHeader(input)).toBe(out);
  });

  it('is idempotent', () => {
    for (const s of ['總投資（億元）', '1—6月完成投資', ' Project  Name ', '項(xiàng)目']) {
      const once = normalizeHeader(s);
      expect(normalizeHeader(once)).toBe(once);
    }
  });
});

describe('toSimplified', () => {
  it('maps the header vocabulary and leaves other text alone', () => {
    expect(toSimplified('截至6月底累計完成投資')).toBe('截至6月底累计完成投资');
    expect(toSimplified('阳谷县')).toBe('阳谷县');
  });

  it('has a generous map whose pairs are all real conversions', () => {
    const map = knownTraditional();
    expect(map.size).toBeGreaterThanOrEqual(150);
    const simplified = new Set(map.values());
    for (const [t, s] of map) {
      expect(t).not.toBe(s);
      // A traditional key must not itself be a conversion target, or mapping would depend on order.
      expect(simplified.has(t)).toBe(false);
    }
  });

  it('covers every character of the brief list', () => {
    const wanted = '項號稱碼縣區屬單責領導設規現計劃總資開時間況進態狀問題備註額億萬報聯實際當來將續擴';
    for (const ch of wanted) expect(knownTraditional().has(ch)).toBe(true);
  });
});

describe('pinyin glosses', () => {
  // Lines from the seed articles (shared/seeds), glosses as pasted from the web.
  it.each([
    ['高質量發(fā)展重點項目現(xiàn)場', '高質量發展重點項目現場'],
    ['一年之計(jì)在于春', '一年之計在于春'],
    ['在這個(gè)春潮涌動(dòng)的美好季節(jié)', '在這個春潮涌動的美好季節'],
    ['項(xiàng)目', '項目'],
    ['项（xiàng）目', '项目'],
    ['项(xiang)目', '项目'], // toneless, between two characters
    ['發(fā)', '發'], // toned at the end
  ])('%s', (input, out) => {
    expect(hasPinyinGloss(input)).toBe(true);
    expect(stripPinyinGlosses(input)).toBe(out);
  });

  it.each([
    ['中汽聯(陽谷)車品'], // a place in brackets
    ['总投资(万元)'],
    ['Gap (pp)'],
    ['XX公司(ltd)'], // latin in brackets, but not between two characters
    ['完成率(%)'],
    ['阳谷县'],
  ])('%s has none', (input) => {
    expect(hasPinyinGloss(input)).toBe(false);
    expect(stripPinyinGlosses(input)).toBe(input);
  });

  it('reports where the glosses are', () => {
    // 發 at 0, `(fā)` at 1..4, 展 at 5, 現 at 6, `(xiàn)` at 7..12
    expect(findPinyinGlosses('發(fā)展現(xiàn)')).toEqual([
      { index: 1, length: 4 },
      { index: 7, length: 6 },
    ]);
  });
});

describe('invisible characters and spaces', () => {
  it.each([
    ['项目\u200b名称', true],
    ['\ufeff项目', true],
    ['项目\u00a0名称', true],
    ['项目\u0007', true],
    ['项目\t名称', true],
    ['项目\u00ad', true],
    ['项目\n名称', false], // a typed line break
    ['项目 名称', false],
    ['项目　名称', false], // ideographic space is visible
    ['阳谷县', false],
  ])('hasInvisible(%j) = %s', (s, expected) => {
    expect(hasInvisible(s)).toBe(expected);
  });

  it('removes them, turning NBSP and tab into spaces', () => {
    expect(removeInvisible('a\u200bb\u00a0c\td\ufeff')).toBe('ab c d');
  });

  it.each([
    [' 阳谷县', true],
    ['阳谷县 ', true],
    ['阳谷县　', true],
    ['阳谷  县', true],
    ['阳谷 县', true],
    ['G105 国道', false],
    ['阳谷县', false],
  ])('hasStraySpaces(%j) = %s', (s, expected) => {
    expect(hasStraySpaces(s)).toBe(expected);
  });

  it('finds full-width digits and letters, not full-width punctuation', () => {
    expect(hasFullWidthAlnum('１２３')).toBe(true);
    expect(hasFullWidthAlnum('Ｇ105')).toBe(true);
    expect(hasFullWidthAlnum('总投资（万元）：')).toBe(false);
  });

  it.each([
    [' 阳谷  县\u200b污水处理厂 ', '阳谷县污水处理厂'],
    ['發(fā)展', '發展'],
    ['１２３号', '123号'],
    ['G105  国道改建', 'G105 国道改建'],
    ['第一行\n 第二行', '第一行\n第二行'],
  ])('tidyText(%j) = %j', (s, out) => {
    expect(tidyText(s)).toBe(out);
  });
});

describe('displayHeader and isCjk', () => {
  it('drops line breaks and collapses blanks', () => {
    expect(displayHeader('总投资               (万元)')).toBe('总投资 (万元)');
    expect(displayHeader('总投资\n（万元）')).toBe('总投资（万元）');
    expect(displayHeader('  1-  月累计完成投资 ')).toBe('1- 月累计完成投资');
  });

  it('tells ideographs from other characters', () => {
    expect(isCjk('项')).toBe(true);
    expect(isCjk('a')).toBe(false);
    expect(isCjk('（')).toBe(false);
    expect(isCjk(undefined)).toBe(false);
  });
});
