import { dateOrder } from '../../../src/core/rules/date-order';
import { check, issuesOf, project, type Brief, type Row } from '../../helpers/rule-fixtures';

// Columns: M 开工时间, N 竣工时间; first project on row 4. The issue sits on the finish date.
const cases: { name: string; rows: Row[]; expected: Brief[] }[] = [
  { name: 'finish after start', rows: [project({ start: '2022.3', finish: '2023.12' })], expected: [] },
  { name: 'same month', rows: [project({ start: '2022.3', finish: '2022.3' })], expected: [] },
  { name: 'a year against a month of that year compares equal', rows: [project({ start: '2022.3', finish: 2022 })], expected: [] },
  {
    name: 'finish a month before start',
    rows: [project({ start: '2022.3', finish: '2022.2' })],
    expected: [{ cell: 'N4', code: 'date-order', severity: 'warning', fix: null }],
  },
  { name: 'one date missing', rows: [project({ start: null, finish: 2020 })], expected: [] },
];

test.each(cases)('$name', ({ rows, expected }) => {
  expect(check(dateOrder, rows)).toEqual(expected);
});

test('params: both dates as precise as written', () => {
  const [issue] = issuesOf(dateOrder, [project({ start: '2022年3月15日', finish: 2021 })]);
  expect(issue.params).toEqual({ start: '2022-03-15', finish: '2021' });
});
