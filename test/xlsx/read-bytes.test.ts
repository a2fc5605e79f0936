/**
 * The rows read straight from the bytes (with a host inflate) give the grid the
 * tokenizer gives, cell for cell, on ordinary and odd sheets; what the byte reader does
 * not know it leaves to the tokenizer.
 */
import fc from 'fast-check';
import * as zlib from 'zlib';
import * as readSheetData from '../../src/xlsx/read/read-sheet-rows';
import { readWorkbook } from '../../src/xlsx/read';
import { craftWorkbook, type CraftOptions } from './helpers/craft';
import { bigWorkbook } from './helpers/big';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const inflateRaw = (d: Uint8Array, max: number): Uint8Array => {
  const out = zlib.inflateRawSync(d, { maxOutputLength: max });
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
};

const base: Omit<CraftOptions, 'sheets'> = {
  sharedStrings: ['甲', 'a&amp;b', '乙'],
  numFmts: '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>',
  cellXfs: '<xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="4" applyNumberFormat="1"/>',
};

/** Reads a sheet both ways; says whether the byte reader kept it. */
function both(rows: string, extra: Partial<CraftOptions> = {}): { same: boolean; fast: boolean } {
  const bytes = craftWorkbook({ ...base, ...extra, sheets: [{ name: 'S', rows, ...(extra.sheets?.[0] ?? {}) }] });
  const spy = jest.spyOn(readSheetData, 'readRows');
  try {
    const a = readWorkbook(bytes);
    const b = readWorkbook(bytes, { inflateRaw });
    expect(b).toEqual(a);
    return { same: true, fast: spy.mock.results.some((r) => r.value === true) };
  } finally {
    spy.mockRestore();
  }
}

describe('rows from the bytes', () => {
  it.each([
    ['numbers of every spelling', '<row r="1"><c r="A1"><v>-0</v></c><c r="B1"><v>.5</v></c><c r="C1"><v>1E5</v></c><c r="D1"><v> 12 </v></c>' +
      '<c r="E1"><v>1.234567890123456789</v></c><c r="F1"><v></v></c><c r="G1"><v>abc</v></c><c r="H1"><v>5.</v></c><c r="I1"><v>-</v></c><c r="J1"><v>0.1</v></c></row>'],
    ['rows and cells without r, and a cell naming another row', '<row><c><v>1</v></c><c><v>2</v></c></row><row r="4"><c r="C4"><v>3</v></c><c><v>4</v></c><c r="B9"><v>9</v></c></row><row><c><v>5</v></c></row>'],
    ['shared strings, booleans, errors, text, dates', '<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="s"><v></v></c><c r="C1" t="s"><v>99</v></c>' +
      '<c r="D1" t="b"><v>1</v></c><c r="E1" t="b"><v>0</v></c><c r="F1" t="b"><v>true</v></c><c r="G1" t="e"><v>#DIV/0!</v></c>' +
      '<c r="H1" t="str"><v>a&amp;b_x000D_c</v></c><c r="I1" t="d"><v>2022-06-30</v></c><c r="J1" t="d"><v>x</v></c><c r="K1" t="zz"><v>odd</v></c></row>'],
    ['inline strings, rich and phonetic runs, and one without <is>', '<row r="1"><c r="A1" t="inlineStr"><is><r><rPr><b/></rPr><t>发展</t></r><r><t xml:space="preserve"> 改革</t></r><rPh sb="0" eb="1"><t>ハ</t></rPh></is></c>' +
      '<c r="B1" t="inlineStr"><is><t>a&lt;b</t></is></c><c r="C1" t="inlineStr"/><c r="D1" t="inlineStr"><v>1</v></c><c r="E1" t="inlineStr"><is/></c></row>'],
    ['formulas, shared ones and their children', '<row r="1"><c r="A1"><f>1+1</f><v>2</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*2</f><v>4</v></c></row>' +
      '<row r="2"><c r="B2"><f t="shared" si="0"/><v>0</v></c><c r="C2"><f>"a"&amp;"b"</f><v>ab</v></c><c r="D2"><f/><v>1</v></c></row>' +
      '<row r="3"><c r="B3"><f t="shared" si="0"></f></c><c r="C3"><f t="shared" si="7"/></c></row>'],
    ['styles: dates, a style past the list, a style that is not a number', '<row r="1"><c r="A1" s="1"><v>44742</v></c><c r="B1" s="2"><v>1.5</v></c><c r="C1" s="9"><v>1</v></c><c r="D1" s="x"><v>2</v></c><c r="E1" s=""><v>3</v></c></row>'],
    ['empty, self-closing and hidden rows, spans, styled empty cells', '<row r="1" spans="1:3" hidden="1"/><row r="2" hidden="true"><c r="A2" s="1"/></row>\n  <row r="3" ht="20" customHeight="1"><c r="A3"><v>1</v></c>\n</row><row r="5"></row>'],
    ['a value that looks like a number in odd whitespace', '<row r="1"><c r="A1" t="n"><v>\n7\n</v></c></row>'],
    ['cell attributes in other forms: spaced, single-quoted, unknown ones first', '<row r="1"><c cm="1" r="A1" s="2"><v>1</v></c><c r = "B1" t=\'s\'><v>0</v></c>' +
      '<c s="1" vm="2" r="C1"><v>44000</v></c><c\nr="D1"\n><v>4</v></c></row>'],
  ])('%s', (_label, rows) => {
    const { fast } = both(rows);
    expect(fast).toBe(true);
  });

  it('reads a 1904 workbook the same', () => {
    expect(both('<row r="1"><c r="A1" s="1"><v>43280</v></c><c r="B1"><v>43280</v></c></row>', { date1904: true }).fast).toBe(true);
  });

  it('reads elements with a namespace prefix', () => {
    const xml = `<?xml version="1.0"?><x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c>` +
      '<x:c r="B1" t="inlineStr"><x:is><x:t>内</x:t></x:is></x:c><x:c r="C1"><x:f>A1</x:f><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>';
    expect(both('', { sheets: [{ name: 'S', xml }] }).fast).toBe(true);
  });

  it.each([
    ['a comment between cells', '<row r="1"><c r="A1"><v>1</v></c><!-- note --><c r="B1"><v>2</v></c></row>'],
    ['CDATA in a value', '<row r="1"><c r="A1" t="str"><v><![CDATA[a<b]]></v></c></row>'],
    ['an extension inside a cell', '<row r="1"><c r="A1"><v>1</v><extLst><ext uri="x"/></extLst></c></row>'],
    ['an entity in an attribute', '<row r="&#49;"><c r="A1"><v>1</v></c></row>'],
    ['two values in one cell', '<row r="1"><c r="A1"><v>1</v><v>2</v></c></row>'],
    ['a processing instruction', '<row r="1"><?pi x?><c r="A1"><v>1</v></c></row>'],
  ])('leaves %s to the tokenizer, with the same result', (_label, rows) => {
    const { fast } = both(rows);
    expect(fast).toBe(false);
  });

  it('reads a large generated ledger the same', () => {
    const bytes = bigWorkbook(1500);
    expect(readWorkbook(bytes, { inflateRaw })).toEqual(readWorkbook(bytes));
  });

  it('agrees with the tokenizer on random cells', () => {
    const value = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => ['', `<v>${n}</v>`]),
      fc.integer({ min: -5, max: 5 }).map((n) => [' t="s"', `<v>${n}</v>`]),
      fc.constantFrom(['', '<v>1.50</v>'], ['', '<v>-.25</v>'], [' t="b"', '<v>0</v>'], [' t="e"', '<v>#N/A</v>'], [' t="str"', '<v>x&gt;y</v>'],
        [' t="inlineStr"', '<is><t>z</t></is>'], ['', '<f>SUM(A1:A2)</f><v>3</v>'], [' s="1"', '<v>44000.5</v>'], ['', ''], [' t="d"', '<v>2020-01-02T03:04:05</v>']),
    );
    const cellArb = fc.tuple(fc.boolean(), value);
    fc.assert(fc.property(fc.array(fc.array(cellArb, { maxLength: 6 }), { maxLength: 8 }), fc.boolean(), (rows, withR) => {
      const xml = rows.map((cells, r) => `<row${withR ? ` r="${r + 1}"` : ''}>` +
        cells.map(([hasR, [attrs, body]], c) => `<c${hasR ? ` r="${String.fromCharCode(65 + c)}${r + 1}"` : ''}${attrs}${body ? `>${body}</c>` : '/>'}`).join('') + '</row>').join('');
      expect(both(xml).same).toBe(true);
    }), { numRuns: Number(process.env.FC_RUNS ?? 150) });
  });
});
