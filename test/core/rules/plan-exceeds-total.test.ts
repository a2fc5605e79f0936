import { planExceedsTotal } from '../../../src/core/rules/plan-exceeds-total';
import { check, issuesOf, project, type Brief, type Row } from '../../helpers/rule-fixtures';

// Columns: E 总投资, F 截至上年底, G 年度计划投资; first project on row 4. Tolerance 0.5 万元.
const cases: { name: string; rows: Row[]; expected: Brief[] }[] = [
  // remaining = 1000 − 600 = 400 = plan
  { name: 'plan equal to what remains', rows: [project({ total: 1000, before: 600, plan: 400, ytd: 100 })], expected: [] },
  // 400.5 − 400 = 0.5 = tolerance
  { name: 'over what remains by the tolerance', rows: [project({ total: 1000, before: 600, plan: 400.5, ytd: 100 })], expected: [] },
  // 400.6 − 400 = 0.6
  {
    name: 'over what remains by more',
    rows: [project({ total: 1000, before: 600, plan: 400.6, ytd: 100 })],
    expected: [{ cell: 'G4', code: 'plan-exceeds-total', severity: 'warning', fix: null }],
  },
  // nothing before this year: compared with the total, 1000.6 − 1000 = 0.6
  {
    name: 'no investment before the year: compared with the total',
    rows: [project({ total: 1000, before: 0, plan: 1000.6 })],
    expected: [{ cell: 'G4', code: 'plan-exceeds-total', severity: 'warning', fix: null }],
  },
  { name: 'plan equal to the total, nothing before', rows: [project({ total: 1000, before: null, plan: 1000 })], expected: [] },
  { name: 'no total', rows: [project({ total: null, plan: 5000 })], expected: [] },
];

test.each(cases)('$name', ({ rows, expected }) => {
  expect(check(planExceedsTotal, rows)).toEqual(expected);
});

test('params: plan, total, before and what remains', () => {
  // remaining = 1000 − 600 = 400 < plan 450
  const [issue] = issuesOf(planExceedsTotal, [project({ total: 1000, before: 600, plan: 450, ytd: 100 })]);
  expect(issue.params).toEqual({ plan: 450, total: 1000, before: 600, remaining: 400, unit: '万元' });
});
