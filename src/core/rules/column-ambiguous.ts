/**
 * column-ambiguous: two or more columns could be the year to date and the sheet's
 * figures cannot tell them apart (header/evidence.ts). Names the candidates and the
 * choice, on the chosen column's header cell, once per sheet.
 */
import { colLetter } from '../grid';
import type { Field, RawIssue } from '../types';
import { headerRow, issue } from './cells';
import type { Rule } from './rule';

export const columnAmbiguous: Rule = ({ header }) => {
  const out: RawIssue[] = [];
  for (const [field, choice] of Object.entries(header.columnChoices ?? {}) as [Field, NonNullable<HeaderInfoChoice>][]) {
    if (!choice.ambiguous || !choice.candidates) continue;
    const others = choice.candidates.filter((k) => k.column !== choice.column);
    out.push(issue('column-ambiguous', 'warning', headerRow(header), choice.column, {
      field,
      chosen: colLetter(choice.column),
      chosenHeader: header.labels[choice.column] ?? '',
      others: others.map((k) => colLetter(k.column)).join(', '),
      evidence: choice.candidates.map((k) => `${colLetter(k.column)} ${k.score}${k.checks.length ? ` (${k.checks.join(' ')})` : ''}`).join('; '),
    }));
  }
  return out;
};

type HeaderInfoChoice = NonNullable<import('../types').HeaderInfo['columnChoices']>[Field];
