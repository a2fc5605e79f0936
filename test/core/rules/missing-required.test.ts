import { missingRequired } from '../../../src/core/rules/missing-required';
import { check, project, type Brief, type Row } from '../../helpers/rule-fixtures';

// Columns: B 项目名称, G 年度计划投资, I 1-6月完成投资; the first project is on row 4.
const cases: { name: string; rows: Row[]; expected: Brief[] }[] = [
  { name: 'a complete project', rows: [project()], expected: [] },
  {
    name: 'blank annual plan is an error',
    rows: [project({ plan: null })],
    expected: [{ cell: 'G4', code: 'missing-required', severity: 'error', fix: null }],
  },
  {
    name: 'a plan cell holding only spaces and a zero-width space is blank',
    rows: [project({ plan: ' \u200B ' })],
    expected: [{ cell: 'G4', code: 'missing-required', severity: 'error', fix: null }],
  },
  {
    name: 'blank year to date on a started project is an error',
    rows: [project({ ytd: null })],
    expected: [{ cell: 'I4', code: 'missing-required', severity: 'error', fix: null }],
  },
  {
    name: 'blank year to date on a project marked 未开工 reads as 0: a warning with fix 0',
    rows: [project({ ytd: null, month: null, status: '未开工', nature: '新建' })],
    expected: [{ cell: 'I4', code: 'missing-required', severity: 'warning', fix: 0 }],
  },
  {
    // Its figures count in every total, and nobody can tell whose they are (issue #20).
    name: 'blank name on a row with figures is an error',
    rows: [project({ name: null })],
    expected: [{ cell: 'B4', code: 'missing-required', severity: 'error', fix: null }],
  },
  { name: 'zero is a value, not a blank', rows: [project({ plan: 0, ytd: 0 })], expected: [] },
  { name: 'text that is not a number is not blank (not-a-number says so)', rows: [project({ plan: '—' })], expected: [] },
  {
    name: 'each blank on its own cell, second project on row 5',
    rows: [project(), project({ name: '乙', plan: null, ytd: null })],
    expected: [
      { cell: 'G5', code: 'missing-required', severity: 'error', fix: null },
      { cell: 'I5', code: 'missing-required', severity: 'error', fix: null },
    ],
  },
];

test.each(cases)('$name', ({ rows, expected }) => {
  expect(check(missingRequired, rows)).toEqual(expected);
});
