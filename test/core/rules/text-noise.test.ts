import { textNoise } from '../../../src/core/rules/text-noise';
import { analyze, SETTINGS } from '../whatif/helpers';
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

describe('two parts set apart in a column of two parts', () => {
  // The layout quoted in issue #12: `市本级建设单位    负责人1` under a header `建设单位 及责任人`.
  const rows = [
    ['单位：万元'],
    ['序号', '项目名称', '建设单位 及责任人', '总投资', '年度计划投资', '1-6月完成投资'],
    [1, 'A', '市本级建设单位    负责人1', 5000, 1000, 600],
    [2, 'B', '市本级建设单位    负责人2', 5000, 1000, 400],
    [3, 'C', '市交通局　　　张三', 5000, 1000, 500],
    [4, 'D', ' 市水利局  李四', 5000, 1000, 500], // a leading blank too: its own finding
  ];
  const noise = () => {
    const a = analyze(rows, 'Sheet1', SETTINGS);
    expect(a.header.columns.responsibleUnit).toBe(2);
    return a.issues.filter((i) => i.code === 'text-noise');
  };

  it('is one finding for the column with the count, the fix keeping one space between the parts', () => {
    const [grouped, single] = noise().sort((x, y) => x.r - y.r);
    expect([grouped.r, grouped.c, grouped.params.count, grouped.params.problems, grouped.rows]).toEqual([2, 2, 3, 'gap', [2, 3, 4]]);
    expect(grouped.params.cleaned).toBe('市本级建设单位 负责人1');
    expect(grouped.params.examples).toBe('市本级建设单位    负责人1\t市本级建设单位    负责人2\t市交通局　　　张三');
    expect(grouped.fix).toBeNull();
    // D: stray leading blank and a gap; said at its cell, fixed to one space between the parts.
    expect([single.r, single.params.problems, single.fix]).toEqual([5, 'spaces,gap', '市水利局 李四']);
  });

  it('in a column of one thing the same run of blanks is stray and the fix joins the text', () => {
    rows[1][2] = '责任单位';
    try {
      const found = noise();
      expect(found.map((i) => [i.r, i.fix])).toEqual([
        [2, '市本级建设单位负责人1'], [3, '市本级建设单位负责人2'], [4, '市交通局张三'], [5, '市水利局李四'],
      ]);
    } finally {
      rows[1][2] = '建设单位 及责任人';
    }
  });
});
