/// <reference types="office-js" />
/**
 * 添加输入检查 inside Excel: the core's input rules (core/input-rules.ts) set range by range
 * through Range.dataValidation (ExcelApi 1.8). Values are never written. Two syncs whatever the
 * sheet's length: one reads what validation each range has, one sets the rules (more only when
 * the payload budget says so). A range that has a rule of the user's keeps it; a range with the
 * tool's rule from an earlier run (known by its prompt title) gets the new one.
 */
import { ruleAreas, serialToIso, listItems } from '../core/input-rules';
import { TEMPLATE_PROMPT_TITLES, type InputRule } from '../core/template';
import type { InputCheck } from '../core/input-rules';
import type { InputRulesOutcome, Progress } from '../taskpane/host';
import { SyncBudget } from './budget';
import { API, supports } from './features';
import { COMMAND_BYTES, jsonBytes } from './payload';

/** The rule in Office.js's terms, for one range whose top-left cell `formula1` is written for. */
export function excelRule(rule: InputRule, formula1: string): Excel.DataValidationRule {
  switch (rule.type) {
    case 'decimal':
    case 'whole': {
      const basic: Excel.BasicDataValidation = rule.operator === 'greaterThanOrEqual'
        ? { formula1: Number(formula1), operator: 'GreaterThanOrEqualTo' }
        : { formula1: Number(formula1), formula2: Number(rule.formula2), operator: 'Between' };
      return rule.type === 'decimal' ? { decimal: basic } : { wholeNumber: basic };
    }
    case 'date':
      return { date: { formula1: serialToIso(Number(formula1)), formula2: serialToIso(Number(rule.formula2)), operator: 'Between' } };
    case 'list':
      // A list typed in the rule: Office.js takes the items comma-separated, without the quotes.
      return { list: { inCellDropDown: true, source: listItems(rule)?.join(',') ?? `=${formula1}` } };
    case 'custom':
      return { custom: { formula: `=${formula1}` } };
  }
}

export async function writeValidation(context: Excel.RequestContext, checks: InputCheck[], onProgress?: Progress): Promise<InputRulesOutcome> {
  if (!supports(API.dataValidation)) return { kind: 'unsupported' };
  const targets = checks.flatMap((check) => {
    const ws = context.workbook.worksheets.getItem(check.sheet);
    return check.rules.flatMap((rule) => ruleAreas(rule).map((area) => {
      const dv = ws.getRange(area.address).dataValidation;
      dv.load('type,prompt');
      return { rule, area, dv };
    }));
  });
  await context.sync();
  onProgress?.(0.5);
  const budget = new SyncBudget(context);
  let set = 0;
  let kept = 0;
  for (const { rule, area, dv } of targets) {
    const ours = TEMPLATE_PROMPT_TITLES.includes(dv.prompt.title);
    if (dv.type !== 'None' && !ours) {
      kept++;
      continue;
    }
    const excel = excelRule(rule, area.formula1);
    const prompt: Excel.DataValidationPrompt = { showPrompt: true, title: rule.promptTitle, message: rule.prompt };
    const errorAlert: Excel.DataValidationErrorAlert = {
      showAlert: true, style: rule.errorStyle === 'stop' ? 'Stop' : 'Warning', title: rule.errorTitle, message: rule.error,
    };
    await budget.reserve(4 * COMMAND_BYTES + jsonBytes(excel) + jsonBytes(prompt) + jsonBytes(errorAlert));
    dv.clear();
    dv.rule = excel;
    dv.ignoreBlanks = true;
    dv.prompt = prompt;
    dv.errorAlert = errorAlert;
    set++;
  }
  await budget.flush();
  onProgress?.(1);
  return { kind: 'done', ranges: set, kept };
}
