import { gridWidth } from '../../../src/core/grid';
import { ALL_RULES, compareIssues, runRules } from '../../../src/core/rules/index';
import { ISSUE_CODES, type IssueCode, type RawIssue } from '../../../src/core/types';
import { MESSY_ROWS, contextOf, sheet } from '../../helpers/rule-fixtures';


test('ALL_RULES has one rule per issue code but the input check\'s, which only 添加输入检查 lists', () => {
  expect(Object.keys(ALL_RULES).sort()).toEqual(ISSUE_CODES.filter((c) => c !== 'input-rule-broken').sort());
});

describe('all rules over a messy sheet', () => {
  const ctx = contextOf(sheet(MESSY_ROWS));
  const issues = runRules(ctx);

  test('each rule produces only its own code', () => {
    for (const [code, rule] of Object.entries(ALL_RULES) as [IssueCode, (typeof ALL_RULES)[keyof typeof ALL_RULES]][]) {
      for (const i of rule(ctx)) expect(i.code).toBe(code);
    }
  });

  test('the sheet-level codes all fire', () => {
    const found = new Set(issues.map((i) => i.code));
    const expected: IssueCode[] = [
      'missing-required', 'not-a-number', 'number-as-text', 'negative-value', 'formula-error', 'completed-exceeds-total',
      'plan-exceeds-total', 'month-exceeds-ytd', 'duplicate-project', 'invalid-project-code', 'status-inconsistent',
      'reported-rate-mismatch', 'subtotal-mismatch', 'date-invalid', 'date-order', 'unit-suspect', 'text-noise',
    ];
    for (const code of expected) expect(found).toContain(code);
  });

  test('sorted by row, then column, then code', () => {
    const sorted = [...issues].sort(compareIssues);
    expect(issues).toEqual(sorted);
    for (let k = 1; k < issues.length; k++) {
      const a = issues[k - 1];
      const b = issues[k];
      expect(a.r < b.r || (a.r === b.r && (a.c < b.c || (a.c === b.c && a.code <= b.code)))).toBe(true);
    }
  });

  test('every issue points at a cell of the sheet', () => {
    const width = gridWidth(ctx.grid);
    for (const i of issues) {
      expect(i.r).toBeGreaterThanOrEqual(0);
      expect(i.r).toBeLessThan(ctx.grid.values.length);
      expect(i.c).toBeGreaterThanOrEqual(0);
      expect(i.c).toBeLessThan(width);
    }
  });
});

test('runRules with a subset runs only those', () => {
  const ctx = contextOf(sheet(MESSY_ROWS));
  const only: RawIssue[] = runRules(ctx, [ALL_RULES['formula-error']]);
  // 丁 is on row 8; its 备注 (column O) holds #REF!
  expect(only.map((i) => [i.code, i.r, i.c])).toEqual([['formula-error', 7, 14]]);
});
