import { notANumber } from '../../../src/core/rules/not-a-number';
import { check, issuesOf, line, project, type Brief, type Row } from '../../helpers/rule-fixtures';

// Columns: E 总投资, G 年度计划投资, H 本月, I 1-6月, J 投资完成率; first project on row 4.
const cases: { name: string; rows: Row[]; expected: Brief[] }[] = [
  { name: 'numbers and blanks', rows: [project({ month: null })], expected: [] },
  {
    name: 'a range 3000-5000 in the annual plan is an error',
    rows: [project({ plan: '3000-5000' })],
    expected: [{ cell: 'G4', code: 'not-a-number', severity: 'error', fix: null }],
  },
  {
    name: 'a dash in the year to date is an error',
    rows: [project({ ytd: '—' })],
    expected: [{ cell: 'I4', code: 'not-a-number', severity: 'error', fix: null }],
  },
  {
    name: 'in the total investment or this month it is a warning',
    rows: [project({ total: '待定', month: '无' })],
    expected: [
      { cell: 'E4', code: 'not-a-number', severity: 'warning', fix: null },
      { cell: 'H4', code: 'not-a-number', severity: 'warning', fix: null },
    ],
  },
  {
    name: 'a rate that is not a number is a warning',
    rows: [project({ rate: '约两成' })],
    expected: [{ cell: 'J4', code: 'not-a-number', severity: 'warning', fix: null }],
  },
  {
    name: 'TRUE in the annual plan is not a number',
    rows: [project({ plan: true })],
    expected: [{ cell: 'G4', code: 'not-a-number', severity: 'error', fix: null }],
  },
  { name: 'a number stored as text is read (number-as-text says so)', rows: [project({ plan: '3187', ytd: '１２' })], expected: [] },
  { name: 'an estimate 约3000 is read (approximate-figure says so)', rows: [project({ plan: '约3000' })], expected: [] },
  {
    name: 'signed text is not read: an error in the year to date',
    rows: [project({ ytd: '-20' })],
    expected: [{ cell: 'I4', code: 'not-a-number', severity: 'error', fix: null }],
  },
  {
    name: 'on a total row even a needed field is only a warning',
    rows: [line({ index: '合计', total: 1000, plan: '500-600', ytd: 250 }), project()],
    expected: [{ cell: 'G4', code: 'not-a-number', severity: 'warning', fix: null }],
  },
];

test.each(cases)('$name', ({ rows, expected }) => {
  expect(check(notANumber, rows)).toEqual(expected);
});

test('the message params carry the field and the text as typed', () => {
  const [issue] = issuesOf(notANumber, [project({ plan: '3000-5000' })]);
  expect(issue.params).toEqual({ field: 'annualPlan', value: '3000-5000' });
});
