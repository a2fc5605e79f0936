/**
 * XML that is not well-formed (as a strict parser has it) is refused as a damaged file by
 * both readers, the command's (rows read from the sheet's bytes) and the portable one the
 * web page uses (the tokenizer throughout); each class next to well-formed neighbours that
 * must still be read.
 */
import * as fs from 'fs';
import * as path from 'path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { FastXmlScanner } from '../../src/xlsx/xml/text-tokenizer';
import { type ReadOptions } from '../../src/xlsx';
import { BAD_DIR } from './helpers';
import { SHEET, withSheet } from './packages';
import { READERS, readOrCode } from '../helpers/readers';

const SST = 'xl/sharedStrings.xml';
const RELS = 'xl/_rels/workbook.xml.rels';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const F4 = '<c r="F4"><v>300</v></c>';

const base = unzipSync(new Uint8Array(fs.readFileSync(path.join(BAD_DIR, 'ok-ledger.xlsx'))));
const baseSheet = strFromU8(base[SHEET]);

/** The same package with a shared-strings part holding one string, `<t>` text as given, used by F4. */
function withSharedString(tText: string): Uint8Array {
  const rels = strFromU8(base[RELS]).replace('</Relationships>',
    '<Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>');
  const sst = `${DECL}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>${tText}</t></si></sst>`;
  const sheet = baseSheet.replace(F4, '<c r="F4" t="s"><v>0</v></c>');
  return zipSync({ ...base, [RELS]: strToU8(rels), [SST]: strToU8(sst), [SHEET]: strToU8(sheet) });
}

/** Row 4 (0-based 3) of the only sheet. */
function row4(bytes: Uint8Array, opts: ReadOptions): unknown[] {
  const wb = readOrCode(bytes, opts);
  if (typeof wb === 'string') throw new Error(`refused: ${wb}`);
  return wb.sheets[0].grid.values[3] as unknown[];
}

const put = (from: string, to: string) => (x: string) => x.replace(from, to);

describe.each(READERS)('not well-formed, refused as unreadable: %s', (_label, opts) => {
  it.each([
    // A bare & (one not beginning &amp; &lt; &gt; &quot; &apos; or a character reference).
    ['a & at the start of the part', (x: string) => `&${x}`],
    ['a & in a number', put(F4, '<c r="F4"><v>3&00</v></c>')],
    ['a & in an inline string', put('道路工程', '道路&工程')],
    ['a & between two cells', put(F4, `&${F4}`)],
    ['a & between two rows', put('</row><row r="5">', '</row>&<row r="5">')],
    ['a named reference without its ;', put('道路工程', '道路&amp工程')],
    ['a reference to an entity no DTD declares (&nbsp;)', put('道路工程', '道路&nbsp;工程')],
    ['a character reference to U+0000', put(F4, '<c r="F4"><v>&#0;300</v></c>')],
    ['a character reference to a lone surrogate', put('道路工程', '道路&#xD800;工程')],
    ['a character reference past U+10FFFF', put('道路工程', '道路&#x110000;工程')],
    ['a character reference without digits', put('道路工程', '道路&#;工程')],
    ['a character reference with a letter among its digits', put('道路工程', '道路&#5a;工程')],
    ['a & after the root element', (x: string) => `${x}&`],
    // An & inside a tag but outside any attribute value, or a bare one in a value.
    ['a & in an attribute name', put(F4, '<c r="F4" t&="n"><v>300</v></c>')],
    ['a & in an element name', put(F4, '<c&x r="F4"><v>300</v></c&x>')],
    ['a & in a row\'s attribute value', put('<row r="4">', '<row r="4" spans="1:7&">')],
    ['an undefined entity in a cell\'s attribute value', put(F4, '<c r="F4" t="n&foo;"><v>300</v></c>')],
    // Names.
    ['a < in an attribute name', put(F4, '<c r<="F4"><v>300</v></c>')],
    ['a < in a row\'s attribute name', put('<row r="4">', '<row r="4" sp<ans="1:7">')],
    ['an element name beginning with a digit', put(F4, `${F4}<1x/>`)],
    ['an attribute name beginning with a digit', put(F4, '<c r="F4" 1="x"><v>300</v></c>')],
    // Text and CDATA outside the root element.
    ['text before the root element', put('<worksheet', 'x<worksheet')],
    ['text after the root element', (x: string) => `${x}x`],
    ['an entity reference after the root element', (x: string) => `${x}&amp;`],
    ['CDATA before the root element', put('<worksheet', '<![CDATA[x]]><worksheet')],
    ['CDATA after the root element', (x: string) => `${x}<![CDATA[x]]>`],
    ['a second root element', (x: string) => `${x}<worksheet/>`],
    // The XML declaration.
    ['white space before the XML declaration', (x: string) => ` ${x}`],
    ['a comment before the XML declaration', (x: string) => `<!-- x -->${x}`],
    ['a space inside "version"', put('version', 'ver sion')],
    ['no white space between its pseudo-attributes', put('"1.0" encoding', '"1.0"encoding')],
    ['standalone neither yes nor no', put('standalone="yes"', 'standalone="yess"')],
    ['a version other than 1.x', put('version="1.0"', 'version="2.0"')],
    ['a second XML declaration inside the root', put('<sheetData>', '<?xml version="1.0"?><sheetData>')],
    ['an XML declaration among the rows', put('<row r="4">', '<?xml version="1.0"?><row r="4">')],
    // Processing instructions and "]]>".
    ['a processing instruction without a target', put('<row r="4">', '<? x?><row r="4">')],
    ['a processing instruction target holding a quote', put('<sheetData>', '<?x"y?><sheetData>')],
    ['"]]>" in a value', put(F4, '<c r="F4"><v>300]]></v></c>')],
    ['"]]>" in an inline string', put('道路工程', '道路]]>工程')],
  ])('%s', (_what, edit) => {
    expect(readOrCode(withSheet(edit), opts)).toBe('unreadable-file');
  });

  it.each([
    ['a bare &', 'a & b'],
    ['an undefined entity', 'a &nbsp; b'],
    ['"]]>"', 'a ]]> b'],
  ])('a shared string holding %s', (_what, t) => {
    expect(readOrCode(withSharedString(t), opts)).toBe('unreadable-file');
  });
});

describe.each(READERS)('well-formed neighbours, read: %s', (_label, opts) => {
  it.each([
    // 道 is U+9053 = 9×4096 + 5×16 + 3 = 36,947.
    ['a decimal character reference', '&#36947;路工程'],
    ['a hexadecimal one', '&#x9053;路工程'],
    ['one with leading zeros', '&#0036947;路工程'],
  ])('%s in an inline string: C4 read as 道路工程', (_what, t) => {
    expect(row4(withSheet(put('道路工程', t)), opts)[2]).toBe('道路工程');
  });

  it.each([
    ['the five predefined entities', '&amp;&lt;&gt;&quot;&apos;', '&<>"\''],
    ['"]]" and ">" apart', 'a]]b>c]>', 'a]]b>c]>'],
    ['a character reference past U+FFFF', '&#x1F600;', '\u{1F600}'],
  ])('%s in an inline string: C4 read as written', (_what, t, expected) => {
    expect(row4(withSheet(put('道路工程', t)), opts)[2]).toBe(expected);
  });

  it.each([
    ['white space and a comment after the root', (x: string) => `${x}\n<!-- x -->\n`],
    ['a processing instruction before and after the root', (x: string) => put('<worksheet', '<?pi a?>\n<worksheet')(x) + '<?pi b?>'],
    ['no XML declaration', (x: string) => x.slice(DECL.length)],
    ['a declaration with single quotes and spaces', put(DECL, '<?xml  version = \'1.0\' encoding=\'UTF-8\' ?>')],
    ['a target beginning with xml that is not xml', put('<worksheet', '<?xml-stylesheet href="a"?><worksheet')],
    ['an entity in a cell\'s attribute value', put(F4, '<c r="F4" x:note="a&amp;b"><v>300</v></c>')],
    ['"]]>" in an attribute value', put(F4, '<c r="F4" x:note="]]>"><v>300</v></c>')],
  ])('%s: F4 read as 300', (_what, edit) => {
    expect(row4(withSheet(edit), opts)[5]).toBe(300);
  });

  it('a shared string with entities: F4 read as a & b <c>', () => {
    expect(row4(withSharedString('a &amp; b &lt;c&gt;'), opts)[5]).toBe('a & b <c>');
  });
});

/** The tokenizer's events for `pieces` fed in turn, text joined; throws what it throws. */
function scan(pieces: string[]): string {
  let out = '';
  const scanner = new FastXmlScanner({
    open: (local) => (out += `<${local}>`),
    close: (local) => (out += `</${local}>`),
    text: (s, start, end) => (out += s.slice(start, end)),
  });
  for (const p of pieces) scanner.write(p);
  scanner.end();
  return out;
}

/** `s` cut in two at every place. */
const cutsOf = (s: string) => Array.from({ length: s.length + 1 }, (_, i) => [s.slice(0, i), s.slice(i)]);

describe('the tokenizer, its input cut anywhere (a reference or "]]" may end one piece)', () => {
  const GOOD = `${DECL}<a x="&amp;">1 &amp; 2 &#x41;&#66; ]] ]&gt;<b/></a>`;

  it('a well-formed document: the same events however it is cut', () => {
    const whole = scan([GOOD]);
    // Text handed out raw, entities not decoded.
    expect(whole).toBe('<a>1 &amp; 2 &#x41;&#66; ]] ]&gt;<b></b></a>');
    for (const pieces of cutsOf(GOOD)) expect(scan(pieces)).toBe(whole);
    expect(scan([...GOOD])).toBe(whole);
  });

  it.each([
    ['a bare &', `${DECL}<a>1 & 2</a>`],
    ['"]]>" in text', `${DECL}<a>1 ]]> 2</a>`],
    ['a bad declaration', '<?xml version="1.0"standalone="yes"?><a/>'],
    ['text after the root', `${DECL}<a/>x`],
  ])('%s: refused however it is cut', (_what, xml) => {
    for (const pieces of cutsOf(xml)) expect(() => scan(pieces)).toThrow();
    expect(() => scan([...xml])).toThrow();
  });
});
