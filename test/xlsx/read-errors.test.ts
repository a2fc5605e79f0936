import { strToU8, zipSync } from 'fflate';
import { readWorkbook, XlsxError } from '../../src/xlsx/read';
import { craftWorkbook } from './helpers/craft';
import { buildZip, entries } from './helpers/zip';

function codeOf(bytes: Uint8Array, opts?: Parameters<typeof readWorkbook>[1]): string {
  try {
    readWorkbook(bytes, opts);
  } catch (e) {
    expect(e).toBeInstanceOf(XlsxError);
    expect((e as XlsxError).message.length).toBeGreaterThan(10);
    return (e as XlsxError).code;
  }
  return 'ok';
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function oleFile(streamName: string): Uint8Array {
  const b = new Uint8Array(4096);
  b.set(OLE, 0);
  // A directory entry name as OLE stores it: UTF-16LE.
  const name = new Uint8Array(streamName.length * 2);
  for (let i = 0; i < streamName.length; i++) name[2 * i] = streamName.charCodeAt(i);
  b.set(name, 1024);
  return b;
}

/** A sheet of `rows` rows of 10 numbers: about 40 bytes per cell once inflated. */
function bigSheetRows(rows: number): string {
  const out: string[] = [];
  for (let r = 1; r <= rows; r++) {
    let row = `<row r="${r}">`;
    for (let c = 0; c < 10; c++) row += `<c r="${String.fromCharCode(65 + c)}${r}"><v>${r * 10 + c}</v></c>`;
    out.push(row + '</row>');
  }
  return out.join('');
}

describe('files that cannot be read', () => {
  const good = craftWorkbook({ sheets: [{ name: 'S', rows: '<row r="1"><c r="A1"><v>1</v></c></row>' }] });

  it.each([
    { label: 'an empty file', bytes: () => new Uint8Array(0), code: 'not-a-workbook' },
    { label: 'a text file', bytes: () => strToU8('序号,项目名称\n1,道路\n'), code: 'not-a-workbook' },
    { label: 'an empty zip', bytes: () => zipSync({}), code: 'not-a-workbook' },
    { label: 'a zip without workbook.xml', bytes: () => buildZip({ 'readme.txt': 'hello', 'xl/worksheets/sheet1.xml': '<worksheet/>' }), code: 'not-a-workbook' },
    { label: 'a Word document', bytes: () => buildZip({ 'word/document.xml': '<w:document/>' }), code: 'not-a-workbook' },
    { label: 'an .xlsb workbook', bytes: () => buildZip({ 'xl/workbook.bin': new Uint8Array(8) }), code: 'not-a-workbook' },
    { label: 'an old .xls (OLE without encryption)', bytes: () => oleFile('Workbook'), code: 'not-a-workbook' },
    { label: 'an encrypted workbook (OLE with EncryptedPackage)', bytes: () => oleFile('EncryptedPackage'), code: 'encrypted-workbook' },
    { label: 'a truncated zip (half of it)', bytes: () => good.slice(0, Math.floor(good.length / 2)), code: 'unreadable-file' },
    { label: 'a zip whose directory is cut short', bytes: () => good.slice(0, good.length - 30), code: 'unreadable-file' },
  ])('$label → $code', ({ bytes, code }) => {
    expect(codeOf(bytes())).toBe(code);
  });

  it('says that an old .xls is one', () => {
    expect(() => readWorkbook(oleFile('Workbook'))).toThrow(/\.xls/);
  });

  it('reports a damaged entry (corrupt deflate data) as unreadable', () => {
    const bytes = good.slice();
    const all = entries(bytes);
    expect(all['xl/worksheets/sheet1.xml']).toBeDefined();
    // Overwrite the middle of the file (entry data) with garbage.
    for (let i = 100; i < 400; i++) bytes[i] = 0xff;
    expect(['unreadable-file', 'not-a-workbook']).toContain(codeOf(bytes));
  });

  it('refuses a sheet larger than the limit before inflating it (declared size)', () => {
    // 2,000 rows × 10 cells × ~25 bytes ≈ 500 kB of XML, far above a 100 kB limit.
    const bomb = craftWorkbook({ sheets: [{ name: 'S', rows: bigSheetRows(2000) }] });
    expect(codeOf(bomb, { maxUncompressedBytes: 100_000 })).toBe('too-large');
    expect(codeOf(bomb)).toBe('ok');
  });

  it('stops a zip bomb that lies about its size while inflating', () => {
    const bomb = craftWorkbook({ sheets: [{ name: 'S', rows: bigSheetRows(2000) }] });
    // Make the central directory claim the sheet inflates to 1,000 bytes.
    const b = bomb.slice();
    const dv = new DataView(b.buffer);
    let eocd = b.length - 22;
    while (dv.getUint32(eocd, true) !== 0x06054b50) eocd--;
    let p = dv.getUint32(eocd + 16, true);
    for (let i = 0; i < dv.getUint16(eocd + 10, true); i++) {
      const nameLen = dv.getUint16(p + 28, true);
      const name = new TextDecoder().decode(b.subarray(p + 46, p + 46 + nameLen));
      if (name === 'xl/worksheets/sheet1.xml') dv.setUint32(p + 24, 1000, true);
      p += 46 + nameLen + dv.getUint16(p + 30, true) + dv.getUint16(p + 32, true);
    }
    // Within the byte limit the lie shows up as damage; under a small limit it is too large.
    expect(codeOf(b)).toBe('unreadable-file');
    expect(codeOf(b, { maxUncompressedBytes: 50_000 })).toBe('too-large');
  });

  it('limits the number of cells and of shared strings', () => {
    const many = craftWorkbook({ sheets: [{ name: 'S', rows: bigSheetRows(100) }], sharedStrings: ['a', 'b', 'c'] });
    // 100 rows × 10 cells = 1,000 cells.
    expect(codeOf(many, { maxCells: 999 })).toBe('too-large');
    expect(codeOf(many, { maxCells: 1000 })).toBe('ok');
    expect(codeOf(many, { maxSharedStrings: 2 })).toBe('too-large');
    expect(codeOf(many, { maxSharedStrings: 3 })).toBe('ok');
  });

  it('reports XML that is not well-formed as unreadable', () => {
    const bad = craftWorkbook({ sheets: [{ name: 'S', xml: '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>' }] });
    expect(codeOf(bad)).toBe('unreadable-file');
  });

  it('reports a sheet part missing from the package as unreadable', () => {
    const all = entries(good);
    delete all['xl/worksheets/sheet1.xml'];
    expect(codeOf(buildZip(all))).toBe('unreadable-file');
  });
});
