import { textNoise } from '../../../src/core/rules/text-noise';
import { check, issuesOf, project, type Brief, type Row } from '../../helpers/rule-fixtures';

// Columns: B 项目名称, C 项目代码, O 备注 (prose); first project on row 4.
const info = (cell: string, fix: string): Brief => ({ cell, code: 'text-noise', severity: 'info', fix });

const cases: { name: string; rows: Row[]; expected: Brief[] }[] = [
  { name: 'clean text, full-width brackets included', rows: [project({ name: '阳谷物流园（一期）', remarks: '主体完工，正在装修' })], expected: [] },
  { name: 'spaces at both ends', rows: [project({ name: ' 阳谷物流园\u3000' })], expected: [info('B4', '阳谷物流园')] },
  { name: 'a zero-width space inside', rows: [project({ name: '阳谷\u200B物流园' })], expected: [info('B4', '阳谷物流园')] },
  { name: 'pinyin glosses', rows: [project({ name: '高質量發(fā)展項(xiàng)目' })], expected: [info('B4', '高質量發展項目')] },
  { name: 'full-width digits', rows: [project({ name: '年产１０万吨项目' })], expected: [info('B4', '年产10万吨项目')] },
  { name: 'a gloss after a bracket of Chinese', rows: [project({ name: '物流园（二期）項(xiàng)目' })], expected: [info('B4', '物流园（二期）項目')] },
  { name: 'full-width digits inside a bracket of Chinese', rows: [project({ name: '物流园（１期）' })], expected: [info('B4', '物流园（1期）')] },
  { name: 'a space between two characters of a name', rows: [project({ name: '阳谷 物流园' })], expected: [info('B4', '阳谷物流园')] },
  { name: 'in prose a space between phrases is fine', rows: [project({ remarks: '主体完工 正在装修' })], expected: [] },
  { name: 'in prose a space at the end is not', rows: [project({ remarks: '主体完工 ' })], expected: [info('O4', '主体完工')] },
  {
    name: 'a code with a trailing space',
    rows: [project({ code: '2022-370000-48-03-012345 ' })],
    expected: [info('C4', '2022-370000-48-03-012345')],
  },
];

test.each(cases)('$name', ({ rows, expected }) => {
  expect(check(textNoise, rows)).toEqual(expected);
});

test('params list every kind of noise found', () => {
  const [issue] = issuesOf(textNoise, [project({ name: ' 發(fā)展１号' })]);
  expect(issue.params).toEqual({ field: 'name', problems: 'spaces,pinyin,full-width', value: ' 發(fā)展１号', cleaned: '發展1号' });
});
