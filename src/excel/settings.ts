/// <reference types="office-js" />
/**
 * The pane's settings kept in the workbook, so the next person who opens it sees
 * the same: Office's document settings (saved with saveAsync), or the workbook's
 * setting collection (ExcelApi 1.4) where document settings are missing.
 */
import { FIELDS, LANGS } from '../core/types';
import type { SavedSettings } from '../taskpane/host';

export const SETTINGS_KEY = 'ledgerCheck.settings';

export function documentSettings(): Office.Settings | null {
  try {
    return typeof Office !== 'undefined' && Office.context?.document?.settings ? Office.context.document.settings : null;
  } catch {
    return null;
  }
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStr = (v: unknown): v is string => typeof v === 'string';

/** Keeps what is well-formed, drops the rest: a hand-edited or older value never breaks the pane. */
export function parseSettings(raw: unknown): SavedSettings | null {
  let v: unknown = raw;
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v);
    } catch {
      return null;
    }
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return null;
  const o = v as Record<string, unknown>;
  const out: SavedSettings = {};
  if (isStr(o.asOf) && /^\d{4}-\d{2}-\d{2}$/.test(o.asOf)) out.asOf = o.asOf;
  if (o.timeBasis === 'month' || o.timeBasis === 'day') out.timeBasis = o.timeBasis;
  if (LANGS.includes(o.lang as never)) out.lang = o.lang as SavedSettings['lang'];
  if (FIELDS.includes(o.groupBy as never)) out.groupBy = o.groupBy as SavedSettings['groupBy'];
  if (isNum(o.groupLevel) && Number.isInteger(o.groupLevel) && o.groupLevel >= 1 && o.groupLevel <= 9) out.groupLevel = o.groupLevel;
  if (o.rankMethod === 'competition' || o.rankMethod === 'dense') out.rankMethod = o.rankMethod;
  if (isNum(o.lagWarn)) out.lagWarn = o.lagWarn;
  if (isNum(o.lagAlert)) out.lagAlert = o.lagAlert;
  if (o.startRateBase === 'all' || o.startRateBase === 'planned') out.startRateBase = o.startRateBase;
  if (typeof o.columnOverrides === 'object' && o.columnOverrides !== null) {
    const overrides: NonNullable<SavedSettings['columnOverrides']> = {};
    for (const [k, c] of Object.entries(o.columnOverrides as Record<string, unknown>)) {
      if (FIELDS.includes(k as never) && isNum(c) && Number.isInteger(c) && c >= -1) overrides[k as keyof typeof overrides] = c;
    }
    out.columnOverrides = overrides;
  }
  if (Array.isArray(o.indicators)) {
    out.indicators = o.indicators
      .filter((x): x is { name: string; expression: string } => typeof x === 'object' && x !== null && isStr(x.name) && isStr(x.expression))
      .map((x) => ({ name: x.name, expression: x.expression }));
  }
  return out;
}

/** Saves through document settings; resolves when Office says the save succeeded. */
export function saveToDocument(settings: Office.Settings, value: SavedSettings): Promise<void> {
  settings.set(SETTINGS_KEY, JSON.stringify(value));
  return new Promise((resolve, reject) => {
    settings.saveAsync((result) => {
      if (result.status === Office.AsyncResultStatus.Succeeded) resolve();
      else reject(result.error ?? new Error('saveAsync failed'));
    });
  });
}

export async function loadFromWorkbook(context: Excel.RequestContext): Promise<SavedSettings | null> {
  const item = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY).load('value');
  await context.sync();
  return item.isNullObject ? null : parseSettings(item.value);
}

export async function saveToWorkbook(context: Excel.RequestContext, value: SavedSettings): Promise<void> {
  context.workbook.settings.add(SETTINGS_KEY, JSON.stringify(value));
  await context.sync();
}
