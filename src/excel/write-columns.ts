/// <reference types="office-js" />
/**
 * Writes the plan minus marks: one sync to see what an earlier run left (rules,
 * sheets, names, how far down the sheet goes), then deletes and writes packed into
 * as few syncs as the payload budget allows.
 */
import type { Lang, WritePlan } from '../core/types';
import type { Progress } from '../taskpane/host';
import { SyncBudget } from './budget';
import { clearBottom, clearOwnColumns, deleteToolNames, deleteToolSheets, ownedSheets } from './cleanup';
import { pickToolSheetName } from '../core/tool-sheets';
import { COMMAND_BYTES, jsonBytes, SYNC_BUDGET } from './payload';
import { FILL_COLORS, loadRules, prefixesOf, toolRules } from './tool-objects';
import { writeCharts } from './write-charts';
import { writeCells, writeWidths } from './write-cells';

/** Rough bytes per written cell, only to report progress. */
const CELL_BYTES_GUESS = 90;

export async function writeColumns(context: Excel.RequestContext, plans: WritePlan[], lang: Lang, onProgress?: Progress): Promise<void> {
  if (plans.length === 0) return;
  const wb = context.workbook;
  const sheets = wb.worksheets.load('items/name');
  const names = wb.names.load('items/name,items/formula');
  const targets = plans.map((plan) => {
    const ws = wb.worksheets.getItem(plan.sheet);
    return { plan, ws, rules: loadRules(ws), used: ws.getUsedRangeOrNullObject().load('rowIndex,rowCount') };
  });
  await context.sync();

  const cells = plans.reduce((n, p) => n + p.cells.length + p.sheets.reduce((m, s) => m + s.cells.length, 0), 0);
  const expected = 1 + Math.ceil((cells * CELL_BYTES_GUESS) / SYNC_BUDGET);
  const budget = new SyncBudget(context, () => onProgress?.(Math.min(0.95, (1 + budget.syncs) / (expected + 1))));
  onProgress?.(1 / (expected + 1));
  const prefixes = prefixesOf(plans);

  // What an earlier run wrote goes first, names before the sheets they point into.
  for (const t of targets) {
    for (const rule of toolRules(t.rules, { fills: true, marks: false }, prefixes)) {
      await budget.reserve(COMMAND_BYTES);
      rule.delete();
    }
  }
  const owned = ownedSheets(names, plans);
  await deleteToolNames(names, plans, prefixes, budget);
  await deleteToolSheets(sheets, plans, owned, budget);
  // A user's sheet that shares a tool sheet's name stays: the tool's goes beside it.
  const ledgerNames = new Set(plans.map((p) => p.sheet.toLowerCase()));
  const remaining = sheets.items.map((s) => s.name).filter((n) => !owned.has(n.toLowerCase()) || ledgerNames.has(n.toLowerCase()));
  const actual = new Map<string, string>();
  for (const t of targets) await clearOwnColumns(t.ws, t.plan, clearBottom(t.used, t.plan), budget);

  // Tool sheets, then the names that point into them, then the ledger columns and rules that use the names.
  const made = new Map<string, Excel.Worksheet>();
  for (const plan of plans) {
    for (const sheet of plan.sheets) {
      const name = pickToolSheetName(sheet.name, [...remaining, ...actual.values()], new Set());
      actual.set(sheet.name, name);
      await budget.reserve(COMMAND_BYTES + jsonBytes(name));
      const ws = wb.worksheets.add(name);
      made.set(sheet.name, ws);
      await writeCells(ws, sheet.cells, budget);
      await writeWidths(ws, sheet.widths, budget);
      await writeCharts(ws, sheet.charts, budget);
    }
  }
  for (const plan of plans) {
    for (const n of plan.names) {
      await budget.reserve(COMMAND_BYTES * 3 + jsonBytes(n.name));
      const ws = made.get(n.sheet) ?? targets.find((t) => t.plan.sheet === n.sheet)?.ws ?? wb.worksheets.getItem(n.sheet);
      wb.names.add(n.name, ws.getRangeByIndexes(n.r, n.c, 1, 1));
    }
  }
  for (const { plan, ws } of targets) {
    await writeCells(ws, plan.cells, budget);
    for (const c of plan.hiddenColumns ?? []) {
      await budget.reserve(COMMAND_BYTES * 3);
      ws.getRangeByIndexes(0, c, 1, 1).getEntireColumn().columnHidden = true;
    }
    for (const f of plan.conditionalFormats) {
      await budget.reserve(COMMAND_BYTES * 6 + jsonBytes(f.formula));
      const cf = ws.getRangeByIndexes(f.r0, f.c0, f.r1 - f.r0 + 1, f.c1 - f.c0 + 1).conditionalFormats.add('Custom');
      cf.custom.rule.formula = `=${f.formula}`;
      cf.custom.format.fill.color = FILL_COLORS[f.fill];
    }
  }
  await budget.flush();
  onProgress?.(1);
}
