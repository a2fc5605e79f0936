import { toRows } from '../../src/wps/block';
import { randomId, wpsApplication } from '../../src/wps/detect';
import { loadSettings, saveSettings } from '../../src/wps/settings';
import { WpsHost } from '../../src/wps/wps-host';
import type { EtWorkbook } from '../../src/wps/et';
import { FakeWorkbook } from '../fake-excel/index';
import { addLedger } from '../fake-excel/ledger-fixture';
import { FakeEt } from '../fake-wps/index';

describe('WPS pitfalls, each met by the host', () => {
  it('reads the same grid when block reads come back as SAFEARRAY-like wrappers (toArray, column by column)', async () => {
    const plain = new FakeWorkbook();
    const wrapped = new FakeWorkbook();
    addLedger(plain, 300);
    addLedger(wrapped, 300);
    const a = await new WpsHost(new FakeEt(plain).app as never).readSheets();
    const b = await new WpsHost(new FakeEt(wrapped, { wrapBlocks: true }).app as never).readSheets();
    expect(b).toEqual(a);
    // Row 4 of the ledger: 序号 1, the name of the first project (ledger-fixture.ts).
    expect(a[0].values[3][0]).toBe(1);
    expect(a[0].values[3][1]).toBe('第1号重点项目（新建厂房）');
  });

  it('cuts a flat column-major list into rows, and takes a single cell\'s bare value as a 1×1 block', () => {
    // [[1, 2], [3, 4]] stored column by column is 1, 3, 2, 4.
    expect(toRows({ toArray: () => [1, 3, 2, 4] }, 2, 2)).toEqual([[1, 2], [3, 4]]);
    expect(toRows(7, 1, 1)).toEqual([[7]]);
    expect(toRows([[1, 2]], 1, 2)).toEqual([[1, 2]]);
  });

  it('finds ET through wps.EtApplication(), wps.Application or Application, and not in a writer window', () => {
    const et = new FakeEt(new FakeWorkbook());
    expect(wpsApplication({ wps: { EtApplication: () => et.app } })).toBe(et.app);
    expect(wpsApplication({ Application: et.app })).toBe(et.app);
    // WPS 文字: an application whose document has no Worksheets.
    expect(wpsApplication({ wps: { Application: { ActiveWorkbook: undefined, ActiveDocument: {} } } })).toBeNull();
    expect(wpsApplication({})).toBeNull();
  });

  it('makes ids without crypto.randomUUID', () => {
    const saved = Object.getOwnPropertyDescriptor(globalThis, 'crypto');
    Object.defineProperty(globalThis, 'crypto', { value: { getRandomValues: (a: Uint8Array) => a.fill(171) }, configurable: true });
    try {
      // 16 bytes of 0xab → 32 hex digits.
      expect(randomId()).toBe('ab'.repeat(16));
    } finally {
      if (saved) Object.defineProperty(globalThis, 'crypto', saved);
    }
  });

  it('keeps settings longer than a text property (255 characters) over several properties, and reads them back', () => {
    const wb = new FakeWorkbook();
    wb.addSheet('台账');
    const et = new FakeEt(wb);
    const book = et.app.ActiveWorkbook as unknown as EtWorkbook;
    const indicators = Array.from({ length: 12 }, (_, i) => ({ name: `指标${i}`, expression: `completedYtd / annualPlan * ${i}` }));
    saveSettings(book, { asOf: '2022-06-30', lagWarn: 3, indicators });
    const json = JSON.stringify({ asOf: '2022-06-30', lagWarn: 3, indicators });
    expect(wb.settings.size).toBe(Math.ceil(json.length / 255));
    expect(loadSettings(book)).toEqual({ asOf: '2022-06-30', lagWarn: 3, indicators });
    // Saving again replaces, not appends.
    saveSettings(book, { asOf: '2022-07-31' });
    expect(wb.settings.size).toBe(1);
    expect(loadSettings(book)).toEqual({ asOf: '2022-07-31' });
  });

  it('says in the user\'s language when settings cannot be kept (no document properties in this build)', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('台账');
    const host = new WpsHost(new FakeEt(wb, { noDocProperties: true }).app as never, { lang: 'zh-CN' });
    await expect(host.saveSettings({ asOf: '2022-06-30' })).rejects.toMatchObject({ code: 'settings-save-failed', message: '设置未能保存到工作簿中。' });
    await expect(host.loadSettings()).resolves.toBeNull();
  });

  it('the fake refuses what WPS would: a wrong-shaped array, an array for NumberFormat, a relative rule away from the active cell, an address over 255 characters', () => {
    const wb = new FakeWorkbook();
    wb.addSheet('台账');
    wb.addSheet('其他');
    const et = new FakeEt(wb);
    const ws = et.app.ActiveWorkbook.Worksheets.Item('台账');
    expect(() => { ws.Range('A1:B2').Formula = [[1, 2]]; }).toThrow(/array of 1×2 written to 2×2/);
    expect(() => { ws.Range('A1:A2').NumberFormat = [['0%'], ['0%']]; }).toThrow(/one string/);
    ws.Activate();
    ws.Range('C5').Select();
    expect(() => ws.Range('A1:A9').FormatConditions.Add(2, undefined, '=A1>0')).toThrow(/active cell/);
    ws.Range('A1').Select();
    expect(() => ws.Range('A1:A9').FormatConditions.Add(2, undefined, '=A1>0')).not.toThrow();
    expect(() => ws.Range(Array.from({ length: 60 }, (_, i) => `A${i + 1000}`).join(','))).toThrow(/255/);
    // Deleting a sheet while WPS would ask.
    expect(() => et.app.ActiveWorkbook.Worksheets.Item('其他').Delete()).toThrow(/DisplayAlerts/);
  });

  it('the fake stops a cell-by-cell loop past its budget', () => {
    const wb = new FakeWorkbook();
    addLedger(wb, 200);
    const et = new FakeEt(wb, { cellBudget: 100 });
    const ws = et.app.ActiveWorkbook.Worksheets.Item(1);
    expect(() => {
      for (let r = 1; r <= 200; r++) void ws.Range(`A${r}`).Value2;
    }).toThrow(/cell-by-cell/);
  });
});
