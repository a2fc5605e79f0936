import { dateInvalid } from '../../../src/core/rules/date-invalid';
import { HEADER, check, issuesOf, project, type Brief, type Row } from '../../helpers/rule-fixtures';

// Columns: M 开工时间, N 竣工时间; first project on row 4.
const cases: { name: string; rows: Row[]; expected: Brief[] }[] = [
  { name: 'years, year-months and dates', rows: [project({ start: 2021, finish: '2023年12月' }), project({ start: '2022.3', finish: 202312 })], expected: [] },
  { name: 'text without digits is no date, not a bad one', rows: [project({ start: '待定', finish: '—' })], expected: [] },
  {
    name: 'month 13',
    rows: [project({ start: '2022.13' })],
    expected: [{ cell: 'M4', code: 'date-invalid', severity: 'warning', fix: null }],
  },
  {
    name: '30 February',
    rows: [project({ finish: '2023-02-30' })],
    expected: [{ cell: 'N4', code: 'date-invalid', severity: 'warning', fix: null }],
  },
];

test.each(cases)('$name', ({ rows, expected }) => {
  expect(check(dateInvalid, rows)).toEqual(expected);
});

test('a date-formatted serial is a date', () => {
  // 44742 is 2022-06-30 in Excel's 1900 system
  expect(check(dateInvalid, [project({ start: 44742 })], { numFmts: { M4: 'yyyy-mm-dd' } })).toEqual([]);
});

test('a number that could be a year-month reads by its own format, row by row', () => {
  // 2022.13: a serial under a date format (valid), year 2022 month 13 without one (invalid).
  const rows = [project({ start: 2022.13 }), project({ name: '乙', start: 2022.13 }), project({ name: '丙', start: 2022.13 })];
  expect(check(dateInvalid, rows, { numFmts: { M4: 'yyyy-mm-dd', M6: 'yyyy-mm-dd' } })).toEqual([
    { cell: 'M5', code: 'date-invalid', severity: 'warning', fix: null },
  ]);
});

test('a serial reads the same whatever its format', () => {
  // 100000 is 2173-10-14 as a serial; a format that is no date format leaves it a serial.
  expect(check(dateInvalid, [project({ start: 100000 }), project({ name: '乙', start: 100000 })], { numFmts: { M4: '0.00' } })).toEqual([]);
  // 3000000 is past 9999-12-31 (serial 2958465): invalid with a format or without.
  expect(check(dateInvalid, [project({ start: 3000000 }), project({ name: '乙', start: 3000000 })], { numFmts: { M4: 'yyyy-mm-dd' } })).toEqual([
    { cell: 'M4', code: 'date-invalid', severity: 'warning', fix: null },
    { cell: 'M5', code: 'date-invalid', severity: 'warning', fix: null },
  ]);
});

test('a construction period column: `2021-2023` is fine, `2021-20x3` is not', () => {
  const header = [...HEADER.slice(0, 12), '建设起止年限'];
  const rows = [project({ start: '2021-2023' }), project({ name: '乙', start: '2021-20x3' })];
  expect(check(dateInvalid, rows.map((r) => r.slice(0, 13)), { header })).toEqual([
    { cell: 'M5', code: 'date-invalid', severity: 'warning', fix: null },
  ]);
});

test('params: the field and the value as typed', () => {
  const [issue] = issuesOf(dateInvalid, [project({ start: '2022.13' })]);
  expect(issue.params).toEqual({ field: 'startDate', value: '2022.13' });
});
