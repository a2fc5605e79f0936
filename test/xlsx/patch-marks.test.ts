/**
 * Marks are conditional formats: the user's cells keep their `s`, a re-run replaces
 * the tool's rules and keeps the user's, and a workbook marked by an earlier version
 * (cell formats recorded in styles.xml) gets its cells' own formats back.
 */
import { strFromU8 } from 'fflate';
import type { PlanCell, WritePlan } from '../../src/core/types';
import { applyPlans } from '../../src/xlsx';
import { readWorkbook } from '../../src/xlsx/read';
import { craftWorkbook, type CraftOptions } from './helpers/craft';
import { entries, same, withParts } from './helpers/zip';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const SHEET = 'xl/worksheets/sheet1.xml';

function plan(cells: PlanCell[], extra: Partial<WritePlan> = {}): WritePlan {
  return { sheet: 'S', ownColumns: [3], headerRow: 0, cells, names: [], conditionalFormats: [], marks: [], sheets: [], namePrefix: 'LC_', ...extra };
}

const text = (bytes: Uint8Array, part: string): string => strFromU8(entries(bytes)[part]);
const rules = (xml: string): string[] => [...xml.matchAll(/<conditionalFormatting sqref="([^"]+)"><cfRule[^>]*><formula>([^<]*)<\/formula>/g)].map((m) => `${m[1]} ${m[2]}`);

describe('marks as conditional formats', () => {
  const rows = '<row r="1"><c r="A1" s="1"><v>1</v></c><c r="B1" s="1"><v>2</v></c></row><row r="2"><c r="A2"><v>3</v></c></row>';
  const userRule = '<conditionalFormatting sqref="A1:B9"><cfRule type="cellIs" dxfId="0" priority="1" operator="lessThan"><formula>0</formula></cfRule></conditionalFormatting>';
  const o: CraftOptions = {
    sheets: [{ name: 'S', rows, tail: userRule }],
    cellXfs: '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
    dxfs: '<dxfs count="1"><dxf><font><b/></font></dxf></dxfs>',
  };
  const first = plan([{ r: 0, c: 3, value: 0.5, numFmt: '0.0%', formula: 'A1/2' }], {
    marks: [{ r: 0, c: 0, severity: 'error', note: 'a' }, { r: 1, c: 0, severity: 'warning', note: 'b' }, { r: 4, c: 1, severity: 'error', note: 'c' }],
    conditionalFormats: [{ r0: 0, c0: 0, r1: 1, c1: 3, formula: '$D1<LC_Warn', fill: 'yellow' }],
  });
  const bytes = craftWorkbook(o);
  const once = applyPlans(bytes, null, [first]);

  it('writes one rule per severity after the user\'s, and leaves the cells\' XML alone', () => {
    const xml = text(once, SHEET);
    expect(rules(xml)).toEqual(['A1:B9 0', 'A1 B5 ISTEXT("LC_MARK_ERROR")', 'A2 ISTEXT("LC_MARK_WARNING")', 'A1:D2 $D1&lt;LC_Warn']);
    expect(xml).toContain('<row r="1"><c r="A1" s="1"><v>1</v></c><c r="B1" s="1"><v>2</v></c><c r="D1" ');
    expect(xml).toContain('<row r="2"><c r="A2"><v>3</v></c></row>');
    // B5 is marked but has no cell: none is made.
    expect(xml).not.toContain('r="5"');
  });

  it('replaces its own rules on a re-run and keeps the user\'s', () => {
    const next = plan([{ r: 0, c: 3, value: 0.5, numFmt: '0.0%', formula: 'A1/2' }], { marks: [{ r: 1, c: 1, severity: 'warning', note: 'd' }] });
    const again = applyPlans(once, null, [next]);
    expect(rules(text(again, SHEET))).toEqual(['A1:B9 0', 'B2 ISTEXT("LC_MARK_WARNING")']);
    // The same as patching the original (but for which dxf the rule uses: the annotated
    // copy's list is longer): nothing of the first run is left in the sheet.
    const noDxf = (xml: string): string => xml.replace(/dxfId="\d+"/g, 'dxfId=""');
    expect(noDxf(text(again, SHEET))).toBe(noDxf(text(applyPlans(bytes, null, [next]), SHEET)));
  });

  it('reuses the formats it added instead of appending them again', () => {
    const count = (xml: string, tag: string): number => (xml.match(new RegExp(`<${tag}[ >]`, 'g')) ?? []).length;
    const s1 = text(once, 'xl/styles.xml');
    // One xf for 0.0% on top of the two; dxfs: the user's, then the error mark, the warning mark and the fill.
    expect(count(s1, 'xf')).toBe(1 + 2 + 1);
    expect(count(s1, 'dxf')).toBe(1 + 3);
    const twice = applyPlans(once, null, [first]);
    expect(same(twice, once)).toBe(true);
    // An edited plan on the annotated copy finds the same formats too.
    const other = applyPlans(once, null, [plan([{ r: 1, c: 3, value: 0.25, numFmt: '0.0%' }], { marks: [{ r: 0, c: 1, severity: 'error', note: 'x' }] })]);
    expect(text(other, 'xl/styles.xml')).toBe(s1);
  });
});

describe('a workbook marked by an earlier version', () => {
  // Earlier versions cloned a cell's format with a red border (xf 2 from xf 1, xf 3 from
  // xf 0 for a blank they made) and recorded it: cellXfs went from 2 to 4, borders 1 to 2.
  const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN}">` +
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>' +
    '<border><left style="medium"><color rgb="FFFF0000"/></left><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
    '<xf numFmtId="4" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1"/><xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1"/></cellXfs>' +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '<extLst><ext uri="{6E0B2F3C-1D7A-4C55-9B1E-5A4C3D2E1F0B}" xmlns:lc="urn:ledger-check:styles">' +
    '<lc:added numFmts="0:0" fonts="1:1" borders="1:2" cellXfs="2:4" dxfs="0:0" created="numFmts dxfs" marks="2=1;3=0"/></ext></extLst></styleSheet>';
  const rows = '<row r="1"><c r="A1" s="2"><v>1</v></c><c r="B1" s="1"><v>2</v></c><c r="C1" s="3"/></row>';
  const bytes = withParts(craftWorkbook({ sheets: [{ name: 'S', rows }] }), { 'xl/styles.xml': styles });
  const out = applyPlans(bytes, null, [plan([], { marks: [{ r: 0, c: 1, severity: 'error', note: 'n' }] })]);

  it('gives the marked cells their own formats back and drops the blank it made', () => {
    const xml = text(out, SHEET);
    expect(xml).toContain('<row r="1"><c r="A1" s="1"><v>1</v></c><c r="B1" s="1"><v>2</v></c></row>');
    expect(rules(xml)).toEqual(['B1 ISTEXT("LC_MARK_ERROR")']);
  });

  it('takes off the formats and the record it kept, and is stable from then on', () => {
    const s = text(out, 'xl/styles.xml');
    expect(s).not.toContain('extLst');
    expect(s).toContain('<borders count="1">');
    expect(s).toContain('<cellXfs count="2">');
    expect(s).toMatch(/<dxfs count="1"><dxf><fill>/);
    expect(same(applyPlans(out, null, [plan([], { marks: [{ r: 0, c: 1, severity: 'error', note: 'n' }] })]), out)).toBe(true);
  });

  it('reads the same values before and after', () => {
    expect(readWorkbook(out).sheets[0].grid.values[0]).toEqual([1, 2]);
  });
});
