/**
 * The notice when the tool's columns cannot be written: a sheet reaching Excel's
 * last column (XFD) gets no computed columns, and no indicator columns either.
 */
import * as fs from 'fs';
import * as path from 'path';
import { settingsFor } from '../../src/commands/commands';
import { CLI_TEXT } from '../../src/cli/messages';
import type { Grid } from '../../src/core/grid';
import type { Lang } from '../../src/core/types';
import { indicatorNoRoomMessage, type WhatifReport } from '../../src/core/whatif/index';
import { checkGrids } from '../../src/taskpane/model';
import {
  columnsNotice, indicatorsNotice, sheetsWithoutIndicatorRoom, sheetsWithoutRoom,
} from '../../src/taskpane/no-room';
import { paneStrings } from '../../src/taskpane/strings';
import { whatifStrings } from '../../src/taskpane/strings/whatif';
import { readWorkbook } from '../../src/xlsx';

const FAR_CELL = path.join(__dirname, '..', 'fixtures', 'bad', 'far-cell.xlsx');
const settings = settingsFor(null, 'zh-CN', '2022-07-15');
const XFD = 16383;

/** far-cell.xlsx's ledger (header A3:G3, a stray value in XFD20), with cells set. */
function farCellGrid(set: [row: number, col: number, value: number][] = []): Grid {
  const grid = readWorkbook(new Uint8Array(fs.readFileSync(FAR_CELL))).sheets[0].grid;
  for (const [r, c, v] of set) {
    grid.values[r] ??= [];
    grid.values[r][c] = v;
  }
  return grid;
}

describe('sheetsWithoutRoom', () => {
  it.each([
    ['no sheet', [], []],
    ['a sheet with its columns', [{ sheet: 'A', outputColumns: { completionRate: 'H' } }], []],
    ['a sheet with none', [{ sheet: 'A', outputColumns: {} }], ['A']],
    ['one of two', [{ sheet: 'A', outputColumns: { rank: 'L' } }, { sheet: 'B', outputColumns: {} }], ['B']],
  ])('%s', (_name, sheets, expected) => {
    expect(sheetsWithoutRoom(sheets)).toEqual(expected);
  });
});

describe('columnsNotice after a check of a real sheet', () => {
  it('is the done sentence alone when the columns fit (far-cell.xlsx: H to M)', () => {
    const result = checkGrids([farCellGrid()], settings);
    expect(columnsNotice('完成。', result.sheets, 'zh-CN')).toEqual({ kind: 'info', lines: ['完成。'] });
  });

  it('warns, naming the sheet, when the header reaches XFD (XFD3 filled)', () => {
    // Row 3 is 0-based row 2; the header then spans A..XFD and no 6 columns are free to its right.
    const result = checkGrids([farCellGrid([[2, XFD, 9]])], settings);
    const sheet = result.sheets[0].sheet;
    expect(result.sheets[0].outputColumns).toEqual({});
    expect(columnsNotice('完成。', result.sheets, 'zh-CN')).toEqual({ kind: 'warning', lines: ['完成。', paneStrings('zh-CN').noRoom(sheet)] });
  });
});

/** A what-if report with only what the notice reads: sheets and their indicator columns. */
function report(sheets: [name: string, columns: string[]][]): WhatifReport {
  return {
    files: [{
      sheets: sheets.map(([sheet, cols]) => ({
        sheet,
        whatif: { indicatorColumns: Object.fromEntries(cols.map((c, i) => [`指标${i}`, { column: c, formula: false }])) },
      })),
    }],
  } as unknown as WhatifReport;
}

describe('indicatorsNotice', () => {
  const t = whatifStrings('zh-CN');
  it.each([
    ['written everywhere', report([['A', ['N', 'O']]]), 2, true, { kind: 'info', lines: [t.indicatorsWritten(2)] }],
    ['saved, room everywhere: nothing to say', report([['A', ['N']]]), 1, false, { kind: 'info', lines: [] }],
    ['no room on the only sheet: nothing claimed written', report([['A', []]]), 2, true, { kind: 'warning', lines: [t.indicatorNoRoom('A', 2)] }],
    ['no room on one of two', report([['A', ['N']], ['B', []]]), 1, true, { kind: 'warning', lines: [t.indicatorsWritten(1), t.indicatorNoRoom('B', 1)] }],
    ['saved, no room', report([['A', []]]), 1, false, { kind: 'warning', lines: [t.indicatorNoRoom('A', 1)] }],
    ['no indicators: no sheet lacks a column', report([['A', []]]), 0, true, { kind: 'info', lines: [t.indicatorsWritten(0)] }],
  ])('%s', (_name, r, count, written, expected) => {
    expect(indicatorsNotice(r, count, written, 'zh-CN')).toEqual(expected);
  });

  it('names no sheet without a report', () => {
    expect(sheetsWithoutIndicatorRoom(null, 2)).toEqual([]);
  });
});

describe('the sentences say what the command says', () => {
  // The pane writes into the workbook (or the web page's copy), so it drops the command's
  // file name and "副本中"; the reason in the middle is the command's own words.
  const LANGS: Lang[] = ['zh-CN', 'zh-TW', 'en'];
  const reason = (text: string, from: RegExp, to: RegExp): string => {
    const a = text.search(from);
    const b = text.search(to);
    return text.slice(a, b);
  };

  it.each(LANGS)('%s: no room for the computed columns', (lang) => {
    const cli = CLI_TEXT[lang].noRoom('f.xlsx', 'S');
    const pane = paneStrings(lang).noRoom('S');
    const from = /表格已用|the sheet reaches/;
    const to = /，副本|，未寫|，未写|, so/;
    expect(reason(pane, from, to).length).toBeGreaterThan(10);
    expect(reason(pane, from, to)).toBe(reason(cli, from, to));
    expect(pane).toContain(lang === 'en' ? '[S]' : '「S」');
  });

  it.each(LANGS)('%s: no room for the indicator columns', (lang) => {
    const core = indicatorNoRoomMessage({ file: 'f.xlsx', sheet: 'S', count: 3 }, lang);
    const pane = whatifStrings(lang).indicatorNoRoom('S', 3);
    const from = /计算列之后|計算欄之後|no 3 free/;
    const to = /，副本|，未寫|，未写|, so/;
    expect(reason(pane, from, to).length).toBeGreaterThan(10);
    expect(reason(pane, from, to)).toBe(reason(core, from, to));
  });
});
