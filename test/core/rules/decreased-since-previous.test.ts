import { decreasedSincePrevious } from '../../../src/core/rules/decreased-since-previous';
import { HEADER, brief, checkAgainst, project } from '../../helpers/rule-fixtures';

// Column I 1-6月完成投资; first project on row 4. This period is June, the previous May.
// Tolerance 0.5 万元.
const CODE = '2022-370000-48-03-012345';

test.each([
  ['grew', 250, 200, []],
  // 250 − 249.5 = 0.5
  ['fell by the tolerance', 249.5, 250, []],
  // 250 − 249.4 = 0.6
  ['fell by more', 249.4, 250, [{ cell: 'I4', code: 'decreased-since-previous', severity: 'warning', fix: null }]],
])('year to date %s', (_name, now, before, expected) => {
  const issues = checkAgainst(decreasedSincePrevious, [project({ ytd: now as number, month: 0 })], [project({ ytd: before as number })]);
  expect(brief(issues)).toEqual(expected);
});

test('matched by code even when the name changed', () => {
  const issues = checkAgainst(
    decreasedSincePrevious,
    [project({ name: '物流园二期', code: CODE, ytd: 100 })],
    [project({ name: '物流园', code: CODE, ytd: 300 })],
  );
  expect(issues.map((i) => i.params)).toEqual([{ field: 'completedYtd', value: 100, previous: 300, unit: '万元' }]);
});

test('matched by name when there are no codes; other projects untouched', () => {
  const issues = checkAgainst(
    decreasedSincePrevious,
    [project({ name: '甲', ytd: 300 }), project({ name: '乙', ytd: 100 })],
    [project({ name: '乙', ytd: 300 }), project({ name: '甲', ytd: 200 })],
  );
  expect(brief(issues)).toEqual([{ cell: 'I5', code: 'decreased-since-previous', severity: 'warning', fix: null }]);
});

test('year to date restarts in January: a previous year is not compared, since-start still is', () => {
  const header = [...HEADER, '开工以来累计完成投资'];
  const issues = checkAgainst(
    decreasedSincePrevious,
    [[...project({ ytd: 10, month: 10 }), 900]],
    [[...project({ ytd: 800 }), 1000]],
    { header, title: '2022年重点项目进展情况表（截至1月底）', previousTitle: '2021年重点项目进展情况表（截至12月底）' },
  );
  // since start 1000 → 900: P4
  expect(brief(issues)).toEqual([{ cell: 'P4', code: 'decreased-since-previous', severity: 'warning', fix: null }]);
});
