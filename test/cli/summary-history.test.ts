/**
 * `ledger check --previous …`: the annotated copy's 汇总 sheet holds the 挂牌 list and the 摘牌
 * line (the group column under the table's own 分组 header). Three monthly ledgers of one
 * county, dated by their file names (end of April, May and
 * June 2022; time progress on the month basis 4/12 = 33.3%, 5/12 = 41.7%, 6/12 = 50%). Every
 * plan is 100 万元, so the completion rate is the completed figure in percent; behind is a gap
 * below 0 down to −10 points, seriously behind below −10 (the default thresholds).
 *
 *   project  Apr (33.3%)   May (41.7%)   Jun (50%)        June: streak, listed
 *   甲项目   30 behind     35 behind     45 behind        3, listed (was listed in May: streak 2)
 *   乙项目   40 on track   38 behind     46 behind        2, newly listed
 *   丙项目   30 behind     35 behind     55 on track      0, listed in May (streak 2) → 摘牌
 *   丁项目   40 on track   45 on track   60 on track      0
 *   戊项目   40 on track   45 on track   35 (−15) seriously behind: 1, newly listed for that
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/cli/commands';
import { threeMonthsLedger } from '../helpers/three-months';

async function ledgerFile(file: string, month: number): Promise<void> {
  fs.writeFileSync(file, await threeMonthsLedger(month));
}

let tmp: string;
beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-summary-history-'));
  for (const [i, day] of ['20220430', '20220531', '20220630'].entries()) await ledgerFile(path.join(tmp, `阳谷县台账-${day}.xlsx`), i);
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function ledger(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = run(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), isTTY: false, today: '2022-07-15', env: {} });
  return { code, stdout, stderr };
}

/** The 汇总 sheet's rows as text, from the title of the 挂牌 block to the end. */
async function historyBlock(out: string, sheetName: string, title: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(out) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(sheetName);
  expect(ws).toBeDefined();
  const rows: string[][] = [];
  ws!.eachRow((row) => {
    const cells = (row.values as unknown[]).slice(1, 6).map((v) => (v === undefined || v === null ? '' : String(v)));
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    rows.push(cells);
  });
  const at = rows.findIndex((r) => r[0] === title);
  return at < 0 ? [] : rows.slice(at);
}

describe('the 汇总 sheet with earlier periods', () => {
  jest.setTimeout(60_000);
  const file = (day: string) => path.join(tmp, `阳谷县台账-${day}.xlsx`);

  it('lists 甲, 乙 and 戊 with their streaks and reasons, and takes 丙 off the list', async () => {
    const outDir = path.join(tmp, 'out-zh');
    const r = ledger(['check', file('20220630'), '--previous', file('20220430'), '--previous', file('20220531'), '--out', outDir]);
    expect(r.stderr).toBe('');
    const block = await historyBlock(path.join(outDir, '阳谷县台账-20220630.checked.xlsx'), '汇总', '挂牌督办项目');
    expect(block).toEqual([
      ['挂牌督办项目'],
      ['项目名称', '分组', '连续滞后期数', '挂牌原因', '本期新挂牌'],
      ['甲项目', '阳谷县', '3', '连续滞后3期'],
      ['乙项目', '阳谷县', '2', '连续滞后2期', '是'],
      ['戊项目', '阳谷县', '1', '严重滞后，完成率35.0%', '是'],
      ['本期摘牌项目1个：丙项目（阳谷县）。'],
    ]);
  });

  it('follows --lang: zh-TW and en words, the bulletin\'s 摘牌 sentence', async () => {
    const tw = path.join(tmp, 'out-tw');
    ledger(['check', file('20220630'), '--previous', file('20220430'), '--previous', file('20220531'), '--out', tw, '--lang', 'zh-TW']);
    const tBlock = await historyBlock(path.join(tw, '阳谷县台账-20220630.checked.xlsx'), '彙總', '掛牌督辦項目');
    expect(tBlock[1]).toEqual(['項目名稱', '分組', '連續滯後期數', '掛牌原因', '本期新掛牌']);
    expect(tBlock[2]).toEqual(['甲项目', '阳谷县', '3', '連續滯後3期']);
    expect(tBlock[tBlock.length - 1]).toEqual(['本期摘牌項目1個：丙项目（阳谷县）。']);

    const en = path.join(tmp, 'out-en');
    ledger(['check', file('20220630'), '--previous', file('20220430'), '--previous', file('20220531'), '--out', en, '--lang', 'en']);
    const eBlock = await historyBlock(path.join(en, '阳谷县台账-20220630.checked.xlsx'), 'Summary', 'Projects on the watch list (挂牌督办)');
    expect(eBlock[4]).toEqual(['戊项目', '阳谷县', '1', 'seriously behind, 35.0% of plan', 'yes']);
    expect(eBlock[5]).toEqual(['Taken off the list (摘牌): 1 projects: 丙项目 (阳谷县).']);
  });

  it('--list-after 3: only 甲 for its streak (乙 no longer), 戊 still for being seriously behind', async () => {
    const outDir = path.join(tmp, 'out-3');
    ledger(['check', file('20220630'), '--previous', file('20220430'), '--previous', file('20220531'), '--out', outDir, '--list-after', '3']);
    const block = await historyBlock(path.join(outDir, '阳谷县台账-20220630.checked.xlsx'), '汇总', '挂牌督办项目');
    // In May with the rule 3, nobody had 3 reports behind: 甲 is newly listed, and 丙 was never listed (no 摘牌).
    expect(block.slice(2)).toEqual([
      ['甲项目', '阳谷县', '3', '连续滞后3期', '是'],
      ['戊项目', '阳谷县', '1', '严重滞后，完成率35.0%', '是'],
    ]);
  });

  it('without --previous the 汇总 sheet has no 挂牌 block', async () => {
    const outDir = path.join(tmp, 'out-none');
    ledger(['check', file('20220630'), '--out', outDir]);
    expect(await historyBlock(path.join(outDir, '阳谷县台账-20220630.checked.xlsx'), '汇总', '挂牌督办项目')).toEqual([]);
  });
});
