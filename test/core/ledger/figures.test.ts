import { computeProject, groupFigures, timeProgress } from '../../../src/core/ledger/figures';
import type { LooseDate, Project, ProjectStatus, TimeBasis } from '../../../src/core/types';
import { ledgerSettings } from '../../helpers/ledger-fixtures';

function project(extra: Partial<Project>): Project {
  return {
    r: 0, name: 'p', code: null, group: 'g', subgroup: null, started: true,
    totalInvestment: null, completedBeforeYear: null, annualPlan: null, monthCompleted: null,
    completedYtd: null, completedSinceStart: null, fundsArrived: null, reportedRate: null,
    startDate: null, finishDate: null, statusText: null, nature: null,
    completionRate: null, gapPp: null, status: 'unknown', rankInGroup: null, rank: null,
    ...extra,
  };
}

const JUNE_END: LooseDate = { year: 2022, month: 6, day: 30 };

describe('timeProgress', () => {
  const cases: [string, TimeBasis, number, string][] = [
    ['2022-06-30', 'month', 6 / 12, 'end of June: 6/12 = 0.5'],
    ['2022-07-05', 'month', 6 / 12, 'early July: June is the last finished month'],
    ['2022-01-15', 'month', 0, 'mid-January: no month finished'],
    ['2022-01-31', 'month', 1 / 12, ''],
    ['2022-12-31', 'month', 1, ''],
    ['2022-02-28', 'month', 2 / 12, 'last day of February, common year'],
    ['2024-02-28', 'month', 1 / 12, 'not the last day of February in a leap year'],
    ['2024-02-29', 'month', 2 / 12, ''],
    ['2022-06-30', 'day', 181 / 365, '31+28+31+30+31+30 = 181'],
    ['2024-06-30', 'day', 182 / 366, 'leap year: 31+29+31+30+31+30 = 182'],
    ['2022-01-01', 'day', 1 / 365, 'the as-of day counts as elapsed'],
    ['2024-03-01', 'day', 61 / 366, '31+29+1'],
    ['2022-12-31', 'day', 1, ''],
    ['2024-12-31', 'day', 1, '366/366'],
  ];
  test.each(cases)('%s by %s → %d (%s)', (asOf, basis, want) => {
    expect(timeProgress(asOf, basis)).toBeCloseTo(want, 15);
  });

  test('a malformed date is our caller\'s bug', () => {
    expect(() => timeProgress('2022-6-30', 'month')).toThrow(RangeError);
  });
});

describe('computeProject', () => {
  const s = ledgerSettings(); // lagWarn 0, lagAlert 10
  const cases: [string, Partial<Project>, number | null, number | null, ProjectStatus][] = [
    // name, project, rate, gap (tp 0.5), status
    ['ahead', { annualPlan: 100, completedYtd: 60 }, 0.6, 10, 'on-track'], // (0.6 − 0.5) × 100
    ['exactly on time', { annualPlan: 100, completedYtd: 50 }, 0.5, 0, 'on-track'],
    ['a little behind', { annualPlan: 100, completedYtd: 45 }, 0.45, -5, 'behind'],
    ['at the alert line', { annualPlan: 100, completedYtd: 40 }, 0.4, -10, 'behind'],
    ['past the alert line', { annualPlan: 100, completedYtd: 39.9 }, 0.399, -10.1, 'seriously-behind'],
    ['ahead of the plan', { annualPlan: 100, completedYtd: 130 }, 1.3, 80, 'on-track'],
    ['no plan', { annualPlan: 0, completedYtd: 5 }, null, null, 'unknown'],
    ['plan missing', { completedYtd: 5 }, null, null, 'unknown'],
    ['completed missing', { annualPlan: 100 }, null, null, 'unknown'],
    ['not started, start passed', { started: false, annualPlan: 100, completedYtd: 0, startDate: { year: 2022, month: 3 } }, 0, -50, 'overdue-start'],
    ['not started, start planned this month', { started: false, annualPlan: 100, completedYtd: 0, startDate: { year: 2022, month: 6 } }, 0, -50, 'pending'],
    ['not started, start this year', { started: false, annualPlan: 100, completedYtd: 0, startDate: { year: 2022 } }, 0, -50, 'pending'],
    ['not started, start last year', { started: false, startDate: { year: 2021 } }, null, null, 'overdue-start'],
    ['not started, no start date', { started: false, annualPlan: 100, completedYtd: 0 }, 0, -50, 'pending'],
    ['started unknown', { started: null, annualPlan: 100, completedYtd: 0 }, 0, -50, 'unknown'],
  ];
  test.each(cases)('%s', (_name, extra, rate, gap, status) => {
    const f = computeProject(project(extra), 0.5, s, JUNE_END);
    if (rate === null) expect(f.completionRate).toBeNull();
    else expect(f.completionRate).toBeCloseTo(rate, 12);
    if (gap === null) expect(f.gapPp).toBeNull();
    else expect(f.gapPp).toBeCloseTo(gap, 10);
    expect(f.status).toBe(status);
  });

  test('thresholds are settings', () => {
    const t = ledgerSettings({ lagWarn: 5, lagAlert: 30 });
    const status = (ytd: number) => computeProject(project({ annualPlan: 100, completedYtd: ytd }), 0.5, t, JUNE_END).status;
    expect(status(45)).toBe('on-track'); // gap −5 ≥ −5
    expect(status(30)).toBe('behind'); // gap −20
    expect(status(20)).toBe('behind'); // gap −30 ≥ −30
    expect(status(19)).toBe('seriously-behind'); // gap −31
  });

  test('binary noise at the boundary does not make a project behind', () => {
    // End of May: tp = 5/12 = 0.41666666666666670; 0.375 / 0.9 = 0.41666666666666663.
    const f = computeProject(project({ annualPlan: 0.9, completedYtd: 0.375 }), 5 / 12, s, { year: 2022, month: 5, day: 31 });
    expect(f.gapPp).toBeLessThan(0);
    expect(f.status).toBe('on-track');
  });
});

describe('groupFigures', () => {
  // Seed 000: 阳谷县, 55 projects, 46 started, 44.5亿元 = 445000万元 completed, 67 % of the plan.
  // Built as: one large project (plan 124179, completed 220000), 45 started projects of plan
  // 10000 with 5000 completed, 9 not started of plan 10000 (5 due in March, 4 due in September).
  // Plan: 124179 + 54 × 10000 = 664179; completed: 220000 + 45 × 5000 = 445000.
  const tp = 0.5;
  const projects: Project[] = [];
  const withStatus = (p: Project) => ({ ...p, ...computeProject(p, tp, ledgerSettings(), JUNE_END) });
  projects.push(withStatus(project({ annualPlan: 124179, completedYtd: 220000, totalInvestment: 500000 })));
  for (let i = 0; i < 45; i++) projects.push(withStatus(project({ annualPlan: 10000, completedYtd: 5000, totalInvestment: 20000 })));
  for (let i = 0; i < 9; i++) {
    const startDate = { year: 2022, month: i < 5 ? 3 : 9 };
    projects.push(withStatus(project({ started: false, annualPlan: 10000, completedYtd: 0, startDate })));
  }

  test('seed 000, 阳谷县 at the end of June', () => {
    const g = groupFigures('阳谷县', projects, tp, ledgerSettings(), JUNE_END);
    expect(g.projects).toBe(55);
    expect(g.started).toBe(46);
    expect(g.startRate).toBeCloseTo(46 / 55, 12); // 0.83636… → 开工率 83.6 %
    expect(g.startRate?.toFixed(4)).toBe('0.8364');
    expect(g.annualPlan).toBe(664179);
    expect(g.completedYtd).toBe(445000);
    expect(g.totalInvestment).toBe(500000 + 45 * 20000); // blank totals add nothing: 1,400,000
    expect(g.completionRate).toBeCloseTo(445000 / 664179, 12); // 0.6700001…
    expect(g.completionRate?.toFixed(4)).toBe('0.6700');
    expect(g.gapPp).toBeCloseTo(17.00001, 4); // (0.6700001 − 0.5) × 100: 快于时间进度17个百分点
    expect(g.lagging).toBe(5); // the 5 overdue starts; 45 sit exactly on time, 4 are pending
    expect(g.rank).toBeNull();
  });

  test('start rate over projects due to have started', () => {
    // Denominator: 46 started + 5 not started but due by June = 51; the 4 due in September are left out.
    const g = groupFigures('阳谷县', projects, tp, ledgerSettings({ startRateBase: 'planned' }), JUNE_END);
    expect(g.startRate).toBeCloseTo(46 / 51, 12);
  });

  test('a rate from sums, not an average of rates', () => {
    // 90/100 and 1/10: sums give 91/110 = 0.8273; the mean of rates would be (0.9 + 0.1) / 2 = 0.5.
    const g = groupFigures('x', [project({ annualPlan: 100, completedYtd: 90 }), project({ annualPlan: 10, completedYtd: 1 })], tp, ledgerSettings(), JUNE_END);
    expect(g.completionRate).toBeCloseTo(91 / 110, 12);
  });

  test('an empty group, and a group without plans', () => {
    const empty = groupFigures('x', [], tp, ledgerSettings(), JUNE_END);
    expect(empty).toEqual({
      name: 'x', projects: 0, started: 0, startRate: null, totalInvestment: 0, annualPlan: 0,
      completedYtd: 0, completionRate: null, gapPp: null, lagging: 0, rank: null,
    });
    const noPlan = groupFigures('y', [project({ completedYtd: 3 })], tp, ledgerSettings(), JUNE_END);
    expect(noPlan.completionRate).toBeNull();
    expect(noPlan.completedYtd).toBe(3);
  });
});
