/**
 * Matching this period's projects with last period's: by code when both rows have
 * one, else by name (noise, spaces, script and case aside). Each previous project
 * matches at most once. Shared by the three cross-period rules, so computed once
 * per pair of ledgers.
 */
import type { Ledger, Project } from '../types';
import { codeKey, nameKey } from './text-clean';

export interface PreviousMatch {
  /** For each current project (same order), its previous counterpart or null. */
  matched: (Project | null)[];
  /** Previous projects no current project matched, in row order. */
  removed: Project[];
}

const cache = new WeakMap<Ledger, WeakMap<Ledger, PreviousMatch>>();

/** First index of each key; keys that are null are left out. */
function indexByKey(keys: (string | null)[]): Map<string, number> {
  const index = new Map<string, number>();
  keys.forEach((k, i) => {
    if (k !== null && k !== '' && !index.has(k)) index.set(k, i);
  });
  return index;
}

export function matchPrevious(current: Ledger, previous: Ledger): PreviousMatch {
  let inner = cache.get(current);
  const hit = inner?.get(previous);
  if (hit) return hit;
  const prev = previous.projects;
  const prevCodes = prev.map((p) => codeKey(p.code));
  const byCode = indexByKey(prevCodes);
  // Names are keyed only when some project needs them: with codes throughout, none does.
  let byName: Map<string, number> | null = null;
  const used = new Uint8Array(prev.length);
  const matched = current.projects.map((p) => {
    const code = codeKey(p.code);
    let at = code !== null ? byCode.get(code) : undefined;
    if (at === undefined || used[at]) {
      byName ??= indexByKey(prev.map((q) => nameKey(q.name)));
      const byNameAt = byName.get(nameKey(p.name));
      // A name match across two different codes would join two distinct projects.
      at = byNameAt !== undefined && (code === null || prevCodes[byNameAt] === null) ? byNameAt : undefined;
    }
    if (at === undefined || used[at]) return null;
    used[at] = 1;
    return prev[at];
  });
  const removed = prev.filter((_, i) => !used[i]);
  const result = { matched, removed };
  if (!inner) {
    inner = new WeakMap();
    cache.set(current, inner);
  }
  inner.set(previous, result);
  return result;
}
