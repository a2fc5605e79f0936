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
const { zip, spacesDeflate, oleFile } = require('./bad-files/package');
const { MAIN, REL, PKG, XML_HEAD, HEADER, LEDGER_ROWS, rowXml, sheetXml, workbookEntries, ledgerWorkbook } = require('./bad-files/workbook');

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
    file: 'crc-mismatch.xlsx', what: 'a stored (uncompressed) sheet with one figure changed after its CRC was taken', code: 'unreadable-file',
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
    file: 'nested-cell.xlsx', what: 'a cell nested inside another (well-formed XML, but not a worksheet)', checks: true,
    build: () => ledgerWorkbook({ extraRows: '<row r="9"><c r="F9"><c r="A1"><v>1</v></c><v>300</v></c></row>' }),
  },
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
    file: 'long-strings.xlsx', what: 'project names of 32,767 characters (Excel\'s most), two alike and one with a trailing space', checks: true,
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
    file: 'far-cell.xlsx', what: 'a stray value in column XFD, Excel\'s last', checks: true,
    build: () => ledgerWorkbook({ extraRows: '<row r="20"><c r="XFD20"><v>1</v></c></row>' }),
  },
  {
    file: 'row-beyond-excel.xlsx', what: 'a cell on row 200,000,000, past Excel\'s 1,048,576', code: 'unreadable-file',
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

/**
 * A valid sheet of `megabytes` MB of spaces (no ledger), its CRC-32 true: the spaces inside
 * <sheetData> (`inside`), after it (`after`), or after an empty `<sheetData/>` (`empty`).
 */
function spacesSheet(file, { megabytes, layout = 'inside' }) {
  const [prefix, suffix] = {
    inside: ['<worksheet><sheetData> ', '</sheetData></worksheet>'],
    after: ['<worksheet><sheetData></sheetData> ', '</worksheet>'],
    empty: ['<worksheet><sheetData/> ', '</worksheet>'],
  }[layout];
  const runs = Math.ceil((megabytes * 1024 * 1024) / 258);
  const size = prefix.length + runs * 258 + suffix.length;
  // The CRC of prefix, runs × 258 spaces and suffix, a megabyte of spaces at a time.
  const block = Buffer.alloc(258 * 4096, 0x20);
  let crc = zlib.crc32(prefix);
  for (let left = runs; left > 0; left -= 4096) crc = zlib.crc32(left >= 4096 ? block : block.subarray(0, left * 258), crc);
  crc = zlib.crc32(suffix, crc);
  const bytes = zip(workbookEntries({ sheets: [{ deflated: spacesDeflate(prefix, runs, suffix), size, crc }] }));
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
  CASES, buildCase, writeCorpus, zipBomb, spacesSheet, manySharedStrings, longComment, manyCells, spacesDeflate, zip, LEDGER_ROWS,
};

if (require.main === module) {
  const dir = process.argv[2] ?? path.resolve(__dirname, '..', 'test', 'fixtures', 'bad');
  const files = writeCorpus(dir);
  let total = 0;
  for (const f of files) total += fs.statSync(path.join(dir, f)).size;
  process.stdout.write(`${files.length} files, ${(total / 1024).toFixed(0)} kB in ${path.relative(process.cwd(), dir) || '.'}\n`);
}
