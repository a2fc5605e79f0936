import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import { settingsFor } from '../../src/commands/commands';
import type { WritePlan } from '../../src/core/types';
import { checkWorkbook } from '../../src/xlsx';
import { readWorkbook } from '../../src/xlsx';
import { applyPlans } from '../../src/xlsx';
import type { PreviewData } from '../../src/web/preview-data';
import { WebEngine } from '../../src/web/web-engine';
import { downloadNames, planPart, STORAGE_KEY, WebHost } from '../../src/web/web-host';
import { WorkerClient } from '../../src/web/worker-client';

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', '冠县.xlsx');
const bytes = () => new Uint8Array(fs.readFileSync(EXAMPLE));
const settings = settingsFor(null, 'zh-CN', '2022-07-05');

function same(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

class MemoryStorage {
  readonly data = new Map<string, string>();
  getItem(k: string): string | null {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string): void {
    this.data.set(k, v);
  }
}

function setup(): { host: WebHost; engine: WebEngine; outputs: (Uint8Array | null)[]; previews: (PreviewData | null)[]; storage: MemoryStorage } {
  // No worker in jest: the client runs the same service on this thread.
  const client = new WorkerClient(null);
  const outputs: (Uint8Array | null)[] = [];
  const previews: (PreviewData | null)[] = [];
  const storage = new MemoryStorage();
  const host = new WebHost(client, { onOutput: (b) => outputs.push(b), showPreview: (d) => previews.push(d) }, storage as unknown as Storage, 'zh-TW');
  return { host, engine: new WebEngine(client, bytes()), outputs, previews, storage };
}

describe('WebHost over the check service', () => {
  it('checks the file as checkWorkbook does, with progress up to 1', async () => {
    const { engine } = setup();
    const seen: number[] = [];
    const result = await engine.check(settings, (f) => seen.push(f));
    const cli = checkWorkbook(bytes(), settings, { write: false });
    expect(result.sheets).toEqual(cli.sheets);
    // The plans come to the page without their cells (the worker keeps them whole and writes from them).
    expect(result.plans).toEqual(cli.plans.map((p) => ({ ...p, cells: [] })));
    expect(seen[seen.length - 1]).toBe(1);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });

  it('writes the command\'s copy once both columns and marks are asked for', async () => {
    const { host, engine, outputs } = setup();
    const { plans } = await engine.check(settings, () => undefined);
    await host.writeColumns(plans);
    await host.writeMarks(plans);
    expect(outputs).toHaveLength(2);
    expect(same(outputs[1]!, checkWorkbook(bytes(), settings).output!)).toBe(true);
    // The first copy had the columns only.
    const wb = readWorkbook(bytes());
    const whole = checkWorkbook(bytes(), settings, { write: false }).plans;
    const columnsOnly = applyPlans(bytes(), wb, whole.map((p) => ({ ...p, marks: [] })));
    expect(same(outputs[0]!, columnsOnly)).toBe(true);
  });

  it('marks alone: a copy with the notes and none of the columns or sheets; dropped on removeAll', async () => {
    const { host, engine, outputs } = setup();
    const { plans, sheets } = await engine.check(settings, () => undefined);
    await host.writeMarks(plans);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(outputs[0]!) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['冠县']);
    const ws = wb.getWorksheet('冠县')!;
    // J29: completed 4680 above the total 4180 (the example's planted error).
    expect(String(ws.getCell('J29').note)).toContain('4680');
    // The header of the first computed column stays empty.
    expect(ws.getCell(`${sheets[0].outputColumns.completionRate}3`).value).toBeNull();
    await host.removeAll(plans);
    expect(outputs.map((o) => (o === null ? null : 'bytes'))).toEqual(['bytes', null]);
  });

  it('shows the rows around a selected cell', async () => {
    const { host, engine, previews } = setup();
    await engine.check(settings, () => undefined);
    await host.selectCell('冠县', 'J29');
    expect(previews[0]).toMatchObject({ sheet: '冠县', cell: 'J29', r: 28, c: 9 });
    // The header row (3) comes first, then rows 26..32.
    expect(previews[0]!.rows.map((r) => r.r + 1)).toEqual([3, 26, 27, 28, 29, 30, 31, 32]);
    const j = previews[0]!.columns.indexOf(9);
    expect(previews[0]!.rows[4].cells[j]).toBe('4680');
  });

  it('keeps settings in storage, keeping only what is well-formed', async () => {
    const { host, storage } = setup();
    expect(await host.loadSettings()).toBeNull();
    await host.saveSettings({ lagWarn: 5, rankMethod: 'dense' });
    expect(JSON.parse(storage.getItem(STORAGE_KEY)!)).toEqual({ lagWarn: 5, rankMethod: 'dense' });
    storage.setItem(STORAGE_KEY, JSON.stringify({ lagWarn: 'five', lagAlert: 12 }));
    expect(await host.loadSettings()).toEqual({ lagAlert: 12 });
  });

  it('takes the display language from the browser', () => {
    expect(setup().host.displayLanguage()).toBe('zh-TW');
  });

  it('reports a damaged file by its code', async () => {
    const client = new WorkerClient(null);
    const engine = new WebEngine(client, bytes().subarray(0, 2048));
    await expect(engine.check(settings, () => undefined)).rejects.toMatchObject({ code: expect.stringMatching(/unreadable-file|not-a-workbook/) });
  });
});

describe('planPart', () => {
  const plan = {
    sheet: 'S', ownColumns: [12], headerRow: 2, cells: [{ r: 3, c: 12, value: 1 }], names: [{ name: 'LC_X', sheet: 'S', r: 0, c: 0 }],
    conditionalFormats: [{ r0: 3, c0: 0, r1: 9, c1: 11, formula: 'TRUE', fill: 'red' }], marks: [{ r: 3, c: 1, severity: 'error', note: 'n' }],
    sheets: [{ name: '汇总', cells: [] }], hiddenColumns: [17], replaceSheets: ['汇总'], namePrefix: 'LC_',
  } as WritePlan;

  it('is the whole plan with both, the plan without marks for columns, only marks for marks', () => {
    expect(planPart(plan, { columns: true, marks: true })).toBe(plan);
    expect(planPart(plan, { columns: true, marks: false })).toEqual({ ...plan, marks: [] });
    expect(planPart(plan, { columns: false, marks: true })).toEqual({
      sheet: 'S', ownColumns: [], headerRow: 2, cells: [], names: [], conditionalFormats: [], marks: plan.marks,
      sheets: [], hiddenColumns: [], replaceSheets: [], namePrefix: undefined,
    });
  });
});

describe('downloadNames', () => {
  it.each([
    ['冠县.xlsx', '冠县.checked.xlsx', '冠县.report.json', '冠县.通报.docx'],
    ['冠县.checked.xlsx', '冠县.checked.xlsx', '冠县.report.json', '冠县.通报.docx'],
    ['A.XLSM', 'A.checked.xlsx', 'A.report.json', 'A.通报.docx'],
  ])('%s → %s, %s, %s', (file, copy, report, bulletin) => {
    expect(downloadNames(file)).toEqual({ copy, report, bulletin });
  });
});

describe('WebHost: 添加输入检查', () => {
  it('adds the input rules to the copy on offer, every value as it was, and keeps them in later copies until removed', async () => {
    const { host, engine, outputs } = setup();
    const { plans } = await engine.check(settings, () => undefined);
    await host.offerCopy(plans);
    const checks = await engine.inputChecks('zh-CN');
    expect(checks[0].rules.length).toBeGreaterThan(0);
    const outcome = await host.addInputRules(checks, plans);
    expect(outcome.kind).toBe('done');
    const copy = outputs[outputs.length - 1]!;
    const sheet = (b: Uint8Array) => readWorkbook(b).sheets[0].grid.values;
    // The copy with the rules holds the same values as the copy without them.
    expect(sheet(copy)).toEqual(sheet(outputs[outputs.length - 2]!));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(copy as unknown as ArrayBuffer);
    const model = (wb.worksheets[0] as unknown as { dataValidations: { model: Record<string, { type: string }> } }).dataValidations.model;
    const plan = checks[0].rules.find((r) => r.key === 'annualPlan')!;
    expect(model[plan.sqref.split(/[ :]/)[0]]?.type).toBe('decimal');
    await host.writeMarks(plans);
    const again = new ExcelJS.Workbook();
    await again.xlsx.load(outputs[outputs.length - 1]! as unknown as ArrayBuffer);
    expect((again.worksheets[0] as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model[plan.sqref.split(/[ :]/)[0]]).toBeDefined();
    await host.removeAll(plans);
    expect(outputs[outputs.length - 1]).toBeNull();
  });
});
