import { runRules } from '../../../src/core/rules/index';
import type { RuleContext } from '../../../src/core/rules/rule';
import { HEADER, contextOf, project, sheet, type Row } from '../../helpers/rule-fixtures';

const N = 100_000;

/** 100,000 projects with a fault here and there, and a previous period to compare with. */
function bigSheet(ytdShift: number): Row[] {
  const rows: Row[] = [];
  for (let i = 0; i < N; i++) {
    const total = 500 + (i % 997) * 37;
    rows.push(project({
      index: i + 1,
      name: i % 500 === 0 ? ` 项目${i}` : `项目${i}`,
      code: `2022-3715${String(i % 100).padStart(2, '0')}-48-03-${String(i).padStart(6, '0')}`,
      total,
      before: i % 3 === 0 ? 0 : total * 0.2,
      plan: total * 0.5,
      month: total * 0.02,
      // As text, rounded to 2 decimals: past 15 digits (166.60000000000002) text is no plain number.
      ytd: i % 1000 === 0 ? (Math.round((total * 0.2 + ytdShift) * 100) / 100).toFixed(2) : total * 0.2 + ytdShift,
      rate: 0.4,
      start: '2022.3',
      finish: 2024,
      remarks: i % 700 === 0 ? '主体完工\u200B' : '主体完工',
    }));
  }
  return rows;
}

// Speed is measured by `npm run bench` (core.100k.s includes every rule); this holds the
// rules to the right answer at full scale, with a previous period to compare against.
test(`all rules over ${N} projects find exactly the planted faults`, () => {
  const header = [...HEADER];
  const ctx: RuleContext = contextOf(sheet(bigSheet(0), { header }));
  const previous = contextOf(sheet(bigSheet(-1), { header, title: '2022年重点项目进展情况表（截至5月底）' }));
  ctx.previous = previous.ledger;
  expect(ctx.ledger.projects.length).toBe(N);
  const issues = runRules(ctx);
  // 1 in 1000 year-to-date figures typed as text (said once, for the column), 1 in 500
  // names and 1 in 700 remarks with noise.
  expect(issues.length).toBe(1 + 200 + 143);
  const asText = issues.filter((i) => i.code === 'number-as-text');
  expect(asText).toHaveLength(1);
  expect(asText[0].params.count).toBe(100);
  expect(asText[0].rows).toHaveLength(100);
});
