/**
 * Which sheets are the tool's. A sheet is the tool's only when one of the tool's
 * defined names (LC_…) points into it: a user's own sheet that happens to be called
 * 汇总 or Summary is never replaced or deleted, and the tool writes beside it.
 */

/** The sheet a defined name's reference points into (`='问题 清单'!$A$1` → `问题 清单`). */
export function sheetOfReference(ref: string): string | null {
  const f = ref.trim().replace(/^=/, '');
  const quoted = /^'((?:[^']|'')+)'!/.exec(f);
  if (quoted) return quoted[1].replace(/''/g, "'");
  const bare = /^([^!'"#]+)!/.exec(f);
  return bare ? bare[1] : null;
}

/** Sheets (lower-cased names) that the tool's names point into. */
export function toolSheetsOf(names: { name: string; ref: string }[], prefix: string): Set<string> {
  const out = new Set<string>();
  const p = prefix.toLowerCase();
  for (const n of names) {
    if (!n.name.toLowerCase().startsWith(p)) continue;
    const sheet = sheetOfReference(n.ref);
    if (sheet) out.add(sheet.toLowerCase());
  }
  return out;
}

/**
 * The name a tool sheet gets: the wanted one when it is free or already the tool's,
 * else the wanted one with a suffix, so the user's sheet stays. Excel limits sheet
 * names to 31 characters and compares them without case.
 */
export function pickToolSheetName(wanted: string, existing: Iterable<string>, toolSheets: Set<string>, suffix = '（台账检查）'): string {
  const taken = new Set<string>();
  for (const e of existing) {
    const n = e.toLowerCase();
    if (!toolSheets.has(n)) taken.add(n);
  }
  if (!taken.has(wanted.toLowerCase())) return wanted;
  // A workbook holds at most a few hundred sheets, so a free number is always found.
  for (let i = 1; ; i++) {
    const tail = `${suffix}${i > 1 ? i : ''}`;
    const candidate = `${wanted.slice(0, 31 - tail.length)}${tail}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}
