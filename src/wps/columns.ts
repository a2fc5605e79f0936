/**
 * The plan minus marks, in WPS: what an earlier run left goes first (rules, names,
 * sheets, own columns), then the tool's sheets, the names into them, the ledger's
 * computed columns, hidden columns and row fills. Every write is a block.
 */
import type { WritePlan } from '../core/types';
import { pickToolSheetName } from '../core/tool-sheets';
import { FILL_COLORS } from '../excel/tool-objects';
import { absoluteRef, rangeA1 } from './a1';
import { XL, type EtApplication, type EtSheet, type EtWorkbook } from './et';
import { bgr, findSheet, sheetList } from './sheets';
import { clearOwnColumns, deleteToolNames, deleteToolRules, deleteToolSheets, ownedSheets, prefixesOf } from './tool';
import { writeCharts } from './charts';
import { writeCells, writeWidths } from './write';
import type { Progress } from '../taskpane/host';

export function writeColumns(app: EtApplication, wb: EtWorkbook, plans: WritePlan[], onProgress?: Progress): void {
  if (plans.length === 0) return;
  const prefixes = prefixesOf(plans);
  const targets = plans.map((plan) => ({ plan, ws: findSheet(wb, plan.sheet) }));
  for (const t of targets) deleteToolRules(t.ws, { fills: true, marks: false }, prefixes);
  const owned = ownedSheets(wb, plans);
  deleteToolNames(wb, plans);
  deleteToolSheets(app, wb, plans, owned);
  const ledgerNames = new Set(plans.map((p) => p.sheet.toLowerCase()));
  const remaining = sheetList(wb).map((s) => s.Name).filter((n) => !owned.has(n.toLowerCase()) || ledgerNames.has(n.toLowerCase()));
  for (const t of targets) clearOwnColumns(t.ws, t.plan);
  onProgress?.(0.2);

  const made = new Map<string, EtSheet>();
  const actual: string[] = [];
  for (const plan of plans) {
    for (const sheet of plan.sheets) {
      const name = pickToolSheetName(sheet.name, [...remaining, ...actual], new Set());
      actual.push(name);
      // Add() puts a sheet before the active one; after the last is where Office.js puts it.
      const last = wb.Worksheets.Item(wb.Worksheets.Count);
      const ws = wb.Worksheets.Add(undefined, last);
      ws.Name = name;
      made.set(sheet.name, ws);
      writeCells(ws, sheet.cells, () => true);
      writeWidths(ws, sheet.widths);
      writeCharts(ws, sheet.charts);
    }
  }
  onProgress?.(0.5);
  for (const plan of plans) {
    for (const n of plan.names) {
      const ws = made.get(n.sheet) ?? findSheet(wb, n.sheet);
      wb.Names.Add(n.name, `=${absoluteRef(ws.Name, n.r, n.c)}`);
    }
  }
  for (const { plan, ws } of targets) {
    const own = new Set(plan.ownColumns);
    writeCells(ws, plan.cells, (c) => own.has(c));
    for (const c of plan.hiddenColumns ?? []) ws.Range(rangeA1(0, c, 0, c)).EntireColumn.Hidden = true;
    addFills(ws, plan);
  }
  onProgress?.(1);
}

/**
 * Row fills as conditional formats. FormatConditions.Add reads a relative formula
 * against the active cell (as in Excel's VBA), not the range's top-left: the top-left
 * cell is selected first so that `formula` means what the plan says.
 */
function addFills(ws: EtSheet, plan: WritePlan): void {
  if (plan.conditionalFormats.length === 0) return;
  ws.Activate();
  for (const f of plan.conditionalFormats) {
    ws.Range(rangeA1(f.r0, f.c0, f.r0, f.c0)).Select();
    const rule = ws.Range(rangeA1(f.r0, f.c0, f.r1, f.c1)).FormatConditions.Add(XL.expression, undefined, `=${f.formula}`);
    rule.Interior.Color = bgr(FILL_COLORS[f.fill]);
  }
}
