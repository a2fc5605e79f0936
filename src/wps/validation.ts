/**
 * 添加输入检查 inside WPS 表格: the core's input rules set range by range with
 * Range.Validation.Add(Type, AlertStyle, Operator, Formula1, Formula2), as in Excel's VBA.
 * Values are never written. A range with a rule of the user's keeps it; one with the tool's
 * rule of an earlier run (known by its input title) gets the new one. The code's custom
 * formula is relative, so, as for the row fills, the range's top-left cell is selected first:
 * WPS reads a relative formula against the active cell.
 */
import { fromA1 } from '../core/grid';
import { listItems, ruleAreas, type InputCheck } from '../core/input-rules';
import { TEMPLATE_PROMPT_TITLES, type InputRule } from '../core/template';
import type { InputRulesOutcome, Progress } from '../taskpane/host';
import { rangeA1 } from './a1';
import { XL_DV, type EtValidation, type EtWorkbook } from './et';
import { findSheet } from './sheets';

/** Validation.Add's arguments for a rule on one range. */
export function wpsRule(rule: InputRule, formula1: string): [number, number, number | undefined, string, string | undefined] {
  const alert = rule.errorStyle === 'stop' ? XL_DV.alertStop : XL_DV.alertWarning;
  const op = rule.operator === 'greaterThanOrEqual' ? XL_DV.greaterEqual : XL_DV.between;
  switch (rule.type) {
    case 'whole': return [XL_DV.whole, alert, op, formula1, rule.formula2];
    case 'decimal': return [XL_DV.decimal, alert, op, formula1, rule.formula2];
    // Dates go as their serials: the bound reads the same whatever the system's date order.
    case 'date': return [XL_DV.date, alert, op, formula1, rule.formula2];
    case 'list': return [XL_DV.list, alert, undefined, listItems(rule)?.join(',') ?? `=${formula1}`, undefined];
    case 'custom': return [XL_DV.custom, alert, undefined, `=${formula1}`, undefined];
  }
}

/** The range's rule type, or null where it has none (VBA throws on reading it then). */
function ruleType(v: EtValidation): number | null {
  try {
    return v.Type;
  } catch {
    return null;
  }
}

export function writeValidation(wb: EtWorkbook, checks: InputCheck[], onProgress?: Progress): InputRulesOutcome {
  let ranges = 0;
  let kept = 0;
  checks.forEach((check, k) => {
    const ws = findSheet(wb, check.sheet);
    let active = false;
    for (const rule of check.rules) {
      for (const area of ruleAreas(rule)) {
        const range = ws.Range(area.address);
        const v = range.Validation;
        if (!v) continue;
        if (ruleType(v) !== null && !TEMPLATE_PROMPT_TITLES.includes(v.InputTitle)) {
          kept++;
          continue;
        }
        if (rule.type === 'custom') {
          if (!active) ws.Activate();
          active = true;
          const at = fromA1(area.address.split(':')[0])!;
          ws.Range(rangeA1(at.r, at.c, at.r, at.c)).Select();
        }
        v.Delete();
        v.Add(...wpsRule(rule, area.formula1));
        v.IgnoreBlank = true;
        v.InCellDropdown = true;
        v.InputTitle = rule.promptTitle;
        v.InputMessage = rule.prompt;
        v.ErrorTitle = rule.errorTitle;
        v.ErrorMessage = rule.error;
        v.ShowInput = true;
        v.ShowError = true;
        ranges++;
      }
    }
    onProgress?.((k + 1) / checks.length);
  });
  return { kind: 'done', ranges, kept };
}

/** Whether this WPS build has Range.Validation (asked on a cell of the first ledger sheet). */
export function hasValidation(wb: EtWorkbook, checks: InputCheck[]): boolean {
  const first = checks.find((c) => c.rules.length);
  if (!first) return true;
  try {
    return findSheet(wb, first.sheet).Range('A1').Validation !== undefined;
  } catch {
    return false;
  }
}
