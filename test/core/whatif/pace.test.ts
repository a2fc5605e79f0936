import { paceFigures, projectionBasis, sheetWhatif } from '../../../src/core/whatif/pace';
import { whatifTiming } from '../../../src/core/whatif/timing';
import { analyze, HEAD, MONTHS_7_12 } from './helpers';

const JUNE = whatifTiming('2022-06-30'); // 6 elapsed, 6 left to December

describe('paceFigures at the current pace', () => {
  it('a project behind its plan (hand-computed)', () => {
    // plan 1200, done 480 by the end of June
    const f = paceFigures({ annualPlan: 1200, completedYtd: 480, monthPlans: null }, JUNE, 1, 'pace');
    expect(f.monthsLeft).toBe(6);
    expect(f.requiredMonthly).toBeCloseTo((1200 - 480) / 6, 10); // 120
    expect(f.currentMonthly).toBeCloseTo(480 / 6, 10); // 80
    expect(f.projectedYearEnd).toBeCloseTo(480 + 80 * 6, 10); // 960
    expect(f.projectedRate).toBeCloseTo(960 / 1200, 10); // 0.8
    expect(f.projectedAtBy).toBeCloseTo(960, 10);
    expect(f.onCourse).toBe(false);
    expect(f.basis).toBe('pace');
    expect(f.plannedToDate).toBeNull();
  });

  it('a project exactly on its plan is on course', () => {
    // plan 600, done 300: 300 / 6 = 50 a month, 300 + 50 × 6 = 600 = plan
    const f = paceFigures({ annualPlan: 600, completedYtd: 300, monthPlans: null }, JUNE, 1, 'pace');
    expect(f.requiredMonthly).toBe(50); // (600 − 300) / 6
    expect(f.currentMonthly).toBe(50);
    expect(f.projectedYearEnd).toBe(600);
    expect(f.onCourse).toBe(true);
  });

  it('a target share below 1 and a deadline before December', () => {
    // target 0.75 of 1200 = 900 by September: 3 months left; done 480 → (900 − 480) / 3 = 140
    const sept = whatifTiming('2022-06-30', '2022-09');
    const f = paceFigures({ annualPlan: 1200, completedYtd: 480, monthPlans: null }, sept, 0.75, 'pace');
    expect(f.monthsLeft).toBe(3);
    expect(f.requiredMonthly).toBeCloseTo(140, 10);
    // at 80 a month: 480 + 80 × 3 = 720 by September < 900
    expect(f.projectedAtBy).toBeCloseTo(720, 10);
    expect(f.onCourse).toBe(false);
    // the year end is still December: 480 + 80 × 6 = 960
    expect(f.projectedYearEnd).toBeCloseTo(960, 10);
  });

  it('a project ahead needs 0 a month', () => {
    // done 700 of 600: max(0, 600 − 700) / 6 = 0
    const f = paceFigures({ annualPlan: 600, completedYtd: 700, monthPlans: null }, JUNE, 1, 'pace');
    expect(f.requiredMonthly).toBe(0);
    expect(f.onCourse).toBe(true);
  });

  it('deadline passed: requiredMonthly is null, on course only if already reached', () => {
    const passed = whatifTiming('2022-09-30', '2022-06'); // 6 − 9 = −3 months left
    const behind = paceFigures({ annualPlan: 1000, completedYtd: 900, monthPlans: null }, passed, 1, 'pace');
    expect(behind.monthsLeft).toBe(-3);
    expect(behind.requiredMonthly).toBeNull();
    expect(behind.onCourse).toBe(false); // 900 < 1000
    expect(behind.projectedAtBy).toBe(900); // nothing more can happen by a month gone by
    const reached = paceFigures({ annualPlan: 1000, completedYtd: 1000, monthPlans: null }, passed, 1, 'pace');
    expect(reached.onCourse).toBe(true);
    // December: 900 + 900 / 9 × 3 = 1200
    expect(behind.projectedYearEnd).toBeCloseTo(1200, 10);
  });

  it('a deadline in the next year: months after December go at the current pace', () => {
    // by 2023-03: 12 + 3 − 6 = 9 months left; 480 + 80 × 9 = 1200 = plan
    const f = paceFigures({ annualPlan: 1200, completedYtd: 480, monthPlans: null }, whatifTiming('2022-06-30', '2023-03'), 1, 'pace');
    expect(f.monthsLeft).toBe(9);
    expect(f.requiredMonthly).toBeCloseTo(720 / 9, 10); // 80
    expect(f.projectedAtBy).toBeCloseTo(1200, 10);
    expect(f.onCourse).toBe(true);
  });

  it('in January nothing has been reported: no current pace, no projection', () => {
    const jan = whatifTiming('2022-01-15'); // 0 elapsed, 12 left
    const f = paceFigures({ annualPlan: 1200, completedYtd: 0, monthPlans: null }, jan, 1, 'pace');
    expect(f.requiredMonthly).toBe(100); // 1200 / 12
    expect(f.currentMonthly).toBeNull();
    expect(f.projectedYearEnd).toBeNull();
    expect(f.onCourse).toBeNull();
  });

  it('missing figures give nulls, and a plan of 0 is no plan', () => {
    const noDone = paceFigures({ annualPlan: 1200, completedYtd: null, monthPlans: null }, JUNE, 1, 'pace');
    expect([noDone.requiredMonthly, noDone.currentMonthly, noDone.projectedYearEnd, noDone.onCourse]).toEqual([null, null, null, null]);
    const zeroPlan = paceFigures({ annualPlan: 0, completedYtd: 50, monthPlans: null }, JUNE, 1, 'pace');
    expect(zeroPlan.requiredMonthly).toBeNull();
    expect(zeroPlan.projectedRate).toBeNull();
    expect(zeroPlan.onCourse).toBeNull();
    expect(zeroPlan.projectedYearEnd).toBeCloseTo(50 + (50 / 6) * 6, 10); // 100
  });
});

describe('paceFigures by the monthly plan columns (按月排进度)', () => {
  const months = [null, 50, 50, 50, 50, 50, 50, 60, 60, 60, 100, 100, 100];

  it('projects completed + the plans of July to December', () => {
    // 240 + 60 + 60 + 60 + 100 + 100 + 100 = 720; planned to date 6 × 50 = 300
    const f = paceFigures({ annualPlan: 800, completedYtd: 240, monthPlans: months }, JUNE, 1, 'monthly-plan');
    expect(f.projectedYearEnd).toBe(720);
    expect(f.projectedRate).toBe(720 / 800); // 0.9
    expect(f.plannedToDate).toBe(300);
    expect(f.onCourse).toBe(false);
    expect(f.currentMonthly).toBe(40); // 240 / 6, the pace itself does not change
    expect(f.requiredMonthly).toBeCloseTo(560 / 6, 10); // (800 − 240) / 6
  });

  it('by September: the plans of July to September only', () => {
    // 240 + 60 × 3 = 420 ≥ 0.5 × 800 = 400
    const f = paceFigures({ annualPlan: 800, completedYtd: 240, monthPlans: months }, whatifTiming('2022-06-30', '2022-09'), 0.5, 'monthly-plan');
    expect(f.projectedAtBy).toBe(420);
    expect(f.onCourse).toBe(true);
  });

  it('projectionBasis wants a column for every month still to come', () => {
    const cols = (ms: number[]) => ms.map((month) => ({ month, c: month, factor: 1 }));
    expect(projectionBasis(cols([7, 8, 9, 10, 11, 12]), 6)).toBe('monthly-plan');
    expect(projectionBasis(cols([7, 8, 9, 10, 11]), 6)).toBe('pace'); // no December
    expect(projectionBasis(cols([8, 9, 10, 11, 12]), 7)).toBe('monthly-plan');
    expect(projectionBasis([], 6)).toBe('pace');
  });
});

describe('sheetWhatif', () => {
  const rows = [
    [...HEAD, ...MONTHS_7_12],
    [1, '甲县', 'A', 1000, 600, 240, 60, 60, 60, 60, 60, 60],
    [2, '甲县', 'B', 800, 400, 260, 20, 20, 20, 20, 20, 20],
    [3, '乙县', 'C', 2000, 1200, 480, 100, 100, 100, 100, 100, 100],
  ];

  it('projects and groups by the monthly plans (hand-computed)', () => {
    const w = sheetWhatif(analyze(rows), { target: 1 });
    expect(w.basis).toBe('monthly-plan');
    expect(w.timing.monthsLeft).toBe(6);
    const [a, b, c] = w.projects;
    // A: (600 − 240) / 6 = 60; 240 / 6 = 40; 240 + 6 × 60 = 600 → 100 %
    expect([a.requiredMonthly, a.currentMonthly, a.projectedYearEnd, a.projectedRate, a.onCourse]).toEqual([60, 40, 600, 1, true]);
    // B: (400 − 260) / 6; 260 / 6; 260 + 6 × 20 = 380 → 380 / 400 = 0.95
    expect(b.requiredMonthly).toBeCloseTo(140 / 6, 10);
    expect(b.projectedYearEnd).toBe(380);
    expect(b.projectedRate).toBe(0.95);
    expect(b.onCourse).toBe(false);
    // C: (1200 − 480) / 6 = 120; 480 + 600 = 1080 → 0.9
    expect([c.requiredMonthly, c.projectedYearEnd, c.projectedRate, c.onCourse]).toEqual([120, 1080, 0.9, false]);

    // 甲县 = A + B: plan 1000, done 500; (1000 − 500) / 6; 500 + 6 × (60 + 20) = 980 → 0.98
    const [jia, yi] = w.groups;
    expect(jia.requiredMonthly).toBeCloseTo(500 / 6, 10);
    expect(jia.currentMonthly).toBeCloseTo(500 / 6, 10);
    expect(jia.projectedYearEnd).toBe(980);
    expect(jia.projectedRate).toBe(0.98);
    expect(jia.onCourse).toBe(false);
    expect(yi.projectedYearEnd).toBe(1080);
    // total: plan 2200, done 980; (2200 − 980) / 6; 980 + 480 + 600 = 2060 → 2060 / 2200
    expect(w.total.requiredMonthly).toBeCloseTo(1220 / 6, 10);
    expect(w.total.projectedYearEnd).toBe(2060);
    expect(w.total.projectedRate).toBeCloseTo(2060 / 2200, 12);
    expect(w.total.plannedToDate).toBeNull(); // no columns for January to June
  });

  it('at the current pace when a month still to come has no column', () => {
    const noDec = rows.map((r) => r.slice(0, -1));
    const w = sheetWhatif(analyze(noDec), { target: 1 });
    expect(w.basis).toBe('pace');
    // A: 240 + 40 × 6 = 480 → 0.8
    expect(w.projects[0].projectedYearEnd).toBe(480);
    expect(w.projects[0].projectedRate).toBe(0.8);
    // 甲县: 500 + 500 / 6 × 6 = 1000 → on course exactly
    expect(w.groups[0].projectedYearEnd).toBeCloseTo(1000, 10);
    expect(w.groups[0].onCourse).toBe(true);
  });
});
