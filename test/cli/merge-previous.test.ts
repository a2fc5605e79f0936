/**
 * `ledger merge --previous last-city.xlsx`: the history is applied to the merged report as
 * `check` applies it, matching projects by code, else by name and county.
 *
 * May (title 1-5月, time progress 5/12 = 41.67%), merged into city-05.xlsx:
 *   A YG001 100/400 = 25% (gap −16.7 pp: seriously behind, so listed)
 *   B YG002 100/200 = 50% on track · C YG003 not started
 *   D DE001 0.05/0.1 亿元 = 50% on track · E DE002 0.015/0.05 = 30% (gap −11.7: seriously behind, listed)
 *   F SX001 150/300 = 50% on track
 * June (helpers/merge-counties.ts, time progress 50%):
 *   A 200/400 = 50% (gap 0, on track): streak 0, left the list (摘牌)
 *   B (阳谷县) 40/200 = 20%: behind for the first time, streak 1
 *   E 100/500 = 20%: behind in May and June, streak 2 ≥ --list-after 2, so listed also for the streak
 *   D 60%: streak 0
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/cli/commands';
import type { Report } from '../../src/core/types';
import { captureIo, countyFile, makeCounties } from '../helpers/merge-counties';

describe('ledger merge --previous', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-merge-prev-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  let report: Report;
  let code = -1;
  const may = path.join(dir, 'city-05.xlsx');
  let mayBytes: Buffer;

  beforeAll(async () => {
    const mayDir = path.join(dir, 'may');
    fs.mkdirSync(mayDir);
    const title = '2022年1-5月重点项目进展情况';
    await countyFile(path.join(mayDir, '阳谷县.xlsx'), '万元', [
      ['项目A', 'YG001', 1000, 400, 100, '是'],
      ['项目B', 'YG002', 500, 200, 100, '是'],
      ['项目C', 'YG003', 300, 100, 0, '否'],
    ], title);
    await countyFile(path.join(mayDir, '东阿县.xlsx'), '亿元', [
      ['项目D', 'DE001', 0.2, 0.1, 0.05, '是'],
      ['项目E', 'DE002', 0.1, 0.05, 0.015, '是'],
    ], title);
    await countyFile(path.join(mayDir, '莘县.xlsx'), '万元', [['项目F', 'SX001', 800, 300, 150, '是']], title);
    expect(run(['merge', mayDir, '--out', may], captureIo())).toBe(0);
    mayBytes = fs.readFileSync(may);
    const juneDir = path.join(dir, 'june');
    fs.mkdirSync(juneDir);
    const files = (await makeCounties(juneDir)).filter((f) => !f.endsWith('坏文件.xlsx'));
    const io = captureIo();
    code = run(['merge', ...files, '--out', path.join(dir, 'city-06.xlsx'), '--previous', may, '--list-after', '2', '--json'], io);
    report = JSON.parse(io.out.join('')) as Report;
  });

  it('gives each project its streak, matched across the two city workbooks', () => {
    expect(code).toBe(0);
    const projects = report.files[0].sheets?.[0].projects ?? [];
    const streak = (name: string, group: string) => projects.find((p) => p.name === name && p.group === group)?.behindStreak;
    expect(streak('项目A', '阳谷县')).toBe(0);
    expect(streak('项目B', '阳谷县')).toBe(1);
    expect(streak('项目D', '东阿县')).toBe(0);
    expect(streak('项目E', '东阿县')).toBe(2);
  });

  it('lists E for the streak and says A left the list', () => {
    const history = report.history;
    if (!history) throw new Error('no history');
    expect(history.periods.map((p) => p.asOf)).toEqual(['2022-05-31']);
    expect(history.listed.filter((p) => p.reasons.includes('behind-streak')).map((p) => p.name)).toEqual(['项目E']);
    expect(history.delisted.map((p) => p.name)).toEqual(['项目A']);
  });

  it('never writes the earlier city workbook and refuses it as the output', () => {
    expect(fs.readFileSync(may).equals(mayBytes)).toBe(true);
    const io = captureIo();
    expect(run(['merge', path.join(dir, 'june', '阳谷县.xlsx'), '--out', may, '--previous', may], io)).toBe(2);
    expect(fs.readFileSync(may).equals(mayBytes)).toBe(true);
  });
});
