import type { CellValue } from '../../../src/core/grid';
import { classifyRows } from '../../../src/core/ledger/classify';
import type { ClassifiedRow, RowKind } from '../../../src/core/types';
import { ledgerGrid, ledgerHeader, merge } from '../../helpers/ledger-fixtures';

/** Only the fields a test names, so that tables stay short. */
function pick(rows: ClassifiedRow[]): Partial<ClassifiedRow>[] {
  return rows.map((cr) => {
    const out: Partial<ClassifiedRow> = { r: cr.r, kind: cr.kind };
    for (const k of ['level', 'label', 'declaredCount', 'group', 'subgroup', 'hidden'] as const) {
      if (cr[k] !== undefined) (out as Record<string, unknown>)[k] = cr[k];
    }
    return out;
  });
}

describe('classifyRows: one city sheet with a county column', () => {
  // 序号 | 县区 | 项目名称 | 总投资 | 年度计划投资 | 1-6月完成投资 | 是否开工
  const header = ledgerHeader({ index: 0, group: 1, name: 2, totalInvestment: 3, annualPlan: 4, completedYtd: 5, status: 6 });
  const grid = ledgerGrid([
    ['序号', '县区', '项目名称', '总投资', '年度计划投资', '1-6月完成投资', '是否开工'],
    ['合计', null, null, 300, 120, 70, null],
    [1, '阳谷县', '维尔康速冻食品加工项目', 100, 40, 30, '已开工'],
    ['2●', '阳谷县', '青山新材料项目', 100, 40, 20, '在建'],
    ['★3', '莘县', '2022年莘县污水处理项目', 50, 20, 20, '是'],
    ['4*', '莘县', '1.5万吨冷链物流项目', 50, 20, 0, '否'],
    [5, '莘县', '综合计量检测中心', 10, 5, 1, '是'],
    [],
    [6],
    [null, null, null, null, null, null, null],
    ['填报单位：聊城市发改委', null, '填报人：张三'],
    [null, null, '联系电话：0635-1234567'],
    [7, '阳谷县', '填表后补录项目', 1, 1, 1, '是'],
  ]);

  test('total under the header, projects with marks, blank rows, footer to the end', () => {
    expect(pick(classifyRows(grid, header))).toEqual([
      { r: 1, kind: 'total', label: '合计' },
      { r: 2, kind: 'project' },
      { r: 3, kind: 'project' }, // 2● : a marked index is still a project
      { r: 4, kind: 'project' }, // a name starting with a year
      { r: 5, kind: 'project' }, // `1.5万吨` is not a `1.` heading
      { r: 6, kind: 'project' }, // 综合计量 contains 合计 but is a name
      { r: 7, kind: 'blank' },
      { r: 8, kind: 'blank' }, // only an index
      { r: 9, kind: 'blank' },
      { r: 10, kind: 'footer' },
      { r: 11, kind: 'footer' },
      { r: 12, kind: 'footer' }, // everything after a footer
    ]);
  });
});

describe('classifyRows: nested heading blocks with subtotals and breakdowns', () => {
  // 序号 | 项目名称 | 建设单位 | 总投资 | 年度计划 | 1-6月完成
  const header = ledgerHeader({ index: 0, name: 1, responsibleUnit: 2, totalInvestment: 3, annualPlan: 4, completedYtd: 5 }, { rows: [0, 1] });
  const grid = ledgerGrid(
    [
      ['序号', '项目名称', '建设单位', '2022年', null, null],
      [null, null, null, '总投资', '年度计划', '1-6月完成'],
      ['合计（100项）', null, null, 1000, 500, 300],
      ['其中：省重点', null, null, 400, 200, 100],
      ['一、市本级（48项）', null, null, 600, 300, 200],
      ['（一）在建项目', null, null, null, null, null],
      [1, '聊城大道改造', '市交通局', 100, 50, 30],
      [null, '1.续建项目', null, null, null, null],
      [2, '徒骇河治理', '市水利局', 100, 50, 30],
      ['小计', null, null, 200, 100, 60],
      ['(二)新开工项目', null, null, null, null, null],
      [3, '高新区污水厂', '高新区', 50, 20, 10],
      ['二', '阳谷县（7项）', null, null, null, null],
      [4, '阳谷物流园', '阳谷县', 30, 10, 5],
      [null, '阳谷县小计', null, 30, 10, 5],
      [null, '三、交通(2项)', null, 80, 40, 20],
      ['其中', '省级项目', null, 50, 25, 10],
      [5, '1.续建项目', '交通局', 80, 40, 20],
      ['注：本表金额单位为万元', null, null, null, null, null],
    ],
    { merges: [merge(2, 0, 2, 2), merge(4, 0, 4, 2), merge(5, 0, 5, 5)] },
  );

  test('kinds, levels, labels, counts, groups and subgroups', () => {
    expect(pick(classifyRows(grid, header))).toEqual([
      { r: 2, kind: 'total', label: '合计', declaredCount: 100 },
      { r: 3, kind: 'breakdown', label: '省重点' },
      // A heading with the sums of its block is a subtotal that still opens the block.
      { r: 4, kind: 'subtotal', level: 1, label: '市本级', declaredCount: 48, group: '市本级' },
      { r: 5, kind: 'heading', level: 2, label: '在建项目', group: '市本级', subgroup: '在建项目' },
      { r: 6, kind: 'project', group: '市本级', subgroup: '在建项目' },
      { r: 7, kind: 'heading', level: 3, label: '续建项目', group: '市本级', subgroup: '续建项目' },
      { r: 8, kind: 'project', group: '市本级', subgroup: '续建项目' },
      { r: 9, kind: 'subtotal', level: 3, group: '市本级', subgroup: '续建项目' },
      // A new level-2 heading closes both the level-3 and the level-2 block.
      { r: 10, kind: 'heading', level: 2, label: '新开工项目', group: '市本级', subgroup: '新开工项目' },
      { r: 11, kind: 'project', group: '市本级', subgroup: '新开工项目' },
      // The numeral in the index column, the text in the name column.
      { r: 12, kind: 'heading', level: 1, label: '阳谷县', declaredCount: 7, group: '阳谷县' },
      { r: 13, kind: 'project', group: '阳谷县' },
      { r: 14, kind: 'subtotal', level: 1, label: '阳谷县', group: '阳谷县' },
      { r: 15, kind: 'subtotal', level: 1, label: '交通', declaredCount: 2, group: '交通' },
      { r: 16, kind: 'breakdown', label: '省级项目', group: '交通' },
      // An index beside `1.续建项目` with figures: a project with an odd name.
      { r: 17, kind: 'project', group: '交通' },
      { r: 18, kind: 'footer' },
    ]);
  });
});

describe('classifyRows: county blocks merged across the sheet, hidden rows', () => {
  const header = ledgerHeader({ index: 0, name: 1, totalInvestment: 2, annualPlan: 3, completedYtd: 4 });
  const grid = ledgerGrid(
    [
      ['序号', '项目名称', '总投资', '年度计划', '完成'],
      ['阳谷县', null, null, null, null],
      [1, '项目甲', 10, 5, 2],
      [2, '项目乙', 10, 5, 2],
      ['莘县', null, null, null, null],
      [1, '项目丙', 10, 5, 2],
      [2, '项目丁', 10, 5, 2],
    ],
    { merges: [merge(1, 0, 1, 4), merge(4, 0, 4, 4)], hiddenRows: new Set([3]) },
  );

  test('an unnumbered merged line is a level-1 heading', () => {
    expect(pick(classifyRows(grid, header))).toEqual([
      { r: 1, kind: 'heading', level: 1, label: '阳谷县', group: '阳谷县' },
      { r: 2, kind: 'project', group: '阳谷县' },
      { r: 3, kind: 'project', group: '阳谷县', hidden: true },
      { r: 4, kind: 'heading', level: 1, label: '莘县', group: '莘县' },
      { r: 5, kind: 'project', group: '莘县' },
      { r: 6, kind: 'project', group: '莘县' },
    ]);
  });

  test('without the merge, text where numbers go is still a heading', () => {
    const plain = ledgerGrid(grid.values);
    expect(classifyRows(plain, header)[0]).toEqual({ r: 1, kind: 'heading', level: 1, label: '阳谷县', group: '阳谷县' });
  });

  test('a name merged across is a heading; unmerged it is a project missing its figures', () => {
    const rows = [['序号', '项目名称', '总投资', '年度计划', '完成'], [null, '阳谷县', null, null, null]];
    expect(classifyRows(ledgerGrid(rows, { merges: [merge(1, 1, 1, 4)] }), header)[0].kind).toBe('heading');
    expect(classifyRows(ledgerGrid(rows), header)[0].kind).toBe('project');
  });
});

describe('classifyRows: single rows', () => {
  // 序号 | 项目名称 | 项目代码 | 年度计划 | 完成 | 备注
  const header = ledgerHeader({ index: 0, name: 1, code: 2, annualPlan: 3, completedYtd: 4, remarks: 5 });
  const cases: [string, (CellValue | undefined)[], RowKind, string | undefined][] = [
    ['合 计 with a space', ['合 计', null, null, 10, 5], 'total', '合计'],
    ['总计', [null, '总计', null, 10, 5], 'total', '总计'],
    ['總計 (traditional)', ['總計', null, null, 10, 5], 'total', '總計'],
    ['全市合计', [null, '全市合计', null, 10, 5], 'total', '全市合计'],
    ['Total', ['Total', null, null, 10, 5], 'total', 'Total'],
    ['a county total', [null, '阳谷县合计', null, 10, 5], 'subtotal', '阳谷县'],
    ['小計 (traditional)', ['小計', null, null, 10, 5], 'subtotal', undefined],
    ['Subtotal', ['Subtotal', null, null, 10, 5], 'subtotal', undefined],
    ['其中:省重点 (half-width colon)', [null, '其中:省重点', null, 10, 5], 'breakdown', '省重点'],
    ['full-width heading numbering', [null, '（三）高唐县', null, null, null], 'heading', '高唐县'],
    ['1、 heading in the name column', [null, '1、新开工项目', null, null, null], 'heading', '新开工项目'],
    ['(1) heading', [null, '(1)前期项目', null, null, null], 'heading', '前期项目'],
    ['no name but figures', [7, null, null, 10, 5], 'project', undefined],
    ['no name, no figures, but a code', [7, null, '2022-371521-44-01-000001', null, null], 'project', undefined],
    ['only a remark', [null, null, null, null, null, '已核实'], 'blank', undefined],
    ['a name, no figures yet', [8, '新项目', null, null, null], 'project', undefined],
    ['a project whose name starts with digits', [9, '2022年老旧小区改造', null, 10, 5], 'project', undefined],
    ['注： footer', [null, '注：1.本表…'], 'footer', undefined],
    ['说明： footer', ['说明：数据截至6月底'], 'footer', undefined],
    ['审核人 footer', ['审核人：李四'], 'footer', undefined],
    ['注塑 is not a footer', [10, '注塑件生产线', null, 10, 5], 'project', undefined],
  ];
  test.each(cases)('%s', (_name, row, kind, label) => {
    const grid = ledgerGrid([['序号', '项目名称', '项目代码', '年度计划', '完成', '备注'], row]);
    const [cr] = classifyRows(grid, header);
    expect(cr.kind).toBe(kind);
    expect(cr.label).toBe(label);
  });

  test('the tool\'s own columns from an earlier run do not make a row a project', () => {
    const own = ledgerHeader({ index: 0, name: 1, annualPlan: 2, completedYtd: 3 }, { ownColumns: [4, 5] });
    const grid = ledgerGrid([['序号', '项目名称', '年度计划', '完成', '完成率', '排名'], [null, null, null, null, 0.5, 3]]);
    expect(classifyRows(grid, own)[0].kind).toBe('blank');
  });

  test('every row from dataStart to the end is classified, in order', () => {
    const grid = ledgerGrid([['h'], ['x'], ['y'], ['z']]);
    const rows = classifyRows(grid, ledgerHeader({ name: 0 }, { rows: [0], dataStart: 2 }));
    expect(rows.map((cr) => cr.r)).toEqual([2, 3]);
  });
});

describe('classifyRows: the second line of a 其中 breakdown (南平 template)', () => {
  // 序号 | 项目名称 | 总投资 | 年度计划投资
  const header = ledgerHeader({ index: 0, name: 1, totalInvestment: 2, annualPlan: 3 });
  // 合计 30 = 26 + 4 projects; the 其中 lines split it: 在建 26 项, 预备 4 项.
  const grid = ledgerGrid([
    ['序号', '项目名称', '总投资', '年度计划投资'],
    [null, '合计（30项）', 300, 120],
    [null, '其中：在建重点项目（26项）', 260, 110],
    [null, '     预备重点项目（4项）', 40, 10],
    [1, '武夷新区道路项目', 300, 120],
    [null, '   缩进的项目名称', 5, 1],
  ]);

  test('the indented line is a breakdown, not a heading; an indented line after a project stays a project', () => {
    const rows = pick(classifyRows(grid, header));
    expect(rows[2]).toEqual({ r: 3, kind: 'breakdown', label: '预备重点项目', declaredCount: 4 });
    expect(rows[1]).toMatchObject({ r: 2, kind: 'breakdown' });
    expect(rows[3]).toEqual({ r: 4, kind: 'project' });
    // Not after a breakdown: indentation alone does not make a breakdown.
    expect(rows[4]).toEqual({ r: 5, kind: 'project' });
  });
});

describe('classifyRows: a row with figures and a blank name', () => {
  const header = ledgerHeader({ index: 0, name: 1, totalInvestment: 2, annualPlan: 3 });
  const grid = ledgerGrid([
    ['序号', '项目名称', '总投资', '年度计划投资'],
    [1, '武夷新区道路项目', 300, 120],
    [2, null, 50, 20],
    [null, null, 50, 20],
  ]);

  test('is kept as a project, numbered or not', () => {
    const rows = pick(classifyRows(grid, header));
    expect(rows[1]).toEqual({ r: 2, kind: 'project' });
    expect(rows[2]).toEqual({ r: 3, kind: 'project' });
  });
});

describe('classifyRows: an unnumbered line that counts its projects', () => {
  const header = ledgerHeader({ index: 0, name: 1, totalInvestment: 2, annualPlan: 3 });
  const grid = ledgerGrid([
    ['序号', '项目名称', '总投资', '年度计划投资'],
    [null, '交通(2项)', null, null],
    [1, '聊城大道改造', 100, 50],
    [2, '徒骇河治理', 100, 50],
    [null, 'XX县（1个）', null, null],
    // A project numbered 5 whose name happens to end in a count is still a project.
    [5, '交通(5项)', 30, 10],
  ]);

  test('is a heading when its 序号 is blank, and a project when it has one', () => {
    const rows = pick(classifyRows(grid, header));
    expect(rows[0]).toMatchObject({ r: 1, kind: 'heading', label: '交通', declaredCount: 2 });
    expect(rows[1]).toMatchObject({ r: 2, kind: 'project', group: '交通' });
    expect(rows[3]).toMatchObject({ r: 4, kind: 'heading', label: 'XX县', declaredCount: 1 });
    expect(rows[4]).toMatchObject({ r: 5, kind: 'project', group: 'XX县' });
  });
});

describe('classifyRows: a third numbering with figures inside an open heading', () => {
  const header = ledgerHeader({ index: 0, name: 1, totalInvestment: 2, annualPlan: 3, completedYtd: 4 });
  const grid = ledgerGrid([
    ['序号', '项目名称', '总投资', '年度计划', '完成'],
    [null, '1.续建项目', 10, 5, 2], //          no heading open: a project with an odd name
    [null, '（一）建阳市', 20, 10, 4],
    [null, '1.续建项目', 10, 5, 2], //          under `（一）`: the next numbering down
    [1, '项目甲', 10, 5, 2],
    [null, '2.新开工项目', 10, 5, 2],
    [2, '项目乙', 10, 5, 2],
  ]);

  test('`1.续建项目` alone in its cell with figures is a subtotal under `（一）`, a project outside any heading', () => {
    expect(pick(classifyRows(grid, header)).map((r) => [r.r, r.kind, r.label])).toEqual([
      [1, 'project', undefined],
      [2, 'subtotal', '建阳市'],
      [3, 'subtotal', '续建项目'],
      [4, 'project', undefined],
      [5, 'subtotal', '新开工项目'],
      [6, 'project', undefined],
    ]);
  });
});

describe('classifyRows: a total worded only by its count', () => {
  const header = ledgerHeader({ index: 0, name: 1, totalInvestment: 2, annualPlan: 3, completedYtd: 4 });
  const grid = ledgerGrid([
    ['序号', '项目名称', '总投资', '年度计划', '完成'],
    [null, '13个', 20, 10, 4], //   the 漳州 重大支撑项目表 total line
    ['一', '工业', 20, 10, 4],
    [1, '项目甲', 10, 5, 2],
    [2, '3个', 10, 5, 2], //        a numbered row stays a project
  ]);

  test('`13个` with figures before any heading is the total and declares 13', () => {
    expect(pick(classifyRows(grid, header)).map((r) => [r.r, r.kind, r.declaredCount])).toEqual([
      [1, 'total', 13],
      [2, 'subtotal', undefined],
      [3, 'project', undefined],
      [4, 'project', undefined],
    ]);
  });
});

describe('classifyRows: a count in a cell of its own beside the label', () => {
  // 序号 | 项目名称 | 项目性质 | 总投资 | 年度计划 | 完成
  const header = ledgerHeader({ index: 0, name: 1, nature: 2, totalInvestment: 3, annualPlan: 4, completedYtd: 5 });
  const grid = ledgerGrid([
    ['序号', '项目名称', '项目性质', '总投资', '年度计划', '完成'],
    ['合计', '5个', null, 20, 10, 4],
    ['一', '工业', '3个', 20, 10, 4],
    [1, '项目甲', '续建', 10, 5, 2],
    [2, '项目乙', '5个', 10, 5, 2], //  a project keeps no count
  ]);

  test('the total and the heading take the count beside them', () => {
    expect(pick(classifyRows(grid, header)).map((r) => [r.r, r.kind, r.declaredCount])).toEqual([
      [1, 'total', 5],
      [2, 'subtotal', 3],
      [3, 'project', undefined],
      [4, 'project', undefined],
    ]);
  });
});
