/**
 * 添加输入检查 in the annotated copy: the plan's input rules go into the sheet's
 * `<dataValidations>` in their schema place, by patching only (the cells' XML and every other
 * part stay as they were); the file's own validations stay, and a range of ours that meets one
 * is left to it; a second run replaces the first run's rules instead of adding to them; exceljs
 * reads every rule back with its range and formula.
 */
import ExcelJS from 'exceljs';
import { strFromU8 } from 'fflate';
import { codeFormula, inputRules, type InputRule } from '../../src/core/template';
import type { WritePlan } from '../../src/core/types';
import { applyPlans } from '../../src/xlsx';
import { craftWorkbook } from './helpers/craft';
import { entries, rawEntries } from './helpers/zip';

const SHEET = 'xl/worksheets/sheet1.xml';
const rows = '<row r="4"><c r="A4"><v>1</v></c><c r="C4" t="inlineStr"><is><t>2021-3715</t></is></c><c r="G4"><v>3000</v></c></row>';
const userCf = '<conditionalFormatting sqref="G4:G9"><cfRule type="cellIs" dxfId="0" priority="1" operator="lessThan"><formula>0</formula></cfRule></conditionalFormatting>';
const userDv = '<dataValidations count="1"><dataValidation type="whole" allowBlank="1" showErrorMessage="1" promptTitle="mine" sqref="G8:G9"><formula1>0</formula1><formula2>9</formula2></dataValidation></dataValidations>';
const margins = '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';

const RULES: InputRule[] = inputRules([
  { key: 'index', sqref: 'A4:A6 A8:A9' }, { key: 'code', sqref: 'C4:C6 C8:C9' }, { key: 'annualPlan', sqref: 'G4:G6 G8:G9' },
], { lang: 'zh-CN', maxAmount: 5_000_000, dateYears: [2017, 2027], groups: [], longList: () => null });

function plan(extra: Partial<WritePlan> = {}): WritePlan {
  return { sheet: 'S', ownColumns: [], headerRow: 2, cells: [], names: [], conditionalFormats: [], marks: [], sheets: [], inputRules: RULES, ...extra };
}
const text = (bytes: Uint8Array): string => strFromU8(entries(bytes)[SHEET]);
const sqrefs = (xml: string): string[] => [...xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].map((m) => m[1]);

async function excelRules(bytes: Uint8Array): Promise<Map<string, { type: string; formulae: unknown[] }>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const model = (wb.worksheets[0] as unknown as { dataValidations: { model: Record<string, { type: string; formulae: unknown[] }> } }).dataValidations.model;
  return new Map(Object.entries(model));
}

describe('input rules in the annotated copy', () => {
  const DXFS = '<dxfs count="1"><dxf><font><b/></font></dxf></dxfs>';
  const bare = craftWorkbook({ sheets: [{ name: 'S', rows, tail: userCf + margins }], dxfs: DXFS });
  const once = applyPlans(bare, null, [plan()]);

  it('writes a <dataValidations> after the conditional formats and before the margins, the cells untouched', () => {
    const xml = text(once);
    const at = (tag: string) => xml.indexOf(`<${tag}`);
    expect(at('conditionalFormatting')).toBeLessThan(at('dataValidations'));
    expect(at('dataValidations')).toBeLessThan(at('pageMargins'));
    expect(xml).toContain(`<sheetData>${rows}</sheetData>`);
    expect(xml).toContain('<dataValidations count="6">');
    expect(sqrefs(xml)).toEqual(['A4:A6', 'A8:A9', 'C4:C6', 'C8:C9', 'G4:G6', 'G8:G9']);
    // The rules touch the sheet part only: every other part is what a plan without them gives.
    const before = rawEntries(applyPlans(bare, null, [plan({ inputRules: undefined })]));
    const changed = [...rawEntries(once)].filter(([name, e]) => !Buffer.from(e.raw).equals(Buffer.from(before.get(name)?.raw ?? []))).map(([n]) => n);
    expect(changed).toEqual([SHEET]);
  });

  it('reads back in exceljs with each range and its formula, the code rule moved to each range', async () => {
    const got = await excelRules(once);
    expect(got.get('G4')?.type).toBe('decimal');
    expect(got.get('G9')?.formulae).toEqual([0, 5000000]);
    expect(got.get('A8')?.type).toBe('whole');
    expect(got.get('C4')?.formulae).toEqual([codeFormula('C4')]);
    expect(got.get('C8')?.formulae).toEqual([codeFormula('C8')]);
    expect(got.has('G7')).toBe(false);
  });

  it('keeps the file\'s own validation and leaves it the range of ours that meets it', () => {
    const withUser = craftWorkbook({ sheets: [{ name: 'S', rows, tail: userCf + userDv + margins }], dxfs: DXFS });
    const xml = text(applyPlans(withUser, null, [plan()]));
    expect(xml).toContain('promptTitle="mine" sqref="G8:G9"');
    expect(sqrefs(xml)).toEqual(['G8:G9', 'A4:A6', 'A8:A9', 'C4:C6', 'C8:C9', 'G4:G6']);
    expect(xml).toContain('<dataValidations count="6">');
    expect((xml.match(/<dataValidations/g) ?? []).length).toBe(1);
  });

  it('replaces its own rules on a second run, and removes them with a plan that has none', () => {
    const twice = applyPlans(once, null, [plan()]);
    expect(sqrefs(text(twice))).toEqual(sqrefs(text(once)));
    expect(text(twice)).toContain('<dataValidations count="6">');
    const fewer = applyPlans(once, null, [plan({ inputRules: RULES.slice(0, 1) })]);
    expect(sqrefs(text(fewer))).toEqual(['A4:A6', 'A8:A9']);
    // A plan with no input rules leaves the sheet's validations as they are.
    expect(sqrefs(text(applyPlans(once, null, [plan({ inputRules: undefined })])))).toEqual(sqrefs(text(once)));
  });
});
