/// <reference types="office-js" />
/**
 * Takes away everything the tool added: its rules (row fills and marks), its notes
 * or comments, sheets, names, and the content of its own columns. One sync to see,
 * one (or more, for a very large workbook) to delete.
 */
import type { WritePlan } from '../core/types';
import type { Progress } from '../taskpane/host';
import { SyncBudget } from './budget';
import { clearBottom, clearOwnColumns, deleteToolNames, deleteToolSheets, ownedSheets } from './cleanup';
import { loadAnnotations, toolAnnotations } from './annotations';
import { COMMAND_BYTES } from './payload';
import { loadRules, prefixesOf, toolRules } from './tool-objects';

export async function removeAll(context: Excel.RequestContext, plans: WritePlan[], onProgress?: Progress): Promise<void> {
  if (plans.length === 0) return;
  const wb = context.workbook;
  const sheets = wb.worksheets.load('items/name');
  const names = wb.names.load('items/name,items/formula');
  const targets = plans.map((plan) => {
    const ws = wb.worksheets.getItem(plan.sheet);
    return {
      plan,
      ws,
      rules: loadRules(ws),
      notes: loadAnnotations(ws),
      used: ws.getUsedRangeOrNullObject().load('rowIndex,rowCount'),
    };
  });
  await context.sync();
  onProgress?.(0.5);

  const budget = new SyncBudget(context);
  const prefixes = prefixesOf(plans);
  for (const t of targets) {
    for (const rule of toolRules(t.rules, { fills: true, marks: true }, prefixes)) {
      await budget.reserve(COMMAND_BYTES);
      rule.delete();
    }
    for (const note of toolAnnotations(t.notes)) {
      await budget.reserve(COMMAND_BYTES);
      note.delete();
    }
  }
  const owned = ownedSheets(names, plans);
  await deleteToolNames(names, plans, prefixes, budget);
  await deleteToolSheets(sheets, plans, owned, budget);
  for (const t of targets) await clearOwnColumns(t.ws, t.plan, clearBottom(t.used, t.plan), budget);
  await budget.flush();
  onProgress?.(1);
}
