/**
 * `ledger template --from`: a copy of a ledger, its values and layout kept, with the input
 * rules of 添加输入检查 on the input columns the check finds; the check reads the copy as it
 * read the source. A blank ledger (a header, no rows yet) gets its rules on the rows below it.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { run } from '../../src/cli/commands';
import { ledgerInputCheck } from '../../src/core/input-rules';
import { DEFAULT_SETTINGS } from '../../src/core/types';
import { checkWorkbook, readWorkbook } from '../../src/xlsx';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-template-from-'));
const SOURCE = path.join(__dirname, '..', '..', 'examples', '冠县.xlsx');
const io = { stdout: () => undefined, stderr: (s: string) => { throw new Error(s); }, isTTY: false, today: '2022-07-05', env: {} };
const settings = { ...DEFAULT_SETTINGS, today: '2022-07-05' };
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

type Model = Record<string, { type: string; formulae: unknown[]; promptTitle?: string }>;
async function rulesOf(file: string): Promise<Model> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
  return (wb.worksheets[0] as unknown as { dataValidations: { model: Model } }).dataValidations.model;
}

describe('ledger template --from', () => {
  const out = path.join(dir, '冠县模板.xlsx');
  beforeAll(() => {
    expect(run(['template', '--from', SOURCE, '--out', out], io)).toBe(0);
  });

  it('keeps every value of the source and the check reads it the same', () => {
    const src = readWorkbook(new Uint8Array(fs.readFileSync(SOURCE)));
    const copy = readWorkbook(new Uint8Array(fs.readFileSync(out)));
    expect(copy.sheets.map((s) => s.grid.values)).toEqual(src.sheets.map((s) => s.grid.values));
    const a = checkWorkbook(new Uint8Array(fs.readFileSync(SOURCE)), settings, { write: false }).sheets;
    const b = checkWorkbook(new Uint8Array(fs.readFileSync(out)), settings, { write: false }).sheets;
    expect(b).toEqual(a);
  });

  it('puts the rules the core lays on the columns the check found', async () => {
    const checked = checkWorkbook(new Uint8Array(fs.readFileSync(SOURCE)), settings, { write: false });
    const rules = ledgerInputCheck(checked.analyses[0], { lang: 'zh-CN' }).rules;
    expect(rules.length).toBeGreaterThan(0);
    const model = await rulesOf(out);
    for (const r of rules) {
      const first = r.sqref.split(/[ :]/)[0];
      expect(model[first]?.type).toBe(r.type);
      expect(model[first]?.promptTitle).toBe('填写说明');
    }
  });

  it('gives a blank ledger its rules on the rows below the header', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.addRow(['2022年重点项目进展情况表（1-6月）']);
    ws.addRow(['单位：万元']);
    ws.addRow(['序号', '项目名称', '县（市、区）', '总投资', '年度计划投资', '1-6月完成投资', '是否开工']);
    const blank = path.join(dir, 'blank.xlsx');
    fs.writeFileSync(blank, new Uint8Array(await wb.xlsx.writeBuffer()));
    const file = path.join(dir, 'blank-template.xlsx');
    expect(run(['template', '--from', blank, '--out', file], io)).toBe(0);
    const model = await rulesOf(file);
    expect(model.E4?.type).toBe('decimal');
    expect(model.E103?.type).toBe('decimal');
    expect(model.G4?.formulae).toEqual(['"已开工,未开工"']);
  });

  it('refuses an --out that is the --from file, and a --from that is not .xlsx', () => {
    const err: string[] = [];
    const quiet = { ...io, stderr: (s: string) => { err.push(s); } };
    const copy = path.join(dir, 'same.xlsx');
    fs.copyFileSync(SOURCE, copy);
    const before = fs.readFileSync(copy);
    expect(run(['template', '--from', copy, '--out', copy], quiet)).toBe(2);
    expect(fs.readFileSync(copy).equals(before)).toBe(true);
    expect(run(['template', '--from', 'a.csv', '--out', path.join(dir, 'x.xlsx')], quiet)).toBe(2);
    expect(run(['template', '--from', path.join(dir, 'missing.xlsx'), '--out', path.join(dir, 'y.xlsx')], quiet)).toBe(1);
    expect(err.length).toBe(3);
  });
});
