/**
 * duplicate-across-files: on a merged city sheet, the same project from two files — by code,
 * else by name and county (two counties may each have a 污水处理厂). Both rows stay counted,
 * as the files give them; the warning, on the second row, names both sources (file, sheet,
 * row) so the city can ask which county reports it. Rows of one file are duplicate-project's.
 */
import type { RawIssue } from '../types';
import { columnOf, issue } from './cells';
import { mergeSources } from './merge-sources';
import { codeKey, nameKey } from './text-clean';
import type { Rule } from './rule';

export const duplicateAcrossFiles: Rule = (ctx) => {
  const sources = mergeSources(ctx);
  if (!sources) return [];
  const { header, ledger } = ctx;
  const codeCol = columnOf(header, 'code');
  const nameCol = columnOf(header, 'name');
  const out: RawIssue[] = [];
  const first = new Map<string, number>();
  ledger.projects.forEach((p, i) => {
    const here = sources[i];
    if (!here) return;
    const code = codeCol === undefined ? null : codeKey(p.code);
    const name = nameKey(p.name);
    if (code === null && name === '') return;
    const key = code !== null ? `code\u0000${code}` : `name\u0000${name}\u0000${nameKey(p.group)}`;
    const at = first.get(key);
    if (at === undefined) {
      first.set(key, i);
      return;
    }
    const there = sources[at];
    if (!there || there.file === here.file) return;
    const by = code !== null ? 'code' : 'name';
    out.push(issue('duplicate-across-files', 'warning', p.r, (by === 'code' ? codeCol : nameCol) ?? nameCol ?? 0, {
      by,
      key: by === 'code' ? p.code : p.name,
      county: p.group,
      file: here.file, sheet: here.sheet, row: here.row,
      firstFile: there.file, firstSheet: there.sheet, firstRow: there.row,
      firstMergedRow: ledger.projects[at].r + 1,
    }));
  });
  return out;
};
