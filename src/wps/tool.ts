/**
 * The tool's objects in a WPS workbook, found and taken away the way the Excel host
 * does it (src/excel/tool-objects.ts): rules whose formula names an `LC_` name (row
 * fills) or is the mark rule, notes that start with the marker, sheets the tool's
 * names point into, its names, the content of its own columns.
 */
import { NAME_PREFIX } from '../core/plan-labels';
import { toolSheetsOf } from '../core/tool-sheets';
import type { WritePlan } from '../core/types';
import { isMarkRule, isToolNote, namesTool } from '../excel/tool-objects';
import { columnRuns } from '../excel/cleanup';
import { rangeA1 } from './a1';
import type { EtApplication, EtComment, EtSheet, EtWorkbook } from './et';
import { sheetList } from './sheets';

const lower = (s: string) => s.toLowerCase();

export function prefixesOf(plans: WritePlan[]): string[] {
  return [...new Set(plans.map((p) => p.namePrefix ?? NAME_PREFIX))];
}

/** Deletes the tool's rules on a sheet: fills, marks or both. Counted down, as deleting renumbers. */
export function deleteToolRules(ws: EtSheet, which: { fills: boolean; marks: boolean }, prefixes: string[]): void {
  const rules = ws.Cells.FormatConditions;
  for (let i = rules.Count; i >= 1; i--) {
    const rule = rules.Item(i);
    let f: string;
    try {
      f = String(rule.Formula1 ?? '');
    } catch {
      // Rules of other kinds (data bars, color scales) have no Formula1 in some builds.
      continue;
    }
    const mine = isMarkRule(f) ? which.marks : which.fills && prefixes.some((p) => namesTool(f, p));
    if (mine) rule.Delete();
  }
}

export interface SheetNotes {
  /** Cells (row·16384+col) with the user's own note: the tool adds none there. */
  user: Set<number>;
  tool: EtComment[];
}

export function scanNotes(ws: EtSheet): SheetNotes {
  const out: SheetNotes = { user: new Set(), tool: [] };
  const list = ws.Comments;
  for (let i = 1; i <= list.Count; i++) {
    const note = list.Item(i);
    if (isToolNote(note.Text())) out.tool.push(note);
    else out.user.add((note.Parent.Row - 1) * 16384 + (note.Parent.Column - 1));
  }
  return out;
}

/** Sheets (lower-cased) that the tool's names point into. */
export function ownedSheets(wb: EtWorkbook, plans: WritePlan[]): Set<string> {
  const refs: { name: string; ref: string }[] = [];
  for (let i = 1; i <= wb.Names.Count; i++) {
    const n = wb.Names.Item(i);
    refs.push({ name: n.Name, ref: n.RefersTo });
  }
  const out = new Set<string>();
  for (const p of prefixesOf(plans)) for (const s of toolSheetsOf(refs, p)) out.add(s);
  return out;
}

export function deleteToolNames(wb: EtWorkbook, plans: WritePlan[]): void {
  const exact = new Set(plans.flatMap((p) => p.names.map((n) => lower(n.name))));
  const pre = prefixesOf(plans).map(lower);
  for (let i = wb.Names.Count; i >= 1; i--) {
    const item = wb.Names.Item(i);
    const n = lower(item.Name);
    if (exact.has(n) || pre.some((p) => n.startsWith(p))) item.Delete();
  }
}

/** Deleting a sheet asks the user in WPS unless alerts are off: off for the time of the deletes. */
export function deleteToolSheets(app: EtApplication, wb: EtWorkbook, plans: WritePlan[], owned: Set<string>): void {
  const ledgers = new Set(plans.map((p) => lower(p.sheet)));
  const doomed = sheetList(wb).filter((ws) => owned.has(lower(ws.Name)) && !ledgers.has(lower(ws.Name)));
  if (doomed.length === 0) return;
  const alerts = app.DisplayAlerts;
  app.DisplayAlerts = false;
  try {
    for (const ws of doomed) ws.Delete();
  } finally {
    app.DisplayAlerts = alerts ?? true;
  }
}

/** Clears the own columns from the header row down (contents and formats) and shows them again. */
export function clearOwnColumns(ws: EtSheet, plan: WritePlan): void {
  const used = ws.UsedRange;
  let bottom = plan.headerRow;
  for (const cell of plan.cells) if (cell.r > bottom) bottom = cell.r;
  bottom = Math.max(bottom, used.Row - 2 + used.Rows.Count);
  for (const [c0, c1] of columnRuns(plan.ownColumns)) {
    ws.Range(rangeA1(plan.headerRow, c0, bottom, c1)).Clear();
    ws.Range(rangeA1(0, c0, 0, c1)).EntireColumn.Hidden = false;
  }
}
