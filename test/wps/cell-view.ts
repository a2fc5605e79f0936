/**
 * A workbook as the user sees it, cell by cell: values, formulas, formats, notes,
 * and per cell the conditional formats that apply, in priority order. Two hosts
 * may group the same marks into rules differently (Office.js RangeAreas of 150
 * cells, WPS addresses of 255 characters); a cell does not see the grouping.
 */
import { key } from '../fake-excel/model';
import type { FakeWorkbook } from '../fake-excel/model';

export interface CellView {
  sheets: string[];
  names: { name: string; formula: string }[];
  perSheet: Record<string, {
    cells: Map<number, string>;
    rules: Map<number, string[]>;
    notes: Map<number, string>;
    merges: string[];
    hiddenRows: number[];
    hiddenCols: number[];
    colWidths: [number, number][];
  }>;
}

export function cellView(wb: FakeWorkbook): CellView {
  const snap = wb.snapshot();
  const view: CellView = { sheets: snap.sheets.map((s) => s.name), names: snap.names, perSheet: {} };
  for (const s of wb.sheets) {
    const cells = new Map<number, string>();
    for (const [k, cell] of s.cells) if (Object.keys(cell).length) cells.set(k, JSON.stringify(cell, Object.keys(cell).sort()));
    const rules = new Map<number, string[]>();
    for (const cf of s.cfs) {
      const label = JSON.stringify([cf.type, cf.formula, cf.fill, cf.borders.EdgeTop, cf.borders.EdgeBottom, cf.borders.EdgeLeft, cf.borders.EdgeRight]);
      for (const a of cf.areas) {
        for (let r = a.r0; r <= a.r1; r++) {
          for (let c = a.c0; c <= a.c1; c++) {
            const list = rules.get(key(r, c));
            if (list) list.push(label);
            else rules.set(key(r, c), [label]);
          }
        }
      }
    }
    const shot = snap.sheets.find((x) => x.name === s.name);
    view.perSheet[s.name] = {
      cells,
      rules,
      notes: new Map(s.notes),
      merges: shot?.merges ?? [],
      hiddenRows: shot?.hiddenRows ?? [],
      hiddenCols: shot?.hiddenCols ?? [],
      colWidths: shot?.colWidths ?? [],
    };
  }
  return view;
}
