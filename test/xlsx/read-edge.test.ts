import { cellAt, cellKey, type Grid } from '../../src/core/grid';
import { readWorkbook } from '../../src/xlsx/read';
import { craftWorkbook } from './helpers/craft';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

function grid(bytes: Uint8Array, i = 0): Grid {
  return readWorkbook(bytes).sheets[i].grid;
}

describe('readWorkbook on hand-written packages', () => {
  it('places cells and rows that have no r attribute by position', () => {
    const g = grid(craftWorkbook({
      sheets: [{ name: 'S', rows: '<row><c><v>1</v></c><c><v>2</v></c></row><row r="4"><c r="C4"><v>3</v></c><c><v>4</v></c></row><row><c><v>5</v></c></row>' }],
    }));
    expect(g.values[0]).toEqual([1, 2]);
    // C4 then the next cell without r is D4.
    expect(cellAt(g, 3, 2)).toBe(3);
    expect(cellAt(g, 3, 3)).toBe(4);
    // A row without r after row 4 is row 5.
    expect(cellAt(g, 4, 0)).toBe(5);
  });

  it('follows absolute relationship targets', () => {
    const wb = readWorkbook(craftWorkbook({ absoluteTargets: true, sheets: [{ name: 'Abs', rows: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' }], sharedStrings: ['绝对路径'] }));
    expect(wb.sheets[0].path).toBe('xl/worksheets/sheet1.xml');
    expect(cellAt(wb.sheets[0].grid, 0, 0)).toBe('绝对路径');
  });

  it('reads shared strings: rich runs joined, phonetic runs left out, escapes decoded', () => {
    const g = grid(craftWorkbook({
      sheets: [{ name: 'S', rows: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>' }],
      sharedStrings: '<si><r><rPr><b/></rPr><t>发展</t></r><r><t xml:space="preserve"> 改革</t></r><rPh sb="0" eb="2"><t>ファテン</t></rPh></si>' +
        '<si><t>a&amp;b&#x4E2D;</t></si><si><t>line1_x000D_\nline2</t></si>',
    }));
    expect(g.values[0]).toEqual(['发展 改革', 'a&b中', 'line1\r\nline2']);
  });

  it('reads inline strings (phonetic runs left out), t="str", t="d", t="e", t="b"', () => {
    const g = grid(craftWorkbook({
      sheets: [{
        name: 'S', rows: '<row r="1">' +
          '<c r="A1" t="inlineStr"><is><r><t>项目</t></r><r><t>名称</t></r><rPh><t>x</t></rPh></is></c>' +
          '<c r="B1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>' +
          '<c r="C1" t="d"><v>2022-06-30T12:00:00</v></c>' +
          '<c r="D1" t="e"><v>#REF!</v></c>' +
          '<c r="E1" t="b"><v>1</v></c>' +
          '<c r="F1" t="d"><v>not a date</v></c>' +
          '<c r="G1" t="n"><v>1.5E-3</v></c>' +
          '<c r="H1"><f>A1</f></c>' +
          '</row>',
      }],
    }));
    // 2022-06-30 is serial 44742; 12:00 is half a day.
    expect(g.values[0]).toEqual(['项目名称', 'ab', 44742.5, { error: '#REF!' }, true, 'not a date', 0.0015]);
    expect(g.formulas!.get(cellKey(0, 1))).toBe('"a"&"b"');
    // A formula without a cached value: the formula is known, the value is blank.
    expect(g.formulas!.get(cellKey(0, 7))).toBe('A1');
    expect(cellAt(g, 0, 7)).toBeNull();
  });

  it('reads a worksheet whose elements carry a namespace prefix', () => {
    const xml = `<?xml version="1.0"?><x:worksheet xmlns:x="${MAIN}"><x:cols><x:col min="2" max="3" hidden="1"/></x:cols>` +
      '<x:sheetData><x:row r="2" hidden="true"><x:c r="B2"><x:v>7</x:v></x:c></x:row></x:sheetData>' +
      '<x:mergeCells count="1"><x:mergeCell ref="B2:C3"/></x:mergeCells></x:worksheet>';
    const g = grid(craftWorkbook({ sheets: [{ name: 'P', xml }] }));
    expect(cellAt(g, 1, 1)).toBe(7);
    expect([...g.hiddenCols!]).toEqual([1, 2]);
    expect([...g.hiddenRows!]).toEqual([1]);
    expect(g.merges).toEqual([{ r0: 1, c0: 1, r1: 2, c1: 2 }]);
  });

  it('reads rows written out of order', () => {
    const g = grid(craftWorkbook({ sheets: [{ name: 'S', rows: '<row r="3"><c r="A3"><v>3</v></c></row><row r="1"><c r="A1"><v>1</v></c></row>' }] }));
    expect(cellAt(g, 0, 0)).toBe(1);
    expect(cellAt(g, 2, 0)).toBe(3);
  });

  it('moves relative references of shared formula children, keeps absolute ones', () => {
    const rows = '<row r="2"><c r="B2"><f t="shared" ref="B2:C3" si="0">A2*$A$1+SUM(A:A)+\'A1 sheet\'!A2+"A2"</f><v>1</v></c>' +
      '<c r="C2"><f t="shared" si="0"/><v>2</v></c></row><row r="3"><c r="B3"><f t="shared" si="0"/><v>3</v></c></row>';
    const g = grid(craftWorkbook({ sheets: [{ name: 'S', rows }] }));
    const f = g.formulas!;
    expect(f.get(cellKey(1, 1))).toBe('A2*$A$1+SUM(A:A)+\'A1 sheet\'!A2+"A2"');
    // One column right: A2→B2, A:A→B:B; the quoted sheet name and the string stay.
    expect(f.get(cellKey(1, 2))).toBe('B2*$A$1+SUM(B:B)+\'A1 sheet\'!B2+"A2"');
    // One row down: A2→A3.
    expect(f.get(cellKey(2, 1))).toBe('A3*$A$1+SUM(A:A)+\'A1 sheet\'!A3+"A2"');
  });

  it('maps built-in and custom number formats; date1904 serials move to the 1900 system', () => {
    const g = grid(craftWorkbook({
      date1904: true,
      numFmts: '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/></numFmts>',
      cellXfs: '<xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="10"/>',
      sheets: [{ name: 'S', rows: '<row r="1"><c r="A1" s="1"><v>0</v></c><c r="B1" s="2"><v>43280</v></c><c r="C1" s="3"><v>0.5</v></c><c r="D1"><v>7</v></c></row>' }],
    }));
    // 1904-01-01 (serial 0 in 1904) is 1462 in the 1900 system; 43280 + 1462 = 44742 (2022-06-30).
    expect(g.values[0]).toEqual([1462, 44742, 0.5, 7]);
    expect(g.numFmts!.get(cellKey(0, 0))).toBe('yyyy/m/d');
    expect(g.numFmts!.get(cellKey(0, 1))).toBe('yyyy"年"m"月"');
    expect(g.numFmts!.get(cellKey(0, 2))).toBe('0.00%');
    expect(g.numFmts!.has(cellKey(0, 3))).toBe(false);
  });

  it('skips chart sheets and keeps hidden and very hidden states', () => {
    const wb = readWorkbook(craftWorkbook({
      sheets: [{ name: 'A', rows: '' }, { name: 'B', rows: '', state: 'veryHidden' }],
      extraSheetsXml: '<sheet name="Chart1" sheetId="9" r:id="rIdC"/>',
      extraRels: '<Relationship Id="rIdC" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/>',
    }));
    expect(wb.sheets.map((s) => [s.name, s.hidden])).toEqual([['A', false], ['B', true]]);
  });
});
