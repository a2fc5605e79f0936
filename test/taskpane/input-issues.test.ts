/** The pane's issue list after 添加输入检查: the cells breaking a rule join their sheet's issues, once. */
import { settingsFor } from '../../src/commands/commands';
import type { CellValue } from '../../src/core/grid';
import { GridEngine } from '../../src/taskpane/engine';
import type { LedgerHost } from '../../src/taskpane/host';
import { addInputIssues } from '../../src/taskpane/model';
import { gridOf } from '../helpers/grid';

const HEADER = ['序号', '项目名称', '县（市、区）', '总投资', '年度计划投资', '1-6月完成投资', '是否开工'];
const rows: CellValue[][] = [
  ['2022年重点项目进展情况表（1-6月）'], ['单位：万元'], HEADER,
  [1, '物流园', '阳谷县', 50000, 20000, 9000, '已开工'],
  [2, '污水厂', '阳谷县', 30000, '约3000', 6000, '在建'],
];

it('lists the cells the rules refuse under the sheet\'s issues, and a second press does not add them twice', async () => {
  const host = { readSheets: async () => [gridOf(rows, [], '台账')], fileName: () => null } as unknown as LedgerHost;
  const engine = new GridEngine(host);
  const settings = settingsFor(null, 'zh-CN', '2022-07-15');
  const result = await engine.check(settings, () => undefined, true);
  const before = result.sheets[0].issues.length;
  const checks = await engine.inputChecks('zh-CN');
  expect(addInputIssues(result, checks, 'zh-CN')).toBe(2);
  expect(addInputIssues(result, checks, 'zh-CN')).toBe(2);
  const added = result.sheets[0].issues.filter((i) => i.code === 'input-rule-broken');
  expect(added.map((i) => i.cell).sort()).toEqual(['E5', 'G5']);
  expect(result.sheets[0].issues.length).toBe(before + 2);
  expect(added.find((i) => i.cell === 'G5')?.message).toContain('在建');
});
