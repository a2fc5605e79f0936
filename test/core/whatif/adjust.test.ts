import { applyAdjustments, parseAdjustment } from '../../../src/core/whatif/adjust';
import { WhatifInputError } from '../../../src/core/whatif/errors';
import { analyze, HEAD, SETTINGS } from './helpers';

describe('parseAdjustment', () => {
  it.each<[string, object]>([
    ['甲项目:completedYtd=+5000', { key: '甲项目', field: 'completedYtd', op: 'add', value: 5000 }],
    ['甲项目:completedYtd=-2500.5', { key: '甲项目', field: 'completedYtd', op: 'add', value: -2500.5 }],
    ['甲项目:annualPlan=12000', { key: '甲项目', field: 'annualPlan', op: 'set', value: 12000 }],
    ['2022-371521-36-03-000001: annualPlan = 800', { key: '2022-371521-36-03-000001', field: 'annualPlan', op: 'set', value: 800 }],
    ['甲项目：完成投资＝+100', { key: '甲项目', field: 'completedYtd', op: 'add', value: 100 }],
    ['甲项目:completionRate=80%', { key: '甲项目', field: 'completionRate', op: 'set', value: 0.8 }],
    ['甲项目:完成率=+5%', { key: '甲项目', field: 'completionRate', op: 'add', value: 0.05 }],
    ['a:b项目:fundsArrived=−30', { key: 'a:b项目', field: 'fundsArrived', op: 'add', value: -30 }], // the key runs to the last colon
  ])('%s', (spec, want) => {
    expect(parseAdjustment(spec)).toEqual({ spec, ...want });
  });

  it.each<[string, string]>([
    ['甲项目', 'bad-adjust'],
    ['甲项目:completedYtd', 'bad-adjust'],
    [':completedYtd=5', 'bad-adjust'],
    ['甲项目:completedYtd=abc', 'bad-adjust'],
    ['甲项目:annualPlan=80%', 'bad-adjust'], // % only for a rate
    ['甲项目:status=1', 'unknown-adjust-field'],
  ])('%s → %s', (spec, code) => {
    try {
      parseAdjustment(spec);
      throw new Error('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(WhatifInputError);
      expect((e as WhatifInputError).code).toBe(code);
      if (code === 'unknown-adjust-field') expect((e as WhatifInputError).params.known).toContain('completedYtd');
    }
  });
});

describe('applyAdjustments', () => {
  // a.xlsx: 甲县 A 500/1000 and B 300/1000 → 800/2000 = 0.40; 乙县 C 600/1000 = 0.60
  // b.xlsx: 丙县 D 1100/2000 = 0.55. Ranking before: 乙县 1, 丙县 2, 甲县 3.
  const s1 = analyze([
    [...HEAD, '项目代码'],
    [1, '甲县', 'A', 3000, 1000, 500, '2022-000001'],
    [2, '甲县', 'B', 3000, 1000, 300, null],
    [3, '乙县', 'C', 3000, 1000, 600, null],
  ], 'S1');
  const s2 = analyze([HEAD, [1, '丙县', 'D', 5000, 2000, 1100]], 'S2');
  const sheets = [{ file: 'a.xlsx', ledger: s1.ledger }, { file: 'b.xlsx', ledger: s2.ledger }];
  const order = (list: { name: string; rank: number | null; completionRate: number | null }[]) => list.map((e) => [e.name, e.rank, e.completionRate]);

  it('ranks before and after, across files (hand-computed)', () => {
    const r = applyAdjustments(sheets, [parseAdjustment('B:completedYtd=+500'), parseAdjustment('C:completionRate=50%')], SETTINGS);
    expect(order(r.before)).toEqual([['乙县', 1, 0.6], ['丙县', 2, 0.55], ['甲县', 3, 0.4]]);
    // B: 300 + 500 = 800 → 甲县 (500 + 800) / 2000 = 0.65; C: 0.5 × 1000 = 500 → 乙县 0.50
    expect(order(r.after)).toEqual([['甲县', 1, 0.65], ['丙县', 2, 0.55], ['乙县', 3, 0.5]]);
    expect(r.after[0]).toMatchObject({ file: 'a.xlsx', sheet: 'S1', annualPlan: 2000, completedYtd: 1300 });
    expect(r.adjustments[0].matches).toEqual([{ file: 'a.xlsx', sheet: 'S1', row: 3, name: 'B', code: null, before: 300, after: 800 }]);
    expect(r.adjustments[1].matches[0]).toMatchObject({ name: 'C', before: 0.6, after: 0.5 });
  });

  it('matches by code first, and a slip below zero stops at zero', () => {
    const r = applyAdjustments(sheets, [parseAdjustment('2022-000001:completedYtd=-800')], SETTINGS);
    // A: max(0, 500 − 800) = 0 → 甲县 300 / 2000 = 0.15
    expect(r.adjustments[0].matches).toEqual([{ file: 'a.xlsx', sheet: 'S1', row: 2, name: 'A', code: '2022-000001', before: 500, after: 0 }]);
    expect(order(r.after)).toEqual([['乙县', 1, 0.6], ['丙县', 2, 0.55], ['甲县', 3, 0.15]]);
  });

  it('a larger plan lowers the rate', () => {
    // D's plan 2000 → 2750: 1100 / 2750 = 0.4, level with 甲县 → both rank 2 (competition)
    const r = applyAdjustments(sheets, [parseAdjustment('D:annualPlan=2750')], SETTINGS);
    expect(order(r.after)).toEqual([['乙县', 1, 0.6], ['甲县', 2, 0.4], ['丙县', 2, 0.4]]);
  });

  it('an unknown key matches nothing, and the ledgers are never changed', () => {
    const r = applyAdjustments(sheets, [parseAdjustment('nobody:completedYtd=+1')], SETTINGS);
    expect(r.adjustments[0].matches).toEqual([]);
    expect(order(r.after)).toEqual(order(r.before));
    applyAdjustments(sheets, [parseAdjustment('B:completedYtd=+500')], SETTINGS);
    expect(s1.ledger.projects[1].completedYtd).toBe(300);
    expect(s1.ledger.groups[0].completedYtd).toBe(800);
  });
});
