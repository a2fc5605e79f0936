/**
 * Matching this period's projects with last period's: by code when both rows have
 * one, else by name (noise, spaces, script and case aside). Each previous project
 * matches at most once. Shared by the three cross-period rules, so computed once
 * per pair of ledgers.
 */
import type { Ledger, Project } from '../types';
import { codeIndex, nameIndex, type KeyIndex } from './project-keys';

export interface PreviousMatch {
  /** For each current project (same order), the index of its previous counterpart, or -1. */
  matched: Int32Array;
  /** Previous projects no current project matched, in row order. */
  removed: Project[];
}

const cache = new WeakMap<Ledger, WeakMap<Ledger, PreviousMatch>>();

export function matchPrevious(current: Ledger, previous: Ledger): PreviousMatch {
  let inner = cache.get(current);
  const hit = inner?.get(previous);
  if (hit) return hit;
  const prev = previous.projects;
  const prevCodes = codeIndex(previous);
  const codes = codeIndex(current).keys;
  const used = new Uint8Array(prev.length);
  // Month to month a ledger mostly keeps its rows and their order: try the next
  // previous row first, and hash only for the rows that moved, came or went.
  let next = 0;
  const byKey = (index: KeyIndex, key: string | null): number | undefined => (key === null ? undefined : index.first().get(key));
  const matched = new Int32Array(current.projects.length).fill(-1);
  for (let i = 0; i < matched.length; i++) {
    const code = codes[i];
    let at: number | undefined;
    if (code !== null && next < prev.length && prevCodes.keys[next] === code && !used[next]) at = next;
    else at = byKey(prevCodes, code);
    if (at === undefined || used[at]) {
      const byName = byKey(nameIndex(previous), nameIndex(current).keys[i]);
      // A name match across two different codes would join two distinct projects.
      at = byName !== undefined && (code === null || prevCodes.keys[byName] === null) ? byName : undefined;
    }
    if (at === undefined || used[at]) continue;
    used[at] = 1;
    next = at + 1;
    matched[i] = at;
  }
  const removed = prev.filter((_, i) => !used[i]);
  const result = { matched, removed };
  if (!inner) {
    inner = new WeakMap();
    cache.set(current, inner);
  }
  inner.set(previous, result);
  return result;
}
