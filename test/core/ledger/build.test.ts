import { cellKey, type CellValue } from '../../../src/core/grid';
import { isoDate } from '../../../src/core/dates';
import {
  ALL_PROJECTS, UNGROUPED, buildProjects, chooseGroupSource, effectiveHeader, parseStarted, cellText,
} from '../../../src/core/ledger/build';
import { classifyRows } from '../../../src/core/ledger/classify';
import type { Field, HeaderInfo, Settings } from '../../../src/core/types';
import { ledgerGrid, ledgerHeader, ledgerSettings, merge } from '../../helpers/ledger-fixtures';

function build(rows: (CellValue | undefined)[][], header: HeaderInfo, settings: Settings = ledgerSettings(), extra = {}) {
  const grid = ledgerGrid(rows, extra);
  return buildProjects(grid, header, classifyRows(grid, header), settings);
}

describe('amounts', () => {
  const cols = { index: 0, name: 1, totalInvestment: 2, annualPlan: 3, completedYtd: 4 };

  test('read in the sheet\'s unit and converted to 万元', () => {
    const rows = [['序号', '项目名称', '总投资', '年度计划', '完成'], [1, '甲', 4.45, 1.2, 0.35]];
    const [p] = build(rows, ledgerHeader(cols, { unit: '亿元' }));
    expect(p.totalInvestment).toBe(44500); // 4.45 亿元 × 10000, without binary noise
    expect(p.annualPlan).toBe(12000);
    expect(p.completedYtd).toBe(3500);
    const [q] = build([rows[0], [1, '甲', 12345, 6000, 500]], ledgerHeader(cols, { unit: '元' }));
    expect(q.totalInvestment).toBe(1.2345); // 12345 元 / 10000
    expect(q.completedYtd).toBe(0.05);
  });

  test('a column in its own unit', () => {
    const rows = [['序号', '项目名称', '总投资（亿元）', '年度计划', '完成'], [1, '甲', 2.5, 3000, 1500]];
    const [p] = build(rows, ledgerHeader(cols, { columnUnits: { totalInvestment: '亿元' } }));
    expect(p.totalInvestment).toBe(25000); // 2.5 × 10000
    expect(p.annualPlan).toBe(3000);
  });

  test('text is read by the value reader (figure-forms.ts), as the formulas read it; placeholders are null', () => {
    const rows = [
      ['序号', '项目名称', '总投资', '年度计划', '完成'],
      [1, '甲', '3187.5', '约3000', '—'],
      [2, '乙', ' 3,187 ', '１２０００', '3187'],
      [3, '丙', '5.2亿元', '3000-5000', '-20'],
    ];
    const [p, q, r] = build(rows, ledgerHeader(cols));
    expect(p.totalInvestment).toBe(3187.5);
    expect(p.annualPlan).toBe(3000); // an estimate, read (approximate-figure flags it)
    expect(p.completedYtd).toBeNull();
    expect(q.totalInvestment).toBe(3187); // spaces and a thousands separator removed
    expect(q.annualPlan).toBe(12000); // full-width digits narrowed
    expect(q.completedYtd).toBe(3187);
    expect(r.totalInvestment).toBe(52000); // 5.2 亿元 in a 万元 sheet: 5.2 × 10000
    expect(r.annualPlan).toBeNull(); // a range is no figure
    expect(r.completedYtd).toBeNull(); // signed text is not read
  });

  test('a unit in the cell is converted into the column\'s unit, then into 万元', () => {
    const rows = [['序号', '项目名称', '总投资（亿元）', '年度计划', '完成'], [1, '甲', '52000万元', '3000', '1500']];
    const [p] = build(rows, ledgerHeader(cols, { columnUnits: { totalInvestment: '亿元' } }));
    // 52000 万元 = 5.2 亿元 in the column, × 10000 back to 万元 = 52000
    expect(p.totalInvestment).toBeCloseTo(52000, 9);
  });
});

describe('text fields', () => {
  test('name whitespace normalised, code as text, blank cells null', () => {
    const h = ledgerHeader({ index: 0, name: 1, code: 2, nature: 3, status: 4 });
    const [p] = build([['序号', '项目名称', '代码', '性质', '状态'], [1, ' 聊城大道\n  改造\u200b ', 20221234, null, '  ']], h);
    expect(p.name).toBe('聊城大道 改造');
    expect(p.code).toBe('20221234');
    expect(p.nature).toBeNull();
    expect(p.statusText).toBeNull();
    expect(p.r).toBe(1);
  });

  test('statuses, natures and counties that repeat or change from row to row', () => {
    const h = ledgerHeader({ index: 0, name: 1, group: 2, nature: 3, status: 4 });
    const rows = [
      ['序号', '项目名称', '县区', '性质', '状态'],
      [1, '甲', ' 阳谷县', '续建', ' 是 '],
      [2, '乙', ' 阳谷县', '续建', ' 是 '],
      [3, '丙', '莘县', null, '否'],
      [4, '丁', null, '新建', '否'],
      [5, '戊', ' 阳谷县', '新建', ' 是 '],
    ];
    const ps = build(rows, h);
    expect(ps.map((p) => [p.group, p.nature, p.statusText, p.started])).toEqual([
      ['阳谷县', '续建', '是', true],
      ['阳谷县', '续建', '是', true],
      ['莘县', null, '否', false],
      [UNGROUPED, '新建', '否', false],
      ['阳谷县', '新建', '是', true],
    ]);
  });

  test('cellText', () => {
    expect(cellText('  a \t b  ')).toBe('a b');
    expect(cellText('\u3000')).toBeNull();
    expect(cellText({ error: '#N/A' })).toBeNull();
    expect(cellText(true)).toBe('true');
  });
});

describe('rates and dates', () => {
  test('typed rate as a fraction; percent numbers under a % header', () => {
    const h = ledgerHeader({ name: 0, reportedRate: 1 });
    expect(build([['项目名称', '完成率'], ['甲', 0.225]], h)[0].reportedRate).toBeCloseTo(0.225, 12);
    const pct = ledgerHeader({ name: 0, reportedRate: 1 }, { ratePercentNumbers: true });
    expect(build([['项目名称', '完成率%'], ['甲', 22.5]], pct)[0].reportedRate).toBeCloseTo(0.225, 12);
  });

  test('start and finish dates, serial or written', () => {
    const h = ledgerHeader({ name: 0, startDate: 1, finishDate: 2 });
    const numFmts = new Map([[cellKey(1, 1), 'yyyy-mm-dd']]);
    const [p] = build([['项目名称', '开工时间', '竣工时间'], ['甲', 44742, '2023.12']], h, ledgerSettings(), { numFmts });
    expect(p.startDate && isoDate(p.startDate)).toBe('2022-06-30');
    expect(p.finishDate && isoDate(p.finishDate)).toBe('2023-12');
  });

  test('a period column fills missing start and finish', () => {
    const h = ledgerHeader({ name: 0, startDate: 1, period: 2 });
    const [p, q] = build([['项目名称', '开工时间', '建设起止年限'], ['甲', null, '2021—2023年'], ['乙', '2022.3', '2021-2024']], h);
    expect(p.startDate).toEqual({ year: 2021 });
    expect(p.finishDate).toEqual({ year: 2023 });
    expect(q.startDate).toEqual({ year: 2022, month: 3 }); // the start column wins
    expect(q.finishDate).toEqual({ year: 2024 });
  });
});

describe('started', () => {
  const cases: [string | null, boolean | null][] = [
    ['已开工', true], ['在建', true], ['开工', true], ['是', true], ['已竣工', true], ['竣工', true],
    ['续建', true], ['建成', true], ['投产', true], ['已開工', true], ['主体施工', true],
    ['未开工', false], ['否', false], ['前期', false], ['前期手续办理中', false], ['拟开工', false],
    ['待开工', false], ['未 开 工', false], ['尚未动工', false],
    ['正常', null], ['', null], [null, null],
  ];
  test.each(cases)('%p → %p', (text, want) => expect(parseStarted(text)).toBe(want));

  test('inferred from money spent or a continuing project, else unknown', () => {
    const h = ledgerHeader({ name: 0, nature: 1, status: 2, completedBeforeYear: 3, completedYtd: 4 });
    const ps = build(
      [
        ['项目名称', '性质', '状态', '上年底累计', '1-6月完成'],
        ['a', '新建', null, null, 10], // money spent this year
        ['b', '新建', null, 300, 0], // spent before this year
        ['c', '续建', null, null, 0], // continuing
        ['d', '新建', null, null, 0], // no evidence either way
        ['e', '新建', '未开工', null, 10], // the sheet says not started: kept (a rule flags the contradiction)
      ],
      h,
    );
    expect(ps.map((p) => p.started)).toEqual([true, true, true, null, false]);
  });
});

describe('groups', () => {
  test('county column, written once per block in a vertical merge', () => {
    const h = ledgerHeader({ index: 0, group: 1, name: 2, annualPlan: 3 });
    const rows = [
      ['序号', '县区', '项目名称', '年度计划'],
      [1, '阳谷县', 'a', 1],
      [2, null, 'b', 1],
      [3, ' 莘县 ', 'c', 1],
      [4, null, 'd', 1],
    ];
    const ps = build(rows, h, ledgerSettings(), { merges: [merge(1, 1, 2, 1)] });
    expect(ps.map((p) => p.group)).toEqual(['阳谷县', '阳谷县', '莘县', UNGROUPED]);
  });

  test('headings when there is no county column; subgroups from inner headings', () => {
    const h = ledgerHeader({ index: 0, name: 1, responsibleUnit: 2, annualPlan: 3 });
    const rows = [
      ['序号', '项目名称', '责任单位', '年度计划'],
      ['一、市本级', null, null, null],
      ['（一）在建', null, null, null],
      [1, 'a', '交通局', 1],
      ['二、阳谷县', null, null, null],
      [2, 'b', '阳谷县', 1],
    ];
    const ps = build(rows, h);
    expect(ps.map((p) => [p.group, p.subgroup])).toEqual([['市本级', '在建'], ['阳谷县', null]]);
    // --group-by responsibleUnit overrides the headings.
    const byUnit = build(rows, h, ledgerSettings({ groupBy: 'responsibleUnit' }));
    expect(byUnit.map((p) => p.group)).toEqual(['交通局', '阳谷县']);
  });

  test('choice of group source', () => {
    const rows = [{ r: 1, kind: 'project' as const, group: '市本级' }];
    const flat = [{ r: 1, kind: 'project' as const }];
    const h = (columns: Partial<Record<Field, number>>) => ledgerHeader({ name: 0, ...columns });
    const s = ledgerSettings();
    expect(chooseGroupSource(h({ group: 1, responsibleUnit: 2 }), rows, s)).toBe('group');
    expect(chooseGroupSource(h({ responsibleUnit: 2 }), rows, s)).toBe('heading');
    expect(chooseGroupSource(h({ responsibleUnit: 2 }), flat, s)).toBe('responsibleUnit');
    expect(chooseGroupSource(h({}), flat, s)).toBe('none');
    expect(chooseGroupSource(h({ group: 1, leader: 3 }), rows, ledgerSettings({ groupBy: 'leader' }))).toBe('leader');
    // A --group-by field the sheet does not have falls back to the default order.
    expect(chooseGroupSource(h({ group: 1 }), rows, ledgerSettings({ groupBy: 'leader' }))).toBe('group');
  });

  test('one group of everything when nothing groups', () => {
    const ps = build([['项目名称', '年度计划'], ['a', 1], ['b', 2]], ledgerHeader({ name: 0, annualPlan: 1 }));
    expect(ps.map((p) => p.group)).toEqual([ALL_PROJECTS, ALL_PROJECTS]);
  });
});

describe('effectiveHeader', () => {
  test('applies column overrides; -1 removes a field; no overrides, same header', () => {
    const h = ledgerHeader({ name: 1, annualPlan: 3, completedYtd: 4 });
    const e = effectiveHeader(h, ledgerSettings({ columnOverrides: { completedYtd: 5, annualPlan: -1 } }));
    expect(e.columns).toEqual({ name: 1, completedYtd: 5 });
    expect(h.columns).toEqual({ name: 1, annualPlan: 3, completedYtd: 4 }); // untouched
    expect(effectiveHeader(h, ledgerSettings())).toBe(h);
  });
});

describe('only project rows become projects', () => {
  test('totals, subtotals, headings, breakdowns, footers and blanks are skipped', () => {
    const h = ledgerHeader({ index: 0, name: 1, annualPlan: 2 });
    const ps = build(
      [
        ['序号', '项目名称', '年度计划'],
        ['合计', null, 30],
        ['其中：省重点', null, 10],
        ['一、市本级（2项）', null, 30],
        [1, 'a', 10],
        [],
        [2, 'b', 20],
        ['小计', null, 30],
        ['填报人：张三'],
      ],
      h,
    );
    expect(ps.map((p) => [p.r, p.name])).toEqual([[4, 'a'], [6, 'b']]);
  });
});
