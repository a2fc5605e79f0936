/**
 * The 通报's section 五 (projects behind several reports in a row) follows the list rule's
 * `--list-after`, on a three-period history worked out by hand (end of April, May, June 2022):
 *
 *   project  April      May        June       behindStreak in June
 *   甲       behind     behind     behind     3
 *   乙       on-track   behind     behind     2
 *   丙       behind     on-track   behind     1  (the streak restarts after May)
 *   丁       on-track   on-track   on-track   0
 *
 * --list-after 2 → 甲 (3) then 乙 (2), longest first; 3 → 甲 alone; 4 → nobody, and the
 * "none" sentence names 4.
 */
import { bulletinDoc } from '../../src/core/bulletin-doc';
import { applyHistory, snapshotOf } from '../../src/core/history';
import type { FileReport, ProjectReport, ProjectStatus, Report } from '../../src/core/types';

function project(row: number, name: string, status: ProjectStatus): ProjectReport {
  const rate = status === 'behind' ? 0.4 : 0.6;
  return {
    row, name, code: `C${row}`, group: '阳谷县', started: true, totalInvestment: 1000, annualPlan: 100, completedYtd: rate * 100,
    completionRate: rate, gapPp: (rate - 0.5) * 100, status, rankInGroup: null, rank: null,
  };
}

function report(asOf: string, statuses: ProjectStatus[]): Report {
  const names = ['甲', '乙', '丙', '丁'];
  const file: FileReport = {
    file: `${asOf}.xlsx`, output: null, error: null,
    sheets: [{
      sheet: 'Sheet1', header: { rows: [1], unit: '万元' }, columns: {}, outputColumns: {}, groups: [],
      projects: statuses.map((s, i) => project(5 + i, names[i], s)),
      total: { name: '合计', projects: 4, started: 4, startRate: 1, totalInvestment: 4000, annualPlan: 400, completedYtd: 200, completionRate: 0.5, gapPp: 0, lagging: 0, rank: null },
      issues: [], asOf, timeProgress: 0.5,
    }],
  };
  return { schema: 'ledger-report/1', asOf, timeBasis: 'month', timeProgress: 0.5, files: [file], ranking: [] };
}

const april = report('2022-04-30', ['behind', 'on-track', 'behind', 'on-track']);
const may = report('2022-05-31', ['behind', 'behind', 'on-track', 'on-track']);
const previous = [snapshotOf(april.asOf, april.files), snapshotOf(may.asOf, may.files)];

/** Section 五's paragraphs: every block after its heading. */
function streakSection(listAfter: number, lang: 'zh-CN' | 'en' = 'zh-CN'): string[] {
  const june = report('2022-06-30', ['behind', 'behind', 'behind', 'on-track']);
  june.history = applyHistory(june, previous, { listAfter, listNotStarted: 3 });
  const blocks = bulletinDoc(june, lang).blocks;
  const at = blocks.findIndex((b) => b.kind === 'heading' && /^(五、|5\. )/.test(b.text));
  expect(at).toBeGreaterThan(0);
  return blocks.slice(at + 1).map((b) => (b.kind === 'paragraph' ? b.text : `<${b.kind}>`));
}

describe('the 通报 lists projects behind several reports in a row by --list-after', () => {
  test('--list-after 2: 甲 (3 reports) and 乙 (2), longest first; 丙 (1) is not named', () => {
    expect(streakSection(2)).toEqual([
      '甲（阳谷县），连续滞后3期，完成率40.0%。',
      '乙（阳谷县），连续滞后2期，完成率40.0%。',
    ]);
  });

  test('--list-after 3: 甲 alone', () => {
    expect(streakSection(3)).toEqual(['甲（阳谷县），连续滞后3期，完成率40.0%。']);
  });

  test('--list-after 4: nobody, and the sentence names the rule\'s 4', () => {
    expect(streakSection(4)).toEqual(['无连续4期及以上滞后的项目。']);
    expect(streakSection(4, 'en')).toEqual(['No project has been behind 4 reports or more in a row.']);
  });

  test('--list-after 0 turns the list reason off; the section still names streaks of the default 2', () => {
    expect(streakSection(0).map((t) => t.slice(0, 1))).toEqual(['甲', '乙']);
  });
});
