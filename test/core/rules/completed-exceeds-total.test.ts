import { completedExceedsTotal } from '../../../src/core/rules/completed-exceeds-total';
import { HEADER, check, issuesOf, project, type Brief, type Row } from '../../helpers/rule-fixtures';

// Columns: E 总投资, F 截至上年底, I 1-6月, P 开工以来 (when added); first project on row 4.
// Tolerance settings.sumTolerance = 0.5 万元.
const cases: { name: string; rows: Row[]; expected: Brief[] }[] = [
  // 700 + 300 = 1000 = total
  { name: 'exactly the total', rows: [project({ total: 1000, before: 700, ytd: 300 })], expected: [] },
  // 700 + 300.5 = 1000.5, over by 0.5 = the tolerance
  { name: 'over by the tolerance exactly', rows: [project({ total: 1000, before: 700, ytd: 300.5 })], expected: [] },
  // 700 + 300.6 = 1000.6, over by 0.6 > 0.5
  {
    name: 'over by more than the tolerance',
    rows: [project({ total: 1000, before: 700, ytd: 300.6 })],
    expected: [{ cell: 'I4', code: 'completed-exceeds-total', severity: 'error', fix: null }],
  },
  // no before-the-year figure: 1200 alone > 1000
  {
    name: 'year to date alone above the total',
    rows: [project({ total: 1000, before: null, ytd: 1200 })],
    expected: [{ cell: 'I4', code: 'completed-exceeds-total', severity: 'error', fix: null }],
  },
  { name: 'a blank total is not compared', rows: [project({ total: null, ytd: 1200 })], expected: [] },
  { name: 'a zero total reads as unknown', rows: [project({ total: 0, ytd: 1200 })], expected: [] },
];

test.each(cases)('$name', ({ rows, expected }) => {
  expect(check(completedExceedsTotal, rows)).toEqual(expected);
});

test('completed since start above the total, on its own cell', () => {
  const header = [...HEADER, '开工以来累计完成投资'];
  // since start 1200 > total 1000; this year 250 + before 0 is fine
  expect(check(completedExceedsTotal, [[...project(), 1200]], { header })).toEqual([
    { cell: 'P4', code: 'completed-exceeds-total', severity: 'error', fix: null },
  ]);
});

test('in a 亿元 sheet the tolerance is still 0.5 万元', () => {
  const opts = { unitLine: '单位：亿元' };
  // 1.00004 亿元 = 10000.4 万元: over by 0.4 万元
  expect(check(completedExceedsTotal, [project({ total: 1, before: 0, plan: 0.5, ytd: 1.00004 })], opts)).toEqual([]);
  // 1.0001 亿元 = 10001 万元: over by 1 万元
  const [issue] = issuesOf(completedExceedsTotal, [project({ total: 1, before: 0, plan: 0.5, ytd: 1.0001 })], opts);
  expect(issue.params).toEqual({ field: 'completedYtd', completed: 1.0001, total: 1, before: 0, ytd: 1.0001, unit: '亿元' });
});

test('params name the figures in the sheet unit', () => {
  // 300 + 800 = 1100 > 1000
  const [issue] = issuesOf(completedExceedsTotal, [project({ total: 1000, before: 300, ytd: 800 })]);
  expect(issue.params).toEqual({ field: 'completedYtd', completed: 1100, total: 1000, before: 300, ytd: 800, unit: '万元' });
});
