/**
 * duplicate-project: the same project twice in the sheet. Projects with a code are
 * matched by code; projects without one by their name (spaces, noise, script and
 * case aside). The issue sits on the second occurrence and names the first row.
 * On a merged city sheet, a name is a project only within its county (names are matched
 * with the group), and a pair from two files is duplicate-across-files' warning instead.
 */
import type { RawIssue } from '../types';
import { columnOf, issue } from './cells';
import { mergeSources } from './merge-sources';
import { codeIndex, nameIndex } from './project-keys';
import { nameKey } from './text-clean';
import type { Rule } from './rule';

export const duplicateProject: Rule = (ctx) => {
  const { header, ledger } = ctx;
  const out: RawIssue[] = [];
  const codeCol = columnOf(header, 'code');
  const nameCol = columnOf(header, 'name');
  const projects = ledger.projects;
  const codes = codeCol === undefined ? null : codeIndex(ledger);
  const sources = mergeSources(ctx);
  const acrossFiles = (i: number, j: number): boolean =>
    sources !== null && sources[i] !== null && sources[j] !== null && sources[i]?.file !== sources[j]?.file;
  if (codes && codeCol !== undefined && codes.repeats()) {
    codes.keys.forEach((k, i) => {
      const first = k === null ? i : (codes.first().get(k) as number);
      if (first === i || acrossFiles(first, i)) return;
      out.push(issue('duplicate-project', 'error', projects[i].r, codeCol, { by: 'code', key: projects[i].code, firstRow: projects[first].r + 1 }));
    });
  }
  if (nameCol === undefined || (codes && codes.distinct() === projects.length)) return out;
  // Names only among the projects without a code. With codes, those are few: their
  // names alone are reduced to keys (the dearest step), not every project's.
  const names = codes ? null : nameIndex(ledger).keys;
  const firstByName = new Map<string, number>();
  for (let i = 0; i < projects.length; i++) {
    let k: string | null;
    if (names) k = names[i];
    else if (codes && codes.keys[i] === null) k = nameKey(projects[i].name);
    else continue;
    if (k === null || k === '') continue;
    if (sources) k = `${k}\u0000${nameKey(projects[i].group)}`;
    const first = firstByName.get(k);
    if (first === undefined) firstByName.set(k, i);
    else if (!acrossFiles(first, i)) out.push(issue('duplicate-project', 'error', projects[i].r, nameCol, { by: 'name', key: projects[i].name, firstRow: projects[first].r + 1 }));
  }
  return out;
};
