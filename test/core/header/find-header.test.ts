import { findHeader } from '../../../src/core/header/find-header';
import type { CellValue } from '../../../src/core/grid';
import { DEFAULT_SETTINGS, type HeaderInfo, type NoLedger, type Settings } from '../../../src/core/types';
import { gridOf } from '../../helpers/grid';

const settings: Settings = { ...DEFAULT_SETTINGS, today: '2022-07-15' };

function header(rows: CellValue[][], merges: string[] = [], s: Settings = settings): HeaderInfo {
  const h = findHeader(gridOf(rows, merges), s);
  if ('reason' in h) throw new Error(`no ledger: ${JSON.stringify(h)}`);
  return h;
}

describe('findHeader: one-row headers', () => {
  it('reads a title, a unit line and a simplified header (聊城-style)', () => {
    const h = header([
      ['2022年聊城市重点项目进展情况表（截至6月底）'],
      [null, null, null, null, null, null, null, null, null, '单位：万元'],
      ['序号', '县（市、区）', '项目名称', '项目代码', '总投资', '2022年计划投资', '1-6月完成投资', '占年度计划%', '是否开工', '备注'],
      [1, '阳谷县', '青山新材料紧固件项目', '2021-371521-33-03-012345', 58714, 14057, 9931, 70.6, '是', null],
    ], ['A1:J1']);
    expect(h.rows).toEqual([2]);
    expect(h.dataStart).toBe(3);
    expect(h.columns).toEqual({
      index: 0, group: 1, name: 2, code: 3, totalInvestment: 4, annualPlan: 5, completedYtd: 6,
      reportedRate: 7, status: 8, remarks: 9,
    });
    expect(h.unit).toBe('万元');
    expect(h.unitText).toBe('单位：万元');
    expect(h.columnUnits).toEqual({});
    expect(h.ratePercentNumbers).toBe(true); // 占年度计划% holds 70.6
    expect(h.title).toEqual(['2022年聊城市重点项目进展情况表（截至6月底）']);
    expect(h.asOf).toEqual({ year: 2022, month: 6, source: '2022年聊城市重点项目进展情况表（截至6月底）' });
    expect(h.ownColumns).toEqual([]);
    expect(h.confidence).toBe(1); // name, total, plan, ytd: 4 of 4
  });

  it('reads a traditional header with 單位：億元', () => {
    const h = header([
      ['2022年重點項目進展情況表'],
      ['單位：億元'],
      ['項目名稱', '縣（市、區）', '總投資', '年度計劃投資', '1-6月完成投資', '投資完成率', '項目進展狀態', '備註'],
      ['某項目', '陽谷縣', 5.87, 1.41, 0.99, 0.706, '在建', ''],
    ]);
    expect(h.columns).toEqual({
      name: 0, group: 1, totalInvestment: 2, annualPlan: 3, completedYtd: 4, reportedRate: 5, status: 6, remarks: 7,
    });
    expect(h.unit).toBe('亿元');
    expect(h.unitText).toBe('單位：億元');
    expect(h.ratePercentNumbers).toBe(false); // no % in 投資完成率: fractions
    // No month in the title: read from the year-to-date header, the year from the title.
    expect(h.asOf).toEqual({ year: 2022, month: 6, source: '1-6月完成投資' });
  });

  it('reads an English header', () => {
    const h = header([
      ['No.', 'Project name', 'County', 'Responsible unit', 'Total investment', 'Annual plan', 'Completed YTD',
        'Completion rate (%)', 'Status', 'Start date', 'Finish date', 'Remarks'],
      [1, 'Road', 'Yanggu', 'Transport bureau', 100, 50, 20, 40, 'started', 44562, 45000, ''],
    ]);
    expect(h.columns).toEqual({
      index: 0, name: 1, group: 2, responsibleUnit: 3, totalInvestment: 4, annualPlan: 5, completedYtd: 6,
      reportedRate: 7, status: 8, startDate: 9, finishDate: 10, remarks: 11,
    });
    expect(h.ratePercentNumbers).toBe(true);
    expect(h.asOf).toBeNull();
  });

  it('tolerates untidy spacing, line breaks and a month left blank', () => {
    const h = header([
      ['序 号', '项目\n名称', '总投资               (万元)', '2010年  计划投资(万元)', '1-  月累计完成投资', '形象\n进度'],
      [1, 'A', 10, 5, 2, '在建'],
    ]);
    expect(h.columns).toEqual({ index: 0, name: 1, totalInvestment: 2, annualPlan: 3, completedYtd: 4, progressText: 5 });
    expect(h.labels).toEqual(['序 号', '项目名称', '总投资 (万元)', '2010年 计划投资(万元)', '1- 月累计完成投资', '形象进度']);
    expect(h.asOf).toBeNull(); // `1-  月`: the filler has not typed the month
    expect(h.unit).toBe('万元'); // every amount header says 万元
  });

  it('tells the completed-investment columns apart', () => {
    const h = header([
      ['项目名称', '总投资', '截至上年底累计完成投资', '年度计划投资', '本月完成投资', '1-6月完成投资', '开工以来累计完成投资',
        '完成年度计划比例', '计划开工时间', '竣工时间', '建设起止年限'],
    ]);
    expect(h.columns).toEqual({
      name: 0, totalInvestment: 1, completedBeforeYear: 2, annualPlan: 3, monthCompleted: 4, completedYtd: 5,
      completedSinceStart: 6, reportedRate: 7, startDate: 8, finishDate: 9, period: 10,
    });
  });

  it('gives a plain 累计完成投资 to since-start when a year-to-date column exists', () => {
    const h = header([['项目名称', '年度计划', '1-6月完成投资', '累计完成投资']]);
    expect(h.columns.completedYtd).toBe(2);
    expect(h.columns.completedSinceStart).toBe(3);
  });

  it('reads a plain 累计完成投资 as year-to-date when it is the only one', () => {
    const h = header([['项目名称', '总投资', '年度计划', '累计完成投资']]);
    expect(h.columns.completedYtd).toBe(3);
    expect(h.columns.completedSinceStart).toBeUndefined();
  });

  it('skips a numbering row and does not take a data row for a header row', () => {
    const h = header([
      ['序号', '项目名称', '总投资', '年度计划', '1-6月完成', '形象进度'],
      [1, 2, 3, 4, 5, 6],
      ['', '某项目', '', '', '', '工程进展情况良好'],
    ]);
    expect(h.rows).toEqual([0]);
    expect(h.dataStart).toBe(2);
  });

  it('finds the header below blank rows and notes (absolute rows)', () => {
    const h = header([
      [],
      [null],
      ['附件2'],
      ['重点项目推进情况（截至2022年6月20日）'],
      ['填报单位：阳谷县发改局', null, null, '填报日期：2022年7月5日'],
      ['项目名称', '总投资（亿元）', '年度计划（亿元）', '1-6月完成（亿元）'],
    ]);
    expect(h.rows).toEqual([5]);
    expect(h.title).toEqual(['附件2', '重点项目推进情况（截至2022年6月20日）']);
    expect(h.asOf).toEqual({ year: 2022, month: 6, day: 20, source: '重点项目推进情况（截至2022年6月20日）' });
    expect(h.unit).toBe('亿元'); // from the amount headers, no unit line
    expect(h.unitText).toBeNull();
  });

  it('notes a column whose unit differs from the sheet unit', () => {
    const h = header([
      ['金额单位：万元'],
      ['项目名称', '总投资（亿元）', '年度计划', '1-6月完成'],
    ]);
    expect(h.unit).toBe('万元');
    expect(h.unitText).toBe('金额单位：万元');
    expect(h.columnUnits).toEqual({ totalInvestment: '亿元' });
  });
});

describe('findHeader: multi-row headers', () => {
  it('joins a parent merged across its children and cells merged down both rows', () => {
    const h = header([
      ['2022年重点项目推进情况表'],
      ['单位：亿元'],
      ['序号', '项目名称', '建设性质', '总投资（万元）', '2022年', null, null, '形象进度', '责任单位', '备注'],
      [null, null, null, null, '计划投资', '1-6月完成', '完成率', null, null, null],
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
      [1, '某项目', '续建', 58714, 1.4, 0.99, 0.706, '在建', '县交通局', ''],
    ], ['A1:J1', 'A3:A4', 'B3:B4', 'C3:C4', 'D3:D4', 'E3:G3', 'H3:H4', 'I3:I4', 'J3:J4']);
    expect(h.rows).toEqual([2, 3]);
    expect(h.dataStart).toBe(5); // after the numbering row
    expect(h.labels).toEqual(['序号', '项目名称', '建设性质', '总投资（万元）', '2022年 / 计划投资', '2022年 / 1-6月完成',
      '2022年 / 完成率', '形象进度', '责任单位', '备注']);
    expect(h.columns).toEqual({
      index: 0, name: 1, nature: 2, totalInvestment: 3, annualPlan: 4, completedYtd: 5, reportedRate: 6,
      progressText: 7, responsibleUnit: 8, remarks: 9,
    });
    expect(h.unit).toBe('亿元');
    expect(h.columnUnits).toEqual({ totalInvestment: '万元' });
    expect(h.asOf).toEqual({ year: 2022, month: 6, source: '2022年 / 1-6月完成' });
  });

  it('reads a 福建-style template: 合计 row under the header, 挂点领导, 1-N月', () => {
    const h = header([
      ['附件1'],
      ['2022年福建省重点项目进展情况表'],
      ['填报单位：XX市发改委', null, null, null, null, null, null, null, null, null, null, null, '单位：亿元'],
      ['序号', '项目名称', '建设规模及主要内容', '建设起止年限', '总投资', '至2021年底累计完成投资', '2022年', null, null,
        '形象进度', '挂点领导', '责任单位', '备注'],
      [null, null, null, null, null, null, '计划投资', '1-N月完成投资', '占年度计划%', null, null, null, null],
      [null, '合计（100项）', null, null, 3560.5, 1200.1, 820.3, 410.2, 50, null, null, null, null],
      [null, '其中：在建项目（80项）', null, null, 3000, 1100, 700, 380, 54.3, null, null, null, null],
      ['一、交通（48项）', null, null, null, 1500, 500, 300, 150, 50, null, null, null, null],
    ], ['A2:M2', 'A4:A5', 'B4:B5', 'C4:C5', 'D4:D5', 'E4:E5', 'F4:F5', 'G4:I4', 'J4:J5', 'K4:K5', 'L4:L5', 'M4:M5']);
    expect(h.rows).toEqual([3, 4]);
    expect(h.dataStart).toBe(5);
    expect(h.columns).toEqual({
      index: 0, name: 1, scope: 2, period: 3, totalInvestment: 4, completedBeforeYear: 5, annualPlan: 6,
      completedYtd: 7, reportedRate: 8, progressText: 9, leader: 10, responsibleUnit: 11, remarks: 12,
    });
    expect(h.unit).toBe('亿元');
    expect(h.unitText).toBe('单位：亿元');
    expect(h.ratePercentNumbers).toBe(true);
    expect(h.title).toEqual(['附件1', '2022年福建省重点项目进展情况表']);
    expect(h.asOf).toBeNull(); // 1-N月 names no month
  });

  it('reads a three-row header', () => {
    const h = header([
      ['序号', '项目名称', '投资情况（万元）', null, null, null],
      [null, null, '总投资', '2022年', null, null],
      [null, null, null, '计划', '1-6月完成', '完成率（%）'],
      [1, '某项目', 100, 50, 20, 40],
    ], ['A1:A3', 'B1:B3', 'C1:F1', 'C2:C3', 'D2:F2']);
    expect(h.rows).toEqual([0, 1, 2]);
    expect(h.labels[3]).toBe('投资情况（万元） / 2022年 / 计划');
    expect(h.columns).toEqual({ index: 0, name: 1, totalInvestment: 2, annualPlan: 3, completedYtd: 4, reportedRate: 5 });
    expect(h.unit).toBe('万元');
    expect(h.ratePercentNumbers).toBe(true);
  });

  it('reads a two-row header without merge information', () => {
    const h = header([
      ['序号', '项目名称', '总投资', '2022年', null, null],
      [null, null, null, '计划投资', '1-6月完成', '完成率'],
      [1, '某项目', 100, 50, 20, 0.4],
    ]);
    expect(h.rows).toEqual([0, 1]);
    expect(h.columns).toEqual({ index: 0, name: 1, totalInvestment: 2, annualPlan: 3, completedYtd: 4, reportedRate: 5 });
    expect(h.asOf).toEqual({ year: 2022, month: 6, source: '1-6月完成' });
  });
});

describe('findHeader: details', () => {
  it('starts the header at the row its merged cells come down from', () => {
    // Row 1 has one header word only (项目名称); row 2 has three and takes 项目名称 from the merge.
    const h = header([
      ['项目名称', '投资情况', null, null],
      [null, '总投资', '年度计划', '1-6月完成'],
      ['某项目', 100, 50, 20],
    ], ['A1:A2', 'B1:D1']);
    expect(h.rows).toEqual([0, 1]);
    expect(h.labels).toEqual(['项目名称', '投资情况 / 总投资', '投资情况 / 年度计划', '投资情况 / 1-6月完成']);
  });

  it('takes the year from the plan column, not from the before-the-year column', () => {
    const h = header([['项目名称', '至2021年底累计完成投资', '2022年计划投资', '1-6月完成投资']]);
    expect(h.asOf).toEqual({ year: 2022, month: 6, source: '1-6月完成投资' });
  });

  it('does not read a county named 元氏 as a unit', () => {
    const h = header([
      ['填报单位：元氏县发改局'],
      ['项目名称', '总投资（亿元）', '年度计划（亿元）', '1-6月完成（亿元）'],
    ]);
    expect(h.unitText).toBeNull();
    expect(h.unit).toBe('亿元');
    expect(h.title).toEqual([]);
  });
});

describe('findHeader: not a ledger', () => {
  function reject(rows: CellValue[][]): NoLedger {
    const h = findHeader(gridOf(rows), settings);
    if (!('reason' in h)) throw new Error('found a ledger');
    return h;
  }

  it('an empty grid', () => {
    expect(reject([]).reason).toBe('empty-sheet');
    expect(reject([[null, ''], ['  ']]).reason).toBe('empty-sheet');
  });

  it('a sheet of prose', () => {
    expect(reject([
      ['上半年，阳谷县55个实施类项目开工建设46个，开工率83.6%，完成投资44.5亿元，完成年度计划投资67%。'],
      ['南乐县41个省市重点项目总投资261.35亿元，年度计划投资120.03亿元，已完成投资54.56亿元。'],
    ])).toEqual({ reason: 'no-header', missing: ['name', 'totalInvestment', 'annualPlan', 'completedYtd'] });
  });

  it('a sheet with only names', () => {
    expect(reject([['项目名称'], ['某项目'], ['另一项目']]))
      .toEqual({ reason: 'missing-key-columns', missing: ['totalInvestment', 'annualPlan', 'completedYtd'] });
  });

  it('a name and one amount only', () => {
    expect(reject([['序号', '项目名称', '总投资', '备注'], [1, '某项目', 100, '']]))
      .toEqual({ reason: 'missing-key-columns', missing: ['annualPlan', 'completedYtd'] });
  });

  it('amounts without a name column', () => {
    expect(reject([['序号', '总投资', '年度计划', '1-6月完成']]))
      .toEqual({ reason: 'missing-key-columns', missing: ['name'] });
  });
});
