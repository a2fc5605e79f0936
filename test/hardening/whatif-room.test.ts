/**
 * `ledger whatif --out` on sheets reaching column XFD (far-cell.xlsx: header A3:G3,
 * projects on rows 4–7, a value in XFD20): the indicator columns follow the tool's
 * columns into free columns only, or are left out with a line on stderr.
 */
import * as fs from 'fs';
import * as path from 'path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { cellKey, type Grid } from '../../src/core/grid';
import type { WhatifReport } from '../../src/core/whatif/types';
import { readWorkbook } from '../../src/xlsx';
import { BAD_DIR, runCli, tempDir } from './helpers';
import { figureFormula as F } from '../../src/core/plain-number';

const SHEET = 'xl/worksheets/sheet1.xml';
const INDICATORS = ['--indicator', '完成比=completedYtd / annualPlan', '--indicator', '计划比=annualPlan / totalInvestment'];
const num = (ref: string, v: number) => `<c r="${ref}"><v>${v}</v></c>`;

/** far-cell.xlsx with cells added before XFD20 (in row 20) or after G3 (in the header row). */
function farCell(row20 = '', row3 = ''): Uint8Array {
  const all = unzipSync(new Uint8Array(fs.readFileSync(path.join(BAD_DIR, 'far-cell.xlsx'))));
  const xml = strFromU8(all[SHEET]).replace('<c r="XFD20">', `${row20}<c r="XFD20">`).replace('</c></row><row r="4">', `</c>${row3}</row><row r="4">`);
  return zipSync({ ...all, [SHEET]: strToU8(xml) });
}

let dir: string;
beforeEach(() => (dir = tempDir('whatif-room')));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** `ledger whatif <file> --json --out <dir>/<out>` with the two indicators. */
function whatif(bytes: Uint8Array, out: string, lang = 'zh-CN') {
  const file = path.join(dir, `${out}-in.xlsx`);
  fs.writeFileSync(file, bytes);
  const res = runCli(['whatif', file, '--json', '--lang', lang, '--out', path.join(dir, out), ...INDICATORS]);
  const copy = new Uint8Array(fs.readFileSync(path.join(dir, out, `${out}-in.checked.xlsx`)));
  return { ...res, report: JSON.parse(res.stdout) as WhatifReport, copy };
}

const gridOf = (bytes: Uint8Array): Grid => readWorkbook(bytes).sheets[0].grid;

/** Every value of `before` is in `after` at the same place. */
function keptUserCells(before: Grid, after: Grid): void {
  before.values.forEach((row, r) => row?.forEach((v, c) => expect([r, c, after.values[r]?.[c]]).toEqual([r, c, v])));
}

describe('far-cell.xlsx: tool columns H..M in the gap', () => {
  it('indicators go in N and O as live formulas; every user cell is kept', () => {
    const bytes = farCell();
    const res = whatif(bytes, 'a');
    expect(res.code).toBeLessThan(2);
    const sheet = res.report.files[0].sheets[0];
    expect(sheet.outputColumns).toEqual({ completionRate: 'H', gapPp: 'I', status: 'J', rankInGroup: 'K', rank: 'L' });
    expect(sheet.whatif.indicatorColumns).toEqual({ 完成比: { column: 'N', formula: true }, 计划比: { column: 'O', formula: true } });
    expect(res.stderr).not.toContain('XFD');
    const g = gridOf(res.copy);
    expect([g.values[2][13], g.values[2][14]]).toEqual(['指标：完成比', '指标：计划比']);
    // N4: F4/E4 = 300/500 = 0.6; O4: E4/D4 = 500/2000 = 0.25
    expect([g.values[3][13], g.values[3][14]]).toEqual([0.6, 0.25]);
    expect(g.formulas?.get(cellKey(3, 13))).toContain(`${F('F4')}/${F('E4')}`);
    keptUserCells(gridOf(bytes), g);
  });

  it('a re-run puts them in the same place, and the copy of the copy is the same bytes', () => {
    const first = whatif(farCell(), 'a');
    const second = whatif(first.copy, 'b');
    expect(second.report.files[0].sheets[0].whatif.indicatorColumns).toEqual(first.report.files[0].sheets[0].whatif.indicatorColumns);
    const third = whatif(second.copy, 'c');
    expect(Buffer.from(third.copy).equals(Buffer.from(second.copy))).toBe(true);
  });
});

describe('a user cell right after the tool columns in the gap (H20, N20, U20)', () => {
  // Free after G: H used, I..M five columns, N used → tool columns O..S, rank key T.
  // The indicators would need U and V; U20 is the user's.
  const bytes = farCell(`${num('H20', 5)}${num('N20', 6)}${num('U20', 7)}`);

  it.each<[string, string, string]>([
    ['zh-CN', '计算列之后没有 2 个连续空列', '排名依据'],
    ['zh-TW', '計算欄之後沒有 2 個連續空欄', '排名依據'],
    ['en', 'no 2 free columns side by side after the computed columns', 'Rank key'],
  ])('%s: no indicator column, the tool columns O..S, U20 kept, and stderr says so', (lang, said, rankKey) => {
    const res = whatif(bytes, 'a', lang);
    expect(res.code).toBeLessThan(2);
    const sheet = res.report.files[0].sheets[0];
    expect(sheet.outputColumns).toEqual({ completionRate: 'O', gapPp: 'P', status: 'Q', rankInGroup: 'R', rank: 'S' });
    expect(sheet.whatif.indicatorColumns).toEqual({});
    expect(res.stderr).toContain(said);
    expect(res.stderr).toContain('XFD');
    const g = gridOf(res.copy);
    expect(g.values[2][20]).toBeUndefined(); // no indicator header in U3
    expect(g.values[2][19]).toBe(rankKey);
    keptUserCells(gridOf(bytes), g);
  });

  it('the summary a person reads says the indicator is not in the copy', () => {
    const file = path.join(dir, 'in.xlsx');
    fs.writeFileSync(file, bytes);
    const res = runCli(['whatif', file, ...INDICATORS]);
    expect(res.stdout).toContain('完成比 = completedYtd / annualPlan（表格右侧没有空列，不写入副本）');
  });
});

describe('the header reaches XFD (XFD3 filled): no room at all', () => {
  const bytes = farCell('', num('XFD3', 9));

  it('no tool or indicator columns, the user cells only, both said on stderr; a re-run gives the same bytes', () => {
    const res = whatif(bytes, 'a');
    const sheet = res.report.files[0].sheets[0];
    expect(sheet.outputColumns).toEqual({});
    expect(sheet.whatif.indicatorColumns).toEqual({});
    expect(res.stderr).toContain('副本中未写入计算列');
    expect(res.stderr).toContain('副本中未写入指标列');
    const g = gridOf(res.copy);
    expect(g.formulas?.size ?? 0).toBe(0);
    const before = gridOf(bytes);
    for (let r = 0; r < 20; r++) expect(g.values[r]).toEqual(before.values[r]);
    const again = whatif(res.copy, 'b');
    expect(Buffer.from(whatif(again.copy, 'c').copy).equals(Buffer.from(again.copy))).toBe(true);
  });
});
