/**
 * date-invalid: a start, finish or period cell that tries to be a date and is not
 * one (`2022.13`, `2022-02-30`). Text without digits (`待定`) is no date, not a bad one.
 */
import { cellKey, type CellValue } from '../grid';
import { dateNeedsFormat, readDate, readPeriod } from '../dates';
import type { Field, RawIssue } from '../types';
import { columnOf, issue, paramValue } from './cells';
import type { Rule } from './rule';

const DATE_FIELDS: readonly Field[] = ['startDate', 'finishDate', 'period'];

export const dateInvalid: Rule = ({ grid, header, ledger }) => {
  const out: RawIssue[] = [];
  const cols: { field: Field; c: number }[] = [];
  for (const field of DATE_FIELDS) {
    const c = columnOf(header, field);
    if (c !== undefined) cols.push({ field, c });
  }
  if (!cols.length) return out;
  // Dates repeat down a column (`2022.3`, 2024); without a number format the reading
  // depends on the value alone, so each distinct value is read once. Text, and most
  // numbers (serials), read the same whatever their format: only a number that could
  // be a year or yyyymm(dd) has its format looked up.
  const seen = cols.map(() => new Map<string | number, boolean>());
  const numFmts = grid.numFmts;
  const projects = ledger.projects;
  for (let i = 0; i < projects.length; i++) {
    const p = projects[i];
    const cells = grid.values[p.r];
    if (!cells) continue;
    for (let k = 0; k < cols.length; k++) {
      const { field, c } = cols[k];
      const v: CellValue | undefined = cells[c];
      if (v === null || v === undefined) continue;
      const fmt = numFmts !== undefined && typeof v === 'number' && dateNeedsFormat(v) ? numFmts.get(cellKey(p.r, c)) : undefined;
      const cacheable = (typeof v === 'string' || typeof v === 'number') && fmt === undefined;
      let invalid = cacheable ? seen[k].get(v as string | number) : undefined;
      if (invalid === undefined) {
        invalid = field === 'period' ? readPeriod(v, fmt).invalid : readDate(v, fmt).invalid;
        if (cacheable) seen[k].set(v as string | number, invalid);
      }
      if (invalid) out.push(issue('date-invalid', 'warning', p.r, c, { field, value: paramValue(v) }));
    }
  }
  return out;
};
