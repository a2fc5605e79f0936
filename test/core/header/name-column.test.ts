/**
 * The name column when no column is literally 项目名称: the text column that names each row
 * (one distinct value a row, beside the figures), taken from the headers and the data and
 * reported with its evidence. Hand-made grids; every figure is written out.
 */
import { analyzeSheet, type SheetAnalysis } from '../../../src/core/analyze';
import { colLetter, type CellValue } from '../../../src/core/grid';
import { chooseName, nameHeaderPrior } from '../../../src/core/header/name-column';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/core/types';
import { columnEvidenceNote } from '../../../src/taskpane/model';
import { gridOf } from '../../helpers/grid';

function analyze(rows: CellValue[][], extra: Partial<Settings> = {}): SheetAnalysis {
  const a = analyzeSheet(gridOf(rows), { ...DEFAULT_SETTINGS, today: '2022-07-05', ...extra });
  if (!a.ok) throw new Error(`not a ledger: ${JSON.stringify(a.noLedger)}`);
  return a;
}
const letter = (a: SheetAnalysis, f: 'name' | 'scope' | 'responsibleUnit') =>
  a.header.columns[f] === undefined ? undefined : colLetter(a.header.columns[f]!);

describe('nameHeaderPrior: what the header says', () => {
  it('reads a literal 项目名称 highest, a row noun + 名称 next, a bare 名称 word lower', () => {
    expect(nameHeaderPrior(['项目名称'])!.prior).toBe(1);
    expect(nameHeaderPrior(['項目名稱'])!.prior).toBe(1);
    expect(nameHeaderPrior(['工程名称'])!.prior).toBe(0.8);
    expect(nameHeaderPrior(['标段名称'])!.prior).toBe(0.8);
    expect(nameHeaderPrior(['合同名称'])!.prior).toBe(0.8);
    expect(nameHeaderPrior(['子项目名称'])!.prior).toBe(0.8);
    expect(nameHeaderPrior(['项目（子项）名称'])!.prior).toBe(0.8);
    expect(nameHeaderPrior(['名称'])!.prior).toBe(0.5);
  });
  it('is silent on a header that names something else', () => {
    expect(nameHeaderPrior(['建设内容'])).toBeNull();
    expect(nameHeaderPrior(['形象进度'])).toBeNull();
    expect(nameHeaderPrior(['总投资（万元）'])).toBeNull();
  });
});

describe('chooseName: the data decides', () => {
  // Column 0: one value repeated over three rows; column 1: a distinct name a row.
  const grid = gridOf([
    ['h0', 'h1'],
    ['城区道路改造工程', '一标段 中山路'],
    ['城区道路改造工程', '二标段 解放路'],
    ['城区道路改造工程', '三标段 人民路'],
  ]);
  it('takes the column with one distinct value a row over the one that repeats', () => {
    const ch = chooseName(grid, 1, [{ c: 0, prior: 1, why: 'header:literal' }, { c: 1, prior: 0.8, why: 'header:row-noun' }])!;
    // c0: 1 + 2·(1/3) + 0.5·1 + 0.5·1 = 2.67; c1: 0.8 + 2·1 + 0.5 + 0.5 = 3.8
    expect(ch.column).toBe(1);
    expect(ch.candidates!.map((k) => [k.column, k.score])).toEqual([[1, 3.8], [0, 2.67]]);
    expect(ch.candidates![0].checks).toEqual(['header:row-noun', 'text:100%', 'distinct:100%', 'filled:100%']);
    expect(ch.ambiguous).toBe(false);
  });
  it('never takes a column of figures', () => {
    const figures = gridOf([['h0'], [100], [200], ['300']]);
    expect(chooseName(figures, 1, [{ c: 0, prior: 1, why: 'header:literal' }])).toBeNull();
  });
});

describe('the header reader picks the name column without a literal 项目名称', () => {
  it('takes 工程名称 and keeps 建设内容 (distinct text too) as the scope', () => {
    const a = analyze([
      ['序号', '工程名称', '建设内容', '总投资', '年度计划投资', '1-6月完成投资'],
      [1, '南湖水库除险加固工程', '坝体加固、溢洪道改建', 12000, 3000, 1500],
      [2, '城东污水管网工程', '铺设管网12公里', 8000, 2000, 900],
      [3, '西河综合治理工程', '河道清淤、堤防加高', 6000, 1000, 600],
    ]);
    expect(letter(a, 'name')).toBe('B');
    expect(letter(a, 'scope')).toBe('C');
    // The sheet is read as a ledger of three projects: plan 3000+2000+1000 = 6000, done 1500+900+600 = 3000.
    expect(a.ledger.total.projects).toBe(3);
    expect(a.ledger.total.annualPlan).toBe(6000);
    expect(a.ledger.total.completedYtd).toBe(3000);
    const ch = a.header.columnChoices!.name!;
    expect(ch.source).toBe('evidence');
    expect(ch.column).toBe(1);
    expect(ch.candidates!.map((k) => k.column)).toEqual([1]);
    expect(ch.candidates![0].checks).toEqual(['header:row-noun', 'text:100%', 'distinct:100%', 'filled:100%']);
    // The pane says why under 项目名称 even with one column weighed.
    expect(columnEvidenceNote(a.header, 'name')).toEqual({ chosen: 'B', others: [], close: false });
  });

  it('takes 子项目名称 when 项目名称 repeats the parent project over its parts', () => {
    const a = analyze([
      ['序号', '项目名称', '子项目名称', '总投资', '年度计划投资', '1-6月完成投资'],
      [1, '城市更新一期', '老旧小区改造（东片）', 5000, 1000, 400],
      [2, '城市更新一期', '老旧小区改造（西片）', 4000, 800, 300],
      [3, '城市更新一期', '背街小巷整治', 2000, 500, 250],
      [4, '产业园基础设施', '园区道路', 6000, 1500, 600],
    ]);
    expect(letter(a, 'name')).toBe('C');
    const ch = a.header.columnChoices!.name!;
    // C: 0.8 + 2·(4/4) + 0.5 + 0.5 = 3.8; B: 1 + 2·(2/4) + 0.5 + 0.5 = 3.0
    expect(ch.candidates!.map((k) => [colLetter(k.column), k.score])).toEqual([['C', 3.8], ['B', 3]]);
    expect(columnEvidenceNote(a.header, 'name')).toEqual({ chosen: 'C', others: ['B'], close: false });
  });

  it('takes 标段名称 beside 合同编号 (codes) and 施工单位名称 (a unit, read as such)', () => {
    const a = analyze([
      ['序号', '标段名称', '合同编号', '施工单位', '合同金额', '年度计划投资', '1-6月完成投资'],
      [1, '高速公路土建1标', 'HT-2022-001', '某路桥公司', 30000, 8000, 3000],
      [2, '高速公路土建2标', 'HT-2022-002', '某路桥公司', 28000, 7000, 2500],
      [3, '高速公路机电标', 'HT-2022-003', '某机电公司', 9000, 2000, 500],
    ]);
    expect(letter(a, 'name')).toBe('B');
  });

  it('leaves a literal 项目名称 standing alone unweighed (its header says it all)', () => {
    const a = analyze([
      ['序号', '项目名称', '总投资', '年度计划投资', '1-6月完成投资'],
      [1, '甲项目', 100, 50, 20],
      [2, '乙项目', 200, 80, 40],
    ]);
    expect(letter(a, 'name')).toBe('B');
    expect(a.header.columnChoices!.name!.source).toBe('header');
  });

  it('calls two equally good names a close call and says so once (column-ambiguous)', () => {
    const a = analyze([
      ['序号', '工程名称', '标段名称', '总投资', '年度计划投资', '1-6月完成投资'],
      [1, '甲工程', '一标', 100, 50, 20],
      [2, '乙工程', '二标', 200, 80, 40],
      [3, '丙工程', '三标', 300, 90, 45],
    ]);
    // B and C: 0.8 + 2 + 0.5 + 0.5 = 3.8 each; the leftmost is taken.
    expect(letter(a, 'name')).toBe('B');
    expect(a.header.columnChoices!.name!.ambiguous).toBe(true);
    expect(a.issues.filter((i) => i.code === 'column-ambiguous').map((i) => colLetter(i.c))).toEqual(['B']);
  });

  it('follows the user: an override of the name is not weighed', () => {
    const a = analyze([
      ['序号', '工程名称', '标段名称', '总投资', '年度计划投资', '1-6月完成投资'],
      [1, '甲工程', '一标', 100, 50, 20],
      [2, '乙工程', '二标', 200, 80, 40],
    ], { columnOverrides: { name: 2 } });
    expect(letter(a, 'name')).toBe('C');
    expect(a.header.columnChoices!.name!.source).toBe('override');
  });
});

describe('a real layout without a literal 项目名称 (cols-zigong-monthly)', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { layout } = require('../../fixtures/real/cols-zigong-monthly.js');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { toGrid } = require('../../fixtures/to-grid');
  const fx = layout();
  const a = analyzeSheet(toGrid(fx), { ...DEFAULT_SETTINGS, today: fx.settings.today }) as SheetAnalysis;

  it('takes B `项目（子项）名称` by its text, keeps C 建设内容 as the scope, and says why', () => {
    expect(a.ok).toBe(true);
    expect(letter(a, 'name')).toBe('B');
    expect(letter(a, 'scope')).toBe('C');
    const ch = a.header.columnChoices!.name!;
    expect(ch.source).toBe('evidence');
    // 0.8 (header: 项目 + 名称) + 2·(4 distinct / 4) + 0.5·(4 filled / 4) + 0.5·(4 words / 4) = 3.8
    expect(ch.candidates).toEqual([{ column: 1, score: 3.8, checks: ['header:row-noun', 'text:100%', 'distinct:100%', 'filled:100%'] }]);
    expect(a.ledger.total.projects).toBe(4);
  });
});
