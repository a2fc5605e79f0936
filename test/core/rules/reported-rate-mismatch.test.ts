import { reportedRateMismatch } from '../../../src/core/rules/reported-rate-mismatch';
import { HEADER, check, issuesOf, project, type Brief, type Row } from '../../helpers/rule-fixtures';

// Column J 投资完成率; first project on row 4. The default project: 250 / 500 = 0.5.
// Tolerance settings.rateTolerance = 0.0015.
const cases: { name: string; rows: Row[]; expected: Brief[] }[] = [
  { name: 'typed as computed', rows: [project({ rate: 0.5 })], expected: [] },
  // |0.5015 − 0.5| = 0.0015 = tolerance
  { name: 'off by the tolerance', rows: [project({ rate: 0.5015 })], expected: [] },
  // |0.5016 − 0.5| = 0.0016
  {
    name: 'off by more than the tolerance: fix is the computed fraction',
    rows: [project({ rate: 0.5016 })],
    expected: [{ cell: 'J4', code: 'reported-rate-mismatch', severity: 'warning', fix: 0.5 }],
  },
  // 1 / 3 = 0.33333…, shown to 4 decimals
  {
    name: 'a third typed as 0.3: fix 0.3333',
    rows: [project({ plan: 3, ytd: 1, month: 1, total: 10, rate: 0.3 })],
    expected: [{ cell: 'J4', code: 'reported-rate-mismatch', severity: 'warning', fix: 0.3333 }],
  },
  {
    name: '"45%" typed as text reads as 0.45',
    rows: [project({ rate: '45%' })],
    expected: [{ cell: 'J4', code: 'reported-rate-mismatch', severity: 'warning', fix: 0.5 }],
  },
  { name: 'no plan, nothing to compare', rows: [project({ plan: 0, rate: 0.3 })], expected: [] },
  { name: 'no rate typed', rows: [project({ rate: null })], expected: [] },
];

test.each(cases)('$name', ({ rows, expected }) => {
  expect(check(reportedRateMismatch, rows)).toEqual(expected);
});

describe('under a header ending in % (percent numbers)', () => {
  const header = [...HEADER];
  header[9] = '投资完成率（%）';
  test('45 where 50 is computed: fix 50', () => {
    expect(check(reportedRateMismatch, [project({ rate: 45 })], { header })).toEqual([
      { cell: 'J4', code: 'reported-rate-mismatch', severity: 'warning', fix: 50 },
    ]);
  });
  test('50.1 is within 0.15 points', () => {
    expect(check(reportedRateMismatch, [project({ rate: 50.1 })], { header })).toEqual([]);
  });
  test('a third as 33.33', () => {
    // 1 / 3 × 100 = 33.333…, shown to 2 decimals
    expect(check(reportedRateMismatch, [project({ plan: 3, ytd: 1, month: 1, total: 10, rate: 30 })], { header })).toEqual([
      { cell: 'J4', code: 'reported-rate-mismatch', severity: 'warning', fix: 33.33 },
    ]);
  });
});

test('params: both rates as fractions and the figures behind the computed one', () => {
  const [issue] = issuesOf(reportedRateMismatch, [project({ rate: 0.45 })]);
  expect(issue.params).toEqual({ reported: 0.45, computed: 0.5, ytd: 250, plan: 500, unit: '万元' });
});
