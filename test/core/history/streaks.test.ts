/**
 * Lag that persists over three periods (end of April, May and June 2022), worked out by hand
 * with the rule `--list-after 2` (behind two reports in a row) and three months not started.
 */
import { applyHistory, historyLines, snapshotOf } from '../../../src/core/history';
import type { FileReport, ProjectReport, ProjectStatus, Report } from '../../../src/core/types';

function project(row: number, name: string, code: string | null, group: string, status: ProjectStatus, started: boolean | null = true): ProjectReport {
  const rate = status === 'seriously-behind' ? 0.31 : status === 'behind' ? 0.45 : status === 'on-track' ? 0.6 : null;
  return {
    row, name, code, group, started, totalInvestment: 1000, annualPlan: 100, completedYtd: rate === null ? 0 : rate * 100,
    completionRate: rate, gapPp: rate === null ? null : (rate - 0.5) * 100, status, rankInGroup: null, rank: null,
  };
}

function file(name: string, projects: ProjectReport[]): FileReport {
  return {
    file: name, output: null, error: null,
    sheets: [{
      sheet: 'Sheet1', header: { rows: [1], unit: '万元' }, columns: {}, outputColumns: {}, projects, groups: [],
      total: { name: '合计', projects: 0, started: 0, startRate: null, totalInvestment: 0, annualPlan: 0, completedYtd: 0, completionRate: null, gapPp: null, lagging: 0, rank: null },
      issues: [], asOf: '', timeProgress: 0.5,
    }],
  };
}

function report(asOf: string, files: FileReport[]): Report {
  return { schema: 'ledger-report/1', asOf, timeBasis: 'month', timeProgress: 0.5, files, ranking: [] };
}

// A: on-track → behind → behind: two reports in a row in June, listed (new).
// B: behind → seriously behind → on-track: listed in May (seriously behind; behind 2 in a row), recovers: 摘牌.
// C: no code, not started all three reports: 6 − 4 + 1 = 3 months → listed in June (new; May had 2).
// D: new in June, seriously behind: streak 1, listed for that alone.
// E: renamed each month, matched by code: behind ×3 → streak 3; May streak 2 → was listed, not new.
// F: overdue start in May, gone in June: 摘牌, no longer in the ledgers.
// G: 莘县's 同名项目 behind in May; 阳谷县's 同名项目 (no code) behind in June is another project: streak 1.
const april = report('2022-04-30', [file('2022-04/阳谷县.xlsx', [
  project(5, 'A 项目', 'X1', '阳谷县', 'on-track'),
  project(6, 'B 项目', 'X2', '阳谷县', 'behind'),
  project(7, '景阳冈景区提升工程', null, '阳谷县', 'pending', false),
  project(8, 'E 旧名', 'X5', '阳谷县', 'behind'),
])]);
const may = report('2022-05-31', [
  file('2022-05/阳谷县.xlsx', [
    project(5, 'A 项目', 'X1', '阳谷县', 'behind'),
    project(6, 'B 项目', 'X2', '阳谷县', 'seriously-behind'),
    project(7, '景阳冈景区提升工程', null, '阳谷县', 'pending', false),
    project(8, 'E 中名', 'X5', '阳谷县', 'behind'),
    project(9, 'F 项目', 'X6', '阳谷县', 'overdue-start', false),
  ]),
  file('2022-05/莘县.xlsx', [project(5, '同名项目', null, '莘县', 'behind')]),
]);
const june = () => report('2022-06-30', [
  file('2022-06/阳谷县.xlsx', [
    project(5, 'A 项目', 'X1', '阳谷县', 'behind'),
    project(6, 'B 项目', 'X2', '阳谷县', 'on-track'),
    project(7, '景阳冈景区提升工程', null, '阳谷县', 'pending', false),
    project(8, 'D 项目', 'X4', '阳谷县', 'seriously-behind'),
    project(9, 'E 新名', 'X5', '阳谷县', 'behind'),
    project(10, '同名项目', null, '阳谷县', 'behind'),
  ]),
]);
const RULE = { listAfter: 2, listNotStarted: 3 };
const previous = [snapshotOf(april.asOf, april.files), snapshotOf(may.asOf, may.files)];

describe('lag that persists over three periods', () => {
  test('streaks and months not started on every project', () => {
    const r = june();
    applyHistory(r, previous, RULE);
    const got = r.files[0].sheets[0].projects.map((p) => [p.name, p.behindStreak, p.notStartedMonths, p.listed]);
    expect(got).toEqual([
      ['A 项目', 2, 0, true],
      ['B 项目', 0, 0, false],
      ['景阳冈景区提升工程', 0, 3, true],
      ['D 项目', 1, 0, true],
      ['E 新名', 3, 0, true],
      ['同名项目', 1, 0, false],
    ]);
  });

  test('the 挂牌 list, with reasons and who is new on it', () => {
    const h = applyHistory(june(), previous, RULE);
    expect(h.periods).toEqual([
      { asOf: '2022-04-30', files: ['2022-04/阳谷县.xlsx'] },
      { asOf: '2022-05-31', files: ['2022-05/阳谷县.xlsx', '2022-05/莘县.xlsx'] },
    ]);
    expect(h.listed.map((p) => [p.name, p.row, p.reasons, p.newlyListed])).toEqual([
      ['A 项目', 5, ['behind-streak'], true],
      ['景阳冈景区提升工程', 7, ['not-started'], true],
      ['D 项目', 8, ['seriously-behind'], true],
      ['E 新名', 9, ['behind-streak'], false],
    ]);
  });

  test('摘牌: the project that recovered and the one no longer in the ledgers', () => {
    const h = applyHistory(june(), previous, RULE);
    expect(h.delisted).toEqual([
      { name: 'B 项目', code: 'X2', group: '阳谷县', file: '2022-06/阳谷县.xlsx', sheet: 'Sheet1', row: 6, status: 'on-track', previousReasons: ['seriously-behind', 'behind-streak'] },
      { name: 'F 项目', code: 'X6', group: '阳谷县', file: null, sheet: null, row: null, status: null, previousReasons: ['overdue-start'] },
    ]);
  });

  test('a stricter rule: --list-after 3 keeps only E for its streak', () => {
    const h = applyHistory(june(), previous, { listAfter: 3, listNotStarted: 0 });
    // A's streak 2 < 3; C's 3 months no longer count (0 turns the reason off); D seriously behind.
    expect(h.listed.map((p) => [p.name, p.reasons])).toEqual([['D 项目', ['seriously-behind']], ['E 新名', ['behind-streak']]]);
  });

  test('the bulletin sentences in the three languages', () => {
    const h = applyHistory(june(), previous, RULE);
    expect(historyLines(h, 'zh-CN')).toEqual([
      '挂牌督办项目4个，其中本期新挂牌3个：A 项目（阳谷县，连续滞后2期）、景阳冈景区提升工程（阳谷县，连续3个月未开工）、D 项目（阳谷县，严重滞后，完成率31.0%）、E 新名（阳谷县，连续滞后3期）。',
      '本期摘牌项目2个：B 项目（阳谷县）、F 项目（阳谷县）。',
    ]);
    expect(historyLines(h, 'zh-TW')[1]).toBe('本期摘牌項目2個：B 项目（阳谷县）、F 项目（阳谷县）。');
    expect(historyLines(h, 'en')[0]).toMatch(/^On the watch list \(挂牌督办\): 4 projects, 3 newly listed: A 项目 \(阳谷县; behind 2 reports in a row\)/);
  });

  test('no earlier period: streaks of one report, nothing to take off the list', () => {
    const r = june();
    const h = applyHistory(r, [], RULE);
    expect(r.files[0].sheets[0].projects.map((p) => p.behindStreak)).toEqual([1, 0, 0, 1, 1, 1]);
    expect(r.files[0].sheets[0].projects[2].notStartedMonths).toBe(1);
    expect(h.listed.map((p) => p.name)).toEqual(['D 项目']);
    expect(h.delisted).toEqual([]);
  });
});
