/** Write plans written by hand for the patch tests (the real builder lives in src/core/plan.ts). */
import type { PlanCell, WritePlan } from '../../../src/core/types';

/**
 * For the rich fixture's sheet 台账 (header row 2, projects on rows 3-6): three computed
 * columns K, L, M (0-based 10-12) with formulas and cached values, a totals cell on a row
 * that does not exist yet (row 11), marks, a red fill rule, two names and two tool sheets.
 */
export function ledgerPlan(overrides: Partial<WritePlan> = {}): WritePlan {
  const cells: PlanCell[] = [
    { r: 1, c: 10, value: '完成率', bold: true },
    { r: 1, c: 11, value: '差距（百分点）', bold: true },
    { r: 1, c: 12, value: '状态', bold: true },
  ];
  // E (completion rate) on rows 3-6: 0.7065, 0.1, #DIV/0!, #DIV/0!; time progress 0.5.
  const rates: (number | { error: string })[] = [0.7065, 0.1, { error: '#DIV/0!' }, { error: '#DIV/0!' }];
  rates.forEach((rate, i) => {
    const r = 2 + i;
    const row = r + 1;
    cells.push({ r, c: 10, value: rate, formula: `E${row}`, numFmt: '0.0%' });
    // gap = (rate - 0.5) * 100: 20.65 and -40 for the first two.
    const gap = typeof rate === 'number' ? (rate - 0.5) * 100 : rate;
    cells.push({ r, c: 11, value: gap, formula: `(K${row}-LC_TP)*100`, numFmt: '0.0' });
    const status = typeof gap === 'number' ? (gap < 0 ? '滞后' : '正常') : gap;
    cells.push({ r, c: 12, value: status, formula: `IF(L${row}<0,"滞后","正常")` });
  });
  cells.push({ r: 10, c: 10, value: 'note: 合计 & <total>' });
  cells.push({ r: 10, c: 11, value: true, formula: 'TRUE()' });
  return {
    sheet: '台账',
    ownColumns: [10, 11, 12],
    headerRow: 1,
    cells,
    // Both tool sheets are pointed at: that is how the next run knows them as the tool's.
    names: [{ name: 'LC_TP', sheet: '汇总', r: 1, c: 1 }, { name: 'LC_IssueList', sheet: '问题清单', r: 0, c: 0 }],
    namePrefix: 'LC_',
    // Names the tool's LC_TP, as the real fills name LC_LagWarn: that is how a later run knows the rule.
    conditionalFormats: [{ r0: 2, c0: 0, r1: 5, c1: 12, formula: 'AND($M3="滞后",LC_TP>0)', fill: 'red' }],
    marks: [
      { r: 2, c: 2, severity: 'error', note: '累计完成超过总投资' },
      { r: 2, c: 2, severity: 'warning', note: '单位可疑' },
      { r: 3, c: 3, severity: 'warning', note: '开工时间晚于年初' },
      { r: 8, c: 6, severity: 'error', note: '空单元格' },
      { r: 5, c: 0, severity: 'info', note: '仅提示' },
    ],
    sheets: [
      {
        name: '汇总',
        cells: [
          { r: 0, c: 0, value: '时间进度', bold: true },
          { r: 1, c: 0, value: '本期' },
          { r: 1, c: 1, value: 0.5, numFmt: '0.0%' },
          { r: 2, c: 1, value: 2, formula: "COUNTIF('台账'!M3:M6,\"滞后\")" },
        ],
        widths: { 0: 18, 1: 12 },
      },
      {
        name: '问题清单',
        cells: [
          { r: 0, c: 0, value: '单元格', bold: true },
          { r: 0, c: 1, value: '问题', bold: true },
          { r: 1, c: 0, value: 'C3', link: "'台账'!C3" },
          { r: 1, c: 1, value: '累计完成超过总投资' },
        ],
      },
    ],
    ...overrides,
  };
}
