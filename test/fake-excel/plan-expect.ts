/**
 * What the fake workbook must hold after a host wrote plan cells, written out
 * independently of the adapter: a formula as a formula, text as the same text
 * (never turned into a number or date), a link as a HYPERLINK formula.
 */
import { isCellError, toA1 } from '../../src/core/grid';
import type { PlanCell } from '../../src/core/types';
import type { FakeCell, SheetSnapshot } from './model';

export function expectedCell(p: PlanCell): FakeCell {
  const cell: FakeCell = {};
  if (p.formula) cell.formula = p.formula;
  else if (p.link) cell.formula = `HYPERLINK("#${p.link.replace(/"/g, '""')}","${String(p.value).replace(/"/g, '""')}")`;
  else if (isCellError(p.value)) cell.value = { error: p.value.error };
  else if (p.value !== null && p.value !== '') cell.value = p.value;
  if (p.numFmt) cell.numFmt = p.numFmt;
  if (p.bold) cell.bold = true;
  return cell;
}

/** Snapshot cells keyed by address. */
export function cellMap(s: SheetSnapshot): Map<string, FakeCell> {
  return new Map(s.cells);
}

/** The expected cells of a plan, keyed by address. */
export function expectedCells(cells: PlanCell[]): Map<string, FakeCell> {
  return new Map(cells.map((p) => [toA1(p.r, p.c), expectedCell(p)]).filter(([, c]) => Object.keys(c).length > 0) as [string, FakeCell][]);
}
