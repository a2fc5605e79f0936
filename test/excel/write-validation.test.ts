/**
 * 添加输入检查 through Range.dataValidation, on the strict fake: the rules the core lays go on
 * the ranges it names, in Office.js's terms; no value, format or other object changes; a rule
 * of the user's stays; an earlier run's rule is replaced; ExcelApi below 1.8 gets a notice, not
 * an error; and a 10,000-row sheet takes two syncs (read what is there, write), under 4 MB each.
 */
import { analyzeWorkbook } from '../../src/core/analyze';
import { ledgerInputCheck, type InputCheck } from '../../src/core/input-rules';
import { codeFormula } from '../../src/core/template';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/types';
import { ExcelHost } from '../../src/excel/excel-host';
import { excelRule } from '../../src/excel/write-validation';
import { createFakeOffice, FakeWorkbook, sheetValidations, type FakeOffice, rectA1 } from '../fake-excel/index';
import { addLedger, FIRST_ROW, isSubtotal } from '../fake-excel/ledger-fixture';

const settings: Settings = { ...DEFAULT_SETTINGS, today: '2022-07-15', lang: 'zh-CN' };
const FOUR_MB = 4_000_000;
let fake: FakeOffice | null = null;

afterEach(() => {
  fake?.uninstall();
  fake = null;
});

async function setup(rows: number, apiMinor = 18): Promise<{ wb: FakeWorkbook; host: ExcelHost; checks: InputCheck[] }> {
  const wb = new FakeWorkbook();
  addLedger(wb, rows);
  fake = createFakeOffice(wb, { apiMinor }).install();
  const host = new ExcelHost({ lang: 'zh-CN', retryDelayMs: 1 });
  const { ledgers } = analyzeWorkbook(await host.readSheets(), settings);
  return { wb, host, checks: ledgers.map((a) => ledgerInputCheck(a, { lang: 'zh-CN' })) };
}

describe('ExcelHost.addInputRules', () => {
  it('sets each rule on its ranges and changes nothing else', async () => {
    const { wb, host, checks } = await setup(250);
    const before = wb.snapshot();
    const done = fake!.syncs.length;
    const outcome = await host.addInputRules(checks, []);
    expect(wb.snapshot()).toEqual(before);
    const list = sheetValidations(wb.sheets[0]);
    // Projects are rows 4..103, 105..204 and 206..253 (104 and 205 are 小计 rows): three ranges a column.
    const byRange = new Map(list.map((v) => [rectA1(v.rect), v]));
    const plan = byRange.get('G4:G103');
    expect(plan?.rule).toEqual({ decimal: { formula1: 0, formula2: 5000000, operator: 'Between' } });
    expect(plan?.prompt).toMatchObject({ showPrompt: true, title: '填写说明' });
    expect(plan?.errorAlert).toMatchObject({ showAlert: true, style: 'Stop', title: '输入有误' });
    expect(plan?.ignoreBlanks).toBe(true);
    expect(checks[0].rules.find((r) => r.key === 'annualPlan')?.sqref).toBe('G4:G103 G105:G204 G206:G253');
    expect(byRange.get('G206:G253')).toBeDefined();
    expect([...byRange.keys()].some((a) => /^G(104|205)\b/.test(a))).toBe(false);
    // The code's custom formula is moved to each range's own top-left cell.
    expect(byRange.get('C105:C204')?.rule).toEqual({ custom: { formula: `=${codeFormula('C105')}` } });
    expect(byRange.get('K4:K103')?.rule).toEqual({ list: { inCellDropDown: true, source: '是,否' } });
    expect(byRange.get('J4:J103')?.rule).toEqual({ date: { formula1: '2017-01-01', formula2: '2027-12-31', operator: 'Between' } });
    const ranges = checks[0].rules.reduce((n, r) => n + r.sqref.split(' ').length, 0);
    expect(outcome).toEqual({ kind: 'done', ranges, kept: 0 });
    expect(list.length).toBe(ranges);
    expect(fake!.syncs.length - done).toBe(2);
  });

  it('keeps a rule of the user\'s and replaces its own from an earlier run', async () => {
    const { wb, host, checks } = await setup(250);
    await host.addInputRules(checks, []);
    const list = sheetValidations(wb.sheets[0]);
    const own = list.findIndex((v) => rectA1(v.rect) === 'F4:F103');
    list[own] = { ...list[own], rule: { wholeNumber: { formula1: 0, operator: 'GreaterThan' } }, prompt: { showPrompt: true, title: '我的规则', message: '' } };
    const again = await host.addInputRules(checks, []);
    expect(again).toMatchObject({ kind: 'done', kept: 1 });
    const after = sheetValidations(wb.sheets[0]);
    expect(after.find((v) => rectA1(v.rect) === 'F4:F103')?.prompt.title).toBe('我的规则');
    expect(after.length).toBe(list.length);
  });

  it('says the API is missing below ExcelApi 1.8 and writes nothing', async () => {
    const { wb, host, checks } = await setup(50, 7);
    const done = fake!.syncs.length;
    expect(await host.addInputRules(checks, [])).toEqual({ kind: 'unsupported' });
    expect(fake!.syncs.length).toBe(done);
    expect(sheetValidations(wb.sheets[0])).toEqual([]);
  });

  it('applies to a 10,000-row sheet in 2 syncs under 4 MB each', async () => {
    const { host, checks, wb } = await setup(10_000);
    const done = fake!.syncs.length;
    await host.addInputRules(checks, []);
    expect(fake!.syncs.length - done).toBe(2);
    for (const s of fake!.syncs.slice(done)) expect(Math.max(s.request, s.response)).toBeLessThan(FOUR_MB);
    // Every project row of the plan column is covered once, no 小计 row is.
    const plan = sheetValidations(wb.sheets[0]).filter((v) => v.rect.c0 === 6);
    const rows = new Set<number>();
    for (const v of plan) for (let r = v.rect.r0; r <= v.rect.r1; r++) rows.add(r);
    for (let i = 0; i < 10_000; i++) expect(rows.has(FIRST_ROW + i)).toBe(!isSubtotal(i));
  });
});

describe('excelRule', () => {
  it('writes a whole-number floor and a sheet list as Office.js takes them', () => {
    const base = { key: 'index' as const, sqref: 'A4', errorStyle: 'stop' as const, promptTitle: '', prompt: '', errorTitle: '', error: '' };
    expect(excelRule({ ...base, type: 'whole', operator: 'greaterThanOrEqual', formula1: '1' }, '1')).toEqual({ wholeNumber: { formula1: 1, operator: 'GreaterThanOrEqualTo' } });
    expect(excelRule({ ...base, type: 'list', formula1: "'列表'!$A$1:$A$40" }, "'列表'!$A$1:$A$40")).toEqual({ list: { inCellDropDown: true, source: "='列表'!$A$1:$A$40" } });
  });
});
