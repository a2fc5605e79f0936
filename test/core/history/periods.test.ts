/** Which earlier workbooks make which period, and the dates assumed where a sheet names none. */
import { groupPeriods, monthBefore } from '../../../src/core/history';

describe('earlier periods', () => {
  test('each named file is a period, in the order given; unnamed dates assumed monthly', () => {
    const periods = groupPeriods([
      { file: 'a.xlsx', arg: 0, inFolder: false, namedAsOf: null },
      { file: 'b.xlsx', arg: 1, inFolder: false, namedAsOf: null },
    ], '2022-06-30');
    // b is one month before June: 2022-05-31; a one month before that: 2022-04-30.
    expect(periods.map((p) => [p.asOf, p.assumed, p.workbooks.map((w) => w.file)])).toEqual([
      ['2022-04-30', true, ['a.xlsx']],
      ['2022-05-31', true, ['b.xlsx']],
    ]);
  });

  test('a folder: workbooks grouped by the date their sheets name, oldest first', () => {
    const periods = groupPeriods([
      { file: 'p/5-莘县.xlsx', arg: 0, inFolder: true, namedAsOf: '2022-05-31' },
      { file: 'p/4-莘县.xlsx', arg: 0, inFolder: true, namedAsOf: '2022-04-30' },
      { file: 'p/5-东阿县.xlsx', arg: 0, inFolder: true, namedAsOf: '2022-05-31' },
    ], '2022-06-30');
    expect(periods.map((p) => [p.asOf, p.assumed, p.workbooks.map((w) => w.file)])).toEqual([
      ['2022-04-30', false, ['p/4-莘县.xlsx']],
      ['2022-05-31', false, ['p/5-东阿县.xlsx', 'p/5-莘县.xlsx']],
    ]);
  });

  test('one month before, across a year', () => {
    expect(monthBefore('2022-01-31')).toBe('2021-12-31');
    expect(monthBefore('2022-03-31')).toBe('2022-02-28');
  });
});
