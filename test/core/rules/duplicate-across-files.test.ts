import { duplicateAcrossFiles } from '../../../src/core/rules/duplicate-across-files';
import { duplicateProject } from '../../../src/core/rules/duplicate-project';
import { check, issuesOf, project, type Brief, type Row } from '../../helpers/rule-fixtures';

/**
 * A merged city sheet: B 项目名称, C 项目代码, D 县区, and the 来源 (`file!sheet!row`) in
 * column O (0-based 14), which `ledger merge` hands the rules as `sourceColumn`.
 * Projects on sheet rows 4, 5, 6, ….
 */
const MERGED = { settings: { sourceColumn: 14 } };

function from(file: string, row: number, fields: Parameters<typeof project>[0]): Row {
  return project({ ...fields, remarks: `${file}!Sheet1!${row}` });
}

const cases: { name: string; rows: Row[]; opts?: object; across: Brief[]; generic: Brief[] }[] = [
  {
    name: 'the same code in two files: a warning on the second code cell, not the generic error',
    rows: [from('阳谷县.xlsx', 5, { name: '项目B', code: 'YG002', group: '阳谷县' }), from('莘县.xlsx', 5, { name: '项目B', code: 'YG002', group: '莘县' })],
    across: [{ cell: 'C5', code: 'duplicate-across-files', severity: 'warning', fix: null }],
    generic: [],
  },
  {
    name: 'the same code twice in one file: the generic error only',
    rows: [from('阳谷县.xlsx', 4, { name: '甲', code: 'YG001' }), from('阳谷县.xlsx', 5, { name: '乙', code: 'YG001' })],
    across: [],
    generic: [{ cell: 'C5', code: 'duplicate-project', severity: 'error', fix: null }],
  },
  {
    name: 'no codes, the same name in two counties: two projects, nothing said',
    rows: [from('阳谷县.xlsx', 4, { name: '污水处理厂', group: '阳谷县' }), from('莘县.xlsx', 4, { name: '污水处理厂', group: '莘县' })],
    across: [],
    generic: [],
  },
  {
    name: 'no codes, the same name and county in two files: a warning on the second name cell',
    rows: [from('阳谷县.xlsx', 4, { name: '污水处理厂', group: '阳谷县' }), from('阳谷县（补报）.xlsx', 7, { name: '污水处理厂', group: '阳谷县' })],
    across: [{ cell: 'B5', code: 'duplicate-across-files', severity: 'warning', fix: null }],
    generic: [],
  },
  {
    name: 'not a merged sheet (no sourceColumn): the rule says nothing, the generic rule matches names alone',
    rows: [from('阳谷县.xlsx', 4, { name: '污水处理厂', group: '阳谷县' }), from('莘县.xlsx', 4, { name: '污水处理厂', group: '莘县' })],
    opts: {},
    across: [],
    generic: [{ cell: 'B5', code: 'duplicate-project', severity: 'error', fix: null }],
  },
];

test.each(cases)('$name', ({ rows, opts, across, generic }) => {
  expect(check(duplicateAcrossFiles, rows, opts ?? MERGED)).toEqual(across);
  expect(check(duplicateProject, rows, opts ?? MERGED)).toEqual(generic);
});

test('params: both sources (file, sheet, row), the key, and the first one\'s row in the merged sheet', () => {
  // Sheet rows 4 and 5 are 阳谷县's 项目B (its row 5) and 莘县's (its row 6).
  const issues = issuesOf(duplicateAcrossFiles, [
    from('阳谷县.xlsx', 5, { name: '项目B', code: 'YG002', group: '阳谷县' }),
    from('莘县.xlsx', 6, { name: '项目B', code: 'YG002', group: '莘县' }),
  ], MERGED);
  expect(issues.map((i) => i.params)).toEqual([{
    by: 'code', key: 'YG002', county: '莘县',
    file: '莘县.xlsx', sheet: 'Sheet1', row: 6,
    firstFile: '阳谷县.xlsx', firstSheet: 'Sheet1', firstRow: 5, firstMergedRow: 4,
  }]);
});
