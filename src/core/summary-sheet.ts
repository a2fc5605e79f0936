/**
 * The 汇总 sheet: per ledger sheet, a row per group and a total, as live formulas over
 * the ledger with the report's figures as cached values, so a figure fixed in the
 * ledger or a new LC_TimeProgress moves the summary and its ranks as it moves the
 * ledger's columns. Groups from a column are counted with COUNTIFS/SUMIFS on it;
 * groups from headings (or a group column whose cells do not all hold the group's
 * name, as merged cells do) over the runs of rows each group spans. Rows are the
 * ledger's project rows: those whose status cell (a tool column) is filled.
 * 已开工 and the 开工率 base stay typed: whether a project started is read from
 * free text by the engine, which no formula repeats.
 */
import { colLetter, MAX_COLS, MAX_FORMULA_CHARS, type CellValue } from './grid';
import { columnForms, textFormsFormula } from './figure-forms';
import { NAMES, PLAN_LABELS } from './plan-labels';
import { byRank } from './rank';
import { historyRows } from './summary-history';
import { roundHalfAway } from './round';
import type { Field, GroupFigures, HeaderInfo, HistoryReport, Ledger, PlanCell, PlanChart, PlanSheet, Settings, Unit } from './types';
import { UNIT_IN_WAN } from './types';
import type { Grid } from './grid';

export interface SummaryInput {
  grid: Grid;
  header: HeaderInfo;
  ledger: Ledger;
}

/** Where a ledger's rows are for the summary's formulas (null: the sheet has no tool columns). */
export interface SummarySource {
  statusCol: number;
  /** Rank formula over a key range, from plan.ts (same method as the ledger). */
  rank: (keyRef: string, range: string) => string;
}

const RATE_FMT = '0.0%';
const KEY_DECIMALS = 3;
/** Past this many runs of rows in one group, the formula would be unwieldy: typed values. */
const MAX_RUNS = 40;
const SUM_FIELDS = ['totalInvestment', 'annualPlan', 'completedYtd'] as const;

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** A group's rows: by the group column's text, or as runs of rows. */
type Selector = { kind: 'column'; range: (c: number) => string; crit: string } | { kind: 'runs'; range: (c: number, run: [number, number]) => string; runs: [number, number][] };

function runsOf(rows: number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const r of rows) {
    const last = runs[runs.length - 1];
    if (last && last[1] === r - 1) last[1] = r;
    else runs.push([r, r]);
  }
  return runs;
}

/** COUNTIFS over the group's project rows, with more criteria on tool columns. */
function countOf(sel: Selector, statusCol: number, crit: string): string {
  if (sel.kind === 'column') return `COUNTIFS(${sel.range(-1)},${sel.crit},${sel.range(statusCol)},${crit})`;
  return sel.runs.map((run) => `COUNTIFS(${sel.range(statusCol, run)},${crit})`).join('+');
}

/** How a column's text figures are read: the value reader's steps for its forms, in its unit. */
interface ColumnReading {
  c: number;
  forms: number;
  unit: Unit;
}

/**
 * Σ of a ledger column over the group's project rows, in the column's unit: numbers
 * and text read by the value reader alike (figure-forms.ts).
 */
function sumOf(sel: Selector, statusCol: number, col: ColumnReading): string {
  const text = (x: string) => textFormsFormula(x, col.forms, col.unit);
  if (sel.kind === 'column') {
    const g = sel.range(-1);
    const s = sel.range(statusCol);
    const x = sel.range(col.c);
    return `SUMIFS(${x},${g},${sel.crit},${s},"<>")+SUMPRODUCT((${g}=${sel.crit})*(${s}<>"")*${text(x)})`;
  }
  return sel.runs
    .map((run) => {
      const s = sel.range(statusCol, run);
      const x = sel.range(col.c, run);
      return `SUMIFS(${x},${s},"<>")+SUMPRODUCT((${s}<>"")*${text(x)})`;
    })
    .join('+');
}

function unitFactor(header: HeaderInfo, field: Field): number {
  return UNIT_IN_WAN[header.columnUnits[field] ?? header.unit];
}

/** True when every project's group cell holds exactly its group's name, and names are safe criteria. */
function groupCellsExact(input: SummaryInput, groupCol: number): boolean {
  for (const p of input.ledger.projects) {
    const v = input.grid.values[p.r]?.[groupCol];
    if (v !== p.group) return false;
    if (/[*?~]|^[=<>]/.test(p.group)) return false;
  }
  return true;
}

/** `history`: lag that persists, when earlier periods were given; its block goes below the table. */
export function summarySheet(inputs: SummaryInput[], sources: (SummarySource | null)[], settings: Settings, history?: HistoryReport): PlanSheet {
  const l = PLAN_LABELS[settings.lang];
  const first = inputs[0].ledger;
  const cells: PlanCell[] = [];
  const put = (r: number, c: number, value: CellValue, extra: Partial<PlanCell> = {}) => cells.push({ r, c, value, ...extra });
  put(0, 0, l.asOf, { bold: true });
  put(0, 1, first.asOf);
  put(1, 0, l.timeProgress, { bold: true });
  put(1, 1, first.timeProgress, { numFmt: '0.00%' });
  put(2, 0, l.lagWarn, { bold: true });
  put(2, 1, settings.lagWarn);
  put(3, 0, l.lagAlert, { bold: true });
  put(3, 1, settings.lagAlert);
  put(4, 0, l.editHint);
  put(5, 0, l.unitNote);
  let r = 7;
  const cols = [l.sheet, l.group, l.projects, l.started, l.startRate, l.totalInvestment, l.annualPlan, l.completedYtd, l.completionRate, l.gapPp, l.lagging, l.rank, l.rankKey, l.timeProgress];
  cols.forEach((text, c) => put(r, c, text, { bold: true }));
  r++;
  const charts: PlanChart[] = [];
  let chartRow = 7;
  inputs.forEach((input, i) => {
    const top = r;
    r = sheetRows(input, sources[i], settings, r, put);
    const groups = input.ledger.groups.length;
    if (groups >= 2 && charts.length < MAX_CHARTS) {
      const chart = groupChart(input, settings, top, chartRow);
      charts.push(chart);
      chartRow = chart.to.r + 1;
    }
  });
  if (history) historyRows(history, settings.lang, r + 1, put);
  return { name: l.summarySheet, cells, widths: { 0: 22, 1: 16, 5: 16, 6: 18, 7: 16, 9: 14 }, ...(charts.length ? { charts } : {}) };
}

/** Charts the 汇总 sheet draws at most, one per ledger sheet with two groups or more. */
const MAX_CHARTS = 8;
/** The chart's place: right of the table, from column P, 9 columns wide. */
const CHART_COL = 15;
const CHART_COLS = 9;

/**
 * One ledger sheet's chart: the rows `top`… of its groups (by rank, as sheetRows writes
 * them), completion rate (column I) beside time progress (column N), from `at` down.
 */
function groupChart(input: SummaryInput, settings: Settings, top: number, at: number): PlanChart {
  const l = PLAN_LABELS[settings.lang];
  const ranked = byRank(input.ledger.groups);
  const r1 = top + ranked.length - 1;
  const from = { r: Math.max(at, top - 1), c: CHART_COL };
  const height = Math.max(14, Math.ceil(ranked.length * 1.6) + 6);
  return {
    title: l.chartTitle(input.ledger.sheet),
    from,
    to: { r: from.r + height, c: CHART_COL + CHART_COLS },
    categories: { c: 1, r0: top, r1, values: ranked.map((g) => g.name) },
    series: [
      { name: l.completionRate, color: '0F6CBD', numFmt: RATE_FMT, c: 8, r0: top, r1, values: ranked.map((g) => g.completionRate) },
      { name: l.timeProgress, color: 'A0A0A0', numFmt: RATE_FMT, c: 13, r0: top, r1, values: ranked.map(() => input.ledger.timeProgress) },
    ],
  };
}

type Put = (r: number, c: number, value: CellValue, extra?: Partial<PlanCell>) => void;

function sheetRows(input: SummaryInput, source: SummarySource | null, settings: Settings, r0: number, put: Put): number {
  const { ledger, header } = input;
  const l = PLAN_LABELS[settings.lang];
  const groups = ledger.groups;
  const q = quoteSheet(ledger.sheet);
  const projects = ledger.projects;
  const firstRow = projects.length ? projects[0].r : 0;
  const lastRow = projects.length ? projects[projects.length - 1].r : 0;
  const col = (c: number, a = firstRow, b = lastRow) => `${q}!$${colLetter(c)}$${a + 1}:$${colLetter(c)}$${b + 1}`;

  const groupSrc = ledger.groupSource;
  const groupCol = groupSrc === 'heading' || groupSrc === 'none' ? undefined : header.columns[groupSrc];
  const byColumn = groupCol !== undefined && groupCellsExact(input, groupCol);
  const rowsOf = new Map<string, number[]>();
  for (const p of projects) {
    const list = rowsOf.get(p.group) ?? [];
    list.push(p.r);
    rowsOf.set(p.group, list);
  }
  const selector = (g: GroupFigures, at: number): Selector | null => {
    if (byColumn) return { kind: 'column', range: (c) => col(c < 0 ? (groupCol as number) : c), crit: `$B$${at + 1}` };
    const runs = runsOf(rowsOf.get(g.name) ?? []);
    if (runs.length === 0 || runs.length > MAX_RUNS) return null;
    return { kind: 'runs', range: (c, run) => col(c, run[0], run[1]), runs };
  };
  const live = source !== null && projects.length > 0 && source.statusCol < MAX_COLS;
  const projectRows = projects.map((p) => p.r);
  const readings: (ColumnReading[] | null)[] = SUM_FIELDS.map((field) => {
    const c = header.columns[field];
    if (c === undefined || !live) return null;
    const unit = header.columnUnits[field] ?? header.unit;
    const cs = field === 'completedYtd' && header.ytdParts ? [c, ...header.ytdParts] : [c];
    return cs.map((x) => ({ c: x, unit, forms: columnForms(input.grid, projectRows, x, unit) }));
  });

  const groupTop = r0;
  const groupBottom = r0 + groups.length - 1;
  let r = r0;
  // Groups by rank, as a 通报's table lists them (and the chart beside it draws them); the
  // unranked last, in the ledger's order.
  for (const g of [...byRank(groups), ledger.total]) {
    const isTotal = g === ledger.total;
    const R = r + 1;
    const typed: CellValue[] = [ledger.sheet, isTotal ? l.total : g.name, g.projects, g.started, g.startRate ?? '', g.totalInvestment, g.annualPlan, g.completedYtd, g.completionRate ?? '', g.gapPp === null ? '' : roundHalfAway(g.gapPp, 1), g.lagging, isTotal ? '' : g.rank ?? ''];
    const formulas: (string | undefined)[] = new Array(14);
    // Time progress on every row: the chart's second series, live with LC_TimeProgress.
    formulas[13] = NAMES.timeProgress;
    if (live) {
      const s = source as SummarySource;
      const sel = isTotal ? null : selector(g, r);
      const sumAbove = (c: number) => `SUM(${colLetter(c)}${groupTop + 1}:${colLetter(c)}${groupBottom + 1})`;
      const allRows: Selector = { kind: 'runs', range: (c) => col(c), runs: [[firstRow, lastRow]] };
      // The total: the sum of the group rows when every group row is live, else over all rows.
      const totalSel = groups.length === 0 ? allRows : null;
      const groupsLive = groups.every((x, k) => selector(x, groupTop + k) !== null);
      const over = isTotal ? totalSel : sel;
      if (over || (isTotal && groupsLive)) {
        const count = (crit: string) => (over ? countOf(over, s.statusCol, crit) : '');
        const st = l.status;
        formulas[2] = over ? count('"<>"') : sumAbove(2);
        SUM_FIELDS.forEach((field, k) => {
          const reading = readings[k];
          if (reading === null) return;
          const f = unitFactor(header, field);
          const scaled = (x: string) => (f === 1 ? x : f > 1 ? `(${x})*${f}` : `(${x})/${Math.round(1 / f)}`);
          // This year's completed adds the period columns that continue it (`8月上旬完成`…).
          const sum = over ? scaled(reading.map((x) => sumOf(over, s.statusCol, x)).join('+')) : sumAbove(5 + k);
          // Past a cell's length the sum stays typed (the report's figure).
          if (sum.length < MAX_FORMULA_CHARS) formulas[5 + k] = sum;
        });
        if (settings.startRateBase === 'all') formulas[4] = `IF(C${R}>0,D${R}/C${R},"")`;
        formulas[10] = over ? [st.behind, st['seriously-behind'], st['overdue-start']].map((x) => count(`"${x}"`)).join('+') : sumAbove(10);
      }
      if (formulas[6] !== undefined && formulas[7] !== undefined) {
        formulas[8] = `IF(AND(ISNUMBER(G${R}),ISNUMBER(H${R})),IF(G${R}>0,H${R}/G${R},""),"")`;
        formulas[9] = `IF(ISNUMBER(I${R}),ROUND((I${R}-${NAMES.timeProgress})*100,1),"")`;
        formulas[12] = `IF(ISNUMBER(I${R}),ROUND(I${R},${KEY_DECIMALS}),"")`;
        if (!isTotal) formulas[11] = s.rank(`M${R}`, `$M$${groupTop + 1}:$M$${groupBottom + 1}`);
      }
    }
    const key = g.completionRate === null ? '' : roundHalfAway(g.completionRate, KEY_DECIMALS);
    const values = [...typed, isTotal ? '' : key, ledger.timeProgress];
    values.forEach((v, c) => {
      if (isTotal && (c === 11 || c === 12)) return;
      put(r, c, v, { numFmt: c === 4 || c === 8 || c === 13 ? RATE_FMT : c >= 5 && c <= 7 ? '#,##0.00' : undefined, bold: isTotal, formula: formulas[c] });
    });
    r++;
  }
  return r;
}
