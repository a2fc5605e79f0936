/**
 * `ledger bulletin --docx` on the five bundled county ledgers (examples/): the Word 通报
 * must say what the text bulletin and the JSON report say, figure for figure. The expected
 * text is not typed here: the ranking comes from `ledger check --format json` on the same
 * files and each county paragraph from `ledger bulletin` (text), so the test fails when
 * the document drifts from the report. Read with fflate, an unzipper independent of ours,
 * and parsed by saxes, a strict XML parser.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { unzipSync, strFromU8 } from 'fflate';
import { SaxesParser } from 'saxes';
import { run } from '../../src/cli/commands';
import { documentText } from '../../src/docx';

const EXAMPLES = path.join(__dirname, '../../examples');
const TODAY = '2022-07-15';

function ledger(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = run(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), isTTY: false, today: TODAY, env: {} });
  return { code, stdout, stderr };
}

function wellFormed(xml: string): void {
  const p = new SaxesParser({ xmlns: true });
  p.on('error', (e) => { throw e; });
  p.write(xml).close();
}

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-docx-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('ledger bulletin --docx', () => {
  jest.setTimeout(60_000);

  it('writes a Word package whose text holds the county paragraphs and the ranking rows, best first', () => {
    const out = path.join(tmp, '通报.docx');
    const docx = ledger(['bulletin', EXAMPLES, '--docx', out]);
    expect(docx.stderr).not.toMatch(/Error|at .*\.ts:/);
    expect(fs.existsSync(out)).toBe(true);

    const files = unzipSync(new Uint8Array(fs.readFileSync(out)));
    for (const part of ['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/styles.xml', 'word/footer1.xml', 'word/_rels/document.xml.rels']) {
      expect(Object.keys(files)).toContain(part);
      wellFormed(strFromU8(files[part]));
    }
    const xml = strFromU8(files['word/document.xml']);
    // GB/T 9704: A4 (11906 × 16838 twips), the title in 方正小标宋简体 二号 (22 pt = 44 half-points), body 仿宋 三号 (32).
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"/>');
    expect(xml).toMatch(/方正小标宋简体[\s\S]*?<w:sz w:val="44"\/>/);
    expect(strFromU8(files['word/styles.xml'])).toMatch(/仿宋_GB2312[\s\S]*?<w:sz w:val="32"\/>/);
    expect(strFromU8(files['word/footer1.xml'])).toContain('PAGE');
    const lines = documentText(xml).split('\n');

    // 2022-07-15: the period is the first half (end of June), as the text bulletin says.
    expect(lines[0]).toBe('关于2022年上半年全市重点项目建设进展情况的通报');

    // Each county's paragraph in the document is the text bulletin's sentence for it.
    const text = ledger(['bulletin', EXAMPLES]);
    const sentences = text.stdout.split('\n').filter((l) => /^上半年，\S+?\d+个项目/.test(l));
    expect(sentences.length).toBe(5);
    // (The text line may go on to name the county's lagging projects, which the document lists in its own section.)
    for (const s of sentences) {
      const county = /^上半年，(\S+?)\d+个项目/.exec(s)?.[1] as string;
      const para = lines.find((l) => l.startsWith(`上半年，${county}`));
      expect([county, para !== undefined && para.length >= 40 && s.startsWith(para)]).toEqual([county, true]);
    }

    // The table rows follow the report's ranking: rank, county and completion rate (to 0.1 point), in that order.
    const json = JSON.parse(ledger(['check', EXAMPLES, '--json', '--out', path.join(tmp, 'out')]).stdout);
    const ranking = json.ranking as { rank: number; name: string; completionRate: number }[];
    expect(ranking.map((r) => r.name).sort()).toEqual(['东阿县', '临清市', '冠县', '莘县', '阳谷县'].sort());
    const rows = lines.filter((l) => /^\d+\t/.test(l)).map((l) => l.split('\t'));
    expect(rows.map((r) => [Number(r[0]), r[1]])).toEqual(ranking.map((r) => [r.rank, r.name]));
    rows.forEach((r, i) => expect(Math.abs(Number(r[7].replace('%', '')) / 100 - ranking[i].completionRate)).toBeLessThan(0.0005));
    expect(lines).toContain(['排名', '县（市、区）', '项目数', '开工数', '开工率', '年度计划', '完成投资', '完成率', '与时间进度差'].join('\t'));
  });
});
