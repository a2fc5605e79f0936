/**
 * The tool's conditional formats in a sheet: marks (an always-true rule over the
 * marked cells, one per severity) and row fills (rules that name the tool's LC_
 * names). Both are known again by their formula, as the Excel adapter knows them
 * (src/excel/tool-objects.ts), so a re-run replaces them and leaves the user's own.
 */
import { toA1 } from '../../core/grid';
import type { WritePlan } from '../../core/types';

/** Always-true rules; the text literal is how a later run recognises them. */
export const MARK_FORMULA: Record<'error' | 'warning', string> = {
  error: 'ISTEXT("LC_MARK_ERROR")',
  warning: 'ISTEXT("LC_MARK_WARNING")',
};

/** At most this many characters of references per block, so no list grows unwieldy. */
const MAX_SQREF = 2048;

export function isMarkRule(formula: string): boolean {
  return formula.includes('"LC_MARK_');
}

function isNameChar(ch: number): boolean {
  // A-Z a-z 0-9 _ .
  return (ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122) || (ch >= 48 && ch <= 57) || ch === 95 || ch === 46;
}

/** A formula that names one of the tool's defined names (`LC_LagAlert`), not a look-alike inside a longer name. */
export function namesTool(formula: string, prefix: string): boolean {
  const f = formula.toUpperCase();
  const p = prefix.toUpperCase();
  for (let i = f.indexOf(p); i >= 0; i = f.indexOf(p, i + 1)) {
    if (i === 0 || !isNameChar(f.charCodeAt(i - 1))) return true;
  }
  return false;
}

/**
 * The marked cells of each severity as sqref lists: vertical runs of one column are
 * merged into a range (`C3:C9`), ranges sorted by row then column, split into blocks.
 * Where one cell has several marks the strongest counts; info has no mark.
 */
export function markBlocks(marks: WritePlan['marks']): { severity: 'error' | 'warning'; sqref: string }[] {
  const strongest = new Map<string, { r: number; c: number; error: boolean }>();
  for (const m of marks) {
    if (m.severity !== 'error' && m.severity !== 'warning') continue;
    const key = `${m.r}:${m.c}`;
    const cur = strongest.get(key);
    if (!cur) strongest.set(key, { r: m.r, c: m.c, error: m.severity === 'error' });
    else if (m.severity === 'error') cur.error = true;
  }
  const out: { severity: 'error' | 'warning'; sqref: string }[] = [];
  for (const severity of ['error', 'warning'] as const) {
    const cells = [...strongest.values()].filter((x) => x.error === (severity === 'error')).sort((a, b) => a.c - b.c || a.r - b.r);
    const ranges: { r0: number; r1: number; c: number }[] = [];
    for (const x of cells) {
      const last = ranges[ranges.length - 1];
      if (last && last.c === x.c && last.r1 === x.r - 1) last.r1 = x.r;
      else ranges.push({ r0: x.r, r1: x.r, c: x.c });
    }
    ranges.sort((a, b) => a.r0 - b.r0 || a.c - b.c);
    let refs: string[] = [];
    let length = 0;
    for (const g of ranges) {
      const ref = g.r0 === g.r1 ? toA1(g.r0, g.c) : `${toA1(g.r0, g.c)}:${toA1(g.r1, g.c)}`;
      if (refs.length && length + ref.length + 1 > MAX_SQREF) {
        out.push({ severity, sqref: refs.join(' ') });
        refs = [];
        length = 0;
      }
      refs.push(ref);
      length += ref.length + 1;
    }
    if (refs.length) out.push({ severity, sqref: refs.join(' ') });
  }
  return out;
}
