/// <reference types="office-js" />
/**
 * How the tool recognises what it added to a workbook, so that a re-run replaces
 * it and "remove" takes it all away without touching the user's own things:
 * conditional formats whose formula names the tool's `LC_` names (row fills) or is
 * the mark rule, notes and comments that start with the marker, its sheets and names.
 */
import { NAME_PREFIX } from '../core/plan-labels';
import type { Lang, Severity, WritePlan } from '../core/types';

/** Always-true rules for marks; the text literal is how we know them again. */
export const MARK_RULES: Record<'error' | 'warning', string> = {
  error: '=ISTEXT("LC_MARK_ERROR")',
  warning: '=ISTEXT("LC_MARK_WARNING")',
};

export const MARK_STYLE: Record<'error' | 'warning', { fill: string; border: string }> = {
  error: { fill: '#F4B084', border: '#C00000' },
  warning: { fill: '#FCE4D6', border: '#ED7D31' },
};

export const FILL_COLORS: Record<'red' | 'yellow', string> = { red: '#F8CBAD', yellow: '#FFE699' };

/** The start of every note or comment the tool writes. */
export const NOTE_MARKERS: Record<Lang, string> = {
  'zh-CN': '【台账检查】',
  'zh-TW': '【台賬檢查】',
  en: '[Ledger check] ',
};
const ALL_MARKERS = Object.values(NOTE_MARKERS).map((m) => m.trim());

export function markRule(severity: Severity): string {
  return severity === 'error' ? MARK_RULES.error : MARK_RULES.warning;
}

export function isMarkRule(formula: string): boolean {
  return formula.includes('"LC_MARK_');
}

/** A formula that names one of the tool's defined names (`LC_LagAlert`), not a look-alike inside a longer name. */
export function namesTool(formula: string, prefix: string): boolean {
  const f = formula.toUpperCase();
  const p = prefix.toUpperCase();
  for (let i = f.indexOf(p); i >= 0; i = f.indexOf(p, i + 1)) {
    const before = i === 0 ? '' : f[i - 1];
    if (!/[A-Z0-9_.]/.test(before)) return true;
  }
  return false;
}

export function isToolNote(text: string | null | undefined): boolean {
  if (!text) return false;
  const t = text.trimStart();
  return ALL_MARKERS.some((m) => t.startsWith(m));
}

export function prefixesOf(plans: WritePlan[]): string[] {
  const set = new Set(plans.map((p) => p.namePrefix ?? NAME_PREFIX));
  return [...set];
}

/** Queues the load of a sheet's conditional formats with what tells ours apart. */
export function loadRules(ws: Excel.Worksheet): Excel.ConditionalFormatCollection {
  return ws.getRange().conditionalFormats.load('items/type,items/customOrNullObject/rule/formula');
}

/** After the sync: the tool's rules among them, fills (`LC_` names) and/or marks. */
export function toolRules(
  rules: Excel.ConditionalFormatCollection,
  which: { fills: boolean; marks: boolean },
  prefixes: string[],
): Excel.ConditionalFormat[] {
  return rules.items.filter((cf) => {
    if (cf.type !== 'Custom' || cf.customOrNullObject.isNullObject) return false;
    const f = cf.customOrNullObject.rule.formula ?? '';
    if (isMarkRule(f)) return which.marks;
    return which.fills && prefixes.some((p) => namesTool(f, p));
  });
}
