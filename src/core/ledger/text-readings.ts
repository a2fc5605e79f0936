/**
 * The amount text a ledger's projects were read from, kept per column, so that the
 * odd-cell pass (rules/amount-cells.ts) takes each reading instead of reading the text
 * again: a sheet exported as text holds half a million such cells, each read twice.
 * A reading depends on the text and the column's unit alone; it is kept per analysis
 * (on the ledger built from it) and only for the grid it was read from.
 *
 * The arrays are working arrays kept for the next analysis (core/scratch.ts), one slot
 * per text column in the order met: the readings made last hold them, and readings whose
 * arrays were taken over are no longer given out (the odd-cell pass reads the text then).
 */
import type { Grid } from '../grid';
import type { Ledger, Unit } from '../types';
import { f64Scratch, i32Scratch, type Scratch } from '../scratch';

/** Text columns whose readings use kept arrays; any further ones get arrays of their own. */
const KEPT_COLUMNS = 8;
const VALUE_SLOTS: Scratch<Float64Array>[] = Array.from({ length: KEPT_COLUMNS }, () => f64Scratch());
const FORM_SLOTS: Scratch<Int32Array>[] = Array.from({ length: KEPT_COLUMNS }, () => i32Scratch());

/** The readings whose arrays the slots hold (set as readings are made). */
let holder: ColumnReadings[] | null = null;

/**
 * Arrays for the k-th text column of the readings `owner` (the list the readings are
 * gathered in): taking a slot hands the slots to it, after which earlier readings are void.
 */
function arraysFor(owner: ColumnReadings[], k: number, length: number): [Float64Array, Int32Array] {
  if (k >= KEPT_COLUMNS) return [new Float64Array(length), new Int32Array(length).fill(-1)];
  holder = owner;
  return [VALUE_SLOTS[k].take(length), FORM_SLOTS[k].take(length, -1)];
}

/** One column's text readings, by sheet row from `first`. */
export class ColumnReadings {
  readonly c: number;
  readonly unit: Unit;
  readonly first: number;
  /** The text's value in the column's unit; NaN where it is not a figure. */
  readonly value: Float64Array;
  /** The value reader's FORM bits (0 for text it could not read); -1 where no text was read. */
  readonly forms: Int32Array;

  /** The k-th text column of the readings gathered in `owner`. */
  constructor(owner: ColumnReadings[], k: number, c: number, unit: Unit, first: number, length: number) {
    this.c = c;
    this.unit = unit;
    this.first = first;
    [this.value, this.forms] = arraysFor(owner, k, length);
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
  if (readings === undefined || readings.grid !== grid || readings.columns !== holder) return undefined;
  for (const col of readings.columns) if (col.c === c && col.unit === unit) return col;
  return undefined;
}

/** Lets go of a ledger's readings once the odd-cell pass has taken what it needs. */
export function forgetReadings(ledger: Ledger): void {
  byLedger.delete(ledger);
}
