/**
 * Matching this period's projects with last period's: by code when both rows have
 * one, else by name (noise, spaces and case aside). Each previous project matches
 * at most once. Shared by the three cross-period rules, so computed once per pair.
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

export function matchPrevious(current: Ledger, previous: Ledger): PreviousMatch {
  let inner = cache.get(current);
  const hit = inner?.get(previous);
  if (hit) return hit;
  const byCode = new Map<string, Project>();
  const byName = new Map<string, Project>();
  for (const p of previous.projects) {
    const code = codeKey(p.code);
    if (code !== null && !byCode.has(code)) byCode.set(code, p);
    const name = nameKey(p.name);
    if (name !== '' && !byName.has(name)) byName.set(name, p);
  }
  const used = new Set<Project>();
  const matched = current.projects.map((p) => {
    const code = codeKey(p.code);
    let prev = code !== null ? byCode.get(code) : undefined;
    if (prev === undefined || used.has(prev)) {
      const byNameHit = byName.get(nameKey(p.name));
      // A name match across different codes would join two distinct projects.
      prev = byNameHit && (code === null || codeKey(byNameHit.code) === null) ? byNameHit : undefined;
    }
    if (prev === undefined || used.has(prev)) return null;
    used.add(prev);
    return prev;
  });
  const removed = previous.projects.filter((p) => !used.has(p));
  const result = { matched, removed };
  if (!inner) {
    inner = new WeakMap();
    cache.set(current, inner);
  }
  inner.set(previous, result);
  return result;
}
