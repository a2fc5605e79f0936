/**
 * An independent spreadsheet opens the annotated copy: LibreOffice loads it, recalculates
 * every formula (forced) and saves it again; the formulas must give the figures worked out
 * by hand, and the original cells must come back unchanged.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { strFromU8 } from 'fflate';
import { cellAt, fromA1, type Grid } from '../../src/core/grid';
import { applyPlans } from '../../src/xlsx';
import { readWorkbook } from '../../src/xlsx/read';
import { recalculate, requireSoffice } from '../helpers/libreoffice';
import { richWorkbook } from './helpers/fixtures';
import { ledgerPlan } from './helpers/plan';
import { entries } from './helpers/zip';

const maybe = requireSoffice('the annotated copy in LibreOffice (test/xlsx/patch-libreoffice.test.ts)') ? describe : describe.skip;

maybe('the annotated copy in LibreOffice', () => {
  let before: Grid;
  let after: ReturnType<typeof readWorkbook>;
  let saved: Record<string, Uint8Array>;
  beforeAll(async () => {
    const original = await richWorkbook();
    before = readWorkbook(original).sheets[0].grid;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-xlsx-lo-'));
    const file = path.join(dir, 'annotated.xlsx');
    fs.writeFileSync(file, applyPlans(original, null, [ledgerPlan()]));
    const bytes = new Uint8Array(fs.readFileSync(recalculate(file, path.join(dir, 'out'))));
    after = readWorkbook(bytes);
    saved = entries(bytes);
  }, 300000);

  const at = (sheet: string, a1: string): unknown => {
    const p = fromA1(a1)!;
    return cellAt(after.sheets.find((s) => s.name === sheet)!.grid, p.r, p.c);
  };

  it('recalculates the written formulas to the figures worked out by hand', () => {
    // K3 = E3 = 0.7065; L3 = (K3 - LC_TP) * 100 with LC_TP = 汇总!B2 = 0.5: 20.65.
    expect(at('台账', 'K3')).toBeCloseTo(0.7065, 10);
    expect(at('台账', 'L3')).toBeCloseTo(20.65, 10);
    expect(at('台账', 'M3')).toBe('正常');
    // K4 = 0.1 → L4 = (0.1 - 0.5) * 100 = -40 → 滞后.
    expect(at('台账', 'L4')).toBeCloseTo(-40, 10);
    expect(at('台账', 'M4')).toBe('滞后');
    expect(at('台账', 'M5')).toEqual({ error: '#DIV/0!' });
    // Only M4 says 滞后 (M5 and M6 are errors): the plan's cached 2 is recomputed as 1.
    expect(at('汇总', 'B3')).toBe(1);
  });

  it('keeps every original cell', () => {
    const g = after.sheets[0].grid;
    before.values.forEach((row, r) => row?.forEach((v, c) => {
      if (typeof v === 'number') expect(cellAt(g, r, c)).toBeCloseTo(v, 9);
      else expect(cellAt(g, r, c)).toEqual(v);
    }));
  });

  it('keeps the tool sheets and names', () => {
    expect(after.sheets.map((s) => s.name)).toEqual(['台账', '隐藏', 'Empty', '汇总', '问题清单']);
    expect(after.definedNames.map((n) => n.name)).toEqual(expect.arrayContaining(['LC_TP', 'Total']));
  });

  it('keeps the mark rules and the notes, a blank cell\'s too', () => {
    const sheet = strFromU8(saved['xl/worksheets/sheet1.xml']);
    expect(sheet).toMatch(/<conditionalFormatting sqref="C3 G9"><cfRule type="expression"[^>]*><formula>ISTEXT\(&quot;LC_MARK_ERROR&quot;\)<\/formula>/);
    expect(sheet).toMatch(/<conditionalFormatting sqref="D4"><cfRule type="expression"[^>]*><formula>ISTEXT\(&quot;LC_MARK_WARNING&quot;\)<\/formula>/);
    const comments = strFromU8(saved[Object.keys(saved).find((k) => /comments\d*\.xml$/.test(k))!]);
    expect([...comments.matchAll(/<comment ref="([A-Z]+\d+)"/g)].map((m) => m[1]).sort()).toEqual(['A6', 'C3', 'D4', 'G9']);
  });
});
