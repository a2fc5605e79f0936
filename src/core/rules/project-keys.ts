/**
 * Each project's code and name keys, and the first project of each key, per ledger:
 * what duplicate-project and the cross-period matching both need, computed once.
 * Maps are built on demand: hashing 100,000 keys is the dearest step of the rules.
 */
import type { Ledger } from '../types';
import { codeKey, nameKey } from './text-clean';

export interface KeyIndex {
  /** Per project (ledger order): its key, or null when it has none. */
  keys: (string | null)[];
  /** Key → index of the first project with it (built on first use). */
  first(): Map<string, number>;
  /** True when some key occurs twice. */
  repeats(): boolean;
}

function indexOf(keys: (string | null)[]): KeyIndex {
  let first: Map<string, number> | null = null;
  let count = 0;
  const build = (): Map<string, number> => {
    if (first) return first;
    first = new Map();
    // Backwards, so the last write of each key is its first project: one map operation per key.
    for (let i = keys.length - 1; i >= 0; i--) {
      const k = keys[i];
      if (k === null) continue;
      first.set(k, i);
      count++;
    }
    return first;
  };
  return { keys, first: build, repeats: () => build().size < count };
}

const codeCache = new WeakMap<Ledger, KeyIndex>();
const nameCache = new WeakMap<Ledger, KeyIndex>();

export function codeIndex(ledger: Ledger): KeyIndex {
  let index = codeCache.get(ledger);
  if (!index) codeCache.set(ledger, (index = indexOf(ledger.projects.map((p) => codeKey(p.code)))));
  return index;
}

export function nameIndex(ledger: Ledger): KeyIndex {
  let index = nameCache.get(ledger);
  if (!index) {
    index = indexOf(ledger.projects.map((p) => {
      const k = nameKey(p.name);
      return k === '' ? null : k;
    }));
    nameCache.set(ledger, index);
  }
  return index;
}
