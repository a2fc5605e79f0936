/** Small helpers the rules share: columns, units, cells and issue records. */
import { isCellError, type CellValue } from '../grid';
import {
  AMOUNT_FIELDS,
  UNIT_IN_WAN,
  type ClassifiedRow,
  type Field,
  type HeaderInfo,
  type IssueCode,
  type IssueParams,
  type RawIssue,
  type Severity,
  type Unit,
} from '../types';

export interface FieldColumn {
  field: Field;
  c: number;
}

/** The amount fields the header maps, with their columns. */
export function amountColumns(header: HeaderInfo): FieldColumn[] {
  const out: FieldColumn[] = [];
  for (const field of AMOUNT_FIELDS) {
    const c = header.columns[field];
    if (c !== undefined && c >= 0) out.push({ field, c });
  }
  return out;
}

/** The column of a field, or undefined when the sheet has none. */
export function columnOf(header: HeaderInfo, field: Field): number | undefined {
  const c = header.columns[field];
  return c !== undefined && c >= 0 ? c : undefined;
}

/** The unit a field's column is written in. */
export function unitOf(header: HeaderInfo, field: Field): Unit {
  return header.columnUnits[field] ?? header.unit;
}

/** Binary noise off a figure shown to the user or offered as a fix. */
export function tidy(x: number): number {
  const r = Math.round(x * 1e6) / 1e6;
  return r === 0 ? 0 : r;
}

/** An amount in 万元 back in the unit of the sheet (or of one field's column). */
export function toSheetUnit(wan: number, header: HeaderInfo, field?: Field): number {
  const unit = field ? unitOf(header, field) : header.unit;
  return tidy(wan / UNIT_IN_WAN[unit]);
}

/** The last header row: where column-level issues point. */
export function headerRow(header: HeaderInfo): number {
  return header.rows.length ? header.rows[header.rows.length - 1] : Math.max(0, header.dataStart - 1);
}

/** A cell value as an issue parameter (error values as their text). */
export function paramValue(v: CellValue): string | number | boolean | null {
  if (isCellError(v)) return v.error;
  return v;
}

export function issue(
  code: IssueCode,
  severity: Severity,
  r: number,
  c: number,
  params: IssueParams,
  fix: CellValue | null = null,
): RawIssue {
  return { code, severity, r, c, params, fix };
}

/** True for rows that carry figures: projects, totals, subtotals and 其中 breakdowns. */
export function isFigureRow(row: ClassifiedRow): boolean {
  return row.kind === 'project' || row.kind === 'total' || row.kind === 'subtotal' || row.kind === 'breakdown';
}

/** Column → field, for naming the field of a cell found by scanning a row. */
export function fieldsByColumn(header: HeaderInfo): Map<number, Field> {
  const out = new Map<number, Field>();
  for (const [field, c] of Object.entries(header.columns) as [Field, number][]) {
    if (c >= 0 && !out.has(c)) out.set(c, field);
  }
  return out;
}

/** True when `diff` is beyond `tol`, with binary noise at the boundary read as within. */
export function beyond(diff: number, tol: number): boolean {
  // A conditional rather than Math.max: this runs once per project and cell.
  return diff > tol + 1e-9 * (tol > 1 ? tol : 1);
}

/** How many texts a finding said once for a column quotes. */
export const EXAMPLES = 3;

/** The cells of a finding said once for a column: their rows, and the first few distinct texts. */
export interface ColumnFinding {
  rows: number[];
  examples: string[];
}

/** One more cell of a column's finding. */
export function addToFinding(f: ColumnFinding, r: number, text: string): void {
  f.rows.push(r);
  if (f.examples.length < EXAMPLES && !f.examples.includes(text)) f.examples.push(text);
}

/** The finding's params beside the rule's own: the count and the examples, tab-separated. */
export function findingParams(f: ColumnFinding): { count: number; examples: string } {
  return { count: f.rows.length, examples: f.examples.join('\t') };
}
