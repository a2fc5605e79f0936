/**
 * `--group-by level:N`: the row tree's level that groups the projects, and the levels in
 * the report (JSON `rowLevels`, one line of the human report).
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { groupLevelOf, parseArgs, UsageError } from '../../src/cli/cli';
import { run } from '../../src/cli/commands';
import type { Report } from '../../src/core/types';
import { LEVELS_SHEET } from '../helpers/row-levels';

describe('--group-by', () => {
  it.each([
    ['level:2', 2], ['level2', 2], ['LEVEL:1', 1], ['第2级', 2], ['2级', 2], ['第3級', 3],
  ])('%s names level %d', (text, level) => {
    expect(groupLevelOf(text)).toBe(level);
    expect(parseArgs(['check', 'a.xlsx', '--group-by', text]).groupLevel).toBe(level);
  });

  it('a field still names a column; anything else is refused with the choices', () => {
    const o = parseArgs(['check', 'a.xlsx', '--group-by', 'responsibleUnit']);
    expect(o.groupBy).toBe('responsibleUnit');
    expect(o.groupLevel).toBeUndefined();
    expect(() => parseArgs(['check', 'a.xlsx', '--group-by', 'level:0'])).toThrow(UsageError);
    expect(() => parseArgs(['check', 'a.xlsx', '--group-by', '县区'])).toThrow(/level:1/);
  });
});

// Categories outside, counties inside: the figures are worked out in test/helpers/row-levels.ts.
const ROWS = LEVELS_SHEET;

let tmp: string;
let file: string;
beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-group-by-'));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  for (const row of ROWS) ws.addRow(row);
  file = path.join(tmp, '台账.xlsx');
  fs.writeFileSync(file, new Uint8Array(await wb.xlsx.writeBuffer()));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function ledger(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = run(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), isTTY: false, today: '2022-07-15', env: {} });
  return { code, stdout, stderr };
}
const groupsOf = (r: Report) => r.files[0].sheets[0].groups.map((g) => [g.name, g.projects, g.annualPlan, g.completedYtd]);

describe('ledger check on a ledger with two row levels', () => {
  it('groups by the counties by default and reports both levels', () => {
    const r = ledger(['check', file, '--json', '--no-write']);
    expect(r.stderr).toBe('');
    const s = (JSON.parse(r.stdout) as Report).files[0].sheets[0];
    expect(s.groupSource).toBe('heading');
    expect(s.rowLevels).toEqual([
      { level: 1, labels: ['工业', '服务业'], places: false, use: 'subgroup' },
      { level: 2, labels: ['阳谷县', '冠县'], places: true, use: 'group' },
    ]);
    expect(groupsOf(JSON.parse(r.stdout))).toEqual([['阳谷县', 3, 120, 65], ['冠县', 2, 80, 15]]);
  });

  it('--group-by level:1 groups by the categories', () => {
    const r = ledger(['check', file, '--json', '--no-write', '--group-by', 'level:1']);
    const report = JSON.parse(r.stdout) as Report;
    expect(groupsOf(report)).toEqual([['工业', 3, 150, 60], ['服务业', 2, 50, 20]]);
    expect(report.files[0].sheets[0].rowLevels?.map((l) => l.use)).toEqual(['group', 'subgroup']);
    // The city-wide ranking follows: 工业 60 / 150 = 0.4 and 服务业 20 / 50 = 0.4 tie at 1.
    expect(report.ranking.map((e) => [e.name, e.rank])).toEqual([['工业', 1], ['服务业', 1]]);
  });

  it.each([
    ['zh-CN', '行的层级：第1级作子分组：工业、服务业；第2级（地区）作分组：阳谷县、冠县'],
    ['zh-TW', '列的層級：第1級作子分組：工业、服务业；第2級（地區）作分組：阳谷县、冠县'],
    ['en', 'Row levels: level 1 subgroups: 工业, 服务业; level 2 (places) groups: 阳谷县, 冠县'],
  ])('%s: the levels in one line of the human report', (lang, line) => {
    const r = ledger(['check', file, '--no-write', '--lang', lang]);
    expect(r.stdout).toContain(line);
  });
});
