/**
 * The web page's check service with earlier-period workbooks (上期台账): the same three monthly
 * ledgers as test/cli/summary-history.test.ts, worked by hand there (end of April, May and
 * June 2022, dated by their file names, every plan 100 万元):
 *
 *   甲项目 behind ×3 → 3;  乙项目 on track, behind, behind → 2;  丙项目 behind, behind, on track → 0;
 *   丁项目 on track ×3 → 0;  戊项目 on track, on track, seriously behind → 1.
 *
 * The earlier files are handed over newest first: their file names' dates put them in order.
 */
import { DEFAULT_SETTINGS } from '../../src/core/types';
import { reportOf } from '../../src/taskpane/model';
import { CheckService } from '../../src/web/check-service';
import { handle } from '../../src/web/handle';
import { threeMonthsLedger } from '../helpers/three-months';

const ledger = (month: number): Promise<Uint8Array> => threeMonthsLedger(month);

const settings = { ...DEFAULT_SETTINGS, today: '2022-07-15' };

describe('CheckService with earlier periods', () => {
  it('gives every project its streak and puts the 挂牌 list and 摘牌 line on the 汇总 sheet', async () => {
    const service = new CheckService();
    service.open(await ledger(2), undefined, '阳谷县台账-20220630.xlsx');
    service.setEarlier([
      { name: '阳谷县台账-20220531.xlsx', bytes: await ledger(1) },
      { name: '阳谷县台账-20220430.xlsx', bytes: await ledger(0) },
    ]);
    const result = service.check(settings);
    expect(result.sheets[0].projects.map((p) => [p.name, p.behindStreak, p.listed])).toEqual([
      ['甲项目', 3, true], ['乙项目', 2, true], ['丙项目', 0, false], ['丁项目', 0, false], ['戊项目', 1, true],
    ]);
    const summary = result.plans[0].sheets?.find((s) => s.name === '汇总');
    const texts = (summary?.cells ?? []).filter((c) => c.c === 0).map((c) => c.value);
    const at = texts.indexOf('挂牌督办项目');
    expect(at).toBeGreaterThan(0);
    expect(texts.slice(at)).toEqual(['挂牌督办项目', '项目名称', '甲项目', '乙项目', '戊项目', '本期摘牌项目1个：丙项目（阳谷县）。']);
    // The report the page downloads (JSON, and the 通报 built from it) carries the same history.
    const report = reportOf(result, '阳谷县台账-20220630.xlsx', null);
    expect(report.history?.listed.map((p) => [p.name, p.behindStreak])).toEqual([['甲项目', 3], ['乙项目', 2], ['戊项目', 1]]);
    expect(report.history?.delisted.map((p) => p.name)).toEqual(['丙项目']);
  });

  it('without earlier workbooks, no streaks and no 挂牌 block (as before)', async () => {
    const service = new CheckService();
    service.open(await ledger(2), undefined, '阳谷县台账-20220630.xlsx');
    const result = service.check(settings);
    expect(result.sheets[0].projects.every((p) => p.behindStreak === undefined)).toBe(true);
    const cells = result.plans[0].sheets?.find((s) => s.name === '汇总')?.cells ?? [];
    expect(cells.some((c) => c.value === '挂牌督办项目')).toBe(false);
  });
});

describe('the worker\'s `earlier` call', () => {
  it('hands the earlier workbooks to the service, then a check counts the streaks (甲项目: 3)', async () => {
    const service = new CheckService();
    handle(service, { id: 1, call: 'open', args: { bytes: await ledger(2), fileName: '阳谷县台账-20220630.xlsx' } }, () => undefined);
    const answer = handle(service, {
      id: 2, call: 'earlier',
      args: { files: [{ name: '阳谷县台账-20220430.xlsx', bytes: await ledger(0) }, { name: '阳谷县台账-20220531.xlsx', bytes: await ledger(1) }] },
    }, () => undefined);
    expect(answer).toEqual({ files: 2 });
    const result = handle(service, { id: 3, call: 'check', args: { settings } }, () => undefined) as ReturnType<CheckService['check']>;
    expect(result.sheets[0].projects[0].behindStreak).toBe(3);
    // An empty list drops the history again.
    handle(service, { id: 4, call: 'earlier', args: { files: [] } }, () => undefined);
    expect(service.check(settings).sheets[0].projects[0].behindStreak).toBeUndefined();
  });
});
