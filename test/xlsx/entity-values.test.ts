/**
 * Cells whose text or attributes hold a character or entity reference (`<v>&#51;00</v>`,
 * `r="&#65;1"`): valid XML that Excel never writes but other tools may. Both readers (the
 * tokenizer's, and the byte reader's with a host inflate) read the decoded text, alike.
 */
import { cellKey, type CellValue } from '../../src/core/grid';
import * as readSheetData from '../../src/xlsx/read/read-sheet-rows';
import { readWorkbook } from '../../src/xlsx/read';
import type { Grid } from '../../src/core/grid';
import { craftWorkbook } from './helpers/craft';
import { NODE_READ } from '../helpers/readers';


// Shared strings: 0 甲, 1 乙, 2 丙, …, 9 癸, 10 十, 11 十一; an index past 9 tells two digits were read.
const SHARED = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸', '十', '十一'];
// xf 1 is a date format (yyyy-mm-dd).
const STYLES = {
  numFmts: '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>',
  cellXfs: '<xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/>',
};

interface Read {
  grid: Grid;
  /** The byte reader kept the rows (did not leave them to the tokenizer). */
  fast: boolean;
}

function readBoth(rows: string): { slow: Read; fast: Read } {
  const bytes = craftWorkbook({ ...STYLES, sharedStrings: SHARED, sheets: [{ name: 'S', rows }] });
  const spy = jest.spyOn(readSheetData, 'readRows');
  try {
    const slow = readWorkbook(bytes).sheets[0].grid;
    const slowFast = spy.mock.results.some((r) => r.value === true);
    spy.mockClear();
    const fast = readWorkbook(bytes, NODE_READ).sheets[0].grid;
    return { slow: { grid: slow, fast: slowFast }, fast: { grid: fast, fast: spy.mock.results.some((r) => r.value === true) } };
  } finally {
    spy.mockRestore();
  }
}

/** A1-style address to [row, col], 0-based (single letters only: enough here). */
function at(a1: string): [number, number] {
  return [Number(a1.slice(1)) - 1, a1.charCodeAt(0) - 65];
}

/** The value at `a1` (undefined when blank). */
function valueAt(g: Grid, a1: string): CellValue | undefined {
  const [r, c] = at(a1);
  return g.values[r]?.[c];
}

type Case = [label: string, rows: string, expected: Record<string, CellValue>, byteReaderKeeps: boolean];

const row = (cells: string): string => `<row r="5">${cells}</row>`;

const VALUES: Case[] = [
  // &#51; is '3': '3' + '00' = '300'.
  ['a decimal reference in a number', row('<c r="D5"><v>&#51;00</v></c>'), { D5: 300 }, true],
  // &#x30; is '0': '1' + '0' = '10'.
  ['a hex reference in a number', row('<c r="D5"><v>1&#x30;</v></c>'), { D5: 10 }, true],
  // &#x2D; is '-', &#46; is '.': '-2.5'.
  ['a sign and a point as references', row('<c r="D5"><v>&#x2D;2&#46;5</v></c>'), { D5: -2.5 }, true],
  // Every character a reference: &#49;&#50;&#51; = '123'.
  ['a number all references', row('<c r="D5"><v>&#49;&#50;&#51;</v></c>'), { D5: 123 }, true],
  // '1' 'E' '3' = 1E3 = 1000.
  ['an exponent as a reference', row('<c r="D5"><v>1&#69;3</v></c>'), { D5: 1000 }, true],
  // Shared-string index &#49;&#48; = '10' → 十 (0-based 10).
  ['a shared-string index', row('<c r="D5" t="s"><v>&#49;&#48;</v></c>'), { D5: '十' }, true],
  // '1' then &#x31; = '11' → '十一'.
  ['a shared-string index, half a reference', row('<c r="D5" t="s"><v>1&#x31;</v></c>'), { D5: '十一' }, true],
  // &#49; = '1' → true; &#48; = '0' → false; 'tr' + &#117; + 'e' = 'true' → true.
  ['booleans', row('<c r="A5" t="b"><v>&#49;</v></c><c r="B5" t="b"><v>&#48;</v></c><c r="C5" t="b"><v>tr&#117;e</v></c>'),
    { A5: true, B5: false, C5: true }, true],
  // &#35; is '#': '#DIV/0!'.
  ['an error', row('<c r="D5" t="e"><v>&#35;DIV/0!</v></c>'), { D5: { error: '#DIV/0!' } }, true],
  // '2022-06-' + &#51; + '0' = 2022-06-30: 44742 days after 1899-12-30
  // (1900-01-01 is serial 1 (2), 2022-01-01 is 44562, +31+28+31+30+31 to June 1 = 44713, +29 = 44742).
  ['a date', row('<c r="D5" t="d"><v>2022-06-&#51;0</v></c>'), { D5: 44742 }, true],
  // Not a date once decoded either: the decoded text stands.
  ['a date that is not one', row('<c r="D5" t="d"><v>&#120;y</v></c>'), { D5: 'xy' }, true],
  // Text cells were decoded already: 'a&b', 'a<b'.
  ['text and inline strings', row('<c r="A5" t="str"><v>a&amp;b</v></c><c r="B5" t="inlineStr"><is><t>a&#60;b</t></is></c>'),
    { A5: 'a&b', B5: 'a<b' }, true],
  // Numbers with no reference still read as before (an & check costs nothing when there is none).
  ['a plain number beside', row('<c r="C5"><v>7</v></c><c r="D5"><v>&#55;</v></c>'), { C5: 7, D5: 7 }, true],
  // Text that is no number once decoded stays NaN: 'a' + '1'.
  ['a reference that makes no number', row('<c r="D5"><v>&#97;1</v></c>'), { D5: NaN }, true],
];

const ATTRIBUTES: Case[] = [
  // r="&#67;1" is C1: the first cell of its row, so read by order it would be A1.
  ['a reference in r', '<row r="1"><c r="&#67;1"><v>1</v></c></row>', { C1: 1 }, false],
  // r="D&#x35;" is D5: by order it would be A5.
  ['a hex reference in r', row('<c r="D&#x35;"><v>3</v></c>'), { D5: 3 }, false],
  // The cell after it has no r: it goes to the next column, E5.
  ['a cell after one placed by a reference', row('<c r="&#68;5"><v>3</v></c><c><v>4</v></c>'), { D5: 3, E5: 4 }, false],
  // t="&#115;" is t="s": shared string 2 = 丙.
  ['a reference in t', row('<c r="D5" t="&#115;"><v>2</v></c>'), { D5: '丙' }, false],
  // t="&#98;" is t="b".
  ['a reference in t (boolean)', row('<c r="D5" t="&#98;"><v>1</v></c>'), { D5: true }, false],
  // s="&#49;" is style 1 (a date format): the value stays the serial, the format is kept.
  ['a reference in s', row('<c r="D5" s="&#49;"><v>44742</v></c>'), { D5: 44742 }, false],
  // The row's own r by a reference: row="&#53;" is row 5.
  ['a reference in a row\'s r', '<row r="&#53;"><c><v>8</v></c></row>', { A5: 8 }, false],
];

describe('references in cell text', () => {
  it.each(VALUES)('%s: both readers read the decoded text', (_label, rows, expected, keeps) => {
    const { slow, fast } = readBoth(rows);
    for (const [a1, v] of Object.entries(expected)) {
      expect(valueAt(slow.grid, a1)).toEqual(v);
      expect(valueAt(fast.grid, a1)).toEqual(v);
    }
    expect(fast.grid).toEqual(slow.grid);
    expect(fast.fast).toBe(keeps);
  });
});

describe('references in cell attributes', () => {
  it.each(ATTRIBUTES)('%s: both readers read the decoded value', (_label, rows, expected, keeps) => {
    const { slow, fast } = readBoth(rows);
    for (const [a1, v] of Object.entries(expected)) {
      expect(valueAt(slow.grid, a1)).toEqual(v);
      expect(valueAt(fast.grid, a1)).toEqual(v);
    }
    // Only the cells expected: a misread r would have put the value elsewhere too.
    const count = (g: Grid) => g.values.reduce((n, r) => n + (r ? r.filter((v) => v !== undefined).length : 0), 0);
    expect(count(slow.grid)).toBe(Object.keys(expected).length);
    expect(fast.grid).toEqual(slow.grid);
    // Attribute values holding `&` are left by the byte reader to the tokenizer.
    expect(fast.fast).toBe(keeps);
  });

  it('a style given by a reference keeps its number format', () => {
    const { slow, fast } = readBoth(row('<c r="D5" s="&#49;"><v>44742</v></c>'));
    const key = cellKey(4, 3);
    expect(slow.grid.numFmts?.get(key)).toBe('yyyy-mm-dd');
    expect(fast.grid.numFmts?.get(key)).toBe('yyyy-mm-dd');
  });
});

describe('references in formulas', () => {
  // <f> text is decoded by both readers: &lt; &gt; &amp; &quot; and character references.
  it.each([
    ['IF(A1&lt;0,&quot;neg&quot;,A1&amp;&quot;x&quot;)', 'IF(A1<0,"neg",A1&"x")'],
    ['A1&gt;=B1', 'A1>=B1'],
    ['SUM(&#65;1:A2)', 'SUM(A1:A2)'],
    ['&#x41;1&apos;', "A1'"],
  ])('%s reads as %s', (f, expected) => {
    const { slow, fast } = readBoth(`<row r="1"><c r="C1"><f>${f}</f><v>0</v></c></row>`);
    const key = cellKey(0, 2);
    expect(slow.grid.formulas?.get(key)).toBe(expected);
    expect(fast.grid.formulas?.get(key)).toBe(expected);
    expect(fast.fast).toBe(true);
  });

  it('a shared formula whose si is a reference: the child shifts from its master', () => {
    // si="&#48;" is si="0"; the master B1 `A1*2` shifted one row down for B2 is `A2*2`.
    const { slow, fast } = readBoth('<row r="1"><c r="B1"><f t="shared" ref="B1:B2" si="&#48;">A1*2</f><v>0</v></c></row>' +
      '<row r="2"><c r="B2"><f t="shared" si="0"/><v>0</v></c></row>');
    for (const g of [slow.grid, fast.grid]) {
      expect(g.formulas?.get(cellKey(0, 1))).toBe('A1*2');
      expect(g.formulas?.get(cellKey(1, 1))).toBe('A2*2');
    }
  });
});

describe('comments inside sheetData', () => {
  it('a well-formed comment between cells is skipped by both readers', () => {
    const { slow, fast } = readBoth('<row r="1"><c r="A1"><v>1</v></c><!-- a - b -> --><c r="B1"><v>2</v></c></row>');
    for (const g of [slow.grid, fast.grid]) {
      expect(valueAt(g, 'A1')).toBe(1);
      expect(valueAt(g, 'B1')).toBe(2);
    }
  });

  it.each([
    ['a -- inside', '<row r="1"><c r="A1"><v>1</v></c><!-- a -- b --></row>'],
    ['an ending --->', '<row r="1"><c r="A1"><v>1</v></c><!-- a ---></row>'],
    ['inside a value', '<row r="1"><c r="A1"><v>1<!-- -- --></v></c></row>'],
  ])('a comment with %s is refused by both readers', (_label, rows) => {
    const bytes = craftWorkbook({ ...STYLES, sharedStrings: SHARED, sheets: [{ name: 'S', rows }] });
    expect(() => readWorkbook(bytes)).toThrow(/not well-formed/);
    expect(() => readWorkbook(bytes, NODE_READ)).toThrow(/not well-formed/);
  });

  it('a malformed comment outside sheetData is refused by both readers', () => {
    const bytes = craftWorkbook({ ...STYLES, sheets: [{ name: 'S', rows: '<row r="1"><c r="A1"><v>1</v></c></row>', tail: '<!-- x -- y -->' }] });
    expect(() => readWorkbook(bytes)).toThrow(/not well-formed/);
    expect(() => readWorkbook(bytes, NODE_READ)).toThrow(/not well-formed/);
  });
});
