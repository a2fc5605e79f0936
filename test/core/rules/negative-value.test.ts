import { negativeValue } from '../../../src/core/rules/negative-value';
import { check, issuesOf, project, type Brief, type Row } from '../../helpers/rule-fixtures';

// Columns: E 总投资, H 本月, I 1-6月; first project on row 4.
const cases: { name: string; rows: Row[]; expected: Brief[] }[] = [
  { name: 'zeros and positives', rows: [project({ month: 0, before: 0 })], expected: [] },
  {
    name: 'a negative total investment is an error',
    rows: [project({ total: -100 })],
    expected: [{ cell: 'E4', code: 'negative-value', severity: 'error', fix: null }],
  },
  {
    // Signed text is not read (figure-forms.ts): not-a-number says so, not this rule.
    name: 'a negative year to date typed as text is not-a-number\'s',
    rows: [project({ ytd: '-20' })],
    expected: [],
  },
  {
    name: 'a negative month is a correction of last month: a warning',
    rows: [project({ month: -5 })],
    expected: [{ cell: 'H4', code: 'negative-value', severity: 'warning', fix: null }],
  },
];

test.each(cases)('$name', ({ rows, expected }) => {
  expect(check(negativeValue, rows)).toEqual(expected);
});

test('params: the value as written and the unit', () => {
  const [issue] = issuesOf(negativeValue, [project({ total: -1.5 })], { unitLine: '单位：亿元' });
  expect(issue.params).toEqual({ field: 'totalInvestment', value: -1.5, unit: '亿元' });
});
