/**
 * Which part of a check's plans the page writes, and the plans as the page holds them.
 * Shared by the page (web-host.ts) and the worker (handle.ts), so both stay light.
 */
import type { InputRule } from '../core/template';
import type { WritePlan } from '../core/types';

export interface Written {
  columns: boolean;
  marks: boolean;
}

/**
 * The part of a plan to write: columns (cells, fills, tool sheets, names) and/or
 * marks. With both, the plan as the command writes it.
 */
export function planPart(plan: WritePlan, written: Written): WritePlan {
  if (written.columns && written.marks) return plan;
  if (written.columns) return { ...plan, marks: [] };
  // Marks only: the earlier run's columns, sheets and names are left as they are.
  return {
    ...plan, ownColumns: [], cells: [], names: [], conditionalFormats: [], sheets: [],
    hiddenColumns: [], replaceSheets: [], namePrefix: undefined,
  };
}

/**
 * A check's plans as they cross to the page: without their cells. The cells are the
 * computed columns' values and formulas, nearly all of a plan's size (about 100 MB of a
 * 10,000-row ledger's, against 1 MB for the rest), and only writing needs them; the
 * worker keeps the whole plans and writes the copy from those (`write` with `lastCheck`).
 */
export function withoutCells(plans: readonly WritePlan[]): WritePlan[] {
  return plans.map((p) => ({ ...p, cells: [] }));
}

/**
 * A plan as the copy on offer writes it: the part `written` names, and the input rules of
 * 添加输入检查 for its sheet when there are any. Nothing written yet (or all removed): the
 * copy carries the input rules alone.
 */
export function copyPart(plan: WritePlan, written: Written, inputRules: InputRule[] | undefined): WritePlan {
  const part = written.columns || written.marks ? planPart(plan, written) : { ...planPart(plan, { columns: false, marks: true }), marks: [] };
  return inputRules?.length ? { ...part, inputRules } : part;
}
