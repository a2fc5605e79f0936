import { cellKey } from '../../src/core/grid';
import { ExcelHost } from '../../src/excel/excel-host';
import { expectedGrid, normalGrid } from '../fake-excel/expected-grid';
import { createFakeOffice, FakeWorkbook, type FakeHostOptions, type FakeOffice } from '../fake-excel/index';
import { addLedger } from '../fake-excel/ledger-fixture';

const FOUR_MB = 4_000_000;
let fake: FakeOffice | null = null;

function install(wb: FakeWorkbook, options: FakeHostOptions = {}): FakeOffice {
  fake = createFakeOffice(wb, options).install();
  return fake;
}

afterEach(() => {
  fake?.uninstall();
  fake = null;
});

function expectUnderFourMB(f: FakeOffice): void {
  for (const s of f.syncs) {
    expect(s.request).toBeLessThan(FOUR_MB);
    expect(s.response).toBeLessThan(FOUR_MB);
  }
}

describe('ExcelHost.readSheets on large ledgers', () => {
  it('reads a 10,000-row ledger in at most 4 syncs, each under 4 MB, exactly as the sheet holds it', async () => {
    const wb = new FakeWorkbook();
    const sheet = addLedger(wb, 10_000);
    const f = install(wb);
    const progress: number[] = [];
    const [grid] = await new ExcelHost().readSheets((x) => progress.push(x));
    // 1 sync for the sheet list, 1 for used range + first rows, 2 for the 9,940 rows left in chunks of ≤ 5,000.
    expect(f.syncs.length).toBeLessThanOrEqual(4);
    expectUnderFourMB(f);
    expect(normalGrid(grid)).toEqual(normalGrid(expectedGrid(sheet)));
    expect(progress[progress.length - 1]).toBe(1);
  });

  it('reads a 30,000-row ledger in at most 2 + 30,000 / 5,000 = 8 syncs, each under 4 MB', async () => {
    const wb = new FakeWorkbook();
    const sheet = addLedger(wb, 30_000);
    const f = install(wb);
    const [grid] = await new ExcelHost().readSheets();
    expect(f.syncs.length).toBeLessThanOrEqual(8);
    expectUnderFourMB(f);
    expect(normalGrid(grid)).toEqual(normalGrid(expectedGrid(sheet)));
  });

  it('splits a chunk and retries when Excel still refuses the response', async () => {
    const wb = new FakeWorkbook();
    const sheet = addLedger(wb, 6_000);
    // Rows far below the first ones carry long text, so the estimate from the first rows is too low.
    for (let r = 3000; r < 6000; r++) sheet.put(`L${r + 1}`, [['形象进度说明'.repeat(60)]]);
    const f = install(wb, { payloadLimit: 2_000_000 });
    const [grid] = await new ExcelHost().readSheets();
    expect(f.syncs.some((s) => s.failed === 'ResponsePayloadSizeLimitExceeded')).toBe(true);
    expect(normalGrid(grid)).toEqual(normalGrid(expectedGrid(sheet)));
  });
});

describe('ExcelHost.readSheets on a small workbook', () => {
  function workbook(): FakeWorkbook {
    const wb = new FakeWorkbook();
    wb.addSheet('Notes').put('A1', [['说明']]);
    const s = wb.addSheet('Data');
    s.put('B2', [['项目', '金额', '日期', '文字']]);
    s.put('B3', [['甲', 12.5, 44742, '#DIV/0!']]).numFmt('D3', 'yyyy-mm-dd');
    s.formula('C4', 'C3/0', { error: '#DIV/0!' }).formula('D4', 'C3*2', 25).numFmt('D4', '0.0%');
    s.put('B5', [[true, null, null, "'=not a formula"]]);
    s.merge('B6:C7').put('B6', [['合并']]).hideRows(4).hideCols(3);
    wb.addSheet('Hidden').put('A1', [[1]]).visibility = 'Hidden';
    wb.addSheet('Blank');
    wb.activate('Data');
    return wb;
  }

  it('gives the visible sheets, the active one first, with errors, formulas, formats, merges and hidden rows', async () => {
    const wb = workbook();
    const f = install(wb);
    const grids = await new ExcelHost().readSheets();
    expect(grids.map((g) => g.name)).toEqual(['Data', 'Notes', 'Blank']);
    const data = grids[0];
    expect(normalGrid(data)).toEqual(normalGrid(expectedGrid(wb.sheet('Data'))));
    // Spot checks of what matters to the engine.
    expect(data.values[2][4]).toBe('#DIV/0!'); // typed text stays text
    expect(data.values[3][2]).toEqual({ error: '#DIV/0!' });
    expect(data.formulas?.get(cellKey(3, 3))).toBe('C3*2');
    expect(data.numFmts?.get(cellKey(2, 3))).toBe('yyyy-mm-dd');
    expect(data.merges).toEqual([{ r0: 5, c0: 1, r1: 6, c1: 2 }]);
    expect([...(data.hiddenRows ?? [])]).toEqual([4]);
    expect([...(data.hiddenCols ?? [])]).toEqual([3]);
    expect(grids[2].values).toEqual([]);
    // Sheet list; then used ranges and first rows, which hold these small sheets whole.
    expect(f.syncs.length).toBe(2);
  });

  it('inspects again without the first rows when their response is refused', async () => {
    const wb = workbook();
    const f = install(wb);
    f.host.failSyncAt(1, 'ResponsePayloadSizeLimitExceeded', 'too big');
    const [data] = await new ExcelHost().readSheets();
    expect(normalGrid(data)).toEqual(normalGrid(expectedGrid(wb.sheet('Data'))));
  });

  it('does without special cells (hidden rows, formula areas) when Excel refuses them', async () => {
    const wb = workbook();
    const f = install(wb);
    f.host.failSyncAt(1, 'GeneralException', 'special cells refused');
    const [data] = await new ExcelHost().readSheets();
    const expected = { ...expectedGrid(wb.sheet('Data')), hiddenRows: undefined, hiddenCols: undefined };
    expect(normalGrid(data)).toEqual(normalGrid(expected));
  });

  it('reads values and formulas without merges or hidden rows where ExcelApi 1.9 and 1.13 are missing', async () => {
    const wb = workbook();
    install(wb, { apiMinor: 8 });
    const [data] = await new ExcelHost().readSheets();
    const expected = { ...expectedGrid(wb.sheet('Data')), merges: undefined, hiddenRows: undefined, hiddenCols: undefined };
    expect(normalGrid(data)).toEqual(normalGrid(expected));
  });
});
