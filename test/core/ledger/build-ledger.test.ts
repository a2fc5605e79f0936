import fc from 'fast-check';
import type { CellValue } from '../../../src/core/grid';
import { parseIsoDate } from '../../../src/core/dates';
import { RANK_DECIMALS, TOTAL_NAME, buildLedger } from '../../../src/core/ledger/build-ledger';
import { groupFigures } from '../../../src/core/ledger/figures';
import { rankValues } from '../../../src/core/rank';
import { ledgerGrid, ledgerHeader, ledgerSettings } from '../../helpers/ledger-fixtures';

// 序号 | 县区 | 项目名称 | 年度计划投资 | 1-6月完成投资 | 是否开工
const header = ledgerHeader({ index: 0, group: 1, name: 2, annualPlan: 3, completedYtd: 4, status: 5 });
const HEAD = ['序号', '县区', '项目名称', '年度计划投资', '1-6月完成投资', '是否开工'];

describe('buildLedger', () => {
  const grid = ledgerGrid([
    HEAD,
    ['合计', null, null, 1000, 600, null],
    [1, '莘县', 'a', 100, 80, '是'], // 0.80
    [2, '阳谷县', 'b', 100, 70, '是'], // 0.70
    [3, '莘县', 'c', 100, 30, '是'], // 0.30
    [4, '阳谷县', 'd', 200, 140, '是'], // 0.70
    [5, '莘县', 'e', 100, 0, '否'], // 0.00, not started
    [6, '东阿县', 'f', null, 10, '是'], // no plan: not ranked
    [null, '莘县', '小计', 300, 110, null],
  ]);
  const asOf = '2022-06-30';

  test('projects, groups in order of first appearance, total', () => {
    const l = buildLedger(grid, header, ledgerSettings(), asOf);
    expect(l.sheet).toBe('Sheet1');
    expect(l.asOf).toBe(asOf);
    expect(l.timeProgress).toBe(0.5);
    expect(l.groupSource).toBe('group');
    expect(l.projects.map((p) => p.name)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(l.rows.map((cr) => cr.kind)).toEqual(['total', 'project', 'project', 'project', 'project', 'project', 'project', 'subtotal']);
    expect(l.groups.map((g) => g.name)).toEqual(['莘县', '阳谷县', '东阿县']);

    const [shen, yang, dong] = l.groups;
    // 莘县: plan 100+100+100 = 300, completed 80+30+0 = 110 → 110/300 = 0.3667; 2 of 3 started.
    expect(shen).toMatchObject({ projects: 3, started: 2, annualPlan: 300, completedYtd: 110 });
    expect(shen.completionRate).toBeCloseTo(110 / 300, 12);
    expect(shen.gapPp).toBeCloseTo((110 / 300 - 0.5) * 100, 10); // −13.33 points
    // c (0.30, gap −20) seriously behind, e not started with no start date: pending.
    expect(shen.lagging).toBe(1);
    // 阳谷县: (70 + 140) / (100 + 200) = 0.7.
    expect(yang.completionRate).toBeCloseTo(0.7, 12);
    expect(dong.completionRate).toBeNull(); // no plan at all
    // Total over all six projects: plan 600, completed 330; the typed 合计 row is not a project.
    expect(l.total).toMatchObject({ name: TOTAL_NAME, projects: 6, started: 5, annualPlan: 600, completedYtd: 330, rank: null });
    expect(l.total.completionRate).toBeCloseTo(330 / 600, 12);
    // Group ranks by rate: 阳谷县 0.7 first, 莘县 0.367 second, 东阿县 unranked.
    expect(l.groups.map((g) => g.rank)).toEqual([2, 1, null]);
  });

  test('ranks overall and within the group, competition and dense', () => {
    // Rates a..f: 0.8, 0.7, 0.3, 0.7, 0, none.
    const comp = buildLedger(grid, header, ledgerSettings(), asOf);
    expect(comp.projects.map((p) => p.rank)).toEqual([1, 2, 4, 2, 5, null]);
    // Within 莘县: a 0.8, c 0.3, e 0 → 1, 2, 3; within 阳谷县 b and d tie.
    expect(comp.projects.map((p) => p.rankInGroup)).toEqual([1, 1, 2, 1, 3, null]);
    const dense = buildLedger(grid, header, ledgerSettings({ rankMethod: 'dense' }), asOf);
    expect(dense.projects.map((p) => p.rank)).toEqual([1, 2, 3, 2, 4, null]);
  });

  test('statuses and time basis', () => {
    const l = buildLedger(grid, header, ledgerSettings(), asOf);
    expect(l.projects.map((p) => p.status)).toEqual(['on-track', 'on-track', 'seriously-behind', 'on-track', 'pending', 'unknown']);
    // By days: 181/365 = 0.4959; b at 0.70 is then 20.41 points ahead.
    const byDay = buildLedger(grid, header, ledgerSettings({ timeBasis: 'day' }), asOf);
    expect(byDay.timeProgress).toBeCloseTo(181 / 365, 15);
    expect(byDay.projects[1].gapPp).toBeCloseTo((0.7 - 181 / 365) * 100, 10);
  });

  test('column overrides are applied before reading', () => {
    // The user says completed is column 3 and plan column 4 (swapped): a's rate is 100/80 = 1.25.
    const l = buildLedger(grid, header, ledgerSettings({ columnOverrides: { completedYtd: 3, annualPlan: 4 } }), asOf);
    expect(l.projects[0].completionRate).toBeCloseTo(1.25, 12);
    expect(l.header.columns.completedYtd).toBe(3);
  });

  test('headings as groups when there is no county column', () => {
    const h = ledgerHeader({ index: 0, name: 1, annualPlan: 2, completedYtd: 3 });
    const g = ledgerGrid([
      ['序号', '项目名称', '年度计划', '完成'],
      ['一、市本级（2项）', null, 300, 150],
      [1, 'a', 100, 50],
      [2, 'b', 200, 100],
      ['二、阳谷县（1项）', null, 100, 90],
      [1, 'c', 100, 90],
    ]);
    const l = buildLedger(g, h, ledgerSettings(), asOf);
    expect(l.groupSource).toBe('heading');
    expect(l.groups.map((x) => [x.name, x.projects, x.annualPlan, x.completedYtd])).toEqual([['市本级', 2, 300, 150], ['阳谷县', 1, 100, 90]]);
  });

  test('property: group sums are sums over their projects; the total is the sum over groups', () => {
    const counties = ['阳谷县', '莘县', '东阿县', '冠县'];
    const cell = fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 100000 }), fc.double({ min: 0, max: 1e5, noNaN: true }).map((x) => Math.round(x * 100) / 100)); // 万元 to 2 decimals
    const rowArb = fc.tuple(fc.constantFrom(...counties), cell, cell, fc.constantFrom('是', '否', null));
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 40 }), (data) => {
        const rows: CellValue[][] = [HEAD, ...data.map(([county, plan, ytd, st], i) => [i + 1, county, `p${i}`, plan, ytd, st])];
        const l = buildLedger(ledgerGrid(rows), header, ledgerSettings(), asOf);
        const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));
        let projects = 0;
        let plan = 0;
        let ytd = 0;
        let started = 0;
        let lagging = 0;
        for (const g of l.groups) {
          const mine = l.projects.filter((p) => p.group === g.name);
          if (g.projects !== mine.length) return false;
          if (!close(g.annualPlan, mine.reduce((s, p) => s + (p.annualPlan ?? 0), 0))) return false;
          if (!close(g.completedYtd, mine.reduce((s, p) => s + (p.completedYtd ?? 0), 0))) return false;
          if (g.started !== mine.filter((p) => p.started === true).length) return false;
          projects += g.projects;
          plan += g.annualPlan;
          ytd += g.completedYtd;
          started += g.started;
          lagging += g.lagging;
        }
        const t = l.total;
        return (
          t.projects === projects && projects === data.length && t.started === started && t.lagging === lagging &&
          close(t.annualPlan, plan) && close(t.completedYtd, ytd) &&
          (t.annualPlan > 0 ? close(t.completionRate as number, t.completedYtd / t.annualPlan) : t.completionRate === null)
        );
      }),
    );
  });

  test('property: groups, total and ranks are exactly what groupFigures and rankValues give', () => {
    const counties = ['阳谷县', '莘县', '东阿县'];
    const cell = fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 1000 }), fc.double({ min: 0, max: 1e4, noNaN: true }));
    const rowArb = fc.tuple(fc.constantFrom(...counties), cell, cell, fc.constantFrom('是', '否', null));
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 30 }), fc.constantFrom('competition', 'dense'), (data, rankMethod) => {
        const rows: CellValue[][] = [HEAD, ...data.map(([county, plan, ytd, st], i) => [i + 1, county, `p${i}`, plan, ytd, st])];
        const settings = ledgerSettings({ rankMethod });
        const l = buildLedger(ledgerGrid(rows), header, settings, asOf);
        const tp = l.timeProgress;
        const asOfDate = parseIsoDate(asOf);
        const overall = rankValues(l.projects.map((p) => p.completionRate), rankMethod, RANK_DECIMALS);
        expect(l.projects.map((p) => p.rank)).toEqual(overall);
        for (const g of l.groups) {
          const mine = l.projects.filter((p) => p.group === g.name);
          expect({ ...g, rank: null }).toEqual(groupFigures(g.name, mine, tp, settings, asOfDate));
          expect(mine.map((p) => p.rankInGroup)).toEqual(rankValues(mine.map((p) => p.completionRate), rankMethod, RANK_DECIMALS));
        }
        expect(l.total).toEqual(groupFigures(TOTAL_NAME, l.projects, tp, settings, asOfDate));
        expect(l.groups.map((g) => g.rank)).toEqual(rankValues(l.groups.map((g) => g.completionRate), rankMethod, RANK_DECIMALS));
      }),
    );
  });
});
