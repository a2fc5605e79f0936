/**
 * The pane's 上期台账（可选） and 下载通报（Word） (src/taskpane/periods.ts, earlier.ts) without a
 * browser. The ledgers are the three monthly ones of test/cli/summary-history.test.ts, worked by
 * hand there (end of April, May and June 2022, dated by their file names, every plan 100 万元;
 * time progress 4/12, 5/12, 6/12 of the year):
 *
 *   甲项目 30, 35, 45: behind ×3 → streak 3;   乙项目 40, 38, 46: on track, behind, behind → 2;
 *   丙项目 30, 35, 55: behind, behind, on track → 0;   丁项目 40, 45, 60: on track ×3 → 0;
 *   戊项目 40, 45, 35: on track, on track, seriously behind (35 − 50 = −15 points) → 1.
 *
 * The pane's engine reads the open workbook through its host (grids), the web page's service
 * reads the file: both measure the history with EarlierPeriods, so they must agree.
 */
import { strFromU8, unzipSync } from 'fflate';
import type { Grid } from '../../src/core/grid';
import { PLAN_LABELS } from '../../src/core/plan-labels';
import { DEFAULT_SETTINGS, LANGS, type Settings } from '../../src/core/types';
import { documentText } from '../../src/docx';
import { DOCX_TYPE } from '../../src/taskpane/download';
import { GridEngine, type PaneEngine } from '../../src/taskpane/engine';
import type { LedgerHost } from '../../src/taskpane/host';
import { laggingProjects, type CheckResult } from '../../src/taskpane/model';
import type { PaneNotice } from '../../src/taskpane/no-room';
import { bulletinFileName, createPeriods, offerBulletin } from '../../src/taskpane/periods';
import { periodStrings } from '../../src/taskpane/strings/periods';
import { earlierStatus } from '../../src/taskpane/views/periods';
import { CheckService } from '../../src/web/check-service';
import { readWorkbook } from '../../src/xlsx';
import { threeMonthsLedger } from '../helpers/three-months';

const ledger = (month: number): Promise<Uint8Array> => threeMonthsLedger(month);

const settings: Settings = { ...DEFAULT_SETTINGS, today: '2022-07-15' };
const JUNE = '阳谷县台账-20220630.xlsx';

/** A host holding one workbook's visible sheets, named as Excel would name the saved file. */
function hostOf(grids: Grid[], fileName: string | null): LedgerHost {
  const none = async () => undefined;
  return {
    kind: 'excel', readSheets: async () => grids, writeColumns: none, writeMarks: none, removeAll: none,
    selectCell: none, loadSettings: async () => null, saveSettings: none, displayLanguage: () => 'zh-CN', fileName: () => fileName,
  };
}

const streaks = (r: CheckResult) => laggingProjects(r.sheets[0]).map((p) => [p.name, p.behindStreak]);

describe('GridEngine with earlier periods (the pane in Excel and WPS)', () => {
  let june: Uint8Array;
  let earlier: { name: string; bytes: Uint8Array }[];
  let engine: GridEngine;

  beforeAll(async () => {
    june = await ledger(2);
    // Newest first: the file names' dates put them in order.
    earlier = [{ name: '阳谷县台账-20220531.xlsx', bytes: await ledger(1) }, { name: '阳谷县台账-20220430.xlsx', bytes: await ledger(0) }];
    engine = new GridEngine(hostOf(readWorkbook(june).sheets.map((s) => s.grid), JUNE));
  });

  it('checks without streaks until earlier workbooks are chosen', async () => {
    const r = await engine.check(settings, () => undefined, true);
    expect(r.history).toBeUndefined();
    expect(JSON.stringify(r.plans[0].sheets[0])).not.toContain(PLAN_LABELS['zh-CN'].listedTitle);
    expect(streaks(r)).toEqual([['戊项目', undefined], ['甲项目', undefined], ['乙项目', undefined]]);
  });

  it('gives the lagging list its streaks worked out by hand, and the 汇总 plan its history', async () => {
    expect(await engine.setEarlier(earlier)).toBe(2);
    const r = await engine.check(settings, () => undefined, false);
    // Worst gap first: 戊 −15, 甲 45 − 50 = −5, 乙 46 − 50 = −4.
    expect(streaks(r)).toEqual([['戊项目', 1], ['甲项目', 3], ['乙项目', 2]]);
    expect(r.history?.periods.map((p) => p.asOf)).toEqual(['2022-04-30', '2022-05-31']);
    // 丙 was behind twice before June (on the list under the default rule) and caught up: 摘牌.
    expect(r.history?.delisted.map((p) => p.name)).toEqual(['丙项目']);
    // The 汇总 sheet of the plan carries the 挂牌 block below its table (core/summary-history.ts).
    const summary = JSON.stringify(r.plans[0].sheets[0]);
    expect(summary).toContain(PLAN_LABELS['zh-CN'].listedTitle);
  });

  it('agrees with the web page\'s service on the same files', async () => {
    const service = new CheckService();
    service.open(june, undefined, JUNE);
    service.setEarlier(earlier);
    const web = service.check(settings);
    const pane = await engine.check(settings, () => undefined, false);
    expect(streaks(pane)).toEqual(streaks(web));
    expect(pane.history).toEqual(web.history);
  });

  it('drops the history when the list is cleared', async () => {
    expect(await engine.setEarlier([])).toBe(0);
    const r = await engine.check(settings, () => undefined, false);
    expect(r.history).toBeUndefined();
  });

  it('keeps the last choice when a chosen file is not a workbook', async () => {
    await engine.setEarlier(earlier);
    await expect(engine.setEarlier([{ name: 'notes.xlsx', bytes: new TextEncoder().encode('not a zip') }])).rejects.toThrow();
    const r = await engine.check(settings, () => undefined, false);
    expect(streaks(r)).toEqual([['戊项目', 1], ['甲项目', 3], ['乙项目', 2]]);
  });
});

describe('the bulletin from the pane', () => {
  let result: CheckResult;

  beforeAll(async () => {
    const engine = new GridEngine(hostOf(readWorkbook(await ledger(2)).sheets.map((s) => s.grid), JUNE));
    result = await engine.check(settings, () => undefined, true);
  });

  it.each([
    [JUNE, '阳谷县台账-20220630.通报.docx'],
    ['台账.checked.xlsx', '台账.通报.docx'],
    ['3月.XLSM', '3月.通报.docx'],
    [null, '通报.docx'],
    ['', '通报.docx'],
  ])('names the file after the workbook: %p → %p', (name, file) => {
    expect(bulletinFileName(name)).toBe(file);
  });

  it('hands the .docx to the download, its title first, and says where else to get it', async () => {
    const got: { bytes: Uint8Array; name: string; type: string }[] = [];
    const outcome = await offerBulletin(result, JUNE, 'zh-CN', (bytes, name, type) => got.push({ bytes, name, type }));
    expect(got.map((g) => [g.name, g.type])).toEqual([['阳谷县台账-20220630.通报.docx', DOCX_TYPE]]);
    const lines = documentText(strFromU8(unzipSync(got[0].bytes)['word/document.xml'])).split('\n');
    expect(lines[0]).toBe('关于2022年上半年全市重点项目建设进展情况的通报');
    expect(outcome).toBe(periodStrings('zh-CN').bulletinOffered('阳谷县台账-20220630.通报.docx'));
  });

  it.each(LANGS)('a host that refuses the download gets a warning naming the web page and the command (%s)', async (lang) => {
    const outcome = (await offerBulletin(result, JUNE, lang, () => {
      throw new Error('downloads are blocked');
    })) as PaneNotice;
    expect(outcome).toEqual({ kind: 'warning', lines: [periodStrings(lang).bulletinBlocked] });
    expect(outcome.lines[0]).toContain('ledger bulletin --docx');
  });
});

describe('createPeriods: the pane section\'s controller', () => {
  function fake(result: CheckResult | null) {
    const calls: string[] = [];
    const notices: (string | PaneNotice | null)[] = [];
    const engine = {
      setEarlier: async (files: readonly { name: string }[]) => {
        calls.push(`setEarlier ${files.map((f) => f.name).join(',')}`);
        return files.length;
      },
    } as unknown as PaneEngine;
    const periods = createPeriods({
      engine,
      lang: () => 'zh-CN',
      result: () => result,
      fileName: () => JUNE,
      busy: async (op) => {
        notices.push(await op());
      },
      recheck: async () => {
        calls.push('recheck');
      },
    });
    return { calls, notices, periods };
  }
  const settle = () => new Promise((r) => setTimeout(r, 10));
  const file = (name: string) => new File([new Uint8Array([1, 2, 3])], name);

  it('reads the chosen files into the engine and says so; no check yet, none is run', async () => {
    const { calls, notices, periods } = fake(null);
    periods.act.chooseEarlier([file('4月.xlsx'), file('5月.xlsx')]);
    await settle();
    expect(calls).toEqual(['setEarlier 4月.xlsx,5月.xlsx']);
    expect(periods.state.earlier).toEqual(['4月.xlsx', '5月.xlsx']);
    expect(notices).toEqual([periodStrings('zh-CN').earlierRead(2)]);
  });

  it('checks again when a check is on screen, and clears', async () => {
    const { calls, notices, periods } = fake({} as CheckResult);
    periods.act.chooseEarlier([file('5月.xlsx')]);
    await settle();
    periods.act.clearEarlier();
    await settle();
    expect(calls).toEqual(['setEarlier 5月.xlsx', 'recheck', 'setEarlier ', 'recheck']);
    expect(periods.state.earlier).toEqual([]);
    expect(notices).toEqual([periodStrings('zh-CN').earlierRead(1), periodStrings('zh-CN').earlierCleared]);
  });

  it('offers no bulletin before a check', async () => {
    const { notices, periods } = fake(null);
    periods.act.downloadBulletin();
    await settle();
    expect(notices).toEqual([null]);
  });
});

describe('earlierStatus: the line under the 上期台账 input', () => {
  it.each([
    ['zh-CN', [], '未选上期台账。'],
    ['zh-CN', ['4月.xlsx', '5月.xlsx'], '已选 2 个：4月.xlsx、5月.xlsx'],
    ['zh-TW', ['4月.xlsx'], '已選 1 個：4月.xlsx'],
    ['en', ['April.xlsx', 'May.xlsx'], '2 chosen: April.xlsx, May.xlsx'],
  ] as const)('%s %p starts with %p, then the hint', (lang, names, start) => {
    expect(earlierStatus(lang, names)).toBe(`${start} ${periodStrings(lang).hint}`);
  });
});

describe('period strings', () => {
  it.each(LANGS)('%s has every entry, none empty', (lang) => {
    const t = periodStrings(lang);
    const zh = periodStrings('zh-CN');
    expect(Object.keys(t).sort()).toEqual(Object.keys(zh).sort());
    for (const [k, v] of Object.entries(t)) {
      const text = typeof v === 'function' ? String((v as (...a: unknown[]) => string)(2, 'X')) : v;
      expect({ k, empty: text.trim() === '' }).toEqual({ k, empty: false });
    }
  });
});
