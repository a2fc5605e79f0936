/**
 * Each project's code and name keys, and the first project of each key, per ledger:
 * what duplicate-project and the cross-period matching both need, computed once.
 * Maps are built on demand: hashing 100,000 keys is the dearest step of the rules.
 */
import type { Ledger } from '../types';
import { codeKey, nameKey } from './text-clean';
import { i32Scratch } from '../scratch';

export interface KeyIndex {
  /** Per project (ledger order): its key, or null when it has none. */
  keys: (string | null)[];
  /** Key → index of the first project with it (built on first use). */
  first(): Map<string, number>;
  /** How many different keys there are (null aside). */
  distinct(): number;
  /** True when some key occurs twice. */
  repeats(): boolean;
}

/** FNV-1a over the UTF-16 code units. */
function hashOf(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

// The open-addressing table's arrays, taken again by the next count.
const SLOTS = i32Scratch();
const HASHES = i32Scratch();

/**
 * The number of different keys, by open addressing in typed arrays: keys are mostly
 * distinct, and a Map of them all would be built only to learn that.
 */
function countDistinct(keys: readonly (string | null)[]): number {
  let size = 1024;
  while (size < 2 * keys.length) size *= 2;
  const mask = size - 1;
  const slots = SLOTS.take(size, -1);
  const hashes = HASHES.take(size);
  let distinct = 0;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (k === null) continue;
    const h = hashOf(k);
    let pos = h & mask;
    let seen = false;
    for (let at = slots[pos]; at !== -1; at = slots[pos]) {
      if (hashes[pos] === h && keys[at] === k) {
        seen = true;
        break;
      }
      pos = (pos + 1) & mask;
    }
    if (seen) continue;
    slots[pos] = i;
    hashes[pos] = h;
    distinct++;
  }
  return distinct;
}

function indexOf(keys: (string | null)[]): KeyIndex {
  let first: Map<string, number> | null = null;
  let distinct = -1;
  let count = 0;
  for (let i = 0; i < keys.length; i++) if (keys[i] !== null) count++;
  const build = (): Map<string, number> => {
    if (first) return first;
    first = new Map();
    // Backwards, so the last write of each key is its first project: one map operation per key.
    for (let i = keys.length - 1; i >= 0; i--) {
      const k = keys[i];
      if (k !== null) first.set(k, i);
    }
    return first;
  };
  const distinctKeys = (): number => {
    if (distinct < 0) distinct = first ? first.size : countDistinct(keys);
    return distinct;
  };
  return { keys, first: build, distinct: distinctKeys, repeats: () => distinctKeys() < count };
}

const codeCache = new WeakMap<Ledger, KeyIndex>();
const nameCache = new WeakMap<Ledger, KeyIndex>();

export function codeIndex(ledger: Ledger): KeyIndex {
  let index = codeCache.get(ledger);
  if (!index) {
    const projects = ledger.projects;
    const keys = new Array<string | null>(projects.length);
    for (let i = 0; i < projects.length; i++) keys[i] = codeKey(projects[i].code);
    codeCache.set(ledger, (index = indexOf(keys)));
  }
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
