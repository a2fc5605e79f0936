/// <reference types="office-js" />
import { createFakeOffice, FakeWorkbook, interpretInput, utf8Length, type FakeOffice } from './index';

type Ctx = Excel.RequestContext;

function setup(apiMinor = 18): { fake: FakeOffice; wb: FakeWorkbook; run: <T>(f: (ctx: Ctx) => Promise<T>) => Promise<T> } {
  const wb = new FakeWorkbook();
  wb.addSheet('台账')
    .put('A1', [['项目', '金额', '比率'], ['甲', 100, 0.5], ['乙', { error: '#DIV/0!' }, true]])
    .formula('D2', 'B2*2', 200)
    .numFmt('C2', '0.0%')
    .merge('A5:B5');
  wb.addSheet('Empty');
  const fake = createFakeOffice(wb, { apiMinor });
  const run = fake.Excel.run as <T>(f: (ctx: Ctx) => Promise<T>) => Promise<T>;
  return { fake, wb, run };
}

describe('fake Excel: loading', () => {
  it('throws PropertyNotLoaded for a property never loaded', async () => {
    const { run } = setup();
    await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('台账').getRange('A1:B2');
      r.load('address');
      await ctx.sync();
      expect(r.address).toBe('台账!A1:B2');
      expect(() => r.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  it('throws PropertyNotLoaded after load() but before sync(), and gives the values after', async () => {
    const { run } = setup();
    await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('台账').getRange('A1:D3');
      r.load('values, valueTypes, formulas, numberFormat');
      expect(() => r.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect(r.values).toEqual([['项目', '金额', '比率', ''], ['甲', 100, 0.5, 200], ['乙', '#DIV/0!', true, '']]);
      expect(r.valueTypes[2]).toEqual(['String', 'Error', 'Boolean', 'Empty']);
      expect(r.formulas[1][3]).toBe('=B2*2');
      expect(r.numberFormat[1]).toEqual(['General', 'General', '0.0%', 'General']);
    });
  });

  it('a loaded value is the state at that sync, not live', async () => {
    const { run, wb } = setup();
    await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('台账').getRange('B2');
      r.load('values');
      await ctx.sync();
      wb.sheet('台账').put('B2', [[7]]);
      expect(r.values).toEqual([[100]]);
    });
  });

  it('refuses a proxy used after its Excel.run ended', async () => {
    const { run } = setup();
    const r = await run(async (ctx) => {
      const x = ctx.workbook.worksheets.getItem('台账').getRange('A1');
      x.load('values');
      await ctx.sync();
      return x;
    });
    expect(() => r.values).toThrow(expect.objectContaining({ code: 'InvalidRequestContext' }));
  });

  it('gives the used range, A1 for a blank sheet, and null objects', async () => {
    const { run } = setup();
    await run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      const used = sheets.getItem('台账').getUsedRange(true).load('address');
      const blank = sheets.getItem('Empty').getUsedRange(true).load('address');
      const none = sheets.getItem('Empty').getUsedRangeOrNullObject(true);
      const missing = sheets.getItemOrNullObject('nope');
      await ctx.sync();
      // Values run from A1 to D3 (D2 holds the formula); the merge A5:B5 holds no value.
      expect(used.address).toBe('台账!A1:D3');
      expect(blank.address).toBe('Empty!A1');
      expect(none.isNullObject).toBe(true);
      expect(missing.isNullObject).toBe(true);
    });
  });

  it('loads collections by items/ paths', async () => {
    const { run } = setup();
    await run(async (ctx) => {
      const sheets = ctx.workbook.worksheets.load('items/name,items/visibility');
      expect(() => sheets.items).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(['台账', 'Empty']);
    });
  });
});

describe('fake Excel: writing', () => {
  it('queues writes and applies them only at sync', async () => {
    const { run, wb } = setup();
    await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('台账').getRange('F1:F4');
      r.formulas = [['=B2+1'], ["'0012"], ['0012'], ['2022-06-30']];
      expect(wb.sheet('台账').cell(0, 5)).toBeUndefined();
      await ctx.sync();
    });
    const s = wb.sheet('台账');
    expect(s.cell(0, 5)).toEqual({ formula: 'B2+1' });
    expect(s.cell(1, 5)).toEqual({ value: '0012' });
    expect(s.cell(2, 5)).toEqual({ value: 12 });
    // 2022-06-30 is 44742 days after 1899-12-30.
    expect(s.cell(3, 5)).toEqual({ value: 44742, numFmt: 'yyyy-mm-dd' });
  });

  it('leaves cells under null unchanged and rejects a wrongly sized array', async () => {
    const { run, wb } = setup();
    await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('台账').getRange('A2:B2');
      r.values = [[null as unknown as string, 5]];
      await ctx.sync();
      r.values = [[1, 2, 3]];
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
    expect(wb.sheet('台账').cell(1, 0)).toEqual({ value: '甲' });
    expect(wb.sheet('台账').cell(1, 1)).toEqual({ value: 5 });
  });

  it('records select and activate', async () => {
    const { run, wb } = setup();
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Empty');
      ws.activate();
      ws.getRange('C7').select();
      await ctx.sync();
    });
    expect(wb.activeSheet.name).toBe('Empty');
    expect(wb.selection).toEqual({ sheet: 'Empty', address: 'C7' });
  });

  it('adds custom conditional formats and tells custom from other rules', async () => {
    const { run, wb } = setup();
    wb.sheet('台账').conditionalFormat('A1:A3', 'CellValue');
    await run(async (ctx) => {
      const cf = ctx.workbook.worksheets.getItem('台账').getRange('B2:B3').conditionalFormats.add('Custom' as Excel.ConditionalFormatType);
      cf.custom.rule.formula = '=B2>1';
      cf.custom.format.fill.color = '#FFE699';
      await ctx.sync();
      const all = ctx.workbook.worksheets.getItem('台账').getRange().conditionalFormats.load('items/type,items/customOrNullObject/rule/formula');
      await ctx.sync();
      expect(all.items.map((x) => x.type)).toEqual(['CellValue', 'Custom']);
      expect(all.items[0].customOrNullObject.isNullObject).toBe(true);
      expect(all.items[1].customOrNullObject.rule.formula).toBe('=B2>1');
    });
    expect(wb.sheet('台账').cfs[1]).toMatchObject({ type: 'Custom', formula: '=B2>1', fill: '#FFE699' });
  });

  it('refuses a comment on a cell with a note, and counts comments', async () => {
    const { run, wb } = setup();
    wb.sheet('台账').note('B2', '批注').comment('C2', '讨论');
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('台账');
      ws.comments.add('D2', 'ok');
      ws.comments.add('B2', 'refused');
      ws.comments.add('E2', 'never reached');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
      const n = ws.comments.getCount();
      expect(() => n.value).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      // C2 from the set-up and D2, added before the refused command.
      expect(n.value).toBe(2);
    });
  });

  it('refuses notes when ExcelApi 1.18 is not supported, at sync', async () => {
    const { run } = setup(17);
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem('台账').notes.add('A1', 'x');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'ApiNotFound' });
    });
  });
});

describe('fake Excel: syncs and payloads', () => {
  it('counts syncs, including the one Excel.run makes for commands left queued', async () => {
    const { run, fake } = setup();
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem('台账').getRange('A1').load('values');
      await ctx.sync();
      await ctx.sync();
      ctx.workbook.worksheets.getItem('台账').getRange('H1').values = [[1]];
    });
    expect(fake.syncs.length).toBe(3);
    expect(fake.wb.sheet('台账').cell(0, 7)).toEqual({ value: 1 });
  });

  it('measures the request as command overhead plus the JSON of what is written', async () => {
    const { run, fake } = setup();
    await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('台账').getRange('H1');
      r.values = [['金额']];
      await ctx.sync();
    });
    // Commands: getItem, getRange, the write: 3 × 120 overhead. JSON [["金额"]] is 6 ASCII
    // bytes plus two 3-byte characters = 12 bytes.
    expect(fake.syncs[0].request).toBe(3 * 120 + 12);
    expect(utf8Length('[["金额"]]')).toBe(12);
  });

  it('rejects a request over 5 MB without applying any of it', async () => {
    const { run, fake, wb } = setup();
    const big = Array.from({ length: 1000 }, () => ['x'.repeat(6000)]);
    await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('台账');
      ws.getRange('J1').values = [[1]];
      ws.getRange('K1:K1000').values = big;
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    });
    expect(wb.sheet('台账').cell(0, 9)).toBeUndefined();
    expect(fake.syncs[0].failed).toBe('RequestPayloadSizeLimitExceeded');
  });

  it('rejects a response over 5 MB', async () => {
    const { run, wb } = setup();
    const s = wb.sheet('台账');
    for (let r = 0; r < 1000; r++) s.put(`M${r + 1}`, [['y'.repeat(6000)]]);
    await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('台账').getRange('M1:M1000').load('values');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
      expect(() => r.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  it('fails injected syncs (cell-edit mode) before touching the workbook', async () => {
    const { run, fake, wb } = setup();
    fake.host.failNextSyncs('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.');
    await expect(run(async (ctx) => {
      ctx.workbook.worksheets.getItem('台账').getRange('Z1').values = [[1]];
      await ctx.sync();
    })).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    expect(wb.sheet('台账').cell(0, 25)).toBeUndefined();
  });
});

describe('fake Excel: what typing a string makes of it', () => {
  it.each([
    ['abc', { kind: 'value', value: 'abc' }],
    ["'=1", { kind: 'value', value: '=1' }],
    ['=1+1', { kind: 'formula', formula: '1+1' }],
    ['1,234.5', { kind: 'value', value: 1234.5 }],
    ['25%', { kind: 'value', value: 0.25, numFmt: '0%' }],
    ['TRUE', { kind: 'value', value: true }],
    ['#N/A', { kind: 'value', value: { error: '#N/A' } }],
    ['', { kind: 'clear' }],
    [null, { kind: 'skip' }],
  ])('%p', (input, expected) => {
    expect(interpretInput(input)).toEqual(expected);
  });
});
