import { projectAdded } from '../../../src/core/rules/project-added';
import { brief, checkAgainst, contextOf, project, sheet } from '../../helpers/rule-fixtures';

// Column B 项目名称; projects on rows 4, 5.
test('a project not in the previous submission: on its name cell', () => {
  const issues = checkAgainst(projectAdded, [project({ name: '甲' }), project({ name: '新项目', code: '2022-370000-48-03-000001' })], [project({ name: '甲' })]);
  expect(brief(issues)).toEqual([{ cell: 'B5', code: 'project-added', severity: 'info', fix: null }]);
  expect(issues[0].params).toEqual({ name: '新项目', code: '2022-370000-48-03-000001' });
});

test('the same projects in another order, one renamed in traditional script', () => {
  const issues = checkAgainst(projectAdded, [project({ name: '陽谷物流園' }), project({ name: '甲' })], [project({ name: '甲' }), project({ name: '阳谷物流园' })]);
  expect(issues).toEqual([]);
});

test('nothing without a previous submission', () => {
  expect(projectAdded(contextOf(sheet([project()])))).toEqual([]);
});
