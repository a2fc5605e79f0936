#!/usr/bin/env node
'use strict';
/**
 * The corpus of hostile, huge and broken workbooks (test/fixtures/bad/), written by hand
 * byte by byte so that each file is exactly the fault it is named for.
 *
 *   node scripts/make-bad-files.js [dir]      the small corpus (default test/fixtures/bad)
 *
 * Files too large to commit (a zip bomb of 4 GB, millions of shared strings, a long
 * comment) are built by the functions exported here, at test time, into a temp dir.
 * Output is byte-identical on every run (fixed timestamps, no randomness).
 */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = 'http://schemas.openxmlformats.org/package/2006/content-types';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

// ------------------------------------------------------------------ zip writing

/**
 * A zip package from entries `{ name, data }`. Options per entry:
 * `store` (no compression), `deflated` (raw deflate data given as is, with `size` and `crc`),
 * `size` / `crc` (what the directory declares, true or not), `flags`, `sameAs` (another
 * entry's data, for overlapping entries).
 */
function zip(entries) {
  const chunks = [];
  const central = [];
  const placed = new Map();
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    let rec;
    if (e.sameAs) {
      rec = { ...placed.get(e.sameAs) };
      if (e.size !== undefined) rec.size = e.size;
    } else {
      const raw = e.deflated ? null : Buffer.from(e.data ?? '');
      const method = e.store ? 0 : 8;
      const data = e.deflated ? Buffer.from(e.deflated) : method === 8 ? zlib.deflateRawSync(raw, { level: 9 }) : raw;
      rec = {
        method,
        data,
        crc: e.crc ?? (raw ? zlib.crc32(raw) : 0),
        size: e.size ?? (raw ? raw.length : 0),
        offset,
        flags: (e.flags ?? 0) | 0x800,
      };
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(rec.flags, 6);
      local.writeUInt16LE(method, 8);
      local.writeUInt16LE(0x21, 12); // 1980-01-01
      local.writeUInt32LE(rec.crc >>> 0, 14);
      local.writeUInt32LE(data.length, 18);
      local.writeUInt32LE(rec.size >>> 0, 22);
      local.writeUInt16LE(name.length, 26);
      chunks.push(local, name, data);
      offset += local.length + name.length + data.length;
      placed.set(e.name, rec);
    }
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(rec.flags, 8);
    c.writeUInt16LE(rec.method, 10);
    c.writeUInt16LE(0x21, 14);
    c.writeUInt32LE(rec.crc >>> 0, 16);
    c.writeUInt32LE(rec.data.length, 20);
    c.writeUInt32LE(rec.size >>> 0, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(rec.offset, 42);
    central.push(c, name);
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, cd, end]);
}

// ------------------------------------------------------------------ deflate by hand

/** Bits in deflate order (least significant first). */
class BitWriter {
  constructor(capacity) {
    this.buf = Buffer.alloc(capacity);
    this.byte = 0;
    this.bit = 0;
  }

  bits(value, count) {
    for (let i = 0; i < count; i++) {
      if ((value >>> i) & 1) this.buf[this.byte] |= 1 << this.bit;
      if (++this.bit === 8) {
        this.bit = 0;
        this.byte++;
      }
    }
  }

  align() {
    if (this.bit) {
      this.bit = 0;
      this.byte++;
    }
  }

  bytes(data) {
    this.align();
    Buffer.from(data).copy(this.buf, this.byte);
    this.byte += data.length;
  }

  /** `n` repeats of the 2-bit code `1, 0` (length 258, distance 1), whole bytes at a time. */
  repeats(n) {
    let left = n;
    while (left > 0 && this.bit !== 0) {
      this.bits(1, 1);
      this.bits(0, 1);
      left--;
    }
    const whole = Math.floor(left / 4);
    this.buf.fill(0x55, this.byte, this.byte + whole);
    this.byte += whole;
    for (let i = 0; i < left % 4; i++) {
      this.bits(1, 1);
      this.bits(0, 1);
    }
  }

  result() {
    return this.buf.subarray(0, this.byte + (this.bit ? 1 : 0));
  }
}

function storedBlock(w, data, final) {
  w.bits(final ? 1 : 0, 1);
  w.bits(0, 2);
  w.align();
  const len = Buffer.alloc(4);
  len.writeUInt16LE(data.length, 0);
  len.writeUInt16LE(~data.length & 0xffff, 2);
  w.bytes(len);
  w.bytes(data);
}

/**
 * Raw deflate data of `prefix`, then `runs` × 258 spaces, then `suffix`: about 1,032
 * bytes out for each byte in, the most deflate allows. The runs are one dynamic block
 * whose only codes are end-of-block and "copy 258 bytes from 1 back" (1 bit each), so
 * each run costs 2 bits. `prefix` must end with a space, the byte the runs copy.
 */
function spacesDeflate(prefix, runs, suffix) {
  const pre = Buffer.from(prefix);
  const post = Buffer.from(suffix);
  if (pre[pre.length - 1] !== 0x20) throw new Error('prefix must end with a space');
  if (pre.length > 0xffff || post.length > 0xffff) throw new Error('prefix and suffix must fit a stored block');
  const w = new BitWriter(pre.length + post.length + Math.ceil(runs / 4) + 64);
  storedBlock(w, pre, false);
  w.bits(0, 1); // not final
  w.bits(2, 2); // dynamic Huffman codes
  w.bits(286 - 257, 5); // literal/length codes 0..285
  w.bits(1 - 1, 5); // one distance code
  w.bits(18 - 4, 4); // code-length codes up to symbol 1 in the order below
  const order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1];
  for (const sym of order) w.bits(sym === 18 || sym === 1 ? 1 : 0, 3);
  // Code-length codes: symbol 1 → bit 0, symbol 18 (run of zeros, 7 extra bits) → bit 1.
  const zeros = (n) => {
    w.bits(1, 1);
    w.bits(n - 11, 7);
  };
  zeros(138); // literals 0..137
  zeros(118); // literals 138..255
  w.bits(0, 1); // 256 (end of block): length 1
  zeros(28); // lengths 257..284
  w.bits(0, 1); // 285 (length 258): length 1
  w.bits(0, 1); // distance code 0 (distance 1): length 1
  // Literal/length codes: 256 → 0, 285 → 1; distance code 0 → 0.
  w.repeats(runs);
  w.bits(0, 1); // end of block
  storedBlock(w, post, true);
  return w.result();
}

// ------------------------------------------------------------------ workbooks

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function colName(c) {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A row of cells: numbers as numbers, text as inline strings, `{ f, v }` as formulas. */
function rowXml(r, cells, firstCol = 0) {
  const out = cells.map((v, i) => {
    const ref = `${colName(firstCol + i)}${r}`;
    if (v === null || v === undefined) return '';
    if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
    if (typeof v === 'object') return `<c r="${ref}"><f>${esc(v.f)}</f><v>${v.v}</v></c>`;
    return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${esc(v)}</t></is></c>`;
  });
  return `<row r="${r}">${out.join('')}</row>`;
}

const HEADER = ['序号', '县（市、区）', '项目名称', '总投资', '年度计划投资', '1-6月完成投资', '是否开工'];

/**
 * The base ledger: 4 projects, as of the end of June (time progress 6/12 = 50 %).
 * 阳谷县: plans 500 + 300 = 800, completed 300 + 100 = 400 → 50 %.
 * 冠县: plans 400 + 200 = 600, completed 100 + 200 = 300 → 50 %.
 */
const LEDGER_ROWS = [
  ['2022年重点项目进展情况表（截至6月底）'],
  ['单位：万元'],
  HEADER,
  [1, '阳谷县', '道路工程', 2000, 500, 300, '是'],
  [2, '阳谷县', '污水处理厂', 1000, 300, 100, '是'],
  [3, '冠县', '产业园', 1500, 400, 100, '是'],
  [4, '冠县', '学校', 800, 200, 200, '是'],
];

function sheetXml(rows, { head = '', tail = '', extraRows = '' } = {}) {
  return `${XML_HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}">${head}<sheetData>${rows.map((cells, i) => rowXml(i + 1, cells)).join('')}${extraRows}</sheetData>${tail}</worksheet>`;
}

const STYLES = `${XML_HEAD}<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/**
 * The parts of a workbook with `sheets` (texts of sheet parts, or entries to place as is),
 * as zip entries in a fixed order. `sst` adds a shared-strings part.
 */
function workbookEntries({ sheets, sst = null, extraParts = [], extraRels = '', extraTypes = '', bookExtra = '' }) {
  const rels = [];
  const list = [];
  const types = [];
  sheets.forEach((_, i) => {
    rels.push(`<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
    list.push(`<sheet name="${i === 0 ? '重点项目' : `Sheet${i + 1}`}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`);
    types.push(`<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`);
  });
  rels.push(`<Relationship Id="rIdS" Type="${REL}/styles" Target="styles.xml"/>`);
  if (sst !== null) {
    rels.push(`<Relationship Id="rIdT" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
    types.push('<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>');
  }
  const entries = [
    {
      name: '[Content_Types].xml',
      data: `${XML_HEAD}<Types xmlns="${CT}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        `${types.join('')}${extraTypes}</Types>`,
    },
    { name: '_rels/.rels', data: `${XML_HEAD}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    { name: 'xl/workbook.xml', data: `${XML_HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${list.join('')}</sheets>${bookExtra}</workbook>` },
    { name: 'xl/_rels/workbook.xml.rels', data: `${XML_HEAD}<Relationships xmlns="${PKG}">${rels.join('')}${extraRels}</Relationships>` },
    { name: 'xl/styles.xml', data: STYLES },
  ];
  sheets.forEach((s, i) => {
    const name = `xl/worksheets/sheet${i + 1}.xml`;
    entries.push(typeof s === 'string' ? { name, data: s } : { ...s, name });
  });
  if (sst !== null) entries.push(typeof sst === 'string' ? { name: 'xl/sharedStrings.xml', data: sst } : { ...sst, name: 'xl/sharedStrings.xml' });
  return [...entries, ...extraParts];
}

function ledgerWorkbook(options = {}) {
  return zip(workbookEntries({ sheets: [sheetXml(options.rows ?? LEDGER_ROWS, options)], ...options }));
}

// ------------------------------------------------------------------ OLE compound files

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** A compound file header and one directory sector naming `streams` (UTF-16LE, as OLE stores them). */
function oleFile(streams) {
  const b = Buffer.alloc(512 * 3);
  OLE_MAGIC.copy(b, 0);
  b.writeUInt16LE(0x3e, 24); // minor version
  b.writeUInt16LE(3, 26); // major version 3: 512-byte sectors
  b.writeUInt16LE(0xfffe, 28); // little-endian
  b.writeUInt16LE(9, 30); // sector shift
  b.writeUInt16LE(6, 32); // mini sector shift
  b.writeUInt32LE(1, 44); // one FAT sector
  b.writeUInt32LE(1, 48); // directory starts at sector 1
  b.writeUInt32LE(0x1000, 56); // mini stream cutoff
  b.writeUInt32LE(0xfffffffe, 60);
  b.writeUInt32LE(0xfffffffe, 68);
  b.writeUInt32LE(0, 76); // FAT in sector 0
  for (let i = 1; i < 109; i++) b.writeUInt32LE(0xffffffff, 76 + 4 * i);
  // Sector 0 (file offset 512): the FAT. Sector 1 (offset 1024): the directory.
  b.writeUInt32LE(0xfffffffd, 512);
  b.writeUInt32LE(0xfffffffe, 516);
  ['Root Entry', ...streams].forEach((name, i) => {
    const at = 1024 + 128 * i;
    b.write(name, at, 'utf16le');
    b.writeUInt16LE((name.length + 1) * 2, at + 64);
    b[at + 66] = i === 0 ? 5 : 2; // root storage, else stream
  });
  return b;
}

// ------------------------------------------------------------------ the corpus

/** Replaces a part's compressed bytes (after its local header) with 0xFF. */
function garbleEntry(bytes, partName) {
  const b = Buffer.from(bytes);
  const at = b.indexOf(Buffer.from(partName)) + partName.length;
  b.fill(0xff, at + 8, at + 64);
  return b;
}

/**
 * Each case: `file`, `what` it is, and what a reviewer must see: `code` (the file error) or
 * `checks: true` (it is a ledger and is checked). `knownBug` names a case that fails today.
 */
const CASES = [
  { file: 'ok-ledger.xlsx', what: 'a sound 4-project ledger (the base of the others)', checks: true, build: () => ledgerWorkbook() },
  { file: 'empty.xlsx', what: 'an empty file', code: 'not-a-workbook', build: () => Buffer.alloc(0) },
  { file: 'csv-named.xlsx', what: 'a CSV file named .xlsx', code: 'not-a-workbook', build: () => Buffer.from(`${HEADER.join(',')}\n1,阳谷县,道路工程,2000,500,300,是\n`) },
  { file: 'html-named.xlsx', what: 'an HTML table saved as .xlsx (what some systems export)', code: 'not-a-workbook', build: () => Buffer.from('<html><body><table><tr><td>项目名称</td></tr></table></body></html>') },
  { file: 'damaged.xls', what: 'a damaged old .xls (an OLE header, no workbook inside)', code: 'not-a-workbook', build: () => oleFile(['Workbook']) },
  { file: 'old-format-named.xlsx', what: 'an old binary .xls renamed .xlsx', code: 'not-a-workbook', build: () => oleFile(['Workbook']) },
  { file: 'encrypted.xlsx', what: 'a password-protected workbook (OLE with EncryptionInfo and EncryptedPackage)', code: 'encrypted-workbook', build: () => oleFile(['EncryptionInfo', 'EncryptedPackage']) },
  {
    file: 'zip-encrypted.xlsx', what: 'a zip whose entries carry the encryption flag', code: 'encrypted-workbook',
    build: () => zip(workbookEntries({ sheets: [sheetXml(LEDGER_ROWS)] }).map((e) => ({ ...e, flags: 1 }))),
  },
  { file: 'docx-named.xlsx', what: 'a Word document named .xlsx', code: 'not-a-workbook', build: () => zip([{ name: '[Content_Types].xml', data: '<Types/>' }, { name: 'word/document.xml', data: '<w:document/>' }]) },
  { file: 'xlsb-named.xlsx', what: 'a binary .xlsb workbook named .xlsx', code: 'not-a-workbook', build: () => zip([{ name: '[Content_Types].xml', data: '<Types/>' }, { name: 'xl/workbook.bin', data: Buffer.alloc(16) }]) },
  { file: 'truncated-half.xlsx', what: 'the base ledger cut in half (an interrupted download)', code: 'unreadable-file', build: () => ledgerWorkbook().subarray(0, Math.floor(ledgerWorkbook().length / 2)) },
  { file: 'truncated-start.xlsx', what: 'only the first 100 bytes of the base ledger', code: 'unreadable-file', build: () => ledgerWorkbook().subarray(0, 100) },
  { file: 'truncated-end.xlsx', what: 'the base ledger without its last 10 bytes (end of directory cut)', code: 'unreadable-file', build: () => ledgerWorkbook().subarray(0, ledgerWorkbook().length - 10) },
  { file: 'corrupt-deflate.xlsx', what: 'the sheet\'s compressed data overwritten with 0xFF', code: 'unreadable-file', build: () => garbleEntry(ledgerWorkbook(), 'xl/worksheets/sheet1.xml') },
  {
    file: 'corrupt-directory.xlsx', what: 'the central directory\'s signatures broken', code: 'unreadable-file',
    build: () => {
      const b = Buffer.from(ledgerWorkbook());
      for (let p = b.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); p >= 0; p = b.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), p + 4)) b[p + 2] = 0x09;
      return b;
    },
  },
  {
    file: 'crc-mismatch.xlsx', what: 'a stored (uncompressed) sheet with one figure changed after its CRC was taken', code: 'unreadable-file', knownBug: 'crc',
    build: () => {
      const entries = workbookEntries({ sheets: [sheetXml(LEDGER_ROWS)] });
      const sheet = entries.find((e) => e.name === 'xl/worksheets/sheet1.xml');
      sheet.crc = zlib.crc32(Buffer.from(sheet.data));
      sheet.data = sheet.data.replace('<v>300</v>', '<v>900</v>');
      sheet.store = true;
      return zip(entries);
    },
  },
  { file: 'not-xml-sheet.xlsx', what: 'a sheet part that holds binary junk', code: 'unreadable-file', build: () => zip(workbookEntries({ sheets: [{ data: Buffer.from(Array.from({ length: 256 }, (_, i) => (i * 37) & 0xff)) }] })) },
  { file: 'unclosed-sheet.xlsx', what: 'a sheet part whose XML stops in the middle', code: 'unreadable-file', build: () => zip(workbookEntries({ sheets: [sheetXml(LEDGER_ROWS).slice(0, -200)] })) },
  {
    file: 'missing-sheet-part.xlsx', what: 'a workbook that lists a sheet missing from the package', code: 'unreadable-file',
    build: () => zip(workbookEntries({ sheets: [sheetXml(LEDGER_ROWS)] }).filter((e) => e.name !== 'xl/worksheets/sheet1.xml')),
  },
  { file: 'no-ledger.xlsx', what: 'a sound workbook holding a staff list, not a ledger', code: 'no-ledger-found', build: () => ledgerWorkbook({ rows: [['姓名', '部门', '电话'], ['张三', '发改局', '0635-1234567']] }) },
  {
    file: 'bomb-declared.xlsx', what: 'a sheet that declares 4 GB once inflated', code: 'too-large',
    build: () => zip(workbookEntries({ sheets: [{ deflated: spacesDeflate('<worksheet><sheetData> ', 4096, '</sheetData></worksheet>'), size: 0xfffffff0, crc: 0 }] })),
  },
  {
    file: 'bomb-overlapping.xlsx', what: '200 sheets sharing one compressed stream of 16 MB each: 3.2 GB from a file of 40 kB', code: 'too-large',
    build: () => {
      const prefix = '<worksheet><sheetData> ';
      const suffix = '</sheetData></worksheet>';
      const runs = 65_000;
      const data = spacesDeflate(prefix, runs, suffix);
      const size = prefix.length + runs * 258 + suffix.length;
      const crc = zlib.crc32(Buffer.concat([Buffer.from(prefix), Buffer.alloc(runs * 258, 0x20), Buffer.from(suffix)]));
      const sheets = [{ deflated: data, size, crc }];
      for (let i = 1; i < 200; i++) sheets.push({ sameAs: 'xl/worksheets/sheet1.xml' });
      return zip(workbookEntries({ sheets }));
    },
  },
  {
    file: 'bomb-lying.xlsx', what: 'a sheet that declares 1,000 bytes and inflates to 16 MB', code: 'unreadable-file',
    build: () => zip(workbookEntries({ sheets: [{ deflated: spacesDeflate('<worksheet><sheetData> ', 65_000, '</sheetData></worksheet>'), size: 1000, crc: 0 }] })),
  },
  {
    file: 'sst-declared-millions.xlsx', what: 'a shared-strings table that declares 6 million entries', code: 'too-large',
    build: () => ledgerWorkbook({ sst: `${XML_HEAD}<sst xmlns="${MAIN}" count="6000000" uniqueCount="6000000"><si><t>x</t></si></sst>` }),
  },
  {
    file: 'dimension-million.xlsx', what: 'a sheet whose dimension claims 1,048,576 rows × 16,384 columns', checks: true,
    build: () => ledgerWorkbook({ head: '<dimension ref="A1:XFD1048576"/>' }),
  },
  {
    file: 'merges-million.xlsx', what: 'the county column merged down to row 1,048,576, 5,000 times over', checks: true,
    build: () => ledgerWorkbook({ tail: `<mergeCells count="5000">${'<mergeCell ref="B4:B1048576"/>'.repeat(5000)}</mergeCells>` }),
  },
  {
    file: 'external-links.xlsx', what: 'formulas linking to other workbooks (a path, a share, a URL), with an externalLink part', checks: true,
    build: () => {
      const rows = LEDGER_ROWS.map((r) => r.slice());
      rows[3][5] = { f: '[1]Sheet1!F4', v: 300 };
      rows[4][5] = { f: "'\\\\server\\share\\[上月.xlsx]台账'!F5", v: 100 };
      rows[5][5] = { f: "'https://example.invalid/[x.xlsx]S'!F6", v: 100 };
      const link = `${XML_HEAD}<externalLink xmlns="${MAIN}" xmlns:r="${REL}"><externalBook r:id="rId1"><sheetNames><sheetName val="Sheet1"/></sheetNames></externalBook></externalLink>`;
      const linkRels = `${XML_HEAD}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/externalLinkPath" Target="https://example.invalid/%E4%B8%8A%E6%9C%88.xlsx" TargetMode="External"/></Relationships>`;
      return zip(workbookEntries({
        sheets: [sheetXml(rows)],
        extraParts: [{ name: 'xl/externalLinks/externalLink1.xml', data: link }, { name: 'xl/externalLinks/_rels/externalLink1.xml.rels', data: linkRels }],
        extraRels: `<Relationship Id="rIdX" Type="${REL}/externalLink" Target="externalLinks/externalLink1.xml"/>`,
        extraTypes: '<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/>',
        bookExtra: '<externalReferences><externalReference r:id="rIdX"/></externalReferences>',
      }));
    },
  },
  {
    file: 'long-strings.xlsx', what: 'project names of 32,767 characters (Excel\'s most), two alike and one with a trailing space', checks: true, knownBug: 'long-messages',
    build: () => {
      const rows = LEDGER_ROWS.map((r) => r.slice());
      rows[3][2] = '长'.repeat(32767);
      rows[4][2] = '长'.repeat(32767);
      rows[5][2] = `${'园'.repeat(32766)} `;
      rows[6][5] = `约${'3'.repeat(32766)}`;
      return ledgerWorkbook({ rows });
    },
  },
  {
    file: 'control-chars.xlsx', what: 'cells holding control characters (escaped as _x0001_, as Excel writes them), tabs and line breaks', checks: true,
    build: () => {
      const rows = LEDGER_ROWS.map((r) => r.slice());
      rows[3][2] = '道路_x0001_工程 ';
      rows[4][2] = '污水\t处理厂\n二期';
      rows[5][5] = '_x0002_100';
      rows[6][1] = '冠县_x001F_';
      return ledgerWorkbook({ rows });
    },
  },
  {
    file: 'far-cell.xlsx', what: 'a stray value in column XFD, Excel\'s last', checks: true, knownBug: 'far-cells',
    build: () => ledgerWorkbook({ extraRows: '<row r="20"><c r="XFD20"><v>1</v></c></row>' }),
  },
  {
    file: 'row-beyond-excel.xlsx', what: 'a cell on row 200,000,000, past Excel\'s 1,048,576', code: 'unreadable-file', knownBug: 'far-rows',
    build: () => ledgerWorkbook({ extraRows: '<row r="200000000"><c r="A200000000"><v>1</v></c></row>' }),
  },
];

/** Builds one case by file name. */
function buildCase(file) {
  const c = CASES.find((x) => x.file === file);
  if (!c) throw new Error(`no bad-file case ${file}`);
  return c.build();
}

function writeCorpus(dir) {
  fs.mkdirSync(dir, { recursive: true });
  for (const c of CASES) fs.writeFileSync(path.join(dir, c.file), c.build());
  return CASES.map((c) => c.file);
}

// ------------------------------------------------------------------ large files, built at test time

/**
 * A zip bomb: one sheet of `gigabytes` GB of spaces, from about 1 MB per GB of file.
 * `declared` is what the directory claims the sheet inflates to (the truth by default,
 * capped at 4 GB − 16 as a 32-bit zip can say).
 */
function zipBomb(file, { megabytes, declared } = {}) {
  const prefix = '<worksheet><sheetData> ';
  const suffix = '</sheetData></worksheet>';
  const runs = Math.ceil((megabytes * 1024 * 1024) / 258);
  const size = prefix.length + runs * 258 + suffix.length;
  const bytes = zip(workbookEntries({ sheets: [{ deflated: spacesDeflate(prefix, runs, suffix), size: Math.min(declared ?? size, 0xfffffff0), crc: 0 }] }));
  fs.writeFileSync(file, bytes);
  return { bytes: bytes.length, inflated: size };
}

/** A sound ledger plus a shared-strings table of `count` entries (the count declared or not). */
function manySharedStrings(file, count, { declare = false } = {}) {
  const attrs = declare ? ` count="${count}" uniqueCount="${count}"` : '';
  const sst = `${XML_HEAD}<sst xmlns="${MAIN}"${attrs}>${'<si><t>x</t></si>'.repeat(count)}</sst>`;
  const bytes = ledgerWorkbook({ sst });
  fs.writeFileSync(file, bytes);
  return { bytes: bytes.length, xml: sst.length };
}

/** A sound ledger whose sheet ends with an XML comment of `megabytes` MB of varied text. */
function longComment(file, megabytes) {
  const n = megabytes * 1024 * 1024;
  const body = Buffer.alloc(n);
  // Varied enough that deflate cannot shrink it to nothing (a long comment in a real file).
  let x = 2463534242;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    body[i] = 97 + ((x >>> 0) % 26);
  }
  const sheet = sheetXml(LEDGER_ROWS).replace('</worksheet>', `<!--${body.toString('latin1')}--></worksheet>`);
  const bytes = zip(workbookEntries({ sheets: [sheet] }));
  fs.writeFileSync(file, bytes);
  return { bytes: bytes.length };
}

/** A sound ledger of `cells` numeric cells past the header (10 to a row). */
function manyCells(file, cells) {
  const rows = [];
  for (let r = 0; r < Math.ceil(cells / 10); r++) {
    const n = Math.min(10, cells - r * 10);
    rows.push(rowXml(LEDGER_ROWS.length + 2 + r, Array.from({ length: n }, (_, c) => r * 10 + c), 10));
  }
  const bytes = ledgerWorkbook({ extraRows: rows.join('') });
  fs.writeFileSync(file, bytes);
  return { bytes: bytes.length };
}

module.exports = {
  CASES, buildCase, writeCorpus, zipBomb, manySharedStrings, longComment, manyCells, spacesDeflate, zip, LEDGER_ROWS,
};

if (require.main === module) {
  const dir = process.argv[2] ?? path.resolve(__dirname, '..', 'test', 'fixtures', 'bad');
  const files = writeCorpus(dir);
  let total = 0;
  for (const f of files) total += fs.statSync(path.join(dir, f)).size;
  process.stdout.write(`${files.length} files, ${(total / 1024).toFixed(0)} kB in ${path.relative(process.cwd(), dir) || '.'}\n`);
}
