import fc from 'fast-check';
import { rankValues } from '../../../src/core/rank';
import { toRankFirst } from '../../../src/core/whatif/rank-first';

describe('toRankFirst', () => {
  it('hand-computed: the leader’s rate × own plan − own completed', () => {
    const out = toRankFirst([
      { annualPlan: 1000, completedYtd: 700, completionRate: 0.7, rank: 1 }, // first → 0
      { annualPlan: 2000, completedYtd: 1000, completionRate: 0.5, rank: 3 }, // 0.7 × 2000 − 1000 = 400
      { annualPlan: 500, completedYtd: 300, completionRate: 0.6, rank: 2 }, // 0.7 × 500 − 300 = 50
      { annualPlan: 0, completedYtd: 0, completionRate: null, rank: null }, // no rate → null
      { annualPlan: 300, completedYtd: 210, completionRate: 0.7, rank: 1 }, // tied first → 0
    ]);
    expect(out[0]).toBe(0);
    expect(out[1]).toBeCloseTo(400, 9);
    expect(out[2]).toBeCloseTo(50, 9);
    expect(out[3]).toBeNull();
    expect(out[4]).toBe(0);
  });

  it('a single group is first', () => {
    expect(toRankFirst([{ annualPlan: 100, completedYtd: 10, completionRate: 0.1, rank: 1 }])).toEqual([0]);
  });

  it('property: adding the amount makes the group rank first, by either method', () => {
    const group = fc.record({ plan: fc.integer({ min: 1, max: 100000 }), done: fc.integer({ min: 0, max: 150000 }) });
    fc.assert(fc.property(fc.array(group, { minLength: 1, maxLength: 12 }), fc.constantFrom('competition' as const, 'dense' as const), (gs, method) => {
      const rates = gs.map((g) => g.done / g.plan);
      const ranks = rankValues(rates, method, 3);
      const extra = toRankFirst(gs.map((g, i) => ({ annualPlan: g.plan, completedYtd: g.done, completionRate: rates[i], rank: ranks[i] })));
      gs.forEach((g, i) => {
        const x = extra[i] as number;
        expect(x).toBeGreaterThanOrEqual(0);
        const after = rates.slice();
        after[i] = (g.done + x) / g.plan;
        expect(rankValues(after, method, 3)[i]).toBe(1);
      });
    }));
  });
});
