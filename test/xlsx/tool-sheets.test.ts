/**
 * The tool's sheets are those its LC_ names point into, never a sheet that merely has
 * the same name: a user's own 汇总 or Summary stays byte for byte, the tool writes beside it.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import { strFromU8 } from 'fflate';
import { DEFAULT_SETTINGS, type Lang, type Settings } from '../../src/core/types';
import { cellAt } from '../../src/core/grid';
import { checkWorkbook } from '../../src/xlsx';
import { applyPlans } from '../../src/xlsx';
import { readWorkbook } from '../../src/xlsx/read';
import { craftWorkbook } from './helpers/craft';
import { toBytes } from './helpers/fixtures';
import { entries, rawEntries, same } from './helpers/zip';

const FIXTURE = path.resolve(__dirname, '../fixtures/xlsx/seed-000-yanggu.xlsx');

function settings(lang: Lang): Settings {
  return { ...DEFAULT_SETTINGS, today: '2022-07-08', lang };
}

/** The fixture ledger plus a user's own sheet named `name`, with content and styles. */
async function withUserSheet(name: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(FIXTURE) as unknown as ExcelJS.Buffer);
  const ws = wb.addWorksheet(name);
  ws.getCell('A1').value = '我的汇总';
  ws.getCell('A1').font = { bold: true, color: { argb: 'FF0000FF' } };
  ws.getCell('B2').value = 42;
  ws.getCell('B2').numFmt = '0.00';
  ws.getCell('B2').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  return toBytes(wb);
}

/** Part name of each sheet, by sheet name. */
function sheetParts(bytes: Uint8Array): Map<string, string> {
  const wb = readWorkbook(bytes);
  return new Map(wb.sheets.map((s) => [s.name, s.path]));
}

/** Defined names of the workbook part: name → formula text as stored. */
function definedNames(bytes: Uint8Array): Map<string, string> {
  const book = strFromU8(entries(bytes)['xl/workbook.xml']);
  return new Map([...book.matchAll(/<definedName name="([^"]+)"[^>]*>([^<]*)<\/definedName>/g)].map((m) => [m[1], m[2]]));
}

describe('a user sheet named like a tool sheet', () => {
  let original: Uint8Array;
  let first: Uint8Array;
  beforeAll(async () => {
    original = await withUserSheet('汇总');
    first = checkWorkbook(original, settings('zh-CN')).output!;
  });

  it('keeps the user\'s 汇总 byte for byte and writes the tool\'s summary beside it', () => {
    const part = sheetParts(original).get('汇总')!;
    expect(sheetParts(first).get('汇总')).toBe(part);
    const before = rawEntries(original).get(part)!;
    const after = rawEntries(first).get(part)!;
    expect(same(after.raw, before.raw)).toBe(true);
    const names = readWorkbook(first).sheets.map((s) => s.name);
    expect(names.slice(-3)).toEqual(['汇总', '汇总（台账检查）', '问题清单']);
    expect(names.filter((n) => n.startsWith('汇总（'))).toHaveLength(1);
  });

  it('points the LC_ names at the sheets actually written', () => {
    const names = definedNames(first);
    expect(names.get('LC_TimeProgress')).toBe("'汇总（台账检查）'!$B$2");
    expect(names.get('LC_LagWarn')).toBe("'汇总（台账检查）'!$B$3");
    expect(names.get('LC_LagAlert')).toBe("'汇总（台账检查）'!$B$4");
    expect(names.get('LC_IssueList')).toBe("'问题清单'!$A$1");
  });

  it('gives the same bytes when the annotated copy is checked again, with one tool summary', () => {
    const second = checkWorkbook(first, settings('zh-CN')).output!;
    expect(readWorkbook(second).sheets.map((s) => s.name).filter((n) => n.startsWith('汇总'))).toEqual(['汇总', '汇总（台账检查）']);
    expect(same(second, first)).toBe(true);
  });

  it('is idempotent without a user sheet of that name too', () => {
    const plain = new Uint8Array(fs.readFileSync(FIXTURE));
    const once = checkWorkbook(plain, settings('zh-CN')).output!;
    expect(readWorkbook(once).sheets.map((s) => s.name).slice(-2)).toEqual(['汇总', '问题清单']);
    expect(definedNames(once).get('LC_TimeProgress')).toBe("'汇总'!$B$2");
    expect(same(checkWorkbook(once, settings('zh-CN')).output!, once)).toBe(true);
  });
});

describe('the tool\'s sheets of an earlier run, in another language', () => {
  it('drops Summary and Issues written in English when checking in Chinese', () => {
    const plain = new Uint8Array(fs.readFileSync(FIXTURE));
    const english = checkWorkbook(plain, settings('en')).output!;
    const before = readWorkbook(english).sheets.map((s) => s.name);
    expect(before.slice(-2)).toEqual(['Summary', 'Issues']);
    const chinese = checkWorkbook(english, settings('zh-CN')).output!;
    const after = readWorkbook(chinese).sheets.map((s) => s.name);
    expect(after).toEqual([...before.slice(0, -2), '汇总', '问题清单']);
    const names = definedNames(chinese);
    expect([...names.keys()].filter((n) => n.startsWith('LC_')).sort()).toEqual(['LC_IssueList', 'LC_LagAlert', 'LC_LagWarn', 'LC_TimeProgress']);
    expect([...names.values()].some((f) => f.includes('Summary') || f.includes('Issues'))).toBe(false);
  });

  it('keeps a user\'s own Summary (no LC_ name points into it) when checking in English', async () => {
    const original = await withUserSheet('Summary');
    const part = sheetParts(original).get('Summary')!;
    const out = checkWorkbook(original, settings('en')).output!;
    expect(same(rawEntries(out).get(part)!.raw, rawEntries(original).get(part)!.raw)).toBe(true);
    expect(readWorkbook(out).sheets.map((s) => s.name).slice(-3)).toEqual(['Summary', 'Summary（台账检查）', 'Issues']);
    expect(definedNames(out).get('LC_TimeProgress')).toBe("'Summary（台账检查）'!$B$2");
    expect(same(checkWorkbook(out, settings('en')).output!, out)).toBe(true);
  });
});

describe('what is never dropped', () => {
  it('keeps a ledger sheet an LC_ name points into, and sheets no LC_ name points into', () => {
    const bytes = craftWorkbook({
      sheets: [{ name: 'S', rows: '<row r="1"><c r="A1"><v>1</v></c></row>' }, { name: 'Old', rows: '' }, { name: 'Issues', rows: '' }],
      definedNames: '<definedName name="LC_Odd">S!$A$1</definedName><definedName name="LC_TimeProgress">\'Old\'!$B$2</definedName>',
    });
    const out = applyPlans(bytes, null, [{
      sheet: 'S', ownColumns: [], headerRow: 0, cells: [], names: [{ name: 'LC_TimeProgress', sheet: 'Summary', r: 1, c: 1 }],
      conditionalFormats: [], marks: [], sheets: [{ name: 'Summary', cells: [] }, { name: 'Issues', cells: [] }], namePrefix: 'LC_',
    }]);
    const wb = readWorkbook(out);
    // Old goes (an LC_ name pointed into it); S is the ledger; Issues was the user's.
    expect(wb.sheets.map((x) => x.name)).toEqual(['S', 'Issues', 'Summary', 'Issues（台账检查）']);
    expect(cellAt(wb.sheets[0].grid, 0, 0)).toBe(1);
    expect([...definedNames(out).entries()]).toEqual([['LC_TimeProgress', "'Summary'!$B$2"]]);
  });
});
