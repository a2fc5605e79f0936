/**
 * text-noise: stray spaces, invisible characters, pinyin glosses inside words
 * (`發(fā)展`) and full-width letters or digits in the text cells of project rows.
 * Info: the figures are not affected; the fix is the tidied text. Cells whose only
 * noise is a run of blanks between two parts of a column of two parts (a `gap`:
 * `市本级建设单位    负责人1` under `建设单位及责任人`, a layout repeated row after row)
 * are said once per column, with the count, the fix keeping one space.
 */
import type { Field, RawIssue } from '../types';
import { addToFinding, columnOf, findingParams, issue, type ColumnFinding } from './cells';
import { isPartedHeader, tidyText } from '../text';
import { noiseOf } from './text-clean';
import type { Rule } from './rule';

const TEXT_FIELDS: readonly Field[] = [
  'name', 'code', 'group', 'responsibleUnit', 'leader', 'nature', 'status', 'scope', 'progressText', 'problems', 'remarks',
];
const PROSE: ReadonlySet<Field> = new Set<Field>(['scope', 'progressText', 'problems', 'remarks']);

export const textNoise: Rule = ({ grid, header, ledger }) => {
  const out: RawIssue[] = [];
  const cols: { field: Field; c: number; prose: boolean; parted: boolean }[] = [];
  for (const field of TEXT_FIELDS) {
    const c = columnOf(header, field);
    if (c !== undefined) cols.push({ field, c, prose: PROSE.has(field), parted: isPartedHeader(header.labels[c] ?? '') });
  }
  // Columns such as the county or the status repeat one value down many rows:
  // the last clean value of each column is not looked at again.
  const lastClean: (string | null)[] = cols.map(() => null);
  const gaps = new Map<number, ColumnFinding & { field: Field; value: string; cleaned: string }>();
  const projects = ledger.projects;
  for (let i = 0; i < projects.length; i++) {
    const p = projects[i];
    const cells = grid.values[p.r];
    if (!cells) continue;
    for (let k = 0; k < cols.length; k++) {
      const { field, c, prose, parted } = cols[k];
      const v = cells[c];
      if (typeof v !== 'string' || v === '' || v === lastClean[k]) continue;
      const kinds = noiseOf(v, prose, parted);
      if (!kinds.length) {
        lastClean[k] = v;
        continue;
      }
      const cleaned = tidyText(v, parted);
      if (kinds.length === 1 && kinds[0] === 'gap') {
        let g = gaps.get(c);
        if (!g) gaps.set(c, (g = { field, rows: [], value: v, cleaned, examples: [] }));
        addToFinding(g, p.r, v);
        continue;
      }
      out.push(issue('text-noise', 'info', p.r, c, { field, problems: kinds.join(','), value: v, cleaned }, cleaned));
    }
  }
  for (const [c, g] of gaps) {
    const one = g.rows.length === 1;
    const params = { field: g.field, problems: 'gap', value: g.value, cleaned: g.cleaned, ...findingParams(g) };
    const raw = issue('text-noise', 'info', g.rows[0], c, params, one ? g.cleaned : null);
    if (!one) raw.rows = g.rows;
    out.push(raw);
  }
  return out;
};
