/**
 * `ledger template`: the workbook it writes, read back with exceljs (every input rule, the
 * protection, locked formula cells and unlocked input cells), each rule evaluated the way Excel
 * evaluates it on typed values, and the template filled by a script read at once by `ledger check`.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { run } from '../../src/cli/commands';
import { buildTemplate, codeFormula, dateSerial, TEMPLATE_KEYS } from '../../src/core/template';
import { DEFAULT_SETTINGS } from '../../src/core/types';
import { checkWorkbook } from '../../src/xlsx';
import { Evaluator, isErr } from '../helpers/formula-eval';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-template-'));
const out = path.join(dir, 'template.xlsx');
const io = { stdout: () => undefined, stderr: (s: string) => { throw new Error(s); }, isTTY: false, today: '2022-06-30', env: {} };
const col = (k: (typeof TEMPLATE_KEYS)[number]): string => String.fromCharCode(65 + TEMPLATE_KEYS.indexOf(k));

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
  return wb;
}

describe('ledger template', () => {
  beforeAll(() => {
    expect(run(['template', '--as-of', '2022-06-30', '--groups', '阳谷县,冠县', '--out', out], io)).toBe(0);
  });

  it('writes the title with the period, the unit line and the header', async () => {
    const ws = (await load(out)).worksheets[0];
    expect(String(ws.getCell('A1').value)).toContain('2022年1-6月');
    expect(ws.getCell('A2').value).toBe('单位：万元');
    expect(ws.getCell(`${col('ytd')}3`).value).toBe('1-6月完成投资（万元）');
    // Block 阳谷县: rows 4-13, 小计 at 14; 冠县: 15-24, 小计 25; 合计 26.
    expect(ws.getCell('B14').value).toBe('阳谷县小计');
    expect((ws.getCell(`${col('annualPlan')}14`).value as { formula: string }).formula).toBe('SUM(J4:J13)');
    expect((ws.getCell(`${col('annualPlan')}26`).value as { formula: string }).formula).toBe('J14+J25');
  });

  it('carries every input rule with its type, operator, formulas, range, prompt and error style', async () => {
    const ws = (await load(out)).worksheets[0];
    const dv = (a1: string): ExcelJS.DataValidation => {
      const v = (ws as unknown as { dataValidations: { find(a: string): ExcelJS.DataValidation | undefined } }).dataValidations.find(a1);
      if (!v) throw new Error(`no rule on ${a1}`);
      return v;
    };
    const expected: Array<[string, string, string | undefined, unknown[]]> = [
      [`${col('total')}4`, 'decimal', 'between', [0, 5000000]],
      [`${col('ytd')}24`, 'decimal', 'between', [0, 5000000]],
      [`${col('index')}5`, 'whole', 'greaterThanOrEqual', [1]],
      [`${col('status')}4`, 'list', undefined, ['"已开工,未开工"']],
      [`${col('nature')}20`, 'list', undefined, ['"新建,续建,扩建,改建"']],
      [`${col('group')}13`, 'list', undefined, ['"阳谷县,冠县"']],
      [`${col('start')}4`, 'date', 'between', [dateSerial(2017, 1, 1), dateSerial(2027, 12, 31)]],
      [`${col('code')}15`, 'custom', undefined, [codeFormula('C4')]],
    ];
    for (const [a1, type, operator, formulae] of expected) {
      const v = dv(a1);
      expect(v.type).toBe(type);
      if (operator) expect(v.operator).toBe(operator);
      const got = (v.formulae as unknown[]).map((f) => (f instanceof Date ? dateSerial(f.getUTCFullYear(), f.getUTCMonth() + 1, f.getUTCDate()) : typeof f === 'string' && /^\d+$/.test(f) ? Number(f) : f));
      expect(got).toEqual(formulae);
      expect(v.errorStyle).toBe('stop');
      expect(v.showErrorMessage).toBe(true);
      expect(v.showInputMessage).toBe(true);
      expect(v.prompt).toBeTruthy();
      expect(v.error).toBeTruthy();
    }
    // No rule on the 小计 and 合计 rows, nor on the header.
    for (const a1 of [`${col('total')}14`, `${col('total')}26`, `${col('total')}3`]) {
      expect((ws as unknown as { dataValidations: { find(a: string): unknown } }).dataValidations.find(a1)).toBeUndefined();
    }
    // Excel takes at most 255 characters in a rule's formula.
    for (const r of buildTemplate({ asOf: '2022-06-30', groups: ['阳谷县'], lang: 'zh-CN' }).rules) expect(r.formula1.length).toBeLessThanOrEqual(255);
  });

  it('protects the sheet, locks the formulas and leaves the input cells open', async () => {
    const xml = (await load(out)).worksheets[0];
    const protection = (xml as unknown as { sheetProtection: { sheet?: boolean; password?: string } | null }).sheetProtection;
    expect(protection?.sheet).toBe(true);
    expect(protection?.password).toBeUndefined();
    const locked = (a1: string): boolean => xml.getCell(a1).protection?.locked !== false;
    for (const a1 of [`${col('rate')}4`, `${col('annualPlan')}14`, `${col('ytd')}26`, 'B14', 'A1', 'B3']) expect(locked(a1)).toBe(true);
    for (const k of TEMPLATE_KEYS.filter((k) => k !== 'rate')) expect(locked(`${col(k)}4`)).toBe(false);
    expect(locked(`${col('ytd')}24`)).toBe(false);
  });

  it('fills the completion rate red and yellow by the lag behind time progress', () => {
    const spec = buildTemplate({ asOf: '2022-06-30', groups: ['阳谷县'], lang: 'zh-CN' });
    // End of June: time progress 0.5; red beyond 10 points behind, yellow beyond 0, red first.
    expect(spec.fills).toEqual([
      { sqref: 'M4:M15', formula: 'AND(ISNUMBER(M4),(M4-0.5)*100<-10)', level: 'alert' },
      { sqref: 'M4:M15', formula: 'AND(ISNUMBER(M4),(M4-0.5)*100<-0)', level: 'warn' },
    ]);
    const ev = (formula: string, rate: number): unknown => new Evaluator({ sheets: new Map([['S', new Map([['M4', { value: rate }]])]]), names: new Map() }).formula(formula, 'S');
    expect([ev(spec.fills[0].formula, 0.35), ev(spec.fills[1].formula, 0.35)]).toEqual([true, true]);
    expect([ev(spec.fills[0].formula, 0.45), ev(spec.fills[1].formula, 0.45)]).toEqual([false, true]);
    expect([ev(spec.fills[0].formula, 0.5), ev(spec.fills[1].formula, 0.5)]).toEqual([false, false]);
  });

  it('writes the fills after the protection and the merges, and the rules before the page margins', () => {
    const xml = strFromU8(unzipSync(new Uint8Array(fs.readFileSync(out)))['xl/worksheets/sheet1.xml']);
    const at = (tag: string): number => xml.indexOf(`<${tag}`);
    const order = ['sheetData', 'sheetProtection', 'mergeCells', 'conditionalFormatting', 'dataValidations', 'pageMargins'].map(at);
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(xml).toContain('<sheetProtection sheet="1"');
    expect(xml).not.toMatch(/password|hashValue/);
  });

  it('puts a long county list on a hidden sheet', async () => {
    const groups = Array.from({ length: 40 }, (_, i) => `第${i + 1}号测试县区`);
    const file = path.join(dir, 'long.xlsx');
    expect(run(['template', '--as-of', '2022-03-31', '--groups', groups.join(','), '--out', file], io)).toBe(0);
    const wb = await load(file);
    const lists = wb.worksheets[1];
    expect(lists.state).toBe('hidden');
    expect(lists.getCell('A40').value).toBe(groups[39]);
    const v = (wb.worksheets[0] as unknown as { dataValidations: { find(a: string): ExcelJS.DataValidation } }).dataValidations.find(`${col('group')}4`);
    expect(v.formulae).toEqual(["'列表'!$A$1:$A$40"]);
  });
});

/**
 * Each rule evaluated as Excel does when a value is typed (the test's reasoning):
 * - decimal/whole/date: Excel first turns the typed text into a number the way the cell would
 *   (a date it recognises becomes its serial; `约3000`, `2022-13-01` stay text); text fails any
 *   number rule. Then the operator: between f1 and f2 inclusive, greaterThanOrEqual f1; whole
 *   also needs an integer.
 * - list: the value must be one of the list's items.
 * - custom: the formula is written for the top-left cell of the range, so it is evaluated with
 *   the typed value in that cell; TRUE accepts, FALSE or an error refuses.
 * - a blank cell: every rule has allowBlank, so Excel does not test it.
 */
describe('input rules refuse what the check would flag', () => {
  const spec = buildTemplate({ asOf: '2022-06-30', groups: ['阳谷县', '冠县'], lang: 'zh-CN' });
  const rule = (k: string) => spec.rules.find((r) => r.key === k)!;
  const typed = (s: string | number): number | string => {
    if (typeof s === 'number') return s;
    const d = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
    if (d && +d[2] >= 1 && +d[2] <= 12 && +d[3] >= 1 && +d[3] <= 31) return dateSerial(+d[1], +d[2], +d[3]);
    return s.trim() !== '' && Number.isFinite(Number(s)) ? Number(s) : s;
  };
  const accepts = (k: string, input: string | number): boolean => {
    const r = rule(k);
    const v = typed(input);
    // allowBlank="1": Excel does not test a cell left blank.
    if (v === '') return true;
    if (r.type === 'list') return r.formula1.replace(/^"|"$/g, '').split(',').includes(String(v));
    if (r.type === 'custom') {
      const first = r.sqref.split(/[ :]/)[0];
      const ev = new Evaluator({ sheets: new Map([['S', new Map([[first, { value: v }]])]]), names: new Map() });
      const res = ev.formula(r.formula1, 'S');
      return !isErr(res) && res === true;
    }
    if (typeof v !== 'number') return false;
    if (r.type === 'whole' && !Number.isInteger(v)) return false;
    const f1 = Number(r.formula1);
    return r.operator === 'greaterThanOrEqual' ? v >= f1 : v >= f1 && v <= Number(r.formula2);
  };

  it.each([
    ['annualPlan', '约3000'], ['annualPlan', -5], ['annualPlan', 500000000], ['ytd', 'abc'], ['total', 60000000],
    ['index', 2.5], ['index', 0], ['status', '在建中'], ['nature', '新開'], ['group', '东昌府区'],
    ['start', '2022-13-01'], ['start', '2030-01-01'], ['finish', '2016-12-31'], ['start', '2022.06'],
    ['code', '2021-371521-48-01-01234'], ['code', '2021-371521-48-01-01234a'], ['code', '2021-371521-48-01-0123.5'],
    ['code', '2021-3715-21-48-01-0123X'], ['code', '20213715214801012345X678'], ['code', '2021-371521-48-01-1e345X'],
  ])('%s refuses %p', (k, v) => expect(accepts(k, v)).toBe(false));

  it.each([
    ['annualPlan', 3000], ['annualPlan', 0], ['ytd', '1250.5'], ['index', 1], ['status', '已开工'], ['nature', '续建'],
    ['group', '冠县'], ['start', '2022-03-15'], ['finish', '2027-12-31'],
    ['code', '2021-371521-48-01-012345'], ['code', '2020-371500-78-01-00001X'], ['code', ''],
  ])('%s accepts %p', (k, v) => expect(accepts(k, v)).toBe(true));
});

describe('a filled template', () => {
  it('is read by the check at once: no column or row reading issues', async () => {
    const file = path.join(dir, 'filled.xlsx');
    expect(run(['template', '--as-of', '2022-06-30', '--groups', '阳谷县,冠县', '--out', file], io)).toBe(0);
    const wb = await load(file);
    const ws = wb.worksheets[0];
    const rows: Array<[number, string, string, number, number, number, string]> = [
      [4, '阳谷县', '物流园', 50000, 20000, 9000, '已开工'],
      [5, '阳谷县', '污水厂', 30000, 10000, 6000, '已开工'],
      [15, '冠县', '产业园', 80000, 30000, 12000, '已开工'],
    ];
    rows.forEach(([r, g, name, total, plan, ytd, status], i) => {
      ws.getCell(`${col('index')}${r}`).value = i + 1;
      ws.getCell(`${col('name')}${r}`).value = name;
      ws.getCell(`${col('group')}${r}`).value = g;
      ws.getCell(`${col('total')}${r}`).value = total;
      ws.getCell(`${col('annualPlan')}${r}`).value = plan;
      ws.getCell(`${col('ytd')}${r}`).value = ytd;
      ws.getCell(`${col('status')}${r}`).value = status;
    });
    fs.writeFileSync(file, new Uint8Array(await wb.xlsx.writeBuffer()));
    const checked = checkWorkbook(new Uint8Array(fs.readFileSync(file)), { ...DEFAULT_SETTINGS, today: '2022-06-30' });
    const report = checked.sheets[0];
    const reading = report.issues.filter((i) => /^(column-|rows-|row-unaccounted)/.test(i.code));
    expect(reading).toEqual([]);
    expect(report.projects.length).toBe(3);
    expect(report.columns).toMatchObject({ name: 'B', group: 'D', annualPlan: 'J', completedYtd: 'L', status: 'N' });
    expect(report.total.annualPlan).toBe(60000);
    expect(report.total.completedYtd).toBe(27000);
  });
});

describe('the template in each language', () => {
  it.each(['zh-CN', 'zh-TW', 'en'] as const)('%s: every text is there and a filled template is read at once', async (lang) => {
    const spec = buildTemplate({ asOf: '2022-09-30', groups: ['A县', 'B县'], lang });
    for (const r of spec.rules) expect([r.prompt, r.error, r.promptTitle, r.errorTitle].every((s) => s.length > 0)).toBe(true);
    const file = path.join(dir, `${lang}.xlsx`);
    expect(run(['template', '--lang', lang, '--as-of', '2022-09-30', '--groups', 'A县,B县', '--out', file], io)).toBe(0);
    const wb = await load(file);
    const ws = wb.worksheets[0];
    ws.getCell('B4').value = 'P1'; ws.getCell('D4').value = 'A县'; ws.getCell('J4').value = 1000; ws.getCell('L4').value = 600;
    ws.getCell('B15').value = 'P2'; ws.getCell('D15').value = 'B县'; ws.getCell('J15').value = 2000; ws.getCell('L15').value = 500;
    fs.writeFileSync(file, new Uint8Array(await wb.xlsx.writeBuffer()));
    const report = checkWorkbook(new Uint8Array(fs.readFileSync(file)), { ...DEFAULT_SETTINGS, today: '2022-09-30' }).sheets[0];
    expect(report.issues.filter((i) => /^(column-|rows-|row-unaccounted)/.test(i.code))).toEqual([]);
    expect(report.projects.map((p) => p.row)).toEqual([4, 15]);
    expect(report.total.annualPlan).toBe(3000);
    expect(report.total.completedYtd).toBe(1100);
  });
});

describe('ledger template arguments', () => {
  const errIo = () => {
    const err: string[] = [];
    return { err, io: { ...io, stderr: (s: string) => { err.push(s); } } };
  };
  it.each([
    [['template', '--out', 'x.txt']],
    [['template', '--as-of', '2022-13-01', '--out', 'x.xlsx']],
    [['template', '--max-amount', '0', '--out', 'x.xlsx']],
    [['check', 'a.xlsx', '--groups', 'A县']],
  ])('refuses %p with exit 2', (argv) => {
    const { err, io: quiet } = errIo();
    expect(run(argv, quiet)).toBe(2);
    expect(err.join('')).not.toBe('');
  });

  it('writes through a temporary name and leaves nothing else in the folder', () => {
    const sub = fs.mkdtempSync(path.join(dir, 'atomic-'));
    const file = path.join(sub, 't.xlsx');
    expect(run(['template', '--max-amount', '200000', '--out', file], io)).toBe(0);
    expect(fs.readdirSync(sub)).toEqual(['t.xlsx']);
    const spec = buildTemplate({ asOf: '2022-06-30', groups: [], lang: 'zh-CN', maxAmount: 200000 });
    expect(spec.rules.find((r) => r.key === 'annualPlan')?.formula2).toBe('200000');
    // No county: one block of rows and a 合计 summing it, no list of counties.
    expect(spec.rules.some((r) => r.key === 'group')).toBe(false);
    expect(spec.rows.filter((r) => r.kind === 'subtotal')).toEqual([]);
  });
});
