/**
 * text-noise: stray spaces, invisible characters, pinyin glosses inside words
 * (`發(fā)展`) and full-width letters or digits in the text cells of project rows.
 * Info: the figures are not affected; the fix is the tidied text.
 */
import type { Field, RawIssue } from '../types';
import { columnOf, issue } from './cells';
import { tidyText } from '../text';
import { noiseOf } from './text-clean';
import type { Rule } from './rule';

const TEXT_FIELDS: readonly Field[] = [
  'name', 'code', 'group', 'responsibleUnit', 'leader', 'nature', 'status', 'scope', 'progressText', 'problems', 'remarks',
];
const PROSE: ReadonlySet<Field> = new Set<Field>(['scope', 'progressText', 'problems', 'remarks']);

export const textNoise: Rule = ({ grid, header, ledger }) => {
  const out: RawIssue[] = [];
  const cols: { field: Field; c: number; prose: boolean }[] = [];
  for (const field of TEXT_FIELDS) {
    const c = columnOf(header, field);
    if (c !== undefined) cols.push({ field, c, prose: PROSE.has(field) });
  }
  // Columns such as the county or the status repeat one value down many rows:
  // the last clean value of each column is not looked at again.
  const lastClean: (string | null)[] = cols.map(() => null);
  const projects = ledger.projects;
  for (let i = 0; i < projects.length; i++) {
    const p = projects[i];
    const cells = grid.values[p.r];
    if (!cells) continue;
    for (let k = 0; k < cols.length; k++) {
      const { field, c, prose } = cols[k];
      const v = cells[c];
      if (typeof v !== 'string' || v === '' || v === lastClean[k]) continue;
      const kinds = noiseOf(v, prose);
      if (!kinds.length) {
        lastClean[k] = v;
        continue;
      }
      const cleaned = tidyText(v);
      out.push(issue('text-noise', 'info', p.r, c, { field, problems: kinds.join(','), value: v, cleaned }, cleaned));
    }
  }
  return out;
};
