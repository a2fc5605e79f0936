/**
 * duplicate-project: the same project twice in the sheet. Projects with a code are
 * matched by code; projects without one by their name (spaces, noise, script and
 * case aside). The issue sits on the second occurrence and names the first row.
 */
import type { RawIssue } from '../types';
import { columnOf, issue } from './cells';
import { codeKey, nameKey } from './text-clean';
import type { Rule } from './rule';

export const duplicateProject: Rule = ({ header, ledger }) => {
  const out: RawIssue[] = [];
  const codeCol = columnOf(header, 'code');
  const nameCol = columnOf(header, 'name');
  const n = ledger.projects.length;
  // A project is compared by code when it has one, else by name; '' = not compared.
  const byCode = new Uint8Array(n);
  const keys = ledger.projects.map((p, i) => {
    const code = codeCol === undefined ? null : codeKey(p.code);
    if (code !== null) {
      byCode[i] = 1;
      return code;
    }
    return nameCol === undefined ? '' : nameKey(p.name);
  });
  // One set insertion per project finds the repeats; only they need their first row.
  const seen = [new Set<string>(), new Set<string>()];
  const repeated: number[] = [];
  keys.forEach((k, i) => {
    if (k === '') return;
    const set = seen[byCode[i]];
    const before = set.size;
    set.add(k);
    if (set.size === before) repeated.push(i);
  });
  if (!repeated.length) return out;
  const firstRow = [new Map<string, number>(), new Map<string, number>()];
  for (const i of repeated) firstRow[byCode[i]].set(keys[i], -1);
  keys.forEach((k, i) => {
    const first = firstRow[byCode[i]];
    if (first.get(k) === -1) first.set(k, ledger.projects[i].r);
  });
  for (const i of repeated) {
    const p = ledger.projects[i];
    const code = byCode[i] === 1;
    out.push(issue('duplicate-project', 'error', p.r, (code ? codeCol : nameCol) as number, {
      by: code ? 'code' : 'name',
      key: code ? p.code : p.name,
      firstRow: (firstRow[byCode[i]].get(keys[i]) as number) + 1,
    }));
  }
  return out;
};
