/**
 * `ledger whatif` end to end, in-process: exit codes, human and JSON output, copies
 * only with --out, inputs never written, indicators from the workbook's settings.
 */
import ExcelJS from 'exceljs';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/cli/commands';
import { parseArgs } from '../../src/cli/cli';
import { cellAt } from '../../src/core/grid';
import type { WhatifReport } from '../../src/core/whatif/types';
import { workbookIndicators } from '../../src/cli/whatif';
import { readWorkbook } from '../../src/xlsx';
import { withParts } from '../xlsx/helpers/zip';
import { figureFormula as F } from '../../src/core/plain-number';

const ROOT = path.resolve(__dirname, '../..');
const CITY = path.join(ROOT, 'test/fixtures/xlsx/city-county-column.xlsx');
const EXAMPLES = ['临清市', '冠县', '莘县', '阳谷县', '东阿县'].map((n) => path.join(ROOT, 'examples', `${n}.xlsx`));

function ledger(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = run(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), isTTY: false, today: '2022-07-15', env: {} });
  return { code, stdout, stderr };
}

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-whatif-'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('arguments', () => {
  it('whatif takes its options; check does not', () => {
    const o = parseArgs(['whatif', 'a.xlsx', '--target', '0.8', '--by', '2022-10', '--adjust', 'A:completedYtd=+1', '--adjust', 'B:annualPlan=5', '--indicator', 'x=1']);
    expect(o.command).toBe('whatif');
    expect(o.noWrite).toBe(true); // copies only with --out
    expect(o.whatif).toEqual({ target: 0.8, by: '2022-10', adjust: ['A:completedYtd=+1', 'B:annualPlan=5'], indicators: ['x=1'] });
    expect(parseArgs(['whatif', 'a.xlsx', '--out', 'o']).noWrite).toBe(false);
    expect(parseArgs(['whatif', 'a.xlsx']).whatif).toEqual({ target: 1, adjust: [], indicators: [] });
  });

  it.each<[string[], string]>([
    [['whatif', CITY, '--target', '0'], '--target'],
    [['whatif', CITY, '--target', 'x'], '--target'],
    [['whatif', CITY, '--by', '2022-13'], '--by'],
    [['whatif', CITY, '--by', '2022-6'], '--by'],
    [['check', CITY, '--target', '1'], '--target'],
    [['whatif', CITY, '--indicator'], '--indicator'],
  ])('%j → exit 2', (argv, opt) => {
    const r = ledger(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(opt);
    expect(r.stdout).toBe('');
  });
});

describe('ledger whatif', () => {
  it('prints the what-if in Chinese by default and writes nothing', () => {
    const before = sha(CITY);
    const cwd = process.cwd();
    process.chdir(tmp);
    try {
      const r = ledger(['whatif', CITY]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('截至 2022-06-30，已过 6 个月，距 2022-12 还剩 6 个月；目标：年度计划的 100.0%（按当前月均进度推算）');
      // 合计 (the fixture's own sums): plan 1180500, done 619855.
      // needs (1180500 − 619855) / 6 = 93440.83 万元 = 9.34亿元 a month; now 619855 / 6 = 103309.17 = 10.33亿元;
      // year end 619855 + 103309.17 × 6 = 1239710 = 123.97亿元, 1239710 / 1180500 = 105.0 %
      expect(r.stdout).toContain('合计：每月需完成 9.34亿元，当前月均 10.33亿元，预计年底完成 123.97亿元（105.0%），能按期完成');
      // 临清市: plan 254000, done 116840; leader 阳谷县 132415 / 186500 = 0.71 → 0.71 × 254000 − 116840 = 63500 = 6.35亿元
      expect(r.stdout).toContain('临清市：每月需完成 2.29亿元，当前月均 1.95亿元，预计年底完成 23.37亿元（92.0%），不能按期完成，排名第 4，再完成 6.35亿元 可排第一');
      expect(fs.readdirSync(tmp)).toEqual([]); // no ledger-out
    } finally {
      process.chdir(cwd);
    }
    expect(sha(CITY)).toBe(before);
  });

  it('--json adds the what-if to report-v1; --lang en', () => {
    const r = ledger(['whatif', CITY, '--json', '--target', '0.9', '--by', '2022-11']);
    expect(r.code).toBe(0);
    const rep = JSON.parse(r.stdout) as WhatifReport;
    expect(rep.schema).toBe('ledger-report/1');
    expect(rep.whatif).toEqual({ target: 0.9, by: '2022-11', indicators: [], scenario: null });
    const s = rep.files[0].sheets[0];
    expect(s.whatif.monthsLeft).toBe(5); // 11 − 6
    // first project: plan 52000, done 33800: (0.9 × 52000 − 33800) / 5 = (46800 − 33800) / 5 = 2600
    expect(s.projects[0].whatif.requiredMonthly).toBe(2600);
    expect(rep.files[0].output).toBeNull();
    expect(ledger(['whatif', CITY, '--lang', 'en']).stdout).toContain('6 months elapsed, 6 left to 2022-12');
  });

  it('--out writes an annotated copy with indicator columns; the input stays as it was', () => {
    const before = sha(CITY);
    const r = ledger(['whatif', CITY, '--out', tmp, '--json', '--indicator', '投资强度=completedYtd / totalInvestment * 100', '--indicator', '得分=max(completionRate, 0.5)']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const rep = JSON.parse(r.stdout) as WhatifReport;
    const out = path.join(tmp, 'city-county-column.checked.xlsx');
    expect(rep.files[0].output).toBe(out);
    expect(sha(CITY)).toBe(before);
    const { grid } = readWorkbook(new Uint8Array(fs.readFileSync(out))).sheets[0];
    // A..L are the ledger's, M..Q the tool's, R its rank key: the indicators are S and T on header row 3
    expect(rep.files[0].sheets[0].whatif.indicatorColumns).toEqual({ 投资强度: { column: 'S', formula: true }, 得分: { column: 'T', formula: false } });
    expect([cellAt(grid, 2, 18), cellAt(grid, 2, 19)]).toEqual(['指标：投资强度', '指标：得分']);
    // row 5: 33800 / 286000 × 100 = 11.818…
    expect(cellAt(grid, 4, 18) as number).toBeCloseTo((33800 / 286000) * 100, 9);
    expect(grid.formulas?.get(4 * 16384 + 18)).toBe(`IFERROR(${F('J5')}/${F('H5')}*100,"")`); // each figure read by the one rule of plain-number.ts
    // 得分 as a value: max(33800 / 52000, 0.5) = 0.65
    expect(cellAt(grid, 4, 19)).toBe(0.65);
    expect(grid.formulas?.has(4 * 16384 + 19)).toBe(false);
    expect(rep.files[0].sheets[0].projects[0].whatif.indicators).toEqual({ 投资强度: Number(((33800 / 286000) * 100).toPrecision(12)), 得分: 0.65 });

    // a second run over the copy replaces the columns instead of adding more
    const again = ledger(['whatif', out, '--out', path.join(tmp, 'again'), '--json', '--indicator', '投资强度=completedYtd / totalInvestment * 100']);
    expect(again.code).toBe(0);
    const rep2 = JSON.parse(again.stdout) as WhatifReport;
    expect(rep2.files[0].sheets[0].outputColumns.completionRate).toBe('M');
    expect(rep2.files[0].sheets[0].whatif.indicatorColumns['投资强度'].column).toBe('S');
    const g2 = readWorkbook(new Uint8Array(fs.readFileSync(path.join(tmp, 'again', 'city-county-column.checked.xlsx')))).sheets[0].grid;
    expect(cellAt(g2, 2, 18)).toBe('指标：投资强度');
    expect(cellAt(g2, 2, 19)).toBeNull(); // 得分 was not asked for again: cleared
  });

  it('a bad indicator: exit 2, the message with its position, nothing printed or written', () => {
    const r = ledger(['whatif', CITY, '--out', tmp, '--indicator', '率=completedYtd / anualPlan']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    // "completedYtd / " is 15 characters: the unknown name starts at the 16th
    expect(r.stderr).toMatch(/^指标「率」：第 16 个字符处的「anualPlan」不是已知字段。可用字段：\n {2}totalInvestment/);
    expect(fs.readdirSync(tmp)).toEqual([]);
    expect(ledger(['whatif', CITY, '--indicator', 'no equals sign']).stderr).toContain('指标格式不对');
    expect(ledger(['whatif', CITY, '--indicator', 'x=import({}, {override: true})']).stderr).toContain('「import」不允许使用');
  });

  it('an adjustment that names no project: exit 2 before anything is written', () => {
    const r = ledger(['whatif', CITY, '--out', tmp, '--adjust', '不存在的项目:completedYtd=+100']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('调整项「不存在的项目:completedYtd=+100」找不到项目：没有项目代码或名称为「不存在的项目」的项目\n');
    expect(fs.readdirSync(tmp)).toEqual([]);
    expect(ledger(['whatif', CITY, '--adjust', 'x:status=1']).code).toBe(2);
  });

  it('over several county workbooks: the city-wide rank and what it takes to be first', () => {
    const r = ledger(['whatif', ...EXAMPLES, '--json']);
    expect(r.code).toBe(1); // the samples carry planted errors, as with check
    const rep = JSON.parse(r.stdout) as WhatifReport;
    const groups = rep.files.flatMap((f) => f.sheets.flatMap((s) => s.groups));
    expect(groups.length).toBe(5);
    const leader = rep.ranking[0];
    const lead = groups.find((g) => g.name === leader.name)!;
    expect(lead.whatif.toRankFirst).toBe(0);
    for (const g of groups) {
      if (g === lead || g.completionRate === null) continue;
      // the leader's rate × own plan − own completed
      expect(g.whatif.toRankFirst).toBeCloseTo((lead.completionRate as number) * g.annualPlan - g.completedYtd, 0);
    }
  });

  it('a file that cannot be read: exit 2, the others still reported', () => {
    const r = ledger(['whatif', CITY, path.join(tmp, 'missing.xlsx'), '--json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('missing.xlsx');
    const rep = JSON.parse(r.stdout) as WhatifReport;
    expect(rep.files[1].error?.code).toBe('unreadable-file');
    expect(rep.files[0].sheets[0].projects[0].whatif).toBeDefined();
  });
});

describe('a ledger with monthly plan columns (按月排进度)', () => {
  it('projects by the plans and says where they are', async () => {
    const file = path.join(tmp, 'monthly.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.addRow(['2022年重点项目进展（截至6月底）']);
    ws.addRow(['序号', '项目名称', '总投资', '年度计划投资', '1-6月完成投资', '按月排进度', '', '', '', '', '']);
    ws.addRow(['', '', '', '', '', '7月', '8月', '9月', '10月', '11月', '12月']);
    ws.addRow([1, '甲', 5000, 1200, 480, 100, 100, 100, 150, 150, 150]);
    ws.addRow([2, '乙', 3000, 600, 200, 50, 50, 50, 50, 50, 50]);
    ws.mergeCells('F2:K2');
    for (const c of ['A', 'B', 'C', 'D', 'E']) ws.mergeCells(`${c}2:${c}3`);
    await wb.xlsx.writeFile(file);
    const r = ledger(['whatif', file, '--json']);
    expect(r.code).toBe(0);
    const s = (JSON.parse(r.stdout) as WhatifReport).files[0].sheets[0];
    expect(s.whatif.basis).toBe('monthly-plan');
    expect(s.whatif.monthPlanColumns).toEqual({ 7: 'F', 8: 'G', 9: 'H', 10: 'I', 11: 'J', 12: 'K' });
    // 甲: 480 + 100 × 3 + 150 × 3 = 1230 → 1230 / 1200 = 1.025; needs (1200 − 480) / 6 = 120
    expect(s.projects[0].whatif).toMatchObject({ projectedYearEnd: 1230, projectedRate: 1.025, requiredMonthly: 120, onCourse: true, basis: 'monthly-plan' });
    // 乙: 200 + 50 × 6 = 500 → 500 / 600 = 0.8333…; off course
    expect(s.projects[1].whatif).toMatchObject({ projectedYearEnd: 500, onCourse: false });
    // total: 680 + 750 + 300 = 1730 of 1800
    expect(s.total.whatif.projectedYearEnd).toBe(1730);
  });
});

describe('indicators saved in the workbook (the pane’s settings)', () => {
  const webext = (value: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{1}">
<we:reference id="x" version="1.0.0.0" store="developer" storeType="Registry"/>
<we:properties><we:property name="other" value="&quot;1&quot;"/><we:property name="ledgerCheck.settings" value="${value}"/></we:properties>
</we:webextension>`;
  const saved = JSON.stringify(JSON.stringify({ lang: 'zh-CN', indicators: [{ name: '到位率', expression: 'completedYtd / annualPlan' }, { name: 'bad', expression: 'parse("1")' }, { x: 1 }] }));
  const escaped = saved.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

  it('are read from the package, twice-encoded JSON and all', () => {
    const bytes = withParts(new Uint8Array(fs.readFileSync(CITY)), { 'xl/webextensions/webextension1.xml': webext(escaped) });
    expect(workbookIndicators(bytes)).toEqual([{ name: '到位率', expression: 'completedYtd / annualPlan' }, { name: 'bad', expression: 'parse("1")' }]);
    expect(workbookIndicators(new Uint8Array(fs.readFileSync(CITY)))).toEqual([]);
    expect(workbookIndicators(new Uint8Array([1, 2, 3]))).toEqual([]);
  });

  it('are computed; one that no longer compiles is reported and left out; the command line wins on a name', () => {
    const file = path.join(tmp, 'saved.xlsx');
    fs.writeFileSync(file, withParts(new Uint8Array(fs.readFileSync(CITY)), { 'xl/webextensions/webextension1.xml': webext(escaped) }));
    const r = ledger(['whatif', file, '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('指标「bad」：第 1 个字符处的「parse」不允许使用。只能使用数字、字段、+ - * / ^、比较运算、括号和函数 abs min max round floor ceil sqrt exp log log10 pow sign, pi\n');
    const rep = JSON.parse(r.stdout) as WhatifReport;
    expect(rep.whatif.indicators.map((i) => [i.name, i.source])).toEqual([['到位率', 'workbook']]);
    expect(rep.files[0].sheets[0].projects[0].whatif.indicators).toEqual({ 到位率: 0.65 }); // 33800 / 52000
    const o = JSON.parse(ledger(['whatif', file, '--json', '--indicator', '到位率=1']).stdout) as WhatifReport;
    expect(o.whatif.indicators.map((i) => [i.name, i.source, i.expression])).toEqual([['到位率', 'option', '1']]);
  });
});
