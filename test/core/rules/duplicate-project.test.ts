import { duplicateProject } from '../../../src/core/rules/duplicate-project';
import { check, issuesOf, project, type Brief, type Row } from '../../helpers/rule-fixtures';

const CODE = '2022-370000-48-03-012345';
const OTHER = '2022-370000-48-03-012346';

// Columns: B 项目名称, C 项目代码; projects on rows 4, 5, 6.
const cases: { name: string; rows: Row[]; expected: Brief[] }[] = [
  {
    name: 'distinct codes, same name: two phases, not a duplicate',
    rows: [project({ name: '物流园', code: CODE }), project({ name: '物流园', code: OTHER })],
    expected: [],
  },
  {
    name: 'the same code twice: on the second code cell',
    rows: [project({ name: '甲', code: CODE }), project({ name: '乙', code: CODE })],
    expected: [{ cell: 'C5', code: 'duplicate-project', severity: 'error', fix: null }],
  },
  {
    name: 'the same code with a stray space and full-width digits',
    rows: [project({ name: '甲', code: CODE }), project({ name: '乙', code: ' ２０２２-370000-48-03-012345' })],
    expected: [{ cell: 'C5', code: 'duplicate-project', severity: 'error', fix: null }],
  },
  {
    name: 'no codes: the same name, spaces and script aside',
    rows: [project({ name: '阳谷物流园' }), project({ name: '陽谷 物流園' })],
    expected: [{ cell: 'B5', code: 'duplicate-project', severity: 'error', fix: null }],
  },
  {
    name: 'one row with a code and one without: not compared',
    rows: [project({ name: '物流园', code: CODE }), project({ name: '物流园' })],
    expected: [],
  },
  {
    name: 'codes on some rows: names compared among the rows without one',
    rows: [project({ name: '物流园', code: CODE }), project({ name: '甲' }), project({ name: '物流园' }), project({ name: ' 甲 ' })],
    expected: [{ cell: 'B7', code: 'duplicate-project', severity: 'error', fix: null }],
  },
  {
    name: 'three times: the second and third point back at the first',
    rows: [project({ name: '甲' }), project({ name: '甲' }), project({ name: '甲' })],
    expected: [
      { cell: 'B5', code: 'duplicate-project', severity: 'error', fix: null },
      { cell: 'B6', code: 'duplicate-project', severity: 'error', fix: null },
    ],
  },
];

test.each(cases)('$name', ({ rows, expected }) => {
  expect(check(duplicateProject, rows)).toEqual(expected);
});

test('params: how it matched, the key and the first row (1-based)', () => {
  const issues = issuesOf(duplicateProject, [project({ name: '甲', code: CODE }), project({ name: '乙' }), project({ name: '丙', code: CODE })]);
  expect(issues.map((i) => i.params)).toEqual([{ by: 'code', key: CODE, firstRow: 4 }]);
});
