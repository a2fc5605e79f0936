import { strFromU8 } from 'fflate';
import { cellAt, cellKey } from '../../src/core/grid';
import type { PlanCell, WritePlan } from '../../src/core/types';
import { applyPlans } from '../../src/xlsx';
import { readWorkbook } from '../../src/xlsx/read';
import { craftWorkbook, sheetDoc, type CraftOptions } from './helpers/craft';
import { load } from './helpers/fixtures';
import { entries, same, withParts } from './helpers/zip';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

function plan(cells: PlanCell[], extra: Partial<WritePlan> = {}): WritePlan {
  return { sheet: 'S', ownColumns: [3], headerRow: 0, cells, names: [], conditionalFormats: [], marks: [], sheets: [], ...extra };
}

function sheetXml(bytes: Uint8Array, part = 'xl/worksheets/sheet1.xml'): string {
  return strFromU8(entries(bytes)[part]);
}

function patch(o: CraftOptions, p: WritePlan): Uint8Array {
  const bytes = craftWorkbook(o);
  return applyPlans(bytes, readWorkbook(bytes), [p]);
}

describe('splicing cells into sheet data', () => {
  it('puts new rows between existing ones and keeps untouched rows character for character', async () => {
    const rows = '<row r="1" spans="1:2"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row>\n  <row r="4"><c r="A4"><v>4</v></c></row>';
    const out = patch({ sheets: [{ name: 'S', rows }] }, plan([
      { r: 0, c: 3, value: 9 },
      { r: 2, c: 3, value: 'x' },
      { r: 5, c: 3, value: null, formula: 'A4*2' },
    ]));
    const xml = sheetXml(out);
    expect(xml).toContain('<row r="1" spans="1:4"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="D1"><v>9</v></c></row>');
    expect(xml).toContain('\n  <row r="3"><c r="D3" t="inlineStr"><is><t>x</t></is></c></row><row r="4"><c r="A4"><v>4</v></c></row>');
    // A formula without a known result: no <v>.
    expect(xml).toContain('<row r="6"><c r="D6"><f>A4*2</f></c></row></sheetData>');
    expect((await load(out)).getWorksheet('S')!.getCell('D6').value).toEqual({ formula: 'A4*2' });
  });

  it('takes plan cells in any order; of two at one address the later wins', () => {
    const rows = '<row r="2"><c r="A2"><v>2</v></c></row>';
    const s = sheetXml(patch({ sheets: [{ name: 'S', rows }] }, plan([
      { r: 2, c: 4, value: 'e3' }, { r: 1, c: 4, value: 'e2' }, { r: 1, c: 3, value: 'old' }, { r: 0, c: 3, value: 'd1' }, { r: 1, c: 3, value: 'd2' },
    ], { ownColumns: [3, 4] })));
    expect(s).toContain('<sheetData><row r="1"><c r="D1" t="inlineStr"><is><t>d1</t></is></c></row>' +
      '<row r="2"><c r="A2"><v>2</v></c><c r="D2" t="inlineStr"><is><t>d2</t></is></c><c r="E2" t="inlineStr"><is><t>e2</t></is></c></row>' +
      '<row r="3"><c r="E3" t="inlineStr"><is><t>e3</t></is></c></row></sheetData>');
  });

  it('sorts rows written out of order and opens self-closing rows', () => {
    const rows = '<row r="5" ht="20" customHeight="1"/><row r="2"><c r="A2"><v>2</v></c></row>';
    const xml = sheetXml(patch({ sheets: [{ name: 'S', rows }] }, plan([{ r: 4, c: 3, value: 5 }, { r: 2, c: 3, value: 3 }])));
    expect(xml).toContain('<sheetData><row r="2"><c r="A2"><v>2</v></c></row><row r="3"><c r="D3"><v>3</v></c></row>' +
      '<row r="5" ht="20" customHeight="1"><c r="D5"><v>5</v></c></row></sheetData>');
  });

  it('gives rows and touched cells that had no r attribute an explicit one', () => {
    const rows = '<row><c><v>1</v></c><c s="0"><v>2</v></c></row><row><c><v>3</v></c></row>';
    const out = patch({ sheets: [{ name: 'S', rows }] }, plan([{ r: 0, c: 3, value: 9 }], { marks: [{ r: 0, c: 1, severity: 'error', note: 'n' }] }));
    const xml = sheetXml(out);
    expect(xml).toMatch(/<row r="1"><c r="A1"><v>1<\/v><\/c><c s="\d+" r="B1"><v>2<\/v><\/c><c r="D1"><v>9<\/v><\/c><\/row><row r="2"><c><v>3<\/v><\/c><\/row>/);
    const g = readWorkbook(out).sheets[0].grid;
    expect(g.values.slice(0, 2)).toEqual([[1, 2, undefined, 9], [3]]);
  });

  it('writes into a worksheet whose elements carry a prefix, with the same prefix', () => {
    const xml = `<?xml version="1.0"?><x:worksheet xmlns:x="${MAIN}"><x:dimension ref="A1:B1"/><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const out = patch({ sheets: [{ name: 'S', xml }] }, plan([{ r: 0, c: 3, value: 'y', formula: '"y"' }], {
      conditionalFormats: [{ r0: 0, c0: 0, r1: 0, c1: 3, formula: '$D1="y"', fill: 'yellow' }],
      marks: [{ r: 0, c: 0, severity: 'warning', note: '注意' }],
    }));
    const s = sheetXml(out);
    expect(s).toContain('<x:dimension ref="A1:D1"/>');
    expect(s).toContain('<x:c r="D1" t="str"><x:f>"y"</x:f><x:v>y</x:v></x:c></x:row>');
    expect(s).toMatch(/<\/x:sheetData><x:conditionalFormatting sqref="A1"><x:cfRule type="expression" dxfId="\d+" priority="1"><x:formula>ISTEXT\("LC_MARK_WARNING"\)<\/x:formula><\/x:cfRule><\/x:conditionalFormatting>/);
    expect(s).toMatch(/<x:conditionalFormatting sqref="A1:D1"><x:cfRule type="expression" dxfId="\d+" priority="2"><x:formula>\$D1="y"<\/x:formula>/);
    expect(s).toMatch(/<x:legacyDrawing xmlns:r="[^"]+" r:id="rId\d"\/><\/x:worksheet>$/);
    expect(cellAt(readWorkbook(out).sheets[0].grid, 0, 3)).toBe('y');
  });

  it('opens <sheetData/> and widens the dimension', () => {
    const xml = sheetDoc('', '<dimension ref="A1"/>').replace('<sheetData></sheetData>', '<sheetData/>');
    const s = sheetXml(patch({ sheets: [{ name: 'S', xml }] }, plan([{ r: 9, c: 3, value: 1 }])));
    expect(s).toContain('<dimension ref="A1:D10"/>');
    expect(s).toContain('<sheetData><row r="10"><c r="D10"><v>1</v></c></row></sheetData>');
  });

  it('removes what an earlier run left in its own columns: cells, formulas, links', () => {
    const rows = '<row r="1"><c r="A1"><v>1</v></c><c r="D1"><f>A1*2</f><v>2</v></c><c r="E1"><v>5</v></c></row><row r="2"><c r="D2"><v>7</v></c></row>';
    const tail = '<hyperlinks><hyperlink ref="D2" location="S!A1"/><hyperlink ref="A1" location="S!A2"/></hyperlinks>';
    const out = patch({ sheets: [{ name: 'S', rows, tail }] }, plan([{ r: 0, c: 3, value: 3, formula: 'A1*3' }]));
    const s = sheetXml(out);
    expect(s).toContain('<row r="1"><c r="A1"><v>1</v></c><c r="D1"><f>A1*3</f><v>3</v></c><c r="E1"><v>5</v></c></row>');
    // Row 2 held only a cell of the tool's column: it goes.
    expect(s).not.toContain('r="2"');
    expect(s).toContain('<hyperlinks><hyperlink ref="A1" location="S!A2"/></hyperlinks>');
  });

  it('keeps the user\'s conditional formats and puts its own after them', () => {
    const tail = '<conditionalFormatting sqref="A1:A9"><cfRule type="cellIs" dxfId="0" priority="3" operator="lessThan"><formula>0</formula></cfRule></conditionalFormatting>' +
      '<dataValidations count="1"><dataValidation type="whole" sqref="A1"/></dataValidations>';
    const dxfs = '<dxfs count="1"><dxf><font><b/></font></dxf></dxfs>';
    const out = patch({ dxfs, sheets: [{ name: 'S', rows: '<row r="1"><c r="A1"><v>1</v></c></row>', tail }] },
      plan([], { conditionalFormats: [{ r0: 0, c0: 0, r1: 9, c1: 3, formula: '$D1<0', fill: 'red' }] }));
    const s = sheetXml(out);
    // The user's rule uses dxf 0; the tool's fill is appended as dxf 1.
    expect(s).toMatch(/<\/conditionalFormatting><conditionalFormatting sqref="A1:D10"><cfRule type="expression" dxfId="1" priority="4"><formula>\$D1&lt;0<\/formula><\/cfRule><\/conditionalFormatting><dataValidations/);
    expect(same(applyPlans(out, null, [plan([], { conditionalFormats: [{ r0: 0, c0: 0, r1: 9, c1: 3, formula: '$D1<0', fill: 'red' }] })]), out)).toBe(true);
  });

  it('writes date serials back in the 1904 system of a 1904 workbook', () => {
    const out = patch({ date1904: true, sheets: [{ name: 'S', rows: '' }] }, plan([
      { r: 0, c: 3, value: 44742, numFmt: 'yyyy-mm-dd' },
      { r: 1, c: 3, value: 44742 },
    ]));
    // 44742 (2022-06-30 in the 1900 system) is 44742 - 1462 = 43280 in the 1904 system; a plain number stays.
    expect(sheetXml(out)).toMatch(/<c r="D1" s="\d+"><v>43280<\/v><\/c>.*<c r="D2"><v>44742<\/v><\/c>/);
    expect(cellAt(readWorkbook(out).sheets[0].grid, 0, 3)).toBe(44742);
  });

  it('drops calcChain.xml only when it lists a formula the patch takes away', () => {
    const rows = '<row r="1"><c r="A1"><f>1+1</f><v>2</v></c><c r="D1"><f>A1</f><v>2</v></c></row>';
    const calc = (cells: string): CraftOptions['extraParts'] => ({
      'xl/calcChain.xml': `<?xml version="1.0"?><calcChain xmlns="${MAIN}">${cells}</calcChain>`,
    });
    const o = (cells: string): CraftOptions => ({
      sheets: [{ name: 'S', rows }], extraParts: calc(cells),
      extraRels: '<Relationship Id="rIdC" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/>',
    });
    // D1 keeps a formula: the chain stays, untouched.
    const keep = patch(o('<c r="A1" i="1"/><c r="D1"/>'), plan([{ r: 0, c: 3, value: 2, formula: 'A1' }]));
    expect(entries(keep)['xl/calcChain.xml']).toBeDefined();
    // D1 becomes a plain value: the chain would point at a formula that is gone.
    const drop = patch(o('<c r="A1" i="1"/><c r="D1"/>'), plan([{ r: 0, c: 3, value: 2 }]));
    expect(entries(drop)['xl/calcChain.xml']).toBeUndefined();
    expect(strFromU8(entries(drop)['xl/_rels/workbook.xml.rels'])).not.toContain('calcChain');
    expect(strFromU8(entries(drop)['[Content_Types].xml'])).not.toContain('calcChain');
  });
});

describe('workbook-level changes', () => {
  const base = (): CraftOptions => ({
    sheets: [{ name: 'S', rows: '<row r="1"><c r="A1"><v>1</v></c></row>' }, { name: '汇总', rows: '<row r="1"><c r="A1"><v>9</v></c></row>' }, { name: 'T', rows: '' }],
    definedNames: '<definedName name="_xlnm.Print_Area" localSheetId="2">T!$A$1:$B$2</definedName>' +
      '<definedName name="LC_Old">\'汇总\'!$A$1</definedName><definedName name="Keep">S!$A$1</definedName>',
  });

  it('replaces a sheet of the tool\'s name, re-indexes local names and drops names pointing into it', () => {
    const out = patch(base(), plan([], {
      sheets: [{ name: '汇总', cells: [{ r: 0, c: 0, value: 'new' }] }],
      names: [{ name: 'LC_TP', sheet: '汇总', r: 0, c: 0 }],
    }));
    const book = strFromU8(entries(out)['xl/workbook.xml']);
    expect(book).toMatch(/<sheets><sheet name="S" sheetId="1" r:id="rId1"\/><sheet name="T" sheetId="3" r:id="rId3"\/><sheet name="汇总" sheetId="4" r:id="rId2"\/><\/sheets>/);
    // T moved from index 2 to 1; LC_Old pointed into the replaced sheet.
    expect(book).toContain('<definedName name="_xlnm.Print_Area" localSheetId="1">T!$A$1:$B$2</definedName><definedName name="Keep">S!$A$1</definedName><definedName name="LC_TP">\'汇总\'!$A$1</definedName>');
    expect(book).toContain('<calcPr fullCalcOnLoad="1"/>');
    const wb = readWorkbook(out);
    expect(wb.sheets.map((s) => s.name)).toEqual(['S', 'T', '汇总']);
    expect(cellAt(wb.sheets[2].grid, 0, 0)).toBe('new');
    // The old part of 汇总 (sheet2.xml) was reused for the new one; nothing is left over.
    expect(Object.keys(entries(out)).filter((n) => n.startsWith('xl/worksheets/')).sort()).toEqual(['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/worksheets/sheet3.xml']);
  });

  it('removes stale names of the tool by their prefix (the plan\'s, else LC_), keeps the others', () => {
    const o = base();
    o.definedNames = '<definedName name="LC_Stale">S!$B$1</definedName><definedName name="LCX">S!$B$1</definedName>';
    const names = (bytes: Uint8Array): string[] =>
      [...strFromU8(entries(bytes)['xl/workbook.xml']).matchAll(/<definedName name="([^"]+)"/g)].map((m) => m[1]);
    expect(names(patch(o, plan([], { namePrefix: 'LC_' })))).toEqual(['LCX']);
    // A plan that writes a name but names no prefix: LC_ by default.
    expect(names(patch(o, plan([], { names: [{ name: 'New', sheet: 'S', r: 0, c: 0 }] })))).toEqual(['LCX', 'New']);
    expect(names(applyPlans(craftWorkbook(o), null, [plan([], { namePrefix: 'LC_' })], { ownNamePrefix: 'ZZ_' }))).toEqual(['LC_Stale', 'LCX']);
    // Marks only (no prefix, names or sheets): the earlier run's names stay.
    expect(names(patch(o, plan([], { marks: [{ r: 0, c: 0, severity: 'error', note: 'x' }] })))).toEqual(['LC_Stale', 'LCX']);
  });

  it('keeps styles it cannot vouch for: an edited styles part is not trimmed on the next run', () => {
    const p = plan([{ r: 0, c: 3, value: 0.5, numFmt: '0.0%' }]);
    const first = patch({ sheets: [{ name: 'S', rows: '' }] }, p);
    const styles = strFromU8(entries(first)['xl/styles.xml']);
    const count = (xml: string): number => (xml.match(/<xf /g) ?? []).length;
    // Someone adds a cell format after the tool's: the record no longer matches the file.
    const edited = styles.replace('</cellXfs>', '<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>');
    const again = applyPlans(withParts(first, { 'xl/styles.xml': edited }), null, [p]);
    expect(count(strFromU8(entries(again)['xl/styles.xml']))).toBeGreaterThanOrEqual(count(edited));
    // Untouched, the next run trims and re-adds: same bytes.
    expect(same(entries(applyPlans(first, null, [p]))['xl/styles.xml'], entries(first)['xl/styles.xml'])).toBe(true);
  });

  it('patches two ledger sheets of one workbook with two plans, idempotently', () => {
    const bytes = craftWorkbook({ sheets: [{ name: 'A', rows: '<row r="1"><c r="A1"><v>1</v></c></row>' }, { name: 'B', rows: '<row r="1"><c r="A1"><v>2</v></c></row>' }] });
    const plans: WritePlan[] = [
      {
        ...plan([{ r: 0, c: 3, value: 'a', bold: true }], {
          marks: [{ r: 0, c: 0, severity: 'error', note: 'A1?' }], sheets: [{ name: 'Sum', cells: [] }], names: [{ name: 'LC_Sum', sheet: 'Sum', r: 0, c: 0 }],
        }),
        sheet: 'A',
      },
      { ...plan([{ r: 0, c: 3, value: 0.5, numFmt: '0%' }], { marks: [{ r: 0, c: 0, severity: 'warning', note: 'B1?' }] }), sheet: 'B' },
    ];
    const out = applyPlans(bytes, readWorkbook(bytes), plans);
    const wb = readWorkbook(out);
    expect(wb.sheets.map((x) => [x.name, cellAt(x.grid, 0, 0), cellAt(x.grid, 0, 3)])).toEqual([['A', 1, 'a'], ['B', 2, 0.5], ['Sum', null, null]]);
    const all = entries(out);
    expect(Object.keys(all).filter((n) => /comments\d\.xml$/.test(n)).sort()).toEqual(['xl/comments1.xml', 'xl/comments2.xml']);
    const vml = Object.keys(all).filter((n) => n.endsWith('.vml')).map((n) => /data="(\d+)"/.exec(strFromU8(all[n]))![1]);
    // Each drawing has its own shape id block.
    expect(new Set(vml).size).toBe(2);
    expect(same(applyPlans(out, null, plans), out)).toBe(true);
  });

  it('merges notes into a comments part reached by absolute targets (/xl/comments/...)', () => {
    const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const o: CraftOptions = {
      sheets: [{ name: 'S', rows: '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row>', tail: '<legacyDrawing r:id="rIdV"/>' }],
      extraParts: {
        'xl/worksheets/_rels/sheet1.xml.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
          `<Relationship Id="rIdC" Type="${REL}/comments" Target="/xl/comments/comment1.xml"/>` +
          `<Relationship Id="rIdV" Type="${REL}/vmlDrawing" Target="/xl/drawings/vml/drawing1.vml"/></Relationships>`,
        'xl/comments/comment1.xml': `<?xml version="1.0"?><comments xmlns="${MAIN}"><authors><author>WPS</author></authors>` +
          '<commentList><comment ref="A1" authorId="0"><text><t>原有批注</t></text></comment></commentList></comments>',
        'xl/drawings/vml/drawing1.vml': '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
          '<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>' +
          '<v:shape id="_x0000_s1025" type="#_x0000_t202"><x:ClientData ObjectType="Note"><x:Row>0</x:Row><x:Column>0</x:Column></x:ClientData></v:shape></xml>',
      },
    };
    const out = patch(o, plan([], { marks: [{ r: 0, c: 1, severity: 'error', note: '新批注' }, { r: 0, c: 0, severity: 'error', note: '不覆盖' }] }));
    const all = entries(out);
    const comments = strFromU8(all['xl/comments/comment1.xml']);
    expect(comments).toContain('<author>WPS</author><author>ledger-check</author>');
    expect(comments).toContain('<comment ref="A1" authorId="0"><text><t>原有批注</t></text></comment><comment ref="B1" authorId="1">');
    // A1 already has someone's note: the tool's note for A1 is not written there.
    expect(comments).not.toContain('不覆盖');
    const vml = strFromU8(all['xl/drawings/vml/drawing1.vml']);
    expect(vml).toContain('_x0000_s1026');
    // The rels and the sheet's legacyDrawing are kept as they were.
    expect(all['xl/worksheets/_rels/sheet1.xml.rels']).toEqual(entries(craftWorkbook(o))['xl/worksheets/_rels/sheet1.xml.rels']);
    expect(Object.keys(all).filter((n) => /comments?\d*\.xml$|\.vml$/.test(n)).sort()).toEqual(['xl/comments/comment1.xml', 'xl/drawings/vml/drawing1.vml']);
  });

  it('refuses plans that would write the same tool sheet twice; a tool sheet named like the ledger goes beside it', () => {
    const bytes = craftWorkbook(base());
    const a = plan([], { sheets: [{ name: 'X', cells: [] }] });
    expect(() => applyPlans(bytes, null, [a, { ...a }])).toThrow(/two plans/);
    const out = applyPlans(bytes, null, [plan([], { sheets: [{ name: 's', cells: [] }] })]);
    expect(readWorkbook(out).sheets.map((x) => x.name)).toEqual(['S', 'T', 's（台账检查）']);
    expect(cellAt(readWorkbook(out).sheets[0].grid, 0, 0)).toBe(1);
  });

  it('creates styles.xml when the package has none', () => {
    const bytes = withParts(craftWorkbook({ sheets: [{ name: 'S', rows: '' }] }), { 'xl/styles.xml': null });
    const out = applyPlans(bytes, null, [plan([{ r: 0, c: 3, value: 1, bold: true }])]);
    const all = entries(out);
    expect(strFromU8(all['xl/styles.xml'])).toContain('<b/>');
    expect(strFromU8(all['xl/_rels/workbook.xml.rels'])).toContain('/styles"');
    expect(readWorkbook(out).sheets[0].grid.values[0]).toEqual([undefined, undefined, undefined, 1]);
  });

  it('formats cell values: numbers, booleans, errors, strings with spaces and control characters', () => {
    const s = sheetXml(patch({ sheets: [{ name: 'S', rows: '' }] }, plan([
      { r: 0, c: 3, value: ' a\tb ' },
      { r: 1, c: 3, value: false },
      { r: 2, c: 3, value: { error: '#N/A' } },
      { r: 3, c: 3, value: Infinity, formula: '1/0' },
      { r: 4, c: 3, value: 'x\u0001y' },
    ])));
    expect(s).toContain('<c r="D1" t="inlineStr"><is><t xml:space="preserve"> a\tb </t></is></c>');
    expect(s).toContain('<c r="D2" t="b"><v>0</v></c>');
    expect(s).toContain('<c r="D3" t="e"><v>#N/A</v></c>');
    expect(s).toContain('<c r="D4" t="e"><f>1/0</f><v>#NUM!</v></c>');
    expect(s).toContain('<t>x_x0001_y</t>');
  });

  it('reads back what it wrote (grid round trip of plan values)', () => {
    const out = patch({ sheets: [{ name: 'S', rows: '' }] }, plan([
      { r: 0, c: 3, value: 'x\u0001y' }, { r: 1, c: 3, value: -0.125, formula: 'A1' },
    ]));
    const g = readWorkbook(out).sheets[0].grid;
    expect(cellAt(g, 0, 3)).toBe('x\u0001y');
    expect(cellAt(g, 1, 3)).toBe(-0.125);
    expect(g.formulas!.get(cellKey(1, 3))).toBe('A1');
  });
});
