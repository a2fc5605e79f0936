/**
 * The pane inside Excel or WPS: the host's file name (Office's document URL, WPS's
 * Workbook.Name) reaches the engine, so a period only in the file name is used there too.
 * Layout: test/fixtures/real/periods-file-name.js (sources there).
 */
import { DEFAULT_SETTINGS } from '../../src/core/types';
import { fileNameOfUrl } from '../../src/excel/excel-host';
import { GridEngine } from '../../src/taskpane/engine';
import { paneStrings } from '../../src/taskpane/strings';
import type { LedgerHost } from '../../src/taskpane/host';
import { toGrid } from '../fixtures/to-grid';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { layout } = require('../fixtures/real/periods-file-name.js');

describe('fileNameOfUrl', () => {
  it.each<[string, string | null]>([
    ['https://contoso.sharepoint.com/sites/fgj/Shared%20Documents/2023%E5%B9%B43%E6%9C%88%E5%8F%B0%E8%B4%A6.xlsx?web=1', '2023年3月台账.xlsx'],
    ['C:\\台账\\重点项目进展统计-20180927.xlsx', '重点项目进展统计-20180927.xlsx'],
    ['file:///Users/a/3月台账.xlsx#x', '3月台账.xlsx'],
    ['https://host/folder/', null],
    ['https://host/bad%E5.xlsx', 'bad%E5.xlsx'], // not decodable: kept as written
  ])('%s', (url, expected) => {
    expect(fileNameOfUrl(url)).toBe(expected);
  });
});

describe('GridEngine', () => {
  const fx = layout();
  const settings = { ...DEFAULT_SETTINGS, today: '2018-10-08' };
  const hostWith = (fileName?: () => string | null) => ({ readSheets: async () => [toGrid(fx)], ...(fileName ? { fileName } : {}) }) as unknown as LedgerHost;

  it('takes the period from the host\'s file name: 2018-09-27', async () => {
    const r = await new GridEngine(hostWith(() => fx.fileName)).check(settings, () => undefined, true);
    expect(r.asOf).toBe('2018-09-27');
    expect(r.sheets[0].asOfSource).toBe('file-name');
  });

  it('a host that knows no file name (null, or no method) leaves today', async () => {
    for (const host of [hostWith(() => null), hostWith()]) {
      const r = await new GridEngine(host).check(settings, () => undefined, true);
      expect(r.asOf).toBe('2018-10-08');
      expect(r.sheets[0].asOfSource).toBe('today');
    }
  });
});

describe('the summary\'s line on where the date came from', () => {
  it.each(['zh-CN', 'zh-TW', 'en'] as const)('%s names the file or the sheet', (lang) => {
    const t = paneStrings(lang);
    expect(t.asOfFrom('file-name', '重点项目进展统计-20180927.xlsx')).toContain('重点项目进展统计-20180927.xlsx');
    expect(t.asOfFrom('workbook', '2010年3月')).toContain('2010年3月');
    expect(t.asOfFrom('file-name', 'x')).not.toBe(t.asOfFrom('workbook', 'x'));
  });
});
