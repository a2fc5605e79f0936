/** Takes away everything the tool added, as src/excel/remove.ts does; user cells stay. */
import type { WritePlan } from '../core/types';
import type { EtApplication, EtWorkbook } from './et';
import { findSheet } from './sheets';
import { clearOwnColumns, deleteToolNames, deleteToolRules, deleteToolSheets, ownedSheets, prefixesOf, scanNotes } from './tool';

export function removeAll(app: EtApplication, wb: EtWorkbook, plans: WritePlan[]): void {
  if (plans.length === 0) return;
  const prefixes = prefixesOf(plans);
  const targets = plans.map((plan) => ({ plan, ws: findSheet(wb, plan.sheet) }));
  for (const t of targets) {
    deleteToolRules(t.ws, { fills: true, marks: true }, prefixes);
    for (const note of scanNotes(t.ws).tool) note.Delete();
  }
  const owned = ownedSheets(wb, plans);
  deleteToolNames(wb, plans);
  deleteToolSheets(app, wb, plans, owned);
  for (const t of targets) clearOwnColumns(t.ws, t.plan);
}
