import { toA1 } from '../../src/core/grid';
import type { WritePlan } from '../../src/core/types';
import { ExcelHost } from '../../src/excel/excel-host';
import { createFakeOffice, FakeWorkbook, type FakeOffice } from '../fake-excel/index';
import { addLedger, LEDGER, ledgerPlan } from '../fake-excel/ledger-fixture';

const FOUR_MB = 4_000_000;
const ERROR_RULE = '=ISTEXT("LC_MARK_ERROR")';
const WARNING_RULE = '=ISTEXT("LC_MARK_WARNING")';
let fake: FakeOffice | null = null;

afterEach(() => {
  fake?.uninstall();
  fake = null;
});

function setup(rows: number, apiMinor = 18): { wb: FakeWorkbook; plan: WritePlan; f: FakeOffice; host: ExcelHost } {
  const wb = new FakeWorkbook();
  const s = addLedger(wb, rows);
  // The user's own note and comment on cells the plan marks (H4 and H14: the 1st and 11th projects).
  s.note('H4', '用户自己的批注');
  if (apiMinor >= 10) s.comment('H14', '用户的讨论');
  fake = createFakeOffice(wb, { apiMinor }).install();
  return { wb, plan: ledgerPlan(rows), f: fake, host: new ExcelHost({ lang: 'zh-CN', retryDelayMs: 1 }) };
}

/** Cells a rule covers, from its area addresses (`台账!H14`). */
function coveredCells(areas: string[]): string[] {
  return areas.map((a) => a.split('!')[1]).sort();
}

describe('ExcelHost.writeMarks', () => {
  it('marks with rules and notes (ExcelApi 1.18), leaving every cell and the user\'s note as they were', async () => {
    const { wb, plan, f, host } = setup(300);
    const before = wb.snapshot().sheets[0];
    await host.writeMarks([plan]);
    const after = wb.snapshot().sheets[0];
    expect(after.cells).toEqual(before.cells);

    const errors = plan.marks.filter((m) => m.severity === 'error').map((m) => toA1(m.r, m.c)).sort();
    const warnings = plan.marks.filter((m) => m.severity === 'warning').map((m) => toA1(m.r, m.c)).sort();
    const rules = after.conditionalFormats;
    expect(coveredCells(rules.filter((r) => r.formula === ERROR_RULE).flatMap((r) => r.areas))).toEqual(errors);
    expect(coveredCells(rules.filter((r) => r.formula === WARNING_RULE).flatMap((r) => r.areas))).toEqual(warnings);
    // Both mark rules come before the user's rule, which keeps its settings.
    expect(rules.slice(0, 2).map((r) => r.formula).sort()).toEqual([ERROR_RULE, WARNING_RULE]);
    expect(rules[2]).toEqual(before.conditionalFormats[0]);
    expect(rules[0].borders.EdgeTop?.style).toBe('Continuous');

    // Every mark has its note but H4 (the user's note stays) and H14 (a cell with a comment takes no note).
    const notes = new Map(after.notes);
    expect(notes.get('H4')).toBe('用户自己的批注');
    expect(notes.get('B4')).toBe('请核实项目名称');
    expect(notes.has('H14')).toBe(false);
    for (const m of plan.marks.slice(2)) expect(notes.get(toA1(m.r, m.c))).toBe(`【台账检查】${m.note}`);
    expect(notes.size).toBe(plan.marks.length - 2 + 2);
    expect(after.comments).toEqual(before.comments);
    expect(f.syncs.length).toBeLessThanOrEqual(3);
  });

  it('uses threaded comments where notes are not supported (ExcelApi 1.10 to 1.17)', async () => {
    const { wb, plan, f, host } = setup(300, 17);
    const before = wb.snapshot().sheets[0];
    await host.writeMarks([plan]);
    const after = wb.snapshot().sheets[0];
    expect(after.notes).toEqual(before.notes);
    // Such a host cannot see the note on H4: Excel refuses that comment, the others go in.
    expect(f.syncs.some((s) => s.failed === 'InvalidOperation')).toBe(true);
    const comments = new Map(after.comments);
    expect(comments.get('H14')).toBe('用户的讨论');
    expect(comments.has('H4')).toBe(false);
    for (const m of plan.marks.slice(2)) expect(comments.get(toA1(m.r, m.c))).toBe(`【台账检查】${m.note}`);
    expect(comments.size).toBe(plan.marks.length - 2 + 1);
  });

  it('marks with rules only where neither notes nor comments exist, one rule per cell without RangeAreas', async () => {
    const { wb, plan, host } = setup(300, 8);
    const before = wb.snapshot().sheets[0];
    await host.writeMarks([plan]);
    const after = wb.snapshot().sheets[0];
    expect(after.notes).toEqual(before.notes);
    const marks = after.conditionalFormats.filter((r) => r.formula === ERROR_RULE || r.formula === WARNING_RULE);
    expect(marks.length).toBe(plan.marks.length);
    expect(marks.every((r) => r.areas.length === 1)).toBe(true);
  });

  it('replaces the marks of an earlier run', async () => {
    const { wb, host } = setup(300);
    await host.writeMarks([ledgerPlan(300)]);
    const fewer = ledgerPlan(300, { marksEvery: 40 });
    await host.writeMarks([fewer]);
    const after = wb.snapshot().sheets[0];
    const toolNotes = after.notes.filter(([, text]) => text.startsWith('【台账检查】')).map(([a]) => a).sort();
    // The first mark is H4, which has the user's note.
    expect(toolNotes).toEqual(fewer.marks.slice(1).map((m) => toA1(m.r, m.c)).sort());
    const covered = coveredCells(after.conditionalFormats.filter((r) => r.formula?.includes('LC_MARK')).flatMap((r) => r.areas));
    expect(covered).toEqual(fewer.marks.map((m) => toA1(m.r, m.c)).sort());
  });

  it('marks a 10,000-row plan in at most 3 syncs under 4 MB each', async () => {
    const { plan, f, host } = setup(10_000);
    await host.writeMarks([plan]);
    // Rules and notes; where the user's notes are; the writes.
    expect(f.syncs.length).toBeLessThanOrEqual(3);
    for (const s of f.syncs) expect(Math.max(s.request, s.response)).toBeLessThan(FOUR_MB);
  });
});

describe('ExcelHost.removeAll', () => {
  it.each([
    ['notes', 18],
    ['comments', 17],
    ['rules only', 8],
  ])('gives back the workbook as it was before the columns and marks (%s)', async (_kind, apiMinor) => {
    const { wb, plan, host } = setup(400, apiMinor);
    wb.addSheet('Other').put('A1', [['x']]);
    const before = wb.snapshot();
    await host.writeColumns([plan]);
    await host.writeMarks([plan]);
    expect(wb.snapshot()).not.toEqual(before);
    await host.removeAll([plan]);
    expect(wb.snapshot()).toEqual(before);
  });

  it('removes a 10,000-row run in 2 syncs under 4 MB each', async () => {
    const { wb, plan, f, host } = setup(10_000);
    const before = wb.snapshot();
    await host.writeColumns([plan]);
    await host.writeMarks([plan]);
    const done = f.syncs.length;
    await host.removeAll([plan]);
    // One sync to find the tool's rules, notes, sheets and names; one to delete them.
    expect(f.syncs.length - done).toBe(2);
    for (const s of f.syncs.slice(done)) expect(Math.max(s.request, s.response)).toBeLessThan(FOUR_MB);
    expect(wb.snapshot()).toEqual(before);
  });

  it('leaves a user rule that only looks like ours, and removes nothing when nothing was written', async () => {
    const { wb, plan, host } = setup(50);
    wb.sheet(LEDGER).conditionalFormat('A4:A10', 'Custom', '=AND(A4>0,MYLC_X>1)');
    const before = wb.snapshot();
    await host.removeAll([plan]);
    expect(wb.snapshot()).toEqual(before);
  });
});
