/**
 * The annotated copy keeps every original cell: for each sample ledger and fixture, every
 * cell of every sheet of the input is in the copy with the same value, formula and style
 * (font, fill, border, number format, alignment), as exceljs reads them. Only the tool's
 * own columns of the ledger sheet and the tool's own sheets differ.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { fromA1 } from '../../src/core/grid';
import { checkWorkbook } from '../../src/xlsx';
import { DEFAULT_SETTINGS } from '../../src/core/types';
import { sourceFiles } from '../fuzz/workbooks';
import { BAD_DIR, TODAY, runCli, sha256, tempDir } from './helpers';

interface CellSnapshot {
  value: unknown;
  formula: string | undefined;
  style: string;
}

/** A cell as exceljs gives it, style reduced to what a reader sees. */
function cellSnapshot(cell: ExcelJS.Cell): CellSnapshot {
  const s = cell.style ?? {};
  return {
    value: cell.value,
    formula: cell.formula || undefined,
    style: JSON.stringify({ font: s.font, fill: s.fill, border: s.border, numFmt: s.numFmt, alignment: s.alignment }),
  };
}

/** Every cell of a sheet that holds a value, a formula or a style: address → snapshot. */
function sheetCells(ws: ExcelJS.Worksheet): Map<string, CellSnapshot> {
  const out = new Map<string, CellSnapshot>();
  ws.eachRow({ includeEmpty: true }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      out.set(cell.address, cellSnapshot(cell));
    });
  });
  return out;
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(file) as unknown as ExcelJS.Buffer);
  return wb;
}

/** Columns (letters) the tool owns on each ledger sheet of a workbook, and the sheets it adds. */
function toolParts(file: string): { ownColumns: Map<string, Set<number>>; ownSheets: Set<string> } {
  const checked = checkWorkbook(new Uint8Array(fs.readFileSync(file)), { ...DEFAULT_SETTINGS, today: TODAY });
  const ownColumns = new Map<string, Set<number>>();
  const ownSheets = new Set<string>();
  for (const plan of checked.plans) {
    const cols = new Set(plan.ownColumns);
    for (const c of plan.cells) if (c.c >= Math.min(...plan.ownColumns)) cols.add(c.c);
    ownColumns.set(plan.sheet, cols);
    for (const s of plan.sheets) ownSheets.add(s.name);
  }
  return { ownColumns, ownSheets };
}

const files = [...sourceFiles(), path.join(BAD_DIR, 'ok-ledger.xlsx'), path.join(BAD_DIR, 'external-links.xlsx'), path.join(BAD_DIR, 'control-chars.xlsx')];

describe.each(files.map((f) => [path.basename(f), f]))('%s', (_name, file) => {
  it('keeps every cell of every sheet: values, formulas and styles', async () => {
    const out = path.join(tempDir('cells'), 'out');
    const before = sha256(file);
    const res = runCli(['check', file, '--out', out]);
    expect([0, 1]).toContain(res.code);
    const copyFile = path.join(out, path.basename(file).replace(/\.xlsx$/, '.checked.xlsx'));
    const [input, copy] = [await load(file), await load(copyFile)];
    const { ownColumns, ownSheets } = toolParts(file);
    let compared = 0;
    for (const ws of input.worksheets) {
      expect(ownSheets.has(ws.name)).toBe(false);
      const other = copy.getWorksheet(ws.name);
      expect(other).toBeDefined();
      const theirs = sheetCells(other as ExcelJS.Worksheet);
      const own = ownColumns.get(ws.name) ?? new Set<number>();
      for (const [address, cell] of sheetCells(ws)) {
        if (own.has(fromA1(address)?.c ?? -1)) continue;
        expect([address, theirs.get(address)]).toEqual([address, cell]);
        compared++;
      }
      // Merged ranges of the input are all still merged.
      const merges = (m: ExcelJS.Worksheet) => (m.model as { merges?: string[] }).merges ?? [];
      expect(merges(other as ExcelJS.Worksheet)).toEqual(expect.arrayContaining(merges(ws)));
    }
    // Every sheet of the input is in the copy, in the same order, before the tool's sheets.
    expect(copy.worksheets.map((w) => w.name).slice(0, input.worksheets.length)).toEqual(input.worksheets.map((w) => w.name));
    expect(compared).toBeGreaterThan(20);
    expect(sha256(file)).toBe(before);
  });
});

describe('the comparison itself', () => {
  it('sees a changed value, a changed formula and a changed style', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = 1;
    ws.getCell('B1').value = { formula: 'A1*2', result: 2 };
    ws.getCell('C1').font = { bold: true };
    const base = sheetCells(ws);
    ws.getCell('A1').value = 2;
    ws.getCell('B1').value = { formula: 'A1*3', result: 3 };
    ws.getCell('C1').font = { bold: false };
    const after = sheetCells(ws);
    for (const a of ['A1', 'B1', 'C1']) expect(after.get(a)).not.toEqual(base.get(a));
  });
});
