import { monthExceedsYtd } from '../../../src/core/rules/month-exceeds-ytd';
import { check, issuesOf, project, type Brief, type Row } from '../../helpers/rule-fixtures';

// Columns: H 本月完成投资, I 1-6月完成投资; first project on row 4. Tolerance 0.5 万元.
const cases: { name: string; rows: Row[]; expected: Brief[] }[] = [
  { name: 'month equal to year to date (January)', rows: [project({ month: 250, ytd: 250 })], expected: [] },
  // 250.5 − 250 = 0.5
  { name: 'over by the tolerance', rows: [project({ month: 250.5, ytd: 250 })], expected: [] },
  // 250.6 − 250 = 0.6
  {
    name: 'over by more than the tolerance',
    rows: [project({ month: 250.6, ytd: 250 })],
    expected: [{ cell: 'H4', code: 'month-exceeds-ytd', severity: 'error', fix: null }],
  },
  { name: 'year to date blank', rows: [project({ month: 30, ytd: null })], expected: [] },
];

test.each(cases)('$name', ({ rows, expected }) => {
  expect(check(monthExceedsYtd, rows)).toEqual(expected);
});

test('params: both figures and the unit', () => {
  const [issue] = issuesOf(monthExceedsYtd, [project({ month: 300, ytd: 120 })]);
  expect(issue.params).toEqual({ month: 300, ytd: 120, unit: '万元' });
});
