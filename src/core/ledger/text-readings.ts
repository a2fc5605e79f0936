/**
 * The amount text a ledger's projects were read from, kept per column, so that the
 * odd-cell pass (rules/amount-cells.ts) takes each reading instead of reading the text
 * again: a sheet exported as text holds half a million such cells, each read twice.
 * A reading depends on the text and the column's unit alone; it is kept per analysis
 * (on the ledger built from it) and only for the grid it was read from.
 */
import type { Grid } from '../grid';
import type { Ledger, Unit } from '../types';

/** One column's text readings, by sheet row from `first`. */
export class ColumnReadings {
  readonly c: number;
  readonly unit: Unit;
  readonly first: number;
  /** The text's value in the column's unit; NaN where it is not a figure. */
  readonly value: Float64Array;
  /** The value reader's FORM bits (0 for text it could not read); -1 where no text was read. */
  readonly forms: Int32Array;

  constructor(c: number, unit: Unit, first: number, length: number) {
    this.c = c;
    this.unit = unit;
    this.first = first;
    this.value = new Float64Array(length);
    this.forms = new Int32Array(length).fill(-1);
  }

  set(r: number, value: number, forms: number): void {
    const i = r - this.first;
    if (i < 0 || i >= this.forms.length) return;
    this.value[i] = value;
    this.forms[i] = forms;
  }
}

export interface TextReadings {
  readonly grid: Grid;
  readonly columns: readonly ColumnReadings[];
}

/** Readings by the project list they were made with, until the ledger takes them. */
const byProjects = new WeakMap<object, TextReadings>();
const byLedger = new WeakMap<Ledger, TextReadings>();

export function keepForProjects(projects: object, readings: TextReadings): void {
  if (readings.columns.length > 0) byProjects.set(projects, readings);
}

/** Moves the readings made with `projects` onto the ledger built from them. */
export function moveToLedger(projects: object, ledger: Ledger): void {
  const readings = byProjects.get(projects);
  if (readings === undefined) return;
  byProjects.delete(projects);
  byLedger.set(ledger, readings);
}

/** The column's readings, when they were made from this grid in this unit. */
export function readingsOf(ledger: Ledger, grid: Grid, c: number, unit: Unit): ColumnReadings | undefined {
  const readings = byLedger.get(ledger);
  if (readings === undefined || readings.grid !== grid) return undefined;
  for (const col of readings.columns) if (col.c === c && col.unit === unit) return col;
  return undefined;
}

/** Lets go of a ledger's readings once the odd-cell pass has taken what it needs. */
export function forgetReadings(ledger: Ledger): void {
  byLedger.delete(ledger);
}
