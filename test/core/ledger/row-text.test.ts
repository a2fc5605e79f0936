import { COUNT_HINT, COUNT_ONLY, NAMED_TOTAL, compactText, labelOf } from '../../../src/core/ledger/row-text';

// Label wordings of county and category lines as city ledgers write them (issue 19):
// the count comes off, the rest is the label, and a named total stays one.
test.each([
  // text, label, declared count, still a named total (`<place>合计`)
  ['阳谷县合计12个', '阳谷县合计', 12, true],
  ['莘县合计 8 个', '莘县合计', 8, true],
  ['全县合计:15个项目', '全县合计', 15, true],
  ['XX县小计（12个）', 'XX县小计', 12, false],
  ['XX县（12个）', 'XX县', 12, false],
  ['交通(5项)', '交通', 5, false],
  ['一、交通（共48个）', '一、交通', 48, false],
  ['续建项目12项', '续建项目', 12, false],
  ['新开工项目共6个', '新开工项目', 6, false],
  ['東阿縣合計3個', '東阿縣合計', 3, true],
])('%s', (text, label, count, named) => {
  const l = labelOf(compactText(text));
  expect(l.label).toBe(label);
  expect(l.declaredCount).toBe(count);
  expect(NAMED_TOTAL.test(l.label)).toBe(named);
});

test.each([
  // A count-like ending that is part of a project's name stays in it.
  ['建设5G基站300个', '建设5G基站300个'],
  ['新建充电桩20个', '新建充电桩20个'],
  ['合计', '合计'],
])('%s keeps its text and declares no count', (text, label) => {
  const l = labelOf(compactText(text));
  expect(l.label).toBe(label);
  expect(l.declaredCount).toBeUndefined();
});

// COUNT_HINT is the raw test before a label is compacted to be read for its count: it must
// hold for every text whose compact form declares one (or it would lose the count), and
// fail for the names that only hold 项目 (its point). Forms: spaced (`莘县合计 8 个`),
// full-width digits and brackets, an ideographic space, a zero-width space, NBSP, a tab.
test.each([
  '阳谷县合计12个', '莘县合计 8 个', '全县合计:15个项目', 'XX县（12个）', '交通(5项)', '（共１２个）', '１３个',
  '续建项目12项', '新开工项目共6个', '東阿縣合計3個', '交通（5\u3000项）', '交通(5\u200b项)', '13\u00a0个', '共\t9\t项',
  ' 13个 ', '48个项目',
])('%j: its count is found behind the hint', (text) => {
  const compact = compactText(text);
  expect(labelOf(compact).declaredCount !== undefined || COUNT_ONLY.test(compact)).toBe(true);
  expect(COUNT_HINT.test(text)).toBe(true);
});

test.each(['城东道路改造工程项目', '5G基站建设项目', '建设5G基站300座', '年产5万吨项目', '项目（二期）', '第十个项目'])(
  '%j: no count, and the hint already says so',
  (text) => {
    const compact = compactText(text);
    expect(labelOf(compact).declaredCount).toBeUndefined();
    expect(COUNT_ONLY.test(compact)).toBe(false);
    // No digit straight before a measure word: not compacted at all.
    expect(COUNT_HINT.test(text)).toBe(false);
  },
);
