/**
 * subtotal-mismatch: a total, subtotal or heading-with-figures row whose amounts
 * differ from the sum of the projects it covers (see ledger/row-tree.ts), and a
 * count in a label (`一、交通（48项）`) that differs from the projects listed under it.
 * Amounts are compared in 万元 within settings.sumTolerance, or within half the last
 * digit the subtotal shows when that is coarser: a total typed by hand from rounded
 * figures drifts by that much. A round number (1 亿元) is taken to show 2 decimals,
 * the least a sheet in 亿元 writes; in 万元 this never exceeds the 0.5 万元 default.
 */
import { cellAt, type Grid } from '../grid';
import { UNIT_IN_WAN, type ClassifiedRow, type Ledger, type RawIssue } from '../types';
import { readTextFigure } from '../figure-forms';
import { readNumber } from '../values';
import { amountArray } from './amounts';
import { amountColumns, beyond, issue, tidy, unitOf } from './cells';
import type { Rule } from './rule';
import { closesBlock, countBefore, coverages, type Coverage } from '../ledger/blocks';

/** A count as labels write it: `48项`, `12个`, `5個項目`; the number, then the measure word. */
const COUNT_IN_LABEL = /(\d+)(\s*(?:个项目|個項目|个?\s*[项項]|[个個]))/g;

/** Decimals a typed figure shows: at least 2, at most 6. */
function decimalsOf(v: number): number {
  for (let d = 2; d < 6; d++) {
    const scaled = v * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-9 * Math.max(1, Math.abs(scaled))) return d;
  }
  return 6;
}

/** The cell holding a row's label: the first text cell that is not a number. */
function labelCell(grid: Grid, r: number): { c: number; text: string } | null {
  const cells = grid.values[r] ?? [];
  for (let c = 0; c < cells.length; c++) {
    const v = cells[c];
    if (typeof v === 'string' && readNumber(v).kind === 'not-a-number') return { c, text: v };
  }
  return null;
}

/**
 * The cell that writes a row's count: the first text cell holding that number as a count
 * (`一` | `新會區（3個）` puts it beside the numeral), else the label cell.
 */
function countCell(grid: Grid, r: number, declared: number, label: { c: number; text: string } | null): { c: number; text: string } | null {
  const cells = grid.values[r] ?? [];
  for (let c = 0; c < cells.length; c++) {
    const v = cells[c];
    if (typeof v !== 'string') continue;
    for (const m of v.matchAll(COUNT_IN_LABEL)) if (Number(m[1]) === declared) return { c, text: v };
  }
  return label;
}

/** True when the items are in row order already (the usual case). */
function ordered(items: readonly { r: number }[]): boolean {
  for (let i = 1; i < items.length; i++) if (items[i].r < items[i - 1].r) return false;
  return true;
}

/** A total, subtotal or heading row: something to check. A loop, not some() with a closure per ledger. */
function hasSummaryRow(rows: readonly ClassifiedRow[]): boolean {
  for (let i = 0; i < rows.length; i++) {
    const kind = rows[i].kind;
    if (kind === 'total' || kind === 'subtotal' || kind === 'heading') return true;
  }
  return false;
}

/** The blocks the row tree proved (ledger/row-tree.ts), or, for a ledger made without it, the layout's. */
function blocksOf(grid: Grid, ledger: Ledger, rows: readonly ClassifiedRow[], projectRows: Int32Array): Coverage[] {
  if (!ledger.blocks) return coverages(rows, projectRows, (row) => closesBlock(grid, row));
  const byRow = new Map<number, ClassifiedRow>();
  for (const row of rows) byRow.set(row.r, row);
  const out: Coverage[] = [];
  for (const b of ledger.blocks) {
    const row = byRow.get(b.r);
    if (row) out.push({ row, start: countBefore(projectRows, b.from), end: countBefore(projectRows, b.to) });
  }
  return out;
}

export const subtotalMismatch: Rule = ({ grid, header, ledger, settings }) => {
  const out: RawIssue[] = [];
  if (!hasSummaryRow(ledger.rows)) return out;
  const projects = ledger.projects;
  const n = projects.length;
  // Projects by row: the ledger's own order, unless a host handed them over shuffled.
  const order = Int32Array.from(projects.keys());
  if (!ordered(projects)) order.sort((a, b) => projects[a].r - projects[b].r);
  const projectRows = new Int32Array(n);
  for (let i = 0; i < n; i++) projectRows[i] = projects[order[i]].r;
  const cols = amountColumns(header).map(({ field, c }) => {
    // Prefix sums: the sum over any block is a difference, whatever the nesting.
    const values = amountArray(ledger, field);
    const prefix = new Float64Array(n + 1);
    for (let i = 0; i < n; i++) {
      const v = values[order[i]];
      prefix[i + 1] = prefix[i] + (v === v ? v : 0); // NaN, a blank, adds nothing
    }
    return { field, c, unit: unitOf(header, field), prefix };
  });
  const rows = ordered(ledger.rows) ? ledger.rows : [...ledger.rows].sort((a, b) => a.r - b.r);

  for (const { row, start, end } of blocksOf(grid, ledger, rows, projectRows)) {
    const label = labelCell(grid, row.r);
    const labelText = row.label ?? label?.text ?? '';
    if (row.kind !== 'heading') {
      for (const { field, c, unit, prefix } of cols) {
        // A typed sum stored as text is read as the report reads the projects' (figure-forms.ts).
        const v = cellAt(grid, row.r, c);
        const typed = typeof v === 'string' ? readTextFigure(v, unit)?.value ?? null : readNumber(v).value;
        if (typed === null) continue;
        const inWan = UNIT_IN_WAN[unit];
        const sum = prefix[end] - prefix[start];
        const tol = Math.max(settings.sumTolerance, 0.5 * 10 ** -decimalsOf(typed) * inWan);
        if (!beyond(Math.abs(typed * inWan - sum), tol)) continue;
        const fix = tidy(sum / inWan);
        out.push(issue('subtotal-mismatch', 'error', row.r, c, {
          kind: 'amount', label: labelText, field, value: typed, sum: fix, unit,
        }, fix));
      }
    }
    const count = end - start;
    if (row.declaredCount !== undefined && row.declaredCount !== count) {
      const at = countCell(grid, row.r, row.declaredCount, label) ?? { c: 0, text: '' };
      const declared = row.declaredCount;
      let replaced = false;
      const fixed = at.text.replace(COUNT_IN_LABEL, (all: string, n: string, word: string) => {
        if (replaced || Number(n) !== declared) return all;
        replaced = true;
        return `${count}${word}`;
      });
      const fix = replaced ? fixed : null;
      out.push(issue('subtotal-mismatch', 'error', row.r, at.c, {
        kind: 'count', label: labelText, declared: row.declaredCount, count,
      }, fix));
    }
  }
  return out;
};
