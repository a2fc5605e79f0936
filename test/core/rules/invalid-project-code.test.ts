import { codeProblem, invalidProjectCode } from '../../../src/core/rules/invalid-project-code';
import { check, issuesOf, project, type Brief, type Row } from '../../helpers/rule-fixtures';

// Column C 项目代码; first project on row 4; the sheet reports on 2022, so years up to 2023 pass.
const cases: { name: string; rows: Row[]; expected: Brief[] }[] = [
  { name: 'a national code', rows: [project({ code: '2022-370000-48-03-012345' })], expected: [] },
  { name: 'a check letter at the end', rows: [project({ code: '2021-371521-78-01-00123X' })], expected: [] },
  { name: 'no code at all', rows: [project({ code: '无' }), project({ code: '—' }), project({ code: null })], expected: [] },
  {
    name: 'a five-digit area code',
    rows: [project({ code: '2022-37000-48-03-012345' })],
    expected: [{ cell: 'C4', code: 'invalid-project-code', severity: 'warning', fix: null }],
  },
  {
    name: 'an older local code',
    rows: [project({ code: '聊发改投资〔2019〕12号' })],
    expected: [{ cell: 'C4', code: 'invalid-project-code', severity: 'warning', fix: null }],
  },
  {
    name: 'full-width digits of a good code are text-noise, not a bad code',
    rows: [project({ code: '２０２２-370000-48-03-012345' })],
    expected: [],
  },
];

test.each(cases)('$name', ({ rows, expected }) => {
  expect(check(invalidProjectCode, rows)).toEqual(expected);
});

test.each([
  ['2022-370000-48-03-012345', 2023, null],
  ['2023-370000-48-03-012345', 2023, null],
  ['2024-370000-48-03-012345', 2023, 'year'],
  ['2009-370000-48-03-012345', 2023, 'year'],
  ['2022-990000-48-03-012345', 2023, 'area'],
  ['2022-370000-48-03-01234', 2023, 'format'],
  ['2022-370000-48-03-01234x', 2023, 'format'],
  ['2022370000480301234500', 2023, 'format'],
])('codeProblem(%s, %d) = %s', (code, lastYear, expected) => {
  expect(codeProblem(code, lastYear)).toBe(expected);
});

test('params: the code as typed and the reason', () => {
  const [issue] = issuesOf(invalidProjectCode, [project({ code: '2022-990000-48-03-012345' })]);
  expect(issue.params).toEqual({ value: '2022-990000-48-03-012345', reason: 'area' });
});
