/// <reference types="office-js" />
/** Range.dataValidation in the fake: load and sync like the rest, writes at sync, strictness. */
import { createFakeOffice, FakeWorkbook, sheetValidations, type FakeOffice } from './index';

type Ctx = Excel.RequestContext;

function setup(apiMinor = 18): { fake: FakeOffice; wb: FakeWorkbook; run: <T>(f: (ctx: Ctx) => Promise<T>) => Promise<T> } {
  const wb = new FakeWorkbook();
  wb.addSheet('台账').put('A1', [['金额'], [100]]);
  const fake = createFakeOffice(wb, { apiMinor });
  return { fake, wb, run: fake.Excel.run as <T>(f: (ctx: Ctx) => Promise<T>) => Promise<T> };
}

const RULE: Excel.DataValidationRule = { decimal: { formula1: 0, formula2: 10, operator: 'Between' } };

describe('fake Excel: Range.dataValidation', () => {
  it('reads nothing before load and sync, and the rule after the sync that wrote it', async () => {
    const { run, fake } = setup();
    await run(async (ctx) => {
      const dv = ctx.workbook.worksheets.getItem('台账').getRange('A2:A5').dataValidation;
      dv.load('type');
      expect(() => dv.type).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect(dv.type).toBe('None');
      dv.rule = RULE;
      dv.prompt = { showPrompt: true, title: '说明', message: '0 至 10' };
      dv.load('type,rule,prompt');
      expect(dv.type).toBe('None'); // still the value of the last sync
      await ctx.sync();
      expect(dv.type).toBe('Decimal');
      expect(dv.rule).toEqual(RULE);
      expect(dv.prompt.title).toBe('说明');
      expect(() => dv.errorAlert).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
    expect(fake.syncs.length).toBe(2);
    expect(fake.syncs[1].request).toBeGreaterThan(JSON.stringify(RULE).length);
  });

  it('refuses a second rule over cells with one until clear(), and says Inconsistent for a partial cover', async () => {
    const { run, wb } = setup();
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('台账');
      ws.getRange('A2:A5').dataValidation.rule = RULE;
      await ctx.sync();
      ws.getRange('A3').dataValidation.rule = RULE;
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
    });
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('台账');
      const wide = ws.getRange('A1:A5').dataValidation.load('type');
      await ctx.sync();
      expect(wide.type).toBe('Inconsistent');
      const one = ws.getRange('A3').dataValidation;
      one.clear();
      one.rule = { wholeNumber: { formula1: 1, operator: 'GreaterThanOrEqualTo' } };
      await ctx.sync();
    });
    expect(sheetValidations(wb.sheets[0]).map((v) => [v.rect.r0, v.rect.r1, Object.keys(v.rule)[0]]).sort()).toEqual([[1, 1, 'decimal'], [2, 2, 'wholeNumber'], [3, 4, 'decimal']]);
  });

  it('refuses a malformed rule and a prompt longer than Excel takes, and needs ExcelApi 1.8', async () => {
    const { run } = setup();
    await run(async (ctx) => {
      const dv = ctx.workbook.worksheets.getItem('台账').getRange('B2').dataValidation;
      dv.rule = { decimal: { formula1: 0, operator: 'Between' } };
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
    await run(async (ctx) => {
      const dv = ctx.workbook.worksheets.getItem('台账').getRange('B2').dataValidation;
      dv.rule = RULE;
      dv.prompt = { showPrompt: true, title: 'x'.repeat(33), message: '' };
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
    const old = setup(7);
    await old.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('台账').getRange('B2').dataValidation.load('type');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'ApiNotFound' });
    });
  });
});
