/**
 * A project row's amounts in 万元: numbers as they are, text by the value reader
 * (figure-forms.ts) in the column's unit, and the year to date with the period columns
 * that continue it. Text read for a project is kept per column (text-readings.ts).
 */
import type { CellValue, Grid } from '../grid';
import { UNIT_IN_WAN, type Field, type HeaderInfo, type Unit } from '../types';
import { formFigureOf, textFigureForms, textFigureValue } from '../figure-forms';
import { ColumnReadings } from './text-readings';

function scale(v: number, factor: number): number {
  if (factor === 1) return v;
  // Division by a whole number gives the nearest double; a product may carry noise (4.45 × 10000).
  if (factor < 1) return v / Math.round(1 / factor);
  const rounded = Math.round(v * factor * 1e6) / 1e6;
  // Past 1e302 the rounding overflows although the product does not (1e300 亿元).
  return Number.isFinite(rounded) ? rounded : v * factor;
}

export interface AmountColumn {
  c: number;
  /** The column's unit, and how many 万元 one of it is. */
  unit: Unit;
  factor: number;
  /** Where the projects' text readings go (readProjects), made on the first text met. */
  text: ColumnReadings | null;
}

export function amountColumn(header: HeaderInfo, field: Field): AmountColumn | null {
  const c = header.columns[field];
  if (c === undefined) return null;
  const unit = header.columnUnits[field] ?? header.unit;
  return { c, unit, factor: UNIT_IN_WAN[unit], text: null };
}

/** The columns' text readings gathered while reading projects (see text-readings.ts). */
export class Recorder {
  readonly columns: ColumnReadings[] = [];
  constructor(private readonly first: number, private readonly length: number) {}

  record(a: AmountColumn, r: number, value: number): void {
    let t = a.text;
    if (t === null) {
      t = a.text = new ColumnReadings(this.columns, this.columns.length, a.c, a.unit, this.first, this.length);
      this.columns.push(t);
    }
    t.set(r, value, textFigureForms());
  }
}

/** A row's amounts in 万元, read as a project's are (null: blank or not a figure). */
export function rowAmounts(grid: Grid, header: HeaderInfo, r: number, fields: readonly Field[]): (number | null)[] {
  const row = grid.values[r] ?? [];
  return fields.map((f) => {
    const a = amountColumn(header, f);
    if (f === 'completedYtd' && a !== null && header.ytdParts?.length) return readYtdWithParts(row, a, header.ytdParts);
    return readAmount(row, a);
  });
}

function readAmount(row: (CellValue | undefined)[], a: AmountColumn | null): number | null {
  if (a === null) return null;
  // Text is read by the value reader, whose steps the written formulas repeat
  // (figure-forms.ts); text it cannot read is flagged and counts as no figure.
  const v = formFigureOf(row[a.c], a.unit);
  return v === null ? null : scale(v, a.factor);
}

/** readAmount for a project's row r, its text reading kept for the odd-cell pass. */
export function readProjectAmount(row: (CellValue | undefined)[], a: AmountColumn | null, r: number, rec: Recorder): number | null {
  if (a === null) return null;
  const raw = row[a.c];
  if (typeof raw !== 'string') return typeof raw === 'number' && Number.isFinite(raw) ? scale(raw, a.factor) : null;
  const v = textFigureValue(raw, a.unit);
  rec.record(a, r, v);
  return v === v ? scale(v, a.factor) : null;
}

/**
 * The year to date plus the period columns that continue it (`8月上旬完成`…), in the
 * year-to-date column's unit, as the rate formula adds them (plan.ts): a blank period
 * cell adds nothing; a blank year to date, or a period cell that is not a figure, gives null.
 */
export function readYtdWithParts(row: (CellValue | undefined)[], a: AmountColumn, parts: readonly number[]): number | null {
  let sum = formFigureOf(row[a.c], a.unit);
  if (sum === null) return null;
  for (const c of parts) {
    const v = row[c];
    if (v === null || v === undefined || v === '') continue;
    const f = formFigureOf(v, a.unit);
    if (f === null) return null;
    sum += f;
  }
  return scale(sum, a.factor);
}
