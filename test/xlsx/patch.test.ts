import { strFromU8 } from 'fflate';
import { cellAt, cellKey } from '../../src/core/grid';
import { applyPlans } from '../../src/xlsx';
import { readWorkbook } from '../../src/xlsx/read';
import { expectedValue, load, richWorkbook, UNKNOWN } from './helpers/fixtures';
import { ledgerPlan } from './helpers/plan';
import { entries, rawEntries, same } from './helpers/zip';

const SHEET = 'xl/worksheets/sheet1.xml';
/** Parts a ledger plan is meant to change (the others must come out byte for byte). */
const CHANGED = new Set([SHEET, 'xl/styles.xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml']);

describe('applyPlans on an exceljs workbook', () => {
  let original: Uint8Array;
  let patched: Uint8Array;
  beforeAll(async () => {
    original = await richWorkbook();
    patched = applyPlans(original, readWorkbook(original), [ledgerPlan()]);
  });

  it('copies every part it has no reason to change raw, compressed bytes and all', () => {
    const before = rawEntries(original);
    const after = rawEntries(patched);
    let copied = 0;
    for (const [name, e] of before) {
      if (CHANGED.has(name)) continue;
      expect({ name, same: same(after.get(name)!.raw, e.raw), crc: after.get(name)!.crc }).toEqual({ name, same: true, crc: e.crc });
      copied++;
    }
    // exceljs writes docProps, themes, rels, sharedStrings, two more sheets: at least 6 untouched parts.
    expect(copied).toBeGreaterThanOrEqual(6);
    expect(after.has('xl/sharedStrings.xml')).toBe(true);
  });

  it('leaves every original cell of every sheet as it was (values and formulas)', async () => {
    const a = await load(original);
    const b = await load(patched);
    let n = 0;
    for (const ws of a.worksheets) {
      const ws2 = b.getWorksheet(ws.name)!;
      ws.eachRow((row, rn) => row.eachCell((cell, cn) => {
        const after = ws2.getRow(rn).getCell(cn);
        expect({ at: `${ws.name}!${cell.address}`, v: after.value }).toEqual({ at: `${ws.name}!${cell.address}`, v: cell.value });
        n++;
      }));
    }
    expect(n).toBeGreaterThan(40);
    const ours = readWorkbook(patched).sheets[0].grid;
    const orig = readWorkbook(original).sheets[0].grid;
    orig.values.forEach((row, r) => row?.forEach((v, c) => expect(cellAt(ours, r, c)).toEqual(v)));
    for (const [k, f] of orig.formulas!) expect(ours.formulas!.get(k)).toBe(f);
  });

  it('writes the plan cells with formulas and cached values', async () => {
    const ws = (await load(patched)).getWorksheet('台账')!;
    expect(ws.getCell('K2').value).toBe('完成率');
    expect(ws.getCell('K2').font?.bold).toBe(true);
    // Each column's formula moves down one row per project: one shared formula per column, K3:K6.
    expect(ws.getCell('K3').value).toEqual({ formula: 'E3', result: 0.7065, shareType: 'shared', ref: 'K3:K6' });
    expect(ws.getCell('K3').numFmt).toBe('0.0%');
    // (0.7065 - 0.5) * 100 = 20.65
    expect((ws.getCell('L3').value as { result: number }).result).toBeCloseTo(20.65, 10);
    expect(ws.getCell('L3').numFmt).toBe('0.0');
    expect(ws.getCell('M4').value).toEqual({ sharedFormula: 'M3', result: '滞后' });
    expect(ws.getCell('M4').formula).toBe('IF(L4<0,"滞后","正常")');
    expect(ws.getCell('K5').value).toEqual({ sharedFormula: 'K3', result: { error: '#DIV/0!' } });
    expect(ws.getCell('K5').formula).toBe('E5');
    // Our reader gives every plan formula back.
    const grid = readWorkbook(patched).sheets[0].grid;
    for (const c of ledgerPlan().cells) if (c.formula) expect({ at: [c.r, c.c], f: grid.formulas!.get(cellKey(c.r, c.c)) }).toEqual({ at: [c.r, c.c], f: c.formula });
    expect(ws.getCell('K11').value).toBe('note: 合计 & <total>');
    // A row that did not exist (11) was created; exceljs drops a cached `false`/`true` of formulas, so read ours.
    const g = readWorkbook(patched).sheets[0].grid;
    expect(cellAt(g, 10, 11)).toBe(true);
    expect(g.formulas!.get(cellKey(10, 11))).toBe('TRUE()');
    expect(g.formulas!.get(cellKey(2, 11))).toBe('(K3-LC_TP)*100');
  });

  it('keeps the look of the row for new cells (the cell to the left gives the base format)', async () => {
    const ws = (await load(patched)).getWorksheet('台账')!;
    // J3 has no style of its own beyond its number format; K3 gets 0.0% and the same font.
    expect(ws.getCell('K3').font?.name).toBe(ws.getCell('J3').font?.name);
  });

  it('marks faulty cells with conditional formats and notes; the strongest severity wins', async () => {
    const ws = (await load(patched)).getWorksheet('台账')!;
    type Rule = { formulae: string[]; priority: number; style: { border?: { left?: { color?: { argb?: string } } }; fill?: { bgColor?: { argb?: string } } } };
    const cf = (ws as unknown as { conditionalFormattings: { ref: string; rules: Rule[] }[] }).conditionalFormattings;
    // C3 has an error and a warning: error. G9 (a blank cell) has an error, D4 a warning; A6 (info) no mark.
    const marks = cf.filter((f) => f.rules[0].formulae[0].includes('LC_MARK'));
    expect(marks.map((f) => [f.ref, f.rules[0].formulae[0]])).toEqual([
      ['C3 G9', 'ISTEXT("LC_MARK_ERROR")'],
      ['D4', 'ISTEXT("LC_MARK_WARNING")'],
    ]);
    expect(marks[0].rules[0].style.border?.left?.color?.argb).toBe('FFC00000');
    expect(marks[0].rules[0].style.fill?.bgColor?.argb).toBe('FFF4B084');
    expect(marks[1].rules[0].style.border?.left?.color?.argb).toBe('FFED7D31');
    // The cells keep their own look: C3 its number format and no border.
    expect(ws.getCell('C3').numFmt).toBe('#,##0.00');
    expect(ws.getCell('C3').border?.left).toBeUndefined();
    const note = (c: string): string => {
      const n = ws.getCell(c).note as unknown;
      return typeof n === 'string' ? n : (n as { texts: { text: string }[] }).texts.map((t) => t.text).join('');
    };
    expect(note('C3')).toBe('累计完成超过总投资\n单位可疑');
    expect(note('A6')).toBe('仅提示');
    // exceljs hangs notes on cells it keeps and keeps no empty unstyled cell: G9's note is read from the part.
    expect(strFromU8(entries(patched)['xl/comments1.xml'])).toMatch(/<comment ref="G9" authorId="\d+"><text><r><t xml:space="preserve">空单元格<\/t>/);
  });

  it('leaves every original cell\'s XML as it was outside the tool\'s columns', () => {
    const cellsOf = (bytes: Uint8Array): Map<string, string> => {
      const xml = strFromU8(entries(bytes)[SHEET]);
      return new Map([...xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g)].map((m) => [m[1], m[0]]));
    };
    const before = cellsOf(original);
    const after = cellsOf(patched);
    let compared = 0;
    for (const [ref, xml] of before) {
      if (/^[KLM]\d/.test(ref)) continue;
      expect({ ref, xml: after.get(ref) }).toEqual({ ref, xml });
      compared++;
    }
    // 7 header cells, 4 rows of 8-10 cells, the merged title and total: dozens, not none.
    expect(compared).toBeGreaterThan(40);
    // G9 was blank and stays so: its mark and note need no cell.
    expect(after.has('G9')).toBe(false);
    // styles.xml carries no private record (exceljs's own extLst entries stay).
    const styles = strFromU8(entries(patched)['xl/styles.xml']);
    expect(styles).not.toMatch(/ledger-check|6E0B2F3C/);
    expect(styles).toContain('<x14:slicerStyles');
  });

  it('adds the conditional fill, the defined name, the tool sheets and asks for recalculation', async () => {
    const wb = await load(patched);
    const ws = wb.getWorksheet('台账')!;
    const cf = (ws as unknown as { conditionalFormattings: { ref: string; rules: { formulae: string[]; type: string; priority: number }[] }[] }).conditionalFormattings;
    const fills = cf.filter((f) => !f.rules[0].formulae[0].includes('LC_MARK'));
    expect(fills).toHaveLength(1);
    expect(fills[0].ref).toBe('A3:M6');
    expect(fills[0].rules[0].formulae).toEqual(['AND($M3="滞后",LC_TP>0)']);
    // After the two mark rules (priorities 1 and 2), so a mark's fill shows over the row's.
    expect(fills[0].rules[0].priority).toBe(3);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['台账', '隐藏', 'Empty', '汇总', '问题清单']);
    expect(wb.definedNames.getRanges('LC_TP').ranges).toEqual(["'汇总'!$B$2"]);
    expect(wb.definedNames.getRanges('Total').ranges).toEqual(["'台账'!$C$3"]);
    const sum = wb.getWorksheet('汇总')!;
    expect(sum.getCell('B2').value).toBe(0.5);
    expect(sum.getCell('B2').numFmt).toBe('0.0%');
    expect(sum.getCell('B3').value).toEqual({ formula: "COUNTIF('台账'!M3:M6,\"滞后\")", result: 2 });
    expect(sum.getColumn(1).width).toBe(18);
    // exceljs reads only hyperlinks that go through a relationship; a link inside the workbook is a location.
    expect(wb.getWorksheet('问题清单')!.getCell('A2').value).toBe('C3');
    const all = entries(patched);
    const issuesPart = Object.keys(all).find((n) => /worksheets\/sheet\d+\.xml$/.test(n) && strFromU8(all[n]).includes('问题'))!;
    expect(strFromU8(all[issuesPart])).toContain(`<hyperlink ref="A2" location="'台账'!C3"/>`);
    const book = strFromU8(all['xl/workbook.xml']);
    expect(book).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });

  it('is idempotent: patching the annotated copy gives the same bytes', () => {
    const again = applyPlans(patched, readWorkbook(patched), [ledgerPlan()]);
    expect(same(again, patched)).toBe(true);
  });

  it('replaces an earlier run: a plan without marks, fills or names takes them away', async () => {
    const plain = ledgerPlan({ marks: [], names: [], conditionalFormats: [] });
    const fromOriginal = applyPlans(original, null, [plain]);
    const fromAnnotated = applyPlans(patched, null, [plain]);
    const a = entries(fromOriginal);
    const b = entries(fromAnnotated);
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
    // Every part as if the earlier run had not been, except styles.xml: the formats it
    // added stay (unused, harmless) and are not added again.
    for (const name of Object.keys(a)) {
      if (name === 'xl/styles.xml') continue;
      expect({ name, same: same(a[name], b[name]) }).toEqual({ name, same: true });
    }
    expect(same(b['xl/styles.xml'], entries(patched)['xl/styles.xml'])).toBe(true);
    expect(Object.keys(b).some((n) => /comments|vml/i.test(n))).toBe(false);
    expect(strFromU8(b[SHEET])).not.toContain('conditionalFormatting');
  });

  it('drops own-column cells of an earlier run that the new plan no longer writes', () => {
    const fewer = ledgerPlan();
    fewer.cells = fewer.cells.filter((c) => c.c !== 12 || c.r === 1);
    const out = readWorkbook(applyPlans(patched, null, [fewer])).sheets[0].grid;
    expect(cellAt(out, 2, 12)).toBeNull();
    expect(out.formulas!.has(cellKey(2, 12))).toBe(false);
    expect(cellAt(out, 1, 12)).toBe('状态');
  });

  it('gives a workbook the original cells of which read the same as exceljs reads them', async () => {
    const wb = await load(patched);
    const g = readWorkbook(patched).sheets[0].grid;
    wb.getWorksheet('台账')!.eachRow((row, rn) => row.eachCell((cell, cn) => {
      const want = expectedValue(cell);
      if (want === UNKNOWN) return;
      expect(cellAt(g, rn - 1, cn - 1)).toEqual(want ?? null);
    }));
  });
});

describe('a write plan naming no real cell', () => {
  it.each([
    ['a column that is not a number', { c: Number.NaN }],
    ['a fractional row', { r: 2.5 }],
    ['a column past XFD', { c: 16384 }],
    ['a negative row', { r: -1 }],
  ])('is refused whole before anything is written: %s', async (_what, at) => {
    const original = await richWorkbook();
    const plan = ledgerPlan();
    const bad = { ...plan, cells: [...plan.cells, { r: 3, c: 20, value: 1, ...at }] };
    expect(() => applyPlans(original, null, [bad])).toThrow(/which is not a cell/);
    // The same plan without the bad cell writes.
    expect(() => applyPlans(original, null, [plan])).not.toThrow();
  });
});
