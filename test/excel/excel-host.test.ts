import { ExcelHost } from '../../src/excel/excel-host';
import { HostError, toHostError } from '../../src/excel/host-error';
import { langOf } from '../../src/excel/lang';
import { parseSettings, SETTINGS_KEY } from '../../src/excel/settings';
import type { SavedSettings } from '../../src/taskpane/host';
import { createFakeOffice, FakeWorkbook, type FakeHostOptions, type FakeOffice } from '../fake-excel/index';

let fake: FakeOffice | null = null;

afterEach(() => {
  fake?.uninstall();
  fake = null;
});

function setup(options: FakeHostOptions = {}): { wb: FakeWorkbook; f: FakeOffice } {
  const wb = new FakeWorkbook();
  wb.addSheet('台账').put('A1', [['序号']]);
  wb.addSheet('My Sheet');
  fake = createFakeOffice(wb, options).install();
  return { wb, f: fake };
}

describe('ExcelHost.selectCell', () => {
  it('activates the sheet and selects the cell', async () => {
    const { wb } = setup();
    await new ExcelHost({ retryDelayMs: 1 }).selectCell('My Sheet', 'C12');
    expect(wb.activeSheet.name).toBe('My Sheet');
    expect(wb.selection).toEqual({ sheet: 'My Sheet', address: 'C12' });
  });

  it('says in the user\'s language when the sheet is gone', async () => {
    setup();
    const err = await new ExcelHost({ lang: 'en', retryDelayMs: 1 }).selectCell('Gone', 'A1').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect(err).toMatchObject({ code: 'not-found', officeCode: 'ItemNotFound' });
    expect((err as HostError).message).toMatch(/^A sheet, cell or name to work on was not found/);
  });
});

describe('cell-edit mode', () => {
  it('retries once after a pause and then succeeds', async () => {
    const { wb, f } = setup();
    f.host.failNextSyncs('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.');
    await new ExcelHost({ retryDelayMs: 5 }).selectCell('台账', 'B2');
    expect(wb.selection).toEqual({ sheet: '台账', address: 'B2' });
    expect(f.host.runs).toBe(2);
  });

  it('gives up after the one retry with a plain message', async () => {
    const { f } = setup();
    f.host.failNextSyncs('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.', 2);
    await expect(new ExcelHost({ lang: 'zh-CN', retryDelayMs: 1 }).readSheets()).rejects.toMatchObject({
      code: 'cell-edit-mode',
      message: 'Excel 正在编辑单元格。请按 Enter 或 Esc 结束编辑后再试。',
    });
    expect(f.host.runs).toBe(2);
  });

  it('does not retry other errors', async () => {
    const { f } = setup();
    f.host.failNextSyncs('AccessDenied', 'The sheet is protected.');
    await expect(new ExcelHost({ lang: 'zh-TW', retryDelayMs: 1 }).readSheets()).rejects.toMatchObject({
      code: 'access-denied',
      message: '活頁簿或工作表受保護，無法寫入。請取消保護後再試。',
    });
    expect(f.host.runs).toBe(1);
  });
});

describe('toHostError', () => {
  it.each([
    [{ code: 'RequestPayloadSizeLimitExceeded' }, 'payload-too-large'],
    [{ code: 'ApiNotFound' }, 'not-supported'],
    [{ debugInfo: { code: 'ItemAlreadyExists' } }, 'name-conflict'],
    [{ code: 'Conflict' }, 'busy'],
    [new Error('boom'), 'unknown'],
  ])('%p → %s', (e, code) => {
    expect(toHostError(e, 'en').code).toBe(code);
  });

  it('keeps an unknown Office code in the message, for support', () => {
    expect(toHostError({ code: 'GeneralException' }, 'en').message).toBe('Excel reported an error; the operation did not finish. (GeneralException)');
  });

  it('says when there is no Excel at all', async () => {
    await expect(new ExcelHost({ lang: 'en' }).readSheets()).rejects.toMatchObject({ code: 'no-excel' });
  });
});

describe('settings', () => {
  const saved: SavedSettings = { lagWarn: 5, lagAlert: 20, rankMethod: 'dense', lang: 'zh-TW', columnOverrides: { annualPlan: 6 }, indicators: [{ name: '差额', expression: 'annualPlan - completedYtd' }] };

  it('round-trips through the document settings, and a new session reads them', async () => {
    const { wb } = setup();
    await new ExcelHost().saveSettings(saved);
    expect(JSON.parse(wb.settings.get(SETTINGS_KEY) as string)).toEqual(saved);
    fake?.uninstall();
    fake = createFakeOffice(wb).install();
    expect(await new ExcelHost().loadSettings()).toEqual(saved);
  });

  it('reads null when nothing was saved', async () => {
    setup();
    expect(await new ExcelHost().loadSettings()).toBeNull();
  });

  it('turns a failed save into a HostError', async () => {
    const { f } = setup();
    f.documentSettings.failNextSave = 'The document is read-only.';
    await expect(new ExcelHost({ lang: 'en' }).saveSettings(saved)).rejects.toMatchObject({ code: 'settings-save-failed' });
  });

  it('uses the workbook setting collection where document settings are missing', async () => {
    const { wb, f } = setup();
    delete (f.Office.context as { document?: unknown }).document;
    await new ExcelHost().saveSettings(saved);
    expect(JSON.parse(wb.settings.get(SETTINGS_KEY) as string)).toEqual(saved);
    expect(await new ExcelHost().loadSettings()).toEqual(saved);
  });

  it('keeps only the well-formed parts of a stored value', () => {
    expect(parseSettings('{"lagWarn":"x","lagAlert":15,"lang":"fr","columnOverrides":{"annualPlan":6,"nope":1,"name":1.5}}')).toEqual({
      lagAlert: 15,
      columnOverrides: { annualPlan: 6 },
    });
    // A level of the row tree is a whole number from 1 to 9.
    expect(parseSettings('{"groupLevel":2,"groupBy":"responsibleUnit"}')).toEqual({ groupLevel: 2, groupBy: 'responsibleUnit' });
    expect(parseSettings('{"groupLevel":0}')).toEqual({});
    expect(parseSettings('{"groupLevel":1.5}')).toEqual({});
    expect(parseSettings('{"groupLevel":"2"}')).toEqual({});
    expect(parseSettings('not json')).toBeNull();
    expect(parseSettings('[1]')).toBeNull();
  });
});

describe('displayLanguage', () => {
  it.each([
    ['zh-CN', 'zh-CN'],
    ['zh-SG', 'zh-CN'],
    ['zh-TW', 'zh-TW'],
    ['zh-HK', 'zh-TW'],
    ['zh-Hant-MO', 'zh-TW'],
    ['en-US', 'en'],
    ['de-DE', 'en'],
    ['', null],
  ])('%s → %s', (tag, lang) => {
    expect(langOf(tag)).toBe(lang);
  });

  it('asks Office', () => {
    setup({ displayLanguage: 'zh-HK' });
    expect(new ExcelHost().displayLanguage()).toBe('zh-TW');
  });
});
