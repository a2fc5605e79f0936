/**
 * fast-check arbitraries for hostile ledger grids: a title, a unit line, a header
 * (labels shuffled, cut, sometimes two merged rows), then rows of projects, subtotals,
 * headings and footers whose cells may hold anything a host can hand the engine.
 */
import fc from 'fast-check';
import { cellKey, type CellValue, type Grid, type Range } from '../../src/core/grid';

/** Header labels of domain.md §2, several spellings each. */
export const HEADER_POOL: readonly string[] = [
  '序号', '序號', '项目名称', '項目名稱', '项目代码', '统一项目代码', '县（市、区）', '所属县区', '责任单位',
  '包联领导', '建设性质', '建设规模及主要内容', '开工时间', '竣工时间', '建设起止年限', '总投资', '总投资（万元）',
  '總投資（億元）', '截至上年底累计完成投资', '年度计划投资', '2022年计划投资', '本月完成投资', '1-6月完成投资',
  '1至6月完成', '开工以来累计完成投资', '投资完成率', '占年度计划%', '是否开工', '项目进展状态', '形象进度',
  '存在问题', '资金到位', '备注', '完成率', '排名',
];

const ERRORS = ['#DIV/0!', '#REF!', '#VALUE!', '#N/A', '#NAME?', '#NUM!', '#NULL!'];
const WORDS = [
  '阳谷县', '冠县', '莘县', '东阿县', '临清市', '合计', '小计', '总计', '其中：', '一、交通（8项）', '（一）续建项目',
  '二、市本级', '填报单位：', '注：', '是', '否', '已开工', '未开工', '在建', '已竣工', '新建', '续建', '约3000', '—',
  '无', '3,187.5', '１２３', '12.5%', '-5', '2022.13', '2021-2023', '2022年3月', '发(fā)展', ' 道路 ', '\u200b桥梁',
  '\u0001\u0008控制', '<img src=x onerror=alert(1)>', '=1+1', "'", '"', '&amp;', '_x0001_', 'NaN', 'Infinity', '1e309',
];

/** Anything a cell can hold, biased towards the values ledgers carry. */
export const cellValue: fc.Arbitrary<CellValue | undefined> = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: -1000, max: 1_000_000 }) },
  { weight: 2, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.constantFrom(0, -0, 1e15, 1e300, -1e300, 5e-324, 1e-310, 0.1 + 0.2, 44927, 60, 1) },
  { weight: 3, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom(...ERRORS).map((error) => ({ error })) },
  { weight: 2, arbitrary: fc.constantFrom(null, undefined, '', '   ') },
);

/** A value for a project row: mostly what the column should hold, sometimes anything. */
function projectCell(label: string): fc.Arbitrary<CellValue | undefined> {
  let usual: fc.Arbitrary<CellValue | undefined>;
  if (/序/.test(label)) usual = fc.integer({ min: 1, max: 99 });
  else if (/名称|名稱|单位|内容|进度|问题|备注|领导/.test(label)) usual = fc.constantFrom('道路工程', '产业园', '污水处理厂', '学校', '医院改扩建');
  else if (/县|區|区/.test(label)) usual = fc.constantFrom('阳谷县', '冠县', '莘县');
  else if (/开工$|状态/.test(label)) usual = fc.constantFrom('是', '否', '已开工', '未开工', '在建');
  else if (/率|%/.test(label)) usual = fc.double({ min: 0, max: 2, noNaN: true });
  else if (/时间/.test(label)) usual = fc.integer({ min: 43831, max: 46022 });
  else if (/投|资金/.test(label)) usual = fc.integer({ min: 0, max: 200_000 });
  else usual = cellValue;
  return fc.oneof({ weight: 5, arbitrary: usual }, { weight: 1, arbitrary: cellValue });
}

/** The columns a ledger needs, so that most grids get past the header finder. */
const KEY_LABELS = ['项目名称', '年度计划投资', '1-6月完成投资'];

/** Labels shuffled and cut; half the time the key columns are put back at random places. */
const headerLabels: fc.Arbitrary<string[]> = fc.oneof(
  { weight: 1, arbitrary: fc.shuffledSubarray([...HEADER_POOL], { maxLength: 14 }) },
  { weight: 3, arbitrary: fc.tuple(fc.shuffledSubarray(HEADER_POOL.filter((l) => !KEY_LABELS.includes(l)), { maxLength: 10 }), fc.array(fc.nat(), { minLength: 3, maxLength: 3 }))
    .map(([rest, at]) => {
      const out = rest.slice();
      KEY_LABELS.forEach((l, i) => out.splice(at[i] % (out.length + 1), 0, l));
      return out;
    }) },
);

type RowSpec =
  | { kind: 'project' }
  | { kind: 'label'; text: string }
  | { kind: 'blank' }
  | { kind: 'noise' };

const rowSpec: fc.Arbitrary<RowSpec> = fc.oneof(
  { weight: 8, arbitrary: fc.constant<RowSpec>({ kind: 'project' }) },
  { weight: 2, arbitrary: fc.constantFrom('合计', '小计', '一、交通（3项）', '（一）续建项目', '其中：省重点', '二、市本级（2项）', '填报单位：某局', '注：单位万元').map((text): RowSpec => ({ kind: 'label', text })) },
  { weight: 1, arbitrary: fc.constant<RowSpec>({ kind: 'blank' }) },
  { weight: 1, arbitrary: fc.constant<RowSpec>({ kind: 'noise' }) },
);

export interface GridCase {
  grid: Grid;
  /** For the failure message: how the header was chosen. */
  labels: string[];
}

function rowCells(spec: RowSpec, labels: string[]): fc.Arbitrary<(CellValue | undefined)[]> {
  const n = labels.length;
  switch (spec.kind) {
    case 'project':
      return fc.tuple(...labels.map((l) => projectCell(l)));
    case 'label':
      // A summary row: its label in one of the first columns, figures (or anything) after it.
      return fc.tuple(fc.integer({ min: 0, max: Math.max(0, Math.min(2, n - 1)) }), fc.array(cellValue, { minLength: n, maxLength: n }))
        .map(([at, cells]) => cells.map((v, c) => (c === at ? spec.text : c < at ? null : v)));
    case 'blank':
      return fc.constant([]);
    default:
      return fc.array(cellValue, { maxLength: n + 3 });
  }
}

function mergeIn(rows: number, cols: number): fc.Arbitrary<Range> {
  return fc.tuple(fc.nat({ max: rows + 2 }), fc.nat({ max: cols + 2 }), fc.nat({ max: 4 }), fc.nat({ max: 4 }))
    .map(([r0, c0, dr, dc]) => ({ r0, c0, r1: r0 + dr, c1: c0 + dc }));
}

/** A whole grid: title rows, optional unit line, header (one or two rows), data rows, merges. */
export const ledgerGrid: fc.Arbitrary<GridCase> = fc
  .record({
    title: fc.constantFrom([], ['2022年重点项目进展情况表（截至6月底）'], ['聊城市重点项目', '（1-9月）'], [null, '']),
    unit: fc.constantFrom(null, '单位：万元', '单位：亿元', '單位：億元', '单位：元', '单位：台'),
    labels: headerLabels,
    twoRow: fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    specs: fc.array(rowSpec, { maxLength: 30 }),
  })
  .chain(({ title, unit, labels, twoRow, specs }) => {
    const top: (CellValue | undefined)[][] = title.map((t) => [t]);
    if (unit) top.push([unit]);
    const headerRows: (CellValue | undefined)[][] = twoRow
      ? [labels.map((_, i) => (i % 3 === 0 ? '2022年' : null)), labels.slice()]
      : [labels.slice()];
    const width = Math.max(1, labels.length);
    const height = top.length + headerRows.length + specs.length;
    return fc.record({
      body: specs.length ? fc.tuple(...specs.map((s) => rowCells(s, labels))) : fc.constant([] as (CellValue | undefined)[][]),
      merges: fc.array(mergeIn(height, width), { maxLength: 6 }),
      hidden: fc.array(fc.nat({ max: height + 1 }), { maxLength: 3 }),
      dateCells: fc.array(fc.tuple(fc.nat({ max: height }), fc.nat({ max: width })), { maxLength: 6 }),
      formulas: fc.array(fc.tuple(fc.nat({ max: height }), fc.nat({ max: width }), fc.constantFrom('SUM(D4:D9)', 'E5/D5', '[1]Sheet1!A1', "'C:\\x\\[y.xlsx]S'!B2", 'NOW()')), { maxLength: 4 }),
    }).map(({ body, merges, hidden, dateCells, formulas }): GridCase => {
      const values = [...top, ...headerRows, ...body];
      if (twoRow) {
        // `2022年` spans three labels below it, as a merged upper header row does.
        const r = top.length;
        for (let c = 0; c < labels.length; c += 3) merges.push({ r0: r, c0: c, r1: r, c1: Math.min(labels.length - 1, c + 2) });
      }
      const numFmts = new Map<number, string>();
      for (const [r, c] of dateCells) numFmts.set(cellKey(r, c), r % 2 ? 'yyyy-mm-dd' : '0.0%');
      return {
        labels,
        grid: {
          name: '台账',
          values,
          merges,
          hiddenRows: new Set(hidden),
          hiddenCols: new Set(),
          numFmts,
          formulas: new Map(formulas.map(([r, c, f]) => [cellKey(r, c), f])),
        },
      };
    });
  });
