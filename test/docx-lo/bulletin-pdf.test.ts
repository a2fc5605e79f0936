/**
 * The Word 通报 of the bundled ledgers opens in a real word processor: LibreOffice Writer
 * converts it to PDF without error, and the PDF's text (pdftotext) holds the title, each
 * county's paragraph and the ranking table with the counties in the JSON report's rank order.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/cli/commands';
import { convertDocument, requireWriter } from '../helpers/libreoffice';

const tools = requireWriter('the 通报 .docx in LibreOffice Writer (test/docx-lo/bulletin-pdf.test.ts)');
const maybe = tools ? describe : describe.skip;
const EXAMPLES = path.join(__dirname, '../../examples');

function ledger(argv: string[]): string {
  let stdout = '';
  run(argv, { stdout: (s) => (stdout += s), stderr: () => undefined, isTTY: false, today: '2022-07-15', env: {} });
  return stdout;
}

maybe('ledger bulletin --docx in LibreOffice Writer', () => {
  jest.setTimeout(180_000);
  let tmp: string;
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-docx-lo-'));
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('converts to PDF whose text holds the title, the county paragraphs and the table in rank order', () => {
    const docx = path.join(tmp, 'bulletin.docx');
    ledger(['bulletin', EXAMPLES, '--docx', docx]);
    const pdf = convertDocument(docx, path.join(tmp, 'pdf'), 'pdf');
    expect(fs.statSync(pdf).size).toBeGreaterThan(1000);
    const res = spawnSync((tools as { pdftotext: string }).pdftotext, ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(res.status).toBe(0);
    const text = res.stdout.replace(/[ \t]+/g, ' ');
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain('关于2022年上半年全市重点项目建设进展情况的通报');
    const ranking = (JSON.parse(ledger(['check', EXAMPLES, '--json', '--out', path.join(tmp, 'out')])).ranking as { name: string; rank: number }[]);
    expect(ranking).toHaveLength(5);
    for (const r of ranking) expect(flat).toContain(`上半年，${r.name}`);
    // The table's lines: a rank, then the county; in the PDF they come in the report's order.
    const tableLines = text.split('\n').map((l) => l.trim()).filter((l) => /^\d+ \S+县|^\d+ \S+市/.test(l));
    expect(tableLines.map((l) => l.split(' ').slice(0, 2).join(' '))).toEqual(ranking.map((r) => `${r.rank} ${r.name}`));
  });
});
