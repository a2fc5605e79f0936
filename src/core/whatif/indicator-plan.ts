/**
 * Indicator columns in the write plan, after the tool's own columns, headed
 * `指标：<name>` (which own-columns.ts recognises on the next run). They go only
 * where the columns are free or already the tool's, within XFD; else none. Where the
 * indicator is plain arithmetic over fields that have a column, each cell is a
 * live formula with its cached value computed as the spreadsheet will (numbers
 * only, scaled as the formula scales); otherwise the cells hold the values.
 */
import { cellAt, cellKey, colLetter, MAX_COLS, MAX_FORMULA_CHARS, type CellValue, type Grid } from '../grid';
import { INDICATOR_HEADER_PREFIX } from '../header/own-columns';
import { columnForms, formFigureFormula, formFigureOf } from '../figure-forms';
import { columnsInUse, outputColumns } from '../plan';
import { NAMES } from '../plan-labels';
import { figureFormula, figureOf } from '../plain-number';
import { UNIT_IN_WAN, type Field, type HeaderInfo, type Lang, type Ledger, type PlanCell, type Unit, type WritePlan } from '../types';
import { evaluateArith, indicatorFormula, type Arith, type FieldRef } from './indicator-formula';
import { projectScope, type IndicatorField, type IndicatorScope } from './indicator-fields';

/** An indicator as compiled, in plain data (it can cross from a worker). */
export interface IndicatorMeta {
  name: string;
  expression: string;
  /** Fields it reads, in order of first use. */
  fields: IndicatorField[];
  /** The expression as plain arithmetic, when it is only that: it can then be an Excel formula. */
  arith: Arith | null;
}

/**
 * What the plan and the report need of an indicator: compiled (indicators.ts gives
 * `evaluate`), or its values computed elsewhere (a worker) and handed in.
 */
export interface PlannedIndicator extends IndicatorMeta {
  evaluate?(scope: IndicatorScope): number | null;
  /** Values per project of the sheet (ledger.projects order), used instead of `evaluate` by withIndicators. */
  values?: readonly (number | null)[];
}

export interface IndicatorSheet {
  grid: Grid;
  header: HeaderInfo;
  ledger: Ledger;
}

const NUM_FMT = '0.00';
type OutputField = 'completionRate' | 'gapPp' | 'rank' | 'rankInGroup';
const OUTPUT_FIELDS: readonly string[] = ['completionRate', 'gapPp', 'rank', 'rankInGroup'];

/**
 * The first of `count` indicator columns, side by side right after the tool's hidden
 * rank-key column (a later run finds them by header only as one block there). Null
 * when they do not fit: the tool's columns are not written (no room), a column would
 * be past XFD, or one holds a user's value, formula or merge. Columns the tool wrote
 * before (found by header) count as free.
 */
export function indicatorColumnStart(grid: Grid, header: HeaderInfo, count: number): number | null {
  const rankKey = outputColumns(grid, header).rankKey;
  if (rankKey >= MAX_COLS) return null;
  const start = rankKey + 1;
  if (start + count > MAX_COLS) return null;
  return columnsFree(grid, start, count, header.ownColumns) ? start : null;
}

/** True when no column of [from, from + count) outside `own` is used in any row (as plan.ts counts use). */
function columnsFree(grid: Grid, from: number, count: number, own: readonly number[]): boolean {
  const used = columnsInUse(grid, from, from + count);
  for (const c of own) if (c >= from && c < from + count) used[c - from] = 0;
  return used.every((u) => u === 0);
}

/** How a field reads on a row: the reference and how a number in that cell becomes the field's value. */
interface Source {
  kind: 'cell' | 'plan' | 'name';
  c: number;
  /** ×factor, or ÷divisor (whole numbers: 亿元 ×10000, 元 ÷10000, percent numbers ÷100). */
  mul: number;
  div: number;
  /** An amount column: its unit and the text forms its project cells take (figure-forms.ts). */
  amount?: { unit: Unit; forms: number };
}

function sourceOf(field: IndicatorField, sheet: IndicatorSheet, out: ReturnType<typeof outputColumns>): Source | null {
  const h = sheet.ledger.header;
  if (field === 'timeProgress') return { kind: 'name', c: -1, mul: 1, div: 1 };
  if (OUTPUT_FIELDS.includes(field)) return { kind: 'plan', c: out[field as OutputField], mul: 1, div: 1 };
  if (field === 'reportedRate') {
    const c = h.columns.reportedRate;
    return c === undefined ? null : { kind: 'cell', c, mul: 1, div: h.ratePercentNumbers ? 100 : 1 };
  }
  if (field === 'started') return null;
  const c = h.columns[field as Field];
  if (c === undefined) return null;
  const unit = h.columnUnits[field as Field] ?? h.unit;
  const factor = UNIT_IN_WAN[unit];
  const amount = { unit, forms: columnForms(sheet.grid, sheet.ledger.projects.map((p) => p.r), c, unit) };
  return factor >= 1 ? { kind: 'cell', c, mul: factor, div: 1, amount } : { kind: 'cell', c, mul: 1, div: Math.round(1 / factor), amount };
}

function num(v: CellValue | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/**
 * The plan with the indicator columns added (the plan given is not changed), or the
 * plan itself when they do not fit (indicatorColumnStart is null): no user cell is
 * ever written over. `plan` must be the plan of `sheet` (its cached tool columns are read back).
 */
export function withIndicators(plan: WritePlan, sheet: IndicatorSheet, indicators: readonly PlannedIndicator[], lang: Lang): WritePlan {
  if (indicators.length === 0) return plan;
  const { grid, ledger } = sheet;
  const start = indicatorColumnStart(grid, sheet.header, indicators.length);
  if (start === null) return plan;
  const out = outputColumns(grid, sheet.header);
  const planValues = new Map<number, CellValue>();
  for (const cell of plan.cells) planValues.set(cellKey(cell.r, cell.c), cell.value);
  const cells: PlanCell[] = [];
  const columns: number[] = [];

  indicators.forEach((ind, i) => {
    const c = start + i;
    columns.push(c);
    cells.push({ r: plan.headerRow, c, value: `${INDICATOR_HEADER_PREFIX[lang]}${ind.name}`, bold: true });
    const sources = new Map<IndicatorField, Source>();
    let live = ind.arith !== null;
    for (const f of ind.fields) {
      const s = sourceOf(f, sheet, out);
      if (s) sources.set(f, s);
      else live = false;
    }
    ledger.projects.forEach((p, j) => {
      if (!live) {
        const v = ind.values ? ind.values[j] : ind.evaluate ? ind.evaluate(projectScope(p, ledger.timeProgress)) : null;
        cells.push({ r: p.r, c, value: v ?? '', numFmt: NUM_FMT });
        return;
      }
      const R = p.r + 1;
      const refs = new Map<string, FieldRef>();
      const scope: IndicatorScope = {};
      for (const [f, s] of sources) {
        if (s.kind === 'name') {
          refs.set(f, { ref: NAMES.timeProgress, cell: null });
          scope[f] = ledger.timeProgress;
          continue;
        }
        const a1 = `${colLetter(s.c)}${R}`;
        // A ledger amount is read by the value reader's steps for its column's forms
        // (figure-forms.ts), a rate by the one rule for text (plain-number.ts), errors
        // caught by the formula's IFERROR; the tool's own cells hold numbers or "".
        const own = s.kind === 'plan';
        const am = s.amount;
        const raw = own
          ? num(planValues.get(cellKey(p.r, s.c)) as CellValue | undefined)
          : am ? formFigureOf(cellAt(grid, p.r, s.c), am.unit) : figureOf(cellAt(grid, p.r, s.c));
        const read = own ? a1 : am ? formFigureFormula(a1, am.forms, am.unit) : figureFormula(a1);
        const ref = s.mul !== 1 ? `(${read}*${s.mul})` : s.div !== 1 ? `(${read}/${s.div})` : read;
        refs.set(f, { ref, cell: own ? a1 : null });
        scope[f] = raw === null ? null : s.mul !== 1 ? raw * s.mul : s.div !== 1 ? raw / s.div : raw;
      }
      const arith = ind.arith as Arith;
      const formula = indicatorFormula(arith, refs);
      // Past a cell's length the value alone, which the formula would give.
      cells.push({ r: p.r, c, value: evaluateArith(arith, scope) ?? '', formula: formula.length < MAX_FORMULA_CHARS ? formula : undefined, numFmt: NUM_FMT });
    });
  });
  const ownColumns = [...new Set([...plan.ownColumns, ...columns])].sort((a, b) => a - b);
  return { ...plan, cells: [...plan.cells, ...cells], ownColumns };
}

/** Whether an indicator is written as a live formula on this sheet. */
export function isLiveOn(ind: PlannedIndicator, sheet: IndicatorSheet): boolean {
  if (ind.arith === null) return false;
  const out = outputColumns(sheet.grid, sheet.header);
  return ind.fields.every((f) => sourceOf(f, sheet, out) !== null);
}
