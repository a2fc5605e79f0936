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
  for (const p of ledger.projects) {
    const cells = grid.values[p.r];
    if (!cells) continue;
    for (const { field, c, prose } of cols) {
      const v = cells[c];
      if (typeof v !== 'string' || v === '') continue;
      const kinds = noiseOf(v, prose);
      if (!kinds.length) continue;
      const cleaned = tidyText(v);
      out.push(issue('text-noise', 'info', p.r, c, { field, problems: kinds.join(','), value: v, cleaned }, cleaned));
    }
  }
  return out;
};
