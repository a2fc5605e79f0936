/**
 * Which sheets of the package are the tool's, and the names its new sheets get. A
 * sheet is the tool's only when one of the tool's defined names points into it
 * (core/tool-sheets.ts), so a user's own 汇总 or Summary is never dropped: the tool's
 * sheet goes beside it under another name.
 */
import { NAME_PREFIX } from '../../core/plan-labels';
import { pickToolSheetName, toolSheetsOf } from '../../core/tool-sheets';
import type { WritePlan } from '../../core/types';
import type { BookInfo } from '../read';

export interface ToolSheetChoice {
  /** Prefixes of the tool's defined names (empty: the plans leave names and sheets alone). */
  prefixes: string[];
  /** Sheets (lower case) of an earlier run to drop. */
  drop: Set<string>;
  /** Plan sheet name → the name it is written under. */
  actual: Map<string, string>;
}

/**
 * The tool's name prefixes: the host's, else the plans' own. Plans that carry no prefix
 * and write no names or sheets (marks only) leave the earlier run's names and sheets as
 * they are; hand-made plans that do write them default to LC_.
 */
export function toolPrefixes(plans: WritePlan[], hostPrefix: string | undefined): string[] {
  if (hostPrefix !== undefined) return [hostPrefix];
  const set = new Set<string>();
  for (const p of plans) if (p.namePrefix !== undefined) set.add(p.namePrefix);
  if (set.size === 0 && plans.some((p) => p.names.length > 0 || p.sheets.length > 0)) set.add(NAME_PREFIX);
  return [...set];
}

export function chooseToolSheets(book: BookInfo, plans: WritePlan[], hostPrefix: string | undefined): ToolSheetChoice {
  const prefixes = toolPrefixes(plans, hostPrefix);
  const refs = book.definedNames.map((n) => ({ name: n.name, ref: n.formula }));
  const owned = new Set<string>();
  for (const p of prefixes) for (const s of toolSheetsOf(refs, p)) owned.add(s);
  // A ledger sheet is never dropped, whatever points into it.
  const ledgers = new Set(plans.map((p) => p.sheet.toLowerCase()));
  const drop = new Set<string>();
  const names: string[] = [];
  for (const s of book.sheets) {
    const n = s.name.toLowerCase();
    if (owned.has(n) && !ledgers.has(n)) drop.add(n);
    else names.push(s.name);
  }
  const actual = new Map<string, string>();
  for (const plan of plans) {
    for (const sheet of plan.sheets) {
      const name = pickToolSheetName(sheet.name, names, new Set());
      names.push(name);
      actual.set(sheet.name, name);
    }
  }
  return { prefixes, drop, actual };
}
