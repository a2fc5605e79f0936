/// <reference types="office-js" />
/**
 * Taking away what an earlier run wrote: the tool's sheets and names, and the
 * content of its own columns. Shared by writeColumns (before writing anew) and
 * removeAll. Every command is reserved in the sync budget before it is queued.
 */
import { NAME_PREFIX } from '../core/plan-labels';
import { toolSheetsOf } from '../core/tool-sheets';
import type { WritePlan } from '../core/types';
import type { SyncBudget } from './budget';
import { COMMAND_BYTES } from './payload';

const lower = (s: string) => s.toLowerCase();

/** Sheets (lower-cased) that the tool's defined names point into: its own sheets. Needs `items/name,items/formula` loaded. */
export function ownedSheets(names: Excel.NamedItemCollection, plans: WritePlan[]): Set<string> {
  const prefixes = [...new Set(plans.map((p) => p.namePrefix ?? NAME_PREFIX))];
  const refs = names.items.map((n) => ({ name: n.name, ref: n.formula ?? '' }));
  const out = new Set<string>();
  for (const p of prefixes) for (const s of toolSheetsOf(refs, p)) out.add(s);
  return out;
}

/**
 * Deletes the tool's sheets: those the tool's names point into (`owned`). A user's
 * sheet that only shares a tool sheet's name stays; a ledger sheet is never deleted.
 */
export async function deleteToolSheets(sheets: Excel.WorksheetCollection, plans: WritePlan[], owned: Set<string>, budget: SyncBudget): Promise<void> {
  const ledgers = new Set(plans.map((p) => lower(p.sheet)));
  for (const ws of sheets.items) {
    const n = lower(ws.name);
    if (owned.has(n) && !ledgers.has(n)) {
      await budget.reserve(COMMAND_BYTES);
      ws.delete();
    }
  }
}

/** Deletes defined names that start with a plan's prefix or that a plan defines. */
export async function deleteToolNames(names: Excel.NamedItemCollection, plans: WritePlan[], prefixes: string[], budget: SyncBudget): Promise<void> {
  const exact = new Set(plans.flatMap((p) => p.names.map((n) => lower(n.name))));
  const pre = prefixes.map(lower);
  for (const item of names.items) {
    const n = lower(item.name);
    if (exact.has(n) || pre.some((p) => n.startsWith(p))) {
      await budget.reserve(COMMAND_BYTES);
      item.delete();
    }
  }
}

/** Runs of adjacent columns: [first, last]. */
export function columnRuns(cols: number[]): [number, number][] {
  const sorted = [...new Set(cols)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[1] === c - 1) last[1] = c;
    else runs.push([c, c]);
  }
  return runs;
}

/**
 * Clears the plan's own columns from the header row down to `bottom` (values and
 * formats) and shows them again; the rank key is hidden anew when written.
 */
export async function clearOwnColumns(ws: Excel.Worksheet, plan: WritePlan, bottom: number, budget: SyncBudget): Promise<void> {
  const rows = bottom - plan.headerRow + 1;
  for (const [c0, c1] of columnRuns(plan.ownColumns)) {
    await budget.reserve(COMMAND_BYTES * 5);
    if (rows > 0) ws.getRangeByIndexes(plan.headerRow, c0, rows, c1 - c0 + 1).clear('All');
    ws.getRangeByIndexes(0, c0, 1, c1 - c0 + 1).getEntireColumn().columnHidden = false;
  }
}

/** The last row to clear: the sheet's used range or the plan's last row, whichever is lower. */
export function clearBottom(used: Excel.Range, plan: WritePlan): number {
  let bottom = plan.headerRow;
  for (const cell of plan.cells) if (cell.r > bottom) bottom = cell.r;
  if (!used.isNullObject) bottom = Math.max(bottom, used.rowIndex + used.rowCount - 1);
  return bottom;
}
