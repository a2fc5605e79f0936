import { formulaError } from '../../../src/core/rules/formula-error';
import { check, issuesOf, line, project, type Brief, type Row } from '../../helpers/rule-fixtures';

const DIV0 = { error: '#DIV/0!' };
const REF = { error: '#REF!' };

// Columns: G 年度计划投资, J 投资完成率, O 备注, P (no header); first project on row 4.
const cases: { name: string; rows: Row[]; expected: Brief[] }[] = [
  { name: 'no error values', rows: [project()], expected: [] },
  {
    name: 'an error in the plan and one in the remarks',
    rows: [project({ plan: DIV0, remarks: REF })],
    expected: [
      { cell: 'G4', code: 'formula-error', severity: 'error', fix: null },
      { cell: 'O4', code: 'formula-error', severity: 'error', fix: null },
    ],
  },
  {
    name: 'on a total row',
    rows: [line({ index: '合计', total: 1000, plan: 500, ytd: REF }), project()],
    expected: [{ cell: 'I4', code: 'formula-error', severity: 'error', fix: null }],
  },
  {
    name: 'in a column beyond the header',
    rows: [[...project(), DIV0]],
    expected: [{ cell: 'P4', code: 'formula-error', severity: 'error', fix: null }],
  },
  {
    name: 'footer lines are not checked',
    rows: [project(), ['填报单位：阳谷县发改局', null, null, null, REF]],
    expected: [],
  },
];

test.each(cases)('$name', ({ rows, expected }) => {
  expect(check(formulaError, rows)).toEqual(expected);
});

test('params: the field (null when the column has none) and the error text', () => {
  const issues = issuesOf(formulaError, [[...project({ rate: DIV0 }), REF]]);
  expect(issues.map((i) => i.params)).toEqual([
    { field: 'reportedRate', value: '#DIV/0!' },
    { field: null, value: '#REF!' },
  ]);
});
