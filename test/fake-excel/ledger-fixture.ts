/**
 * A key-project ledger of N rows in a FakeWorkbook, and a WritePlan for it made by
 * hand (the shape src/core/plan.ts gives: computed columns as formulas, row fills,
 * marks with notes, 汇总 and 问题清单 sheets, LC_ names).
 */
import { colLetter } from '../../src/core/grid';
import type { PlanCell, WritePlan } from '../../src/core/types';
import type { FakeSheet, FakeWorkbook } from './model';

export const LEDGER = '台账';
export const HEADER_ROW = 2;
export const FIRST_ROW = 3;
/** Own columns M..R: rate, gap, status, rank in group, rank, hidden rank key. */
export const OWN = { rate: 12, gap: 13, status: 14, inGroup: 15, rank: 16, key: 17 } as const;
const COUNTIES = ['阳谷县', '莘县', '东阿县', '冠县', '高唐县'];
const HEADERS = ['序号', '项目名称', '项目代码', '县（市、区）', '责任单位', '总投资', '年度计划投资', '1-6月完成投资', '投资完成率', '开工时间', '是否开工', '形象进度'];

/** Data row i (0-based from FIRST_ROW) is a 小计 row every 101 rows; the others are projects. */
export function isSubtotal(i: number): boolean {
  return i % 101 === 100;
}

/** Adds the ledger sheet with the user's own formatting, a note, a rule and a hidden row every 97. */
export function addLedger(wb: FakeWorkbook, n: number, name = LEDGER): FakeSheet {
  const s = wb.addSheet(name);
  s.put('A1', [['2022年聊城市重点项目进展情况表（截至6月底）']]).merge('A1:L1');
  s.put('A2', [['单位：万元']]);
  s.put('A3', [HEADERS]).bold('A3:L3').fill('A3:L3', '#D9E1F2');
  for (let i = 0; i < n; i++) {
    const r = FIRST_ROW + i;
    const R = r + 1;
    if (isSubtotal(i)) {
      s.put(`B${R}`, [['小计']]).merge(`B${R}:C${R}`);
      s.put(`F${R}`, [[123456.5]]);
      continue;
    }
    const plan = i % 250 === 7 ? 0 : 3000 + (i % 311) * 7;
    const done = 1000 + (i % 173) * 5.5;
    s.put(`A${R}`, [[i + 1, `第${i + 1}号重点项目（新建厂房）`, `2021-371521-44-01-${String(100000 + i).slice(1)}X`, COUNTIES[i % 5], '县发改局',
      12000 + (i % 977) * 13.5, plan, done]]);
    s.formula(`I${R}`, `H${R}/G${R}`, plan === 0 ? { error: '#DIV/0!' } : done / plan).numFmt(`I${R}`, '0.0%');
    s.put(`J${R}`, [[44562 + (i % 180), i % 3 === 0 ? '否' : '是', '主体结构施工中，完成投资进度符合预期']]).numFmt(`J${R}`, 'yyyy-mm-dd');
    s.numFmt(`F${R}:H${R}`, '#,##0.00');
    if (i % 97 === 50) s.hideRows(r);
  }
  s.note('B4', '请核实项目名称');
  s.conditionalFormat(`F4:F${FIRST_ROW + n}`, 'CellValue');
  wb.addName('MyTotal', name, 'F4');
  return s;
}

function rankFormula(key: string, range: string): string {
  return `IF(ISNUMBER(${key}),COUNTIF(${range},">"&${key})+1,"")`;
}

/** A plan for `addLedger(wb, n)`: every figure is arbitrary but shaped like the real ones. */
export function ledgerPlan(n: number, options: { sheet?: string; marksEvery?: number } = {}): WritePlan {
  const sheet = options.sheet ?? LEDGER;
  const marksEvery = options.marksEvery ?? 10;
  const L = (c: number) => colLetter(c);
  const cells: PlanCell[] = [];
  const heads = ['完成率', '与时间进度差', '状态', '组内排名', '排名', '排名依据'];
  heads.forEach((value, k) => cells.push({ r: HEADER_ROW, c: OWN.rate + k, value, bold: true }));
  const projects: number[] = [];
  for (let i = 0; i < n; i++) if (!isSubtotal(i)) projects.push(FIRST_ROW + i);
  const first = projects[0];
  const last = projects[projects.length - 1];
  const keyRange = `$R$${first + 1}:$R$${last + 1}`;
  const groupRange = `$D$${first + 1}:$D$${last + 1}`;
  const marks: WritePlan['marks'] = [];
  projects.forEach((r, k) => {
    const R = r + 1;
    const rate = 0.3 + (k % 50) / 100;
    cells.push({ r, c: OWN.rate, value: rate, numFmt: '0.0%', formula: `IF(AND(ISNUMBER(H${R}),ISNUMBER(G${R})),IF(G${R}>0,H${R}/G${R},""),"")` });
    cells.push({ r, c: OWN.gap, value: (rate - 0.5) * 100, numFmt: '0.0', formula: `IF(ISNUMBER(M${R}),(M${R}-LC_TimeProgress)*100,"")` });
    cells.push({ r, c: OWN.status, value: '滞后', formula: `IF(ISNUMBER(N${R}),IF(N${R}>=-LC_LagWarn,"正常推进",IF(N${R}>=-LC_LagAlert,"滞后","严重滞后")),"无法计算")` });
    cells.push({ r, c: OWN.key, value: Math.round(rate * 1000) / 1000, formula: `IF(ISNUMBER(M${R}),ROUND(M${R},3),"")` });
    cells.push({ r, c: OWN.rank, value: k + 1, formula: rankFormula(`R${R}`, keyRange) });
    cells.push({ r, c: OWN.inGroup, value: (k % 5) + 1, formula: `IF(ISNUMBER(R${R}),COUNTIFS(${groupRange},$D${R},${keyRange},">"&R${R})+1,"")` });
    if (k % marksEvery === 0) marks.push({ r, c: 7, severity: k % (2 * marksEvery) === 0 ? 'error' : 'warning', note: `1-6月完成投资与上月不符（第${R}行）` });
  });

  const summary: PlanCell[] = [
    { r: 0, c: 0, value: '截至日期', bold: true }, { r: 0, c: 1, value: '2022-06-30' },
    { r: 1, c: 0, value: '时间进度', bold: true }, { r: 1, c: 1, value: 0.5, numFmt: '0.00%' },
    { r: 2, c: 0, value: '滞后线（低于时间进度百分点）', bold: true }, { r: 2, c: 1, value: 0 },
    { r: 3, c: 0, value: '严重滞后线（低于时间进度百分点）', bold: true }, { r: 3, c: 1, value: 10 },
    { r: 5, c: 0, value: '金额单位：万元' },
  ];
  ['工作表', '分组', '项目数', '完成率'].forEach((value, c) => summary.push({ r: 7, c, value, bold: true }));
  COUNTIES.forEach((g, k) => {
    summary.push({ r: 8 + k, c: 0, value: sheet }, { r: 8 + k, c: 1, value: g }, { r: 8 + k, c: 2, value: 20 + k });
    summary.push({ r: 8 + k, c: 3, value: 0.4 + k / 20, numFmt: '0.0%' });
  });
  const issues: PlanCell[] = ['序号', '工作表', '单元格', '说明', '建议值'].map((value, c) => ({ r: 0, c, value, bold: true }));
  marks.forEach((m, k) => {
    const cell = `${L(m.c)}${m.r + 1}`;
    issues.push({ r: k + 1, c: 0, value: k + 1 }, { r: k + 1, c: 1, value: sheet }, { r: k + 1, c: 2, value: cell, link: `'${sheet}'!${cell}` });
    issues.push({ r: k + 1, c: 3, value: m.note });
    if (k % 3 === 0) issues.push({ r: k + 1, c: 4, value: '0012' });
  });

  return {
    sheet,
    ownColumns: Object.values(OWN),
    headerRow: HEADER_ROW,
    cells,
    names: [
      { name: 'LC_TimeProgress', sheet: '汇总', r: 1, c: 1 },
      { name: 'LC_LagWarn', sheet: '汇总', r: 2, c: 1 },
      { name: 'LC_LagAlert', sheet: '汇总', r: 3, c: 1 },
      { name: 'LC_IssueList', sheet: '问题清单', r: 0, c: 0 },
    ],
    conditionalFormats: [
      { r0: first, c0: 0, r1: last, c1: OWN.rank, fill: 'red', formula: `AND(ISNUMBER($N${first + 1}),$N${first + 1}<-LC_LagAlert)` },
      { r0: first, c0: 0, r1: last, c1: OWN.rank, fill: 'yellow', formula: `AND(ISNUMBER($N${first + 1}),$N${first + 1}<-LC_LagWarn)` },
    ],
    marks,
    sheets: [
      { name: '汇总', cells: summary, widths: { 0: 22, 1: 16 } },
      { name: '问题清单', cells: issues, widths: { 3: 60 } },
    ],
    hiddenColumns: [OWN.key],
    replaceSheets: ['汇总', '问题清单', '彙總', '問題清單', 'Summary', 'Issues'],
    namePrefix: 'LC_',
  };
}
