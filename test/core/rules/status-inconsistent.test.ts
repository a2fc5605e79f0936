import { statusClass, statusInconsistent } from '../../../src/core/rules/status-inconsistent';
import { check, issuesOf, project, type Brief, type Row } from '../../helpers/rule-fixtures';

// Columns: F 截至上年底, I 1-6月, K 开工情况, L 建设性质, N 竣工时间; first project on row 4.
// The sheet reports on 2022-06-30. Tolerance 0.5 万元.
const cases: { name: string; rows: Row[]; expected: Brief[] }[] = [
  { name: 'a started project with investment', rows: [project()], expected: [] },
  {
    name: '未开工 with 100 万元 this year',
    rows: [project({ status: '未开工', ytd: 100, month: 0 })],
    expected: [{ cell: 'K4', code: 'status-inconsistent', severity: 'warning', fix: null }],
  },
  { name: '未开工 with 0.5 万元: within tolerance', rows: [project({ status: '未开工', ytd: 0.5, month: 0 })], expected: [] },
  {
    name: '未開工 in traditional script, 0.6 万元',
    rows: [project({ status: '未開工', ytd: 0.6, month: 0 })],
    expected: [{ cell: 'K4', code: 'status-inconsistent', severity: 'warning', fix: null }],
  },
  {
    name: '已开工 with nothing this year: only info',
    rows: [project({ status: '已开工', ytd: 0, month: 0 })],
    expected: [{ cell: 'K4', code: 'status-inconsistent', severity: 'info', fix: null }],
  },
  { name: '已开工 with a blank year to date: missing-required says so', rows: [project({ ytd: null })], expected: [] },
  { name: '已竣工 with nothing this year', rows: [project({ status: '已竣工', ytd: 0, month: 0 })], expected: [] },
  {
    name: '新建 with 100 万元 before this year',
    rows: [project({ nature: '新建', before: 100 })],
    expected: [{ cell: 'L4', code: 'status-inconsistent', severity: 'warning', fix: null }],
  },
  { name: '续建 with investment before this year', rows: [project({ nature: '续建', before: 100 })], expected: [] },
  {
    name: 'planned to finish in 2021, not marked finished',
    rows: [project({ finish: 2021 })],
    expected: [{ cell: 'N4', code: 'status-inconsistent', severity: 'info', fix: null }],
  },
  { name: 'finish year passed but 已竣工', rows: [project({ finish: 2021, status: '已竣工' })], expected: [] },
  { name: 'finishing this year', rows: [project({ finish: 2022 })], expected: [] },
];

test.each(cases)('$name', ({ rows, expected }) => {
  expect(check(statusInconsistent, rows)).toEqual(expected);
});

test.each([
  ['未开工', 'not-started'],
  ['否', 'not-started'],
  ['尚未開工', 'not-started'],
  ['已开工', 'started'],
  ['在建', 'started'],
  ['是', 'started'],
  ['已竣工', 'finished'],
  ['竣工投产', 'finished'],
  ['前期手续办理中', null],
])('statusClass(%s) = %s', (text, expected) => {
  expect(statusClass(text)).toBe(expected);
});

test('params of each reason', () => {
  const issues = issuesOf(statusInconsistent, [
    project({ status: '未开工', ytd: 120, month: 0 }),
    project({ nature: '新建', before: 80 }),
    project({ finish: 2020, status: '在建' }),
  ]);
  expect(issues.map((i) => i.params)).toEqual([
    { reason: 'not-started-with-investment', status: '未开工', completed: 120, unit: '万元' },
    { reason: 'new-with-prior-investment', nature: '新建', before: 80, unit: '万元' },
    { reason: 'finish-past', finishYear: 2020, asOfYear: 2022, status: '在建' },
  ]);
});
