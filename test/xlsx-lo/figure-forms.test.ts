/**
 * The formula of the value reader's steps (src/core/figure-forms.ts), recalculated by
 * LibreOffice: each text of the table in test/core/figure-forms.test.ts sits in column A,
 * its formula over the column's forms in B (cached result deliberately wrong, -1, so a
 * run that does not recalculate fails), and every B must equal the reader's figure.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cellAt } from '../../src/core/grid';
import { formFigureFormula, formFigureOf, readTextFigure } from '../../src/core/figure-forms';
import type { Unit } from '../../src/core/types';
import { readWorkbook } from '../../src/xlsx';
import { recalculate, requireSoffice } from '../helpers/libreoffice';

const soffice = requireSoffice('the value reader formula cross-check (test/xlsx-lo/figure-forms.test.ts)');
const maybe = soffice ? describe : describe.skip;

const TEXTS = [
  '3187', '1,234.5', '１２９９', '１，２３４．５', '52000.00(万元)', '52000.00（万元）', '5.2亿元', '3.5億元', '1500000元',
  '约3000', '約3000', '3000左右', '～3000', '~3000', '约 3,000 万元', '3 000', '3000\u3000', '1\u00a0234',
  '3000～5000', '3000-5000', '(3000)', '—', '0.5%', '1e3', '-5', '.', '1.2.3', '1234567890123456', '123456789012345',
];

maybe('LibreOffice reads each form as the value reader does', () => {
  it.each(['万元', '亿元'] as Unit[])('in a %s column', async (column) => {
    const forms = TEXTS.reduce((m, t) => m | (readTextFigure(t, column)?.forms ?? 0), 0);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    TEXTS.forEach((t, i) => {
      ws.getCell(i + 1, 1).value = t;
      ws.getCell(i + 1, 2).value = { formula: `IFERROR(${formFigureFormula(`A${i + 1}`, forms, column)},"")`, result: -1 };
    });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-forms-'));
    try {
      const file = path.join(dir, 'forms.xlsx');
      await wb.xlsx.writeFile(file);
      const out = recalculate(file, path.join(dir, 'lo'));
      const grid = readWorkbook(new Uint8Array(fs.readFileSync(out))).sheets[0].grid;
      const got = TEXTS.map((t, i) => [t, cellAt(grid, i, 1) ?? '']);
      const want = TEXTS.map((t) => [t, formFigureOf(t, column) ?? '']);
      expect(got.map(([t, g]) => [t, typeof g === 'number' ? Number(g.toPrecision(12)) : g])).toEqual(
        want.map(([t, w]) => [t, typeof w === 'number' ? Number(w.toPrecision(12)) : w]),
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120000);
});
