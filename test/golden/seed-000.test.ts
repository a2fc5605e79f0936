/**
 * Seed 000's sentence from its ledger: 上半年，阳谷县55个实施类项目开工建设46个，开工率83.6%，
 * 完成投资44.5亿元，完成年度计划投资67%，快于时间进度17个百分点。
 *   46/55 = 0.836364 → 83.6%; 445000 万元 = 44.5 亿元; 445000/664179 = 0.6700001 → 67.0%;
 *   (0.6700001 − 6/12) × 100 = +17.00001 → 17.0 points.
 */
import { bulletin } from '../../src/core/bulletin';
import { gapPhrase, pct } from '../../src/core/format';
import { buildReport, fileReport, sheetReport } from '../../src/core/report';
import { toIssue } from '../../src/i18n';
import { seed000Yanggu } from '../fixtures/ledgers';
import { analyzeFixture, settingsFor } from './helpers';

const f = seed000Yanggu();

describe('seed 000: 阳谷县, first half of 2022', () => {
  const a = analyzeFixture(f);
  const yanggu = a.ledger.groups.find((g) => g.name === '阳谷县');

  test('the sentence figures, as displayed', () => {
    const want = f.expected.sentence;
    expect(yanggu).toBeDefined();
    if (!yanggu || !want) return;
    expect(yanggu.projects).toBe(want.projects);
    expect(yanggu.started).toBe(want.started);
    expect(pct(yanggu.startRate)).toBe(`${want.startRatePct}%`);
    expect((yanggu.completedYtd / 10000).toFixed(1)).toBe(want.completedYi);
    expect(pct(yanggu.completionRate)).toBe(`${want.ratePct}%`);
    expect(gapPhrase(yanggu.gapPp, 'zh-CN')).toBe(`快于时间进度${want.gapPp}个百分点`);
  });

  test('the bulletin writes them in the seed\'s phrasing (report-v1 example)', () => {
    const settings = settingsFor(f);
    const sheet = sheetReport(a, a.issues.map((i) => toIssue(i, 'zh-CN')));
    const report = buildReport([fileReport('阳谷县.xlsx', null, [sheet])], settings, a.ledger.asOf, a.ledger.timeProgress);
    const text = bulletin(report, 'zh-CN');
    expect(text.startsWith('上半年')).toBe(true);
    expect(text).toContain('阳谷县55个');
    expect(text).toContain('开工46个，开工率83.6%');
    expect(text).toContain('完成投资44.5亿元');
    expect(text).toContain('占年度计划的67.0%');
    expect(text).toContain('快于时间进度17.0个百分点');
  });

  test('the projects named for lagging: seriously behind or overdue start, in sheet order', () => {
    // seriously behind: projects 22 (2630/7300 = 36.0%) and 37 (1820/5500 = 33.1%);
    // overdue start: projects 9, 25, 42, 48 (未开工, planned before 2022-06-30)
    const named = a.ledger.projects
      .filter((p) => p.status === 'seriously-behind' || p.status === 'overdue-start')
      .map((p) => p.r + 1 - 3);
    expect(named).toEqual([9, 22, 25, 37, 42, 48]);
  });
});
