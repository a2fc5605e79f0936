import * as fs from 'fs';
import * as path from 'path';
import { buildReport, fileReport, sheetReport } from '../../../src/core/report';
import { parseAdjustment } from '../../../src/core/whatif/adjust';
import { compileIndicator } from '../../../src/core/whatif/indicators';
import { buildWhatifReport } from '../../../src/core/whatif/report';
import { whatifSummary } from '../../../src/core/whatif/summary';
import { analyze, HEAD, SETTINGS } from './helpers';

// a.xlsx: 甲县 A 500/1000 + B 300/1000 = 0.40, 乙县 C 600/1000 = 0.60; b.xlsx: 丙县 D 1100/2000 = 0.55.
// Ranking of all groups: 乙县 1, 丙县 2, 甲县 3.
const s1 = analyze([
  [...HEAD, '资金到位'],
  [1, '甲县', 'A', 3000, 1000, 500, 300],
  [2, '甲县', 'B', 3000, 1000, 300, 100],
  [3, '乙县', 'C', 3000, 1000, 600, null],
], 'S1');
const s2 = analyze([[...HEAD, '资金到位'], [1, '丙县', 'D', 5000, 2000, 1100, 1000]], 'S2');
const base = buildReport([
  fileReport('a.xlsx', null, [sheetReport(s1, [])]),
  fileReport('b.xlsx', null, [sheetReport(s2, [])]),
], SETTINGS, '2022-06-30', 0.5);

function run(extra: Partial<Parameters<typeof buildWhatifReport>[0]> = {}) {
  return buildWhatifReport({ report: base, sheets: [[s1], [s2]], settings: SETTINGS, options: { target: 1 }, ...extra });
}

describe('buildWhatifReport', () => {
  it('keeps every report-v1 field as it was', () => {
    const r = run();
    expect(r.schema).toBe('ledger-report/1');
    expect(r.ranking).toEqual(base.ranking);
    const strip = (x: object) => Object.fromEntries(Object.entries(x).filter(([k]) => k !== 'whatif'));
    expect(r.files[0].sheets[0].projects.map(strip)).toEqual(base.files[0].sheets[0].projects);
    expect(r.files[0].sheets[0].groups.map(strip)).toEqual(base.files[0].sheets[0].groups);
    expect(strip(r.files[0].sheets[0].total)).toEqual(base.files[0].sheets[0].total);
    expect(r.files[0].sheets[0].issues).toEqual(base.files[0].sheets[0].issues);
  });

  it('toRankFirst over the groups of every file (hand-computed)', () => {
    const r = run();
    const [jia, yi] = r.files[0].sheets[0].groups;
    const [bing] = r.files[1].sheets[0].groups;
    expect(jia.whatif.toRankFirst).toBe(400); // 0.6 × 2000 − 800
    expect(yi.whatif.toRankFirst).toBe(0); // first
    expect(bing.whatif.toRankFirst).toBe(100); // 0.6 × 2000 − 1100
    expect('toRankFirst' in r.files[0].sheets[0].total.whatif).toBe(false);
  });

  it('pace figures on projects, groups and the total (hand-computed)', () => {
    const s = run({ options: { target: 0.8, by: '2022-10' } }).files[0].sheets[0];
    expect(s.whatif).toMatchObject({ asOf: '2022-06-30', by: '2022-10', monthsElapsed: 6, monthsLeft: 4, deadlinePassed: false, basis: 'pace' });
    // A: (0.8 × 1000 − 500) / 4 = 75; 500 / 6 a month; by October 500 + 500 / 6 × 4 = 833.33 ≥ 800
    expect(s.projects[0].whatif.requiredMonthly).toBe(75);
    expect(s.projects[0].whatif.currentMonthly).toBe(83.3333333333);
    expect(s.projects[0].whatif.projectedAtBy).toBe(833.333333333);
    expect(s.projects[0].whatif.onCourse).toBe(true);
    // year end 500 + 500 / 6 × 6 = 1000 → 1.0
    expect(s.projects[0].whatif.projectedYearEnd).toBe(1000);
    expect(s.projects[0].whatif.projectedRate).toBe(1);
    // 甲县: (0.8 × 2000 − 800) / 4 = 200; by October 800 + 800 / 6 × 4 = 1333.33 < 1600
    expect(s.groups[0].whatif.requiredMonthly).toBe(200);
    expect(s.groups[0].whatif.onCourse).toBe(false);
    // total: (0.8 × 3000 − 1400) / 4 = 250
    expect(s.total.whatif.requiredMonthly).toBe(250);
    expect(s.projects[0].whatif).not.toHaveProperty('indicators');
  });

  it('indicators per project, and per group over the group’s sums', () => {
    const ind = compileIndicator('到位率', 'fundsArrived / totalInvestment');
    const r = run({ indicators: [{ compiled: ind, source: 'option' }] });
    const s = r.files[0].sheets[0];
    expect(s.projects.map((p) => p.whatif.indicators?.['到位率'])).toEqual([0.1, 0.0333333333333, null]); // 300/3000, 100/3000 (12 digits, as the report shows), no funds
    expect(s.groups[0].whatif.indicators?.['到位率']).toBe(Number((400 / 6000).toPrecision(12))); // (300 + 100) / (3000 + 3000)
    expect(s.groups[1].whatif.indicators?.['到位率']).toBeNull(); // 乙县 has no funds figure
    expect(s.total.whatif.indicators?.['到位率']).toBe(Number((400 / 9000).toPrecision(12)));
    expect(r.files[1].sheets[0].groups[0].whatif.indicators?.['到位率']).toBe(0.2); // 1000 / 5000
    expect(r.whatif.indicators).toEqual([{ name: '到位率', expression: 'fundsArrived / totalInvestment', source: 'option', fields: ['fundsArrived', 'totalInvestment'], formula: true }]);
    // HEAD + 资金到位 are A..G, own columns H..L, rank key M: the indicator goes to N
    expect(s.whatif.indicatorColumns).toEqual({ 到位率: { column: 'N', formula: true } });
  });

  it('a scenario: ranking before and after', () => {
    const r = run({ adjustments: [parseAdjustment('B:completedYtd=+500')] });
    const sc = r.whatif.scenario!;
    expect(sc.before.map((e) => [e.name, e.rank])).toEqual([['乙县', 1], ['丙县', 2], ['甲县', 3]]);
    // 甲县 (500 + 800) / 2000 = 0.65 → first
    expect(sc.after.map((e) => [e.name, e.rank, e.completionRate])).toEqual([['甲县', 1, 0.65], ['乙县', 2, 0.6], ['丙县', 3, 0.55]]);
    expect(run().whatif.scenario).toBeNull();
  });

  it('the summary reads in Chinese', () => {
    const text = whatifSummary(run({ adjustments: [parseAdjustment('B:completedYtd=+500')] }), 'zh-CN');
    expect(text).toContain('a.xlsx「S1」 截至 2022-06-30，已过 6 个月，距 2022-12 还剩 6 个月；目标：年度计划的 100.0%（按当前月均进度推算）');
    // 甲县: (2000 − 800) / 6 = 200; 800 / 6 = 133.33; 800 + 133.33 × 6 = 1600 → 80.0 %
    expect(text).toContain('甲县：每月需完成 200万元，当前月均 133.33万元，预计年底完成 1600万元（80.0%），不能按期完成，排名第 3，再完成 400万元 可排第一');
    expect(text).toContain('乙县：每月需完成 66.67万元，当前月均 100万元，预计年底完成 1200万元（120.0%），能按期完成，排名第 1');
    expect(text).toContain('情景测算：');
    expect(text).toContain('甲县：完成率 40.0% → 65.0%，排名 3 → 1（a.xlsx）');
    // the total in each language: (3000 − 1400) / 6 = 266.67 a month
    expect(text).toContain('\n  合计：每月需完成 266.67万元');
    expect(whatifSummary(run(), 'zh-TW')).toContain('\n  合計：每月需完成 266.67萬元');
    expect(whatifSummary(run(), 'en')).toContain('\n  Total: needs 266.67 ten-thousand CNY (万元) a month');
  });
});

describe('start-up path', () => {
  /** Files reachable from a module by value imports (type-only imports do not load anything). */
  function reachable(entry: string): Set<string> {
    const seen = new Set<string>();
    const todo = [entry];
    while (todo.length) {
      const file = todo.pop() as string;
      if (seen.has(file)) continue;
      seen.add(file);
      const src = fs.readFileSync(file, 'utf8');
      for (const m of src.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms)) {
        if (m[0].startsWith('import type') || m[0].startsWith('export type')) continue;
        const spec = m[1];
        if (!spec.startsWith('.')) {
          seen.add(spec);
          continue;
        }
        const base = path.resolve(path.dirname(file), spec);
        todo.push(fs.existsSync(`${base}.ts`) ? `${base}.ts` : path.join(base, 'index.ts'));
      }
    }
    return seen;
  }

  it('the what-if index and the command do not load mathjs or indicators.ts', () => {
    const root = path.resolve(__dirname, '../../../src');
    for (const entry of ['core/whatif/index.ts', 'cli/commands.ts']) {
      const files = reachable(path.join(root, entry));
      expect([...files].filter((f) => f === 'mathjs' || f.endsWith('indicators.ts'))).toEqual([]);
    }
    expect(reachable(path.join(root, 'core/whatif/indicators.ts')).has('mathjs')).toBe(true);
  });
});
