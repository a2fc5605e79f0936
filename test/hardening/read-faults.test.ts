/**
 * Faults of the .xlsx reader that once went through or exhausted the machine, each read
 * by both readers: the command's (the part inflated whole by Node's zlib, rows read from
 * the bytes) and the portable one the web page uses (fflate, streamed through the tokenizer).
 * Child processes measure peak memory; their time limits only guard against a hang.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { longComment, spacesSheet } from '../../scripts/make-bad-files';
import { CLI_TEXT } from '../../src/cli/messages';
import { type Workbook } from '../../src/xlsx';
import { BAD_DIR, ROOT, ensureBuiltCli, lines, runChild, snapshot, tempDir } from './helpers';
import { fixtureBytes, SHEET, withSheet } from './packages';
import { READERS, readOrCode } from '../helpers/readers';

const zh = CLI_TEXT['zh-CN'];
const LIMIT_MS = 90_000;

const addRows = (rows: string) => (x: string) => x.replace('</sheetData>', `${rows}</sheetData>`);

describe.each(READERS)('rows and cells past Excel\'s last row (1,048,576) or column (XFD = 16,384), %s', (_label, opts) => {
  it.each([
    ['a value on row 1,048,577', addRows('<row r="1048577"><c r="A1048577"><v>1</v></c></row>')],
    ['an empty row 200,000,000', addRows('<row r="200000000"/>')],
    ['a cell A1048577 inside row 5', (x: string) => x.replace('<c r="F4"><v>300</v></c>', '<c r="A1048577"><v>300</v></c>')],
    ['a cell XFE4 (column 16,385)', (x: string) => x.replace('<c r="F4">', '<c r="XFE4">')],
    ['a row of 16,385 cells without references', addRows(`<row r="20">${'<c><v>1</v></c>'.repeat(16385)}</row>`)],
    ['a merge down to row 1,048,577', (x: string) => x.replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="A1:A1048577"/></mergeCells>')],
    ['a merge across to XFE', (x: string) => x.replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="A1:XFE1"/></mergeCells>')],
  ])('%s: refused as unreadable', (_what, edit) => {
    expect(readOrCode(withSheet(edit), opts)).toBe('unreadable-file');
  });

  it('the last row and column themselves are read: 7 on row 1,048,576, 8 in XFD4', () => {
    const bytes = withSheet((x) => addRows('<row r="1048576"><c r="A1048576"><v>7</v></c></row>')(x.replace('<c r="F4">', '<c r="XFD4">')));
    const grid = (readOrCode(bytes, opts) as Workbook).sheets[0].grid;
    // 0-based: row 1,048,576 is index 1,048,575; XFD is column index 16,383.
    expect(grid.values[1048575][0]).toBe(7);
    expect(grid.values[3][16383]).toBe(300);
  });

  it('hidden columns from min="-1000000000" to max="2": columns A and B, not a billion steps', () => {
    const bytes = withSheet((x) => x.replace('<sheetData>', '<cols><col min="-1000000000" max="2" hidden="1"/></cols><sheetData>'));
    expect([...((readOrCode(bytes, opts) as Workbook).sheets[0].grid.hiddenCols ?? [])].sort()).toEqual([0, 1]);
  });
});

describe.each(READERS)('sheet XML that is not well-formed, %s', (_label, opts) => {
  it.each([
    ['an end tag of another element', '<c r="F4"><v>300</c></v>'],
    ['an end tag with another prefix', '<c r="F4"><v>300</v></x:c>'],
    ['an end tag of a prefixed element without it', '<x:c r="F4"><v>300</v></c>'],
    ['junk inside a start tag', '<c r="F4" " s><v>300</v></c>'],
    ['attributes not separated by white space', '<c r="F4"t="n"><v>300</v></c>'],
    ['an attribute without a value', '<c r="F4" t><v>300</v></c>'],
    ['an unquoted value', '<c r=F4><v>300</v></c>'],
    ['junk in an end tag', '<c r="F4"><v>300</v></c x>'],
    ['an inline string closing a run it did not open', '<c r="F4" t="inlineStr"><is><r><t>x</t></rPh></is></c>'],
  ])('%s is refused as unreadable', (_what, cellXml) => {
    expect(readOrCode(withSheet((x) => x.replace('<c r="F4"><v>300</v></c>', cellXml)), opts)).toBe('unreadable-file');
  });

  it('the row\'s end tag naming another element is refused', () => {
    expect(readOrCode(withSheet((x) => x.replace('</row>', '</rows>')), opts)).toBe('unreadable-file');
  });

  it.each([
    ['white space before the >', '<c r="F4" ><v>300</v></c >'],
    ['white space around = and single quotes', '<c r = \'F4\' t="n"><v>300</v></c>'],
    ['a > inside a value', '<c r="F4" x:note="a>b"><v>300</v></c>'],
    ['a prefix on both tags', '<x:c r="F4"><x:v>300</x:v></x:c>'],
  ])('well-formed: %s, F4 read as 300', (_what, cellXml) => {
    const wb = readOrCode(withSheet((x) => x.replace('<c r="F4"><v>300</v></c>', cellXml)), opts) as Workbook;
    expect(wb.sheets[0].grid.values[3][5]).toBe(300);
  });
});

/** `bytes` with the CRC-32 of `name` changed in its local header and its directory record. */
function wrongCrc(bytes: Uint8Array, name: string): Uint8Array {
  const b = Buffer.from(bytes);
  for (let at = b.indexOf(name); at >= 0; at = b.indexOf(name, at + 1)) {
    // Local header (PK\3\4): the name at 30, the CRC at 14; directory record (PK\1\2): 46 and 16.
    if (b.readUInt32LE(at - 30) === 0x04034b50) b.writeUInt32LE((b.readUInt32LE(at - 16) ^ 1) >>> 0, at - 16);
    else if (b.readUInt32LE(at - 46) === 0x02014b50) b.writeUInt32LE((b.readUInt32LE(at - 30) ^ 1) >>> 0, at - 30);
  }
  return new Uint8Array(b);
}

describe.each(READERS)('entries whose bytes do not match their CRC-32, %s', (_label, opts) => {
  it('crc-mismatch.xlsx (stored; 300 changed to 900 after its CRC was taken) is refused, not read with 900', () => {
    expect(readOrCode(fixtureBytes('crc-mismatch.xlsx'), opts)).toBe('unreadable-file');
  });

  it.each([SHEET, 'xl/styles.xml', 'xl/workbook.xml'])('a deflated %s with a changed CRC is refused', (name) => {
    expect(readOrCode(wrongCrc(fixtureBytes('ok-ledger.xlsx'), name), opts)).toBe('unreadable-file');
  });

  it('the same files with their CRC right are read', () => {
    expect(typeof readOrCode(fixtureBytes('ok-ledger.xlsx'), opts)).toBe('object');
    // Editing and re-zipping computes a true CRC again.
    expect(typeof readOrCode(withSheet((x) => x.replace('<v>300</v>', '<v>900</v>')), opts)).toBe('object');
  });
});

describe('refused within bounds, in a child process', () => {
  const dir = tempDir('read-faults');
  beforeAll(() => ensureBuiltCli(), 120_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('row-beyond-excel.xlsx (a cell on row 200,000,000): exit 2, unreadable, in little memory', () => {
    const file = path.join(BAD_DIR, 'row-beyond-excel.xlsx');
    const out = path.join(dir, 'out-rows');
    const res = runChild(['check', file, '--out', out], { timeout: LIMIT_MS, maxOldSpaceMb: 1024 });
    expect(res.signal).toBeNull();
    expect(res.status).toBe(2);
    expect(lines(res.stderr)).toEqual([`${file}: ${zh.fileError['unreadable-file']}`]);
    expect(snapshot(out)).toEqual({});
    // Before: 2.4 GB and a crash out of memory. The command alone is about 60 MB.
    expect(res.maxRssMb).toBeLessThan(200);
  });

  it.each(['inside', 'after', 'empty'] as const)(
    'a valid sheet of 400 MB of spaces (%s <sheetData>), under the 512 MB default: no ledger, peak memory the part and little more',
    (layout) => {
      const file = path.join(dir, `spaces-${layout}.xlsx`);
      const built = spacesSheet(file, { megabytes: 400, layout });
      expect(built.inflated).toBeGreaterThan(400 * 1024 * 1024);
      const out = path.join(dir, `out-spaces-${layout}`);
      const res = runChild(['check', file, '--out', out], { timeout: LIMIT_MS });
      expect(res.signal).toBeNull();
      expect(res.status).toBe(2);
      expect(lines(res.stderr)).toHaveLength(1);
      expect(lines(res.stderr)[0].startsWith(`${file}: 未找到项目台账`)).toBe(true);
      // The 400 MB part is held once (the rows are read from its bytes); what is around the
      // rows is decoded a slice at a time. Before: 1.3 GB (after) and 875 MB (empty).
      fs.rmSync(file);
      expect(res.maxRssMb).toBeLessThan(560);
    },
    120_000,
  );

  it('a sheet ending in a 96 MB comment: read by the portable reader in little memory (before: 2 GB, each chunk rescanning the comment)', () => {
    const file = path.join(dir, 'comment.xlsx');
    longComment(file, 96);
    const rss = path.join(dir, 'rss.json');
    const script = `const { readWorkbook } = require(${JSON.stringify(path.join(ROOT, 'lib', 'xlsx', 'read', 'read-workbook.js'))});
const wb = readWorkbook(new Uint8Array(require('fs').readFileSync(${JSON.stringify(file)})));
process.stdout.write(String(wb.sheets[0].grid.values[3][5]));`;
    const res = spawnSync(process.execPath, ['-r', path.join(ROOT, 'bench', 'sections', 'rss-hook.js'), '-e', script], {
      timeout: LIMIT_MS, encoding: 'utf8', env: { ...process.env, BENCH_RSS_FILE: rss },
    });
    expect(res.signal).toBeNull();
    expect(res.status).toBe(0);
    // F4 of the base ledger: 300.
    expect(res.stdout).toBe('300');
    // The file (about 100 MB, the comment hardly compresses) plus a chunk of it at a time.
    const peakMb = (JSON.parse(fs.readFileSync(rss, 'utf8')) as { maxRssKB: number }).maxRssKB / 1024;
    expect(peakMb).toBeLessThan(400);
  }, 180_000);
});
