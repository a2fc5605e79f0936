import { projectRemoved } from '../../../src/core/rules/project-removed';
import { brief, checkAgainst, project } from '../../helpers/rule-fixtures';

// The header is on row 3; the name column is B.
test('a project gone since the previous submission: on the header cell of the name column', () => {
  const issues = checkAgainst(projectRemoved, [project({ name: '甲' })], [project({ name: '甲' }), project({ name: '乙', code: null })]);
  expect(brief(issues)).toEqual([{ cell: 'B3', code: 'project-removed', severity: 'info', fix: null }]);
  // 乙 was on row 5 of the previous sheet
  expect(issues[0].params).toEqual({ name: '乙', code: null, previousRow: 5 });
});

test('a code that matches keeps a renamed project', () => {
  const code = '2022-370000-48-03-012345';
  expect(checkAgainst(projectRemoved, [project({ name: '物流园二期', code })], [project({ name: '物流园', code })])).toEqual([]);
});

test('two projects with different codes are different even with one name', () => {
  const issues = checkAgainst(
    projectRemoved,
    [project({ name: '物流园', code: '2022-370000-48-03-000002' })],
    [project({ name: '物流园', code: '2022-370000-48-03-000001' })],
  );
  expect(issues.map((i) => i.params.code)).toEqual(['2022-370000-48-03-000001']);
});
