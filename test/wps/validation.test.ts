/**
 * 添加输入检查 in WPS: Range.Validation.Add on the same ranges, with the same titles and
 * messages, as the Excel host's Range.dataValidation sets (both fakes share one store of rules);
 * no value changes; the user's rule stays and a second run replaces the first's; a build
 * without Range.Validation gets the notice, not an error.
 */
import { analyzeWorkbook } from '../../src/core/analyze';
import { ledgerInputCheck, type InputCheck } from '../../src/core/input-rules';
import { codeFormula } from '../../src/core/template';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/types';
import { ExcelHost } from '../../src/excel/excel-host';
import { WpsHost } from '../../src/wps/wps-host';
import { createFakeOffice, FakeWorkbook, rectA1, sheetValidations, type FakeOffice, type FakeValidation } from '../fake-excel/index';
import { addLedger } from '../fake-excel/ledger-fixture';
import { FakeEt } from '../fake-wps/index';

const settings: Settings = { ...DEFAULT_SETTINGS, today: '2022-07-15', lang: 'zh-CN' };
let office: FakeOffice | null = null;
afterEach(() => {
  office?.uninstall();
  office = null;
});

function checksOf(grids: Parameters<typeof analyzeWorkbook>[0]): InputCheck[] {
  return analyzeWorkbook(grids, settings).ledgers.map((a) => ledgerInputCheck(a, { lang: 'zh-CN' }));
}

const view = (list: FakeValidation[]) => list.map((v) => ({ at: rectA1(v.rect), kind: Object.keys(v.rule)[0], prompt: v.prompt, alert: v.errorAlert, blanks: v.ignoreBlanks }))
  .sort((a, b) => a.at.localeCompare(b.at));

describe('WpsHost.addInputRules', () => {
  it('sets what the Excel host sets, range for range, and changes no value', async () => {
    const excelWb = new FakeWorkbook();
    const wpsWb = new FakeWorkbook();
    for (const wb of [excelWb, wpsWb]) addLedger(wb, 300);
    office = createFakeOffice(excelWb).install();
    const et = new FakeEt(wpsWb);
    const excel = new ExcelHost({ lang: 'zh-CN', retryDelayMs: 1 });
    const wps = new WpsHost(et.app as never, { lang: 'zh-CN' });
    const checks = checksOf(await wps.readSheets());
    expect(checksOf(await excel.readSheets())).toEqual(checks);
    const before = wpsWb.snapshot();
    const a = await excel.addInputRules(checks, []);
    et.reset();
    const b = await wps.addInputRules(checks, []);
    expect(b).toEqual(a);
    const { cells } = wpsWb.snapshot().sheets[0];
    expect(cells).toEqual(before.sheets[0].cells);
    expect(view(sheetValidations(wpsWb.sheets[0]))).toEqual(view(sheetValidations(excelWb.sheets[0])));
    const code = sheetValidations(wpsWb.sheets[0]).find((v) => rectA1(v.rect) === 'C105:C204');
    expect(code?.rule).toEqual({ custom: { formula: `=${codeFormula('C105')}` } });
    const plan = sheetValidations(wpsWb.sheets[0]).find((v) => rectA1(v.rect) === 'G4:G103');
    expect(plan?.rule).toEqual({ decimal: { formula1: 0, formula2: 5000000, operator: 'Between' } });
    // Calls per range, not per cell: the single-cell calls are the probe for Range.Validation on A1
    // and the selection of each code range's corner.
    expect(et.cellCalls).toBe(1 + checks[0].rules.find((r) => r.key === 'code')!.sqref.split(' ').length);
  });

  it('keeps the user\'s rule, replaces its own, and says so where WPS has no Range.Validation', async () => {
    const wb = new FakeWorkbook();
    addLedger(wb, 120);
    const et = new FakeEt(wb);
    const wps = new WpsHost(et.app as never, { lang: 'zh-CN' });
    const checks = checksOf(await wps.readSheets());
    await wps.addInputRules(checks, []);
    const list = sheetValidations(wb.sheets[0]);
    const n = list.length;
    const mine = list.find((v) => rectA1(v.rect) === 'F4:F103')!;
    mine.prompt = { ...mine.prompt, title: '我的规则' };
    expect(await wps.addInputRules(checks, [])).toMatchObject({ kind: 'done', kept: 1 });
    expect(sheetValidations(wb.sheets[0]).length).toBe(n);
    expect(sheetValidations(wb.sheets[0]).find((v) => rectA1(v.rect) === 'F4:F103')?.prompt.title).toBe('我的规则');

    const bare = new FakeEt(wb);
    const range = Object.getPrototypeOf(bare.app.ActiveWorkbook.Worksheets.Item(1).Range('A1')) as object;
    const desc = Object.getOwnPropertyDescriptor(range, 'Validation')!;
    Object.defineProperty(range, 'Validation', { get: () => undefined, configurable: true });
    try {
      expect(await new WpsHost(bare.app as never, { lang: 'zh-CN' }).addInputRules(checks, [])).toEqual({ kind: 'unsupported' });
    } finally {
      Object.defineProperty(range, 'Validation', desc);
    }
  });
});
