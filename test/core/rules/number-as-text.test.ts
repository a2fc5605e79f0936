import { numberAsText } from '../../../src/core/rules/number-as-text';
import { HEADER, check, issuesOf, project, type Brief, type Row } from '../../helpers/rule-fixtures';

// Columns: E 总投资, G 年度计划投资, I 1-6月, J 投资完成率; first project on row 4.
const cases: { name: string; rows: Row[]; expected: Brief[] }[] = [
  { name: 'real numbers', rows: [project({ rate: 0.5 })], expected: [] },
  {
    name: '"3187" in the plan: fix is the number 3187',
    rows: [project({ plan: '3187' })],
    expected: [{ cell: 'G4', code: 'number-as-text', severity: 'warning', fix: 3187 }],
  },
  {
    name: 'thousands separators: "1,000" is 1000',
    rows: [project({ total: '1,000' })],
    expected: [{ cell: 'E4', code: 'number-as-text', severity: 'warning', fix: 1000 }],
  },
  {
    name: 'full-width digits: "２５０" is 250',
    rows: [project({ ytd: '２５０' })],
    expected: [{ cell: 'I4', code: 'number-as-text', severity: 'warning', fix: 250 }],
  },
  {
    name: 'a rate typed "50%" in a fraction column: fix 0.5',
    rows: [project({ rate: '50%' })],
    expected: [{ cell: 'J4', code: 'number-as-text', severity: 'warning', fix: 0.5 }],
  },
  { name: 'text that is no number is not-a-number\'s business', rows: [project({ plan: '约3000' })], expected: [] },
];

test.each(cases)('$name', ({ rows, expected }) => {
  expect(check(numberAsText, rows)).toEqual(expected);
});

test('under a header ending in %, a rate "50%" is fixed as the percent number 50', () => {
  const header = [...HEADER];
  header[9] = '投资完成率（%）';
  expect(check(numberAsText, [project({ rate: '50%' })], { header })).toEqual([
    { cell: 'J4', code: 'number-as-text', severity: 'warning', fix: 50 },
  ]);
});

test('params: the text as typed and the number read', () => {
  const [issue] = issuesOf(numberAsText, [project({ plan: ' 3187 ' })]);
  expect(issue.params).toEqual({ field: 'annualPlan', value: ' 3187 ', number: 3187 });
});
