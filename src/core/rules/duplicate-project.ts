/**
 * duplicate-project: the same project twice in the sheet. Projects with a code are
 * matched by code; projects without one by their name (spaces, noise and case aside).
 * The issue sits on the second occurrence and names the first row.
 */
import type { RawIssue } from '../types';
import { columnOf, issue } from './cells';
import { codeKey, nameKey } from './text-clean';
import type { Rule } from './rule';

export const duplicateProject: Rule = ({ header, ledger }) => {
  const out: RawIssue[] = [];
  const codeCol = columnOf(header, 'code');
  const nameCol = columnOf(header, 'name');
  const firstByCode = new Map<string, number>();
  const firstByName = new Map<string, number>();
  for (const p of ledger.projects) {
    const code = codeCol === undefined ? null : codeKey(p.code);
    if (code !== null && codeCol !== undefined) {
      const first = firstByCode.get(code);
      if (first === undefined) firstByCode.set(code, p.r);
      else out.push(issue('duplicate-project', 'error', p.r, codeCol, { by: 'code', key: p.code, firstRow: first + 1 }));
      continue;
    }
    if (nameCol === undefined) continue;
    const name = nameKey(p.name);
    if (name === '') continue;
    const first = firstByName.get(name);
    if (first === undefined) firstByName.set(name, p.r);
    else out.push(issue('duplicate-project', 'error', p.r, nameCol, { by: 'name', key: p.name, firstRow: first + 1 }));
  }
  return out;
};
