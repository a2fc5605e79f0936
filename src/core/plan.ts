/**
 * What a host writes back: the computed columns as live formulas with cached
 * values, named cells for time progress and thresholds, fills for lagging rows,
 * marks on faulty cells, and the tool's own sheets (汇总, 问题清单).
 *
 * Cached values follow the formulas, so Excel or LibreOffice recalculating the copy
 * gives the same values; a figure stored as text counts in both, and in the report,
 * by the value reader of figure-forms.ts, whose steps the formulas repeat.
 * Over 300 lines because a sheet's write-back (sheetPlan) places its own columns and writes
 * their formulas from the same positions, and the formula builders (units, ranks, groups) beside
 * it read those positions too; the labels are in plan-labels.ts and the figure forms in figure-forms.ts.
 */
import { cellAt, colLetter, fromA1, gridWidth, MAX_COLS, MAX_FORMULA_CHARS } from './grid';
import { OWN_COLUMN_HEADERS } from './header/own-columns';
import { NAME_PREFIX, NAMES, PLAN_LABELS, RANK_KEY_HEADERS, TOOL_SHEET_NAMES } from './plan-labels';
import { columnForms, formFigureFormula, formFigureOf } from './figure-forms';
import { roundHalfAway } from './round';
import { rankValues } from './rank';
import { summarySheet, type SummarySource } from './summary-sheet';
import type { HeaderInfo, HistoryReport, Issue, Ledger, OutputKey, PlanCell, PlanSheet, Settings, Unit, WritePlan } from './types';
import { UNIT_IN_WAN } from './types';
import type { Grid } from './grid';

export interface PlanInput {
  grid: Grid;
  header: HeaderInfo;
  ledger: Ledger;
  issues: Issue[];
}

const RATE_FMT = '0.0%';
const GAP_FMT = '0.0';
const KEY_DECIMALS = 3; // completion rate shown to 0.1 %: rank on that precision
/** Where a formula's row number goes in a column's template (no label holds it). */
const ROW = '\u0000';

/** The tool writes six columns: five figures and the hidden rank key. */
const OWN_COUNT = 6;

/**
 * Own columns of an earlier run (found by header) or the first free columns after the ledger.
 * When the sheet reaches too far right (a cell near XFD, Excel's last column), the first
 * run of six wholly empty columns after the header is used instead, so no user cell is
 * written over; a later run finds them by their headers. MAX_COLS when there is no room.
 */
export function ownColumnStart(grid: Grid, header: HeaderInfo): number {
  if (header.ownColumns.length > 0) return Math.min(...header.ownColumns);
  let width = 0;
  for (const r of header.rows) width = Math.max(width, grid.values[r]?.length ?? 0);
  const right = Math.max(width, gridWidth(grid));
  if (right + OWN_COUNT <= MAX_COLS) return right;
  return freeColumnsAfter(grid, width, OWN_COUNT);
}

/** True when the sheet has room for the tool's columns within Excel's last column. */
export function ownColumnsFit(grid: Grid, header: HeaderInfo): boolean {
  return ownColumnStart(grid, header) + OWN_COUNT <= MAX_COLS;
}

/** First column ≥ from starting `count` columns holding no value, formula or merge; MAX_COLS if none. */
function freeColumnsAfter(grid: Grid, from: number, count: number): number {
  const used = columnsInUse(grid, from, MAX_COLS);
  let run = 0;
  for (let c = from; c < MAX_COLS; c++) {
    run = used[c - from] ? 0 : run + 1;
    if (run === count) return c - count + 1;
  }
  return MAX_COLS;
}

/** Which columns of [from, to) hold a value, formula or merge in any row: a flag per column, at c - from. */
export function columnsInUse(grid: Grid, from: number, to: number): Uint8Array {
  const used = new Uint8Array(Math.max(0, to - from));
  for (const row of grid.values) {
    if (!row) continue;
    const end = Math.min(row.length, to);
    for (let c = from; c < end; c++) if (row[c] !== undefined) used[c - from] = 1;
  }
  for (const key of grid.formulas?.keys() ?? []) {
    const c = key % MAX_COLS;
    if (c >= from && c < to) used[c - from] = 1;
  }
  for (const m of grid.merges ?? []) {
    const lo = Math.max(m.c0, from);
    const hi = Math.min(m.c1 + 1, to);
    if (hi > lo) used.fill(1, lo - from, hi - from);
  }
  return used;
}

/** Columns of an earlier run, including a rank-key column that sits right after them. */
function earlierOwnColumns(grid: Grid, header: HeaderInfo, start: number): number[] {
  const cols = new Set(header.ownColumns);
  const width = gridWidth(grid);
  for (let c = start; c < width; c++) {
    const text = header.rows.map((r) => cellAt(grid, r, c)).filter((v) => typeof v === 'string').join('');
    if (RANK_KEY_HEADERS.includes(text.trim())) cols.add(c);
  }
  return [...cols].sort((a, b) => a - b);
}

/** The layout of the computed columns for one sheet. */
export function outputColumns(grid: Grid, header: HeaderInfo): Record<OutputKey | 'rankKey', number> {
  const start = ownColumnStart(grid, header);
  return { completionRate: start, gapPp: start + 1, status: start + 2, rankInGroup: start + 3, rank: start + 4, rankKey: start + 5 };
}

/** Builds one plan per ledger sheet; the first plan carries the tool's sheets and names. */
/** `history`: lag that persists (earlier periods given), for the 汇总 sheet. */
export function buildPlans(inputs: PlanInput[], settings: Settings, history?: HistoryReport): WritePlan[] {
  const labels = PLAN_LABELS[settings.lang];
  const plans = inputs.map((input) => sheetPlan(input, settings));
  if (plans.length > 0) {
    const sources = inputs.map((input) => summarySource(input, settings));
    plans[0].sheets = [summarySheet(inputs, sources, settings, history), issuesSheet(inputs, settings)];
    plans[0].names = [
      { name: NAMES.timeProgress, sheet: labels.summarySheet, r: 1, c: 1 },
      { name: NAMES.lagWarn, sheet: labels.summarySheet, r: 2, c: 1 },
      { name: NAMES.lagAlert, sheet: labels.summarySheet, r: 3, c: 1 },
      { name: NAMES.issueList, sheet: labels.issuesSheet, r: 0, c: 0 },
    ];
  }
  return plans;
}

/** Where the summary's formulas find a sheet's rows: its status column (null without tool columns). */
function summarySource(input: PlanInput, settings: Settings): SummarySource | null {
  const out = outputColumns(input.grid, input.header);
  if (out.rankKey >= MAX_COLS) return null;
  return { statusCol: out.status, rank: (keyRef, range) => rankFormula(keyRef, range, settings) };
}

function sheetPlan(input: PlanInput, settings: Settings): WritePlan {
  const { grid, header, ledger, issues } = input;
  const labels = PLAN_LABELS[settings.lang];
  const heads = OWN_COLUMN_HEADERS[settings.lang];
  const out = outputColumns(grid, header);
  const headerRow = header.rows[header.rows.length - 1];
  if (out.rankKey >= MAX_COLS) return bareSheetPlan(input, headerRow);
  const cells: PlanCell[] = [];
  for (const key of ['completionRate', 'gapPp', 'status', 'rankInGroup', 'rank'] as const) {
    cells.push({ r: headerRow, c: out[key], value: heads[key], bold: true });
  }
  cells.push({ r: headerRow, c: out.rankKey, value: labels.rankKey, bold: true });

  const planCol = header.columns.annualPlan;
  const ytdCol = header.columns.completedYtd;
  const projects = ledger.projects;
  const first = projects.length ? projects[0].r : header.dataStart;
  const last = projects.length ? projects[projects.length - 1].r : header.dataStart;
  const tp = ledger.timeProgress;

  // Spreadsheet-semantics figures per project row, in row order.
  const rates: (number | null)[] = [];
  const gaps: (number | null)[] = [];
  const keys: (number | null)[] = [];
  const planUnit = columnUnit(header, 'annualPlan');
  const ytdUnit = columnUnit(header, 'completedYtd');
  for (const p of projects) {
    let rate: number | null = null;
    if (planCol !== undefined && ytdCol !== undefined) {
      const plan = formFigureOf(cellAt(grid, p.r, planCol), planUnit);
      const ytd = ytdFigure(grid, p.r, ytdCol, header.ytdParts, ytdUnit);
      if (plan !== null && ytd !== null && plan > 0) rate = (ytd * unitFactor(header, 'completedYtd')) / (plan * unitFactor(header, 'annualPlan'));
    }
    rates.push(rate);
    gaps.push(rate === null ? null : (rate - tp) * 100);
    keys.push(rate === null ? null : roundHalfAway(rate, KEY_DECIMALS));
  }
  const ranks = rankValues(keys, settings.rankMethod, KEY_DECIMALS);
  const groupRanks = rankWithinGroups(projects.map((p) => p.group), keys, settings);

  const L = (key: keyof typeof out) => colLetter(out[key]);
  const keyRange = `$${L('rankKey')}$${first + 1}:$${L('rankKey')}$${last + 1}`;
  const groupCol = groupColumn(ledger, header);
  const groupRange = groupCol === undefined ? null : `$${colLetter(groupCol)}$${first + 1}:$${colLetter(groupCol)}$${last + 1}`;
  const blocks = groupCol === undefined ? headingBlocks(ledger) : null;

  // Each column's formula is built once with a marker where the row number goes, and
  // joined per row: one flat string per cell rather than a chain of pieces to flatten.
  const rateRef = `${L('completionRate')}${ROW}`;
  const gapRef = `${L('gapPp')}${ROW}`;
  const keyRef = `${L('rankKey')}${ROW}`;
  let rateCut: string[] | null = null;
  if (planCol !== undefined && ytdCol !== undefined) {
    // Each figure read by the value reader's steps for the forms its column holds
    // (figure-forms.ts), no step more; any error gives "".
    const projectRows = projects.map((p) => p.r);
    const y = ytdFormula(grid, projectRows, ytdCol, header.ytdParts, ytdUnit);
    const a = formFigureFormula(`${colLetter(planCol)}${ROW}`, columnForms(grid, projectRows, planCol, planUnit), planUnit);
    const fy = unitFactor(header, 'completedYtd');
    const fa = unitFactor(header, 'annualPlan');
    const ratio = fy === fa ? `${y}/${a}` : `${y}*${fy}/(${a}*${fa})`;
    const rate = `IFERROR(IF(${a}>0,${ratio},""),"")`;
    // A row number adds at most 7 characters at each of its places. Past a cell's length
    // (MAX_FORMULA_CHARS) the rates are written as values, which the report's figures equal.
    if (rate.length + 7 * (rate.split(ROW).length - 1) < MAX_FORMULA_CHARS) rateCut = rate.split(ROW);
  }
  const gapCut = `IF(ISNUMBER(${rateRef}),(${rateRef}-${NAMES.timeProgress})*100,"")`.split(ROW);
  const s = labels.status;
  const statusCut = `IF(ISNUMBER(${gapRef}),IF(${gapRef}>=-${NAMES.lagWarn},"${s['on-track']}",IF(${gapRef}>=-${NAMES.lagAlert},"${s.behind}","${s['seriously-behind']}")),"${s.unknown}")`.split(ROW);
  const keyCut = `IF(ISNUMBER(${rateRef}),ROUND(${rateRef},${KEY_DECIMALS}),"")`.split(ROW);
  const rankCut = rankFormula(keyRef, keyRange, settings).split(ROW);
  const groupCut = groupRange ? rankInGroupFormula(keyRef, keyRange, groupRange, `$${colLetter(groupCol as number)}${ROW}`, settings).split(ROW) : null;
  const blockCuts = new Map<number, string[]>();
  const blockCut = (block: [number, number]): string[] => {
    const id = block[0] * MAX_COLS * 128 + block[1]; // rows < 2^21
    let cut = blockCuts.get(id);
    if (!cut) {
      const range = `$${L('rankKey')}$${block[0] + 1}:$${L('rankKey')}$${block[1] + 1}`;
      cut = rankFormula(keyRef, range, settings).split(ROW);
      blockCuts.set(id, cut);
    }
    return cut;
  };

  for (let i = 0; i < projects.length; i++) {
    const p = projects[i];
    const R = String(p.r + 1);
    if (rateCut) cells.push({ r: p.r, c: out.completionRate, numFmt: RATE_FMT, value: rates[i] ?? '', formula: rateCut.join(R) });
    else if (planCol !== undefined && ytdCol !== undefined) cells.push({ r: p.r, c: out.completionRate, numFmt: RATE_FMT, value: rates[i] ?? '' });
    else cells.push({ r: p.r, c: out.completionRate, value: '' });
    cells.push({ r: p.r, c: out.gapPp, numFmt: GAP_FMT, value: gaps[i] ?? '', formula: gapCut.join(R) });
    if (p.status === 'overdue-start' || p.status === 'pending') {
      cells.push({ r: p.r, c: out.status, value: s[p.status] });
    } else {
      const gap = gaps[i];
      const cached = gap === null ? s.unknown : gap >= -settings.lagWarn ? s['on-track'] : gap >= -settings.lagAlert ? s.behind : s['seriously-behind'];
      cells.push({ r: p.r, c: out.status, value: cached, formula: statusCut.join(R) });
    }
    cells.push({ r: p.r, c: out.rankKey, value: keys[i] ?? '', formula: keyCut.join(R) });
    cells.push({ r: p.r, c: out.rank, value: ranks[i] ?? '', formula: rankCut.join(R) });
    const inGroup = groupCut ?? blockCut(blocks?.get(p.r) ?? [first, last]);
    cells.push({ r: p.r, c: out.rankInGroup, value: groupRanks[i] ?? '', formula: inGroup.join(R) });
  }

  const lastOwn = out.rankKey;
  const conditionalFormats: WritePlan['conditionalFormats'] = [];
  if (projects.length) {
    const g = `$${L('gapPp')}${first + 1}`;
    const st = `$${L('status')}${first + 1}`;
    // The fills say what the status cell says: by the gap against LC_LagWarn / LC_LagAlert,
    // except where the status is typed (未到开工期: not due to start yet, never red for the
    // zero it has done; 逾期未开工: overdue, yellow whatever its gap). The LC_ names also mark
    // the rules as the tool's, to replace on the next run.
    const pending = `"${labels.status.pending}"`;
    const overdue = `"${labels.status['overdue-start']}"`;
    const byGap = `ISNUMBER(${g}),${st}<>${pending},${st}<>${overdue}`;
    conditionalFormats.push({
      r0: first, c0: 0, r1: last, c1: lastOwn - 1, fill: 'red',
      formula: `AND(${byGap},${g}<-${NAMES.lagAlert})`,
    });
    conditionalFormats.push({
      r0: first, c0: 0, r1: last, c1: lastOwn - 1, fill: 'yellow',
      formula: `OR(AND(${byGap},${g}<-${NAMES.lagWarn},${g}>=-${NAMES.lagAlert}),${st}=${overdue})`,
    });
  }

  const marks = marksFor(issues);
  const earlier = earlierOwnColumns(grid, header, out.completionRate);
  const ownColumns = [...new Set([...earlier, ...Object.values(out)])].sort((a, b) => a - b);
  return {
    sheet: ledger.sheet,
    ownColumns,
    headerRow,
    cells,
    names: [],
    conditionalFormats,
    marks,
    sheets: [],
    hiddenColumns: [out.rankKey],
    replaceSheets: [...TOOL_SHEET_NAMES],
    namePrefix: NAME_PREFIX,
  };
}

/** No room for the computed columns within XFD: only the marks and notes on the user's cells. */
function bareSheetPlan(input: PlanInput, headerRow: number): WritePlan {
  return {
    sheet: input.ledger.sheet,
    ownColumns: [],
    headerRow,
    cells: [],
    names: [],
    conditionalFormats: [],
    marks: marksFor(input.issues),
    sheets: [],
    hiddenColumns: [],
    replaceSheets: [...TOOL_SHEET_NAMES],
    namePrefix: NAME_PREFIX,
  };
}

function columnUnit(header: HeaderInfo, field: 'completedYtd' | 'annualPlan'): Unit {
  return header.columnUnits[field] ?? header.unit;
}

/**
 * The year to date as the formula reads it, plus the period columns that continue it
 * (`8月上旬完成`…, header/continuation.ts), each read by the value reader in the year to
 * date's unit: a blank period cell adds 0.
 */
function ytdFigure(grid: Grid, r: number, ytdCol: number, parts: readonly number[] | undefined, unit: Unit): number | null {
  let sum = formFigureOf(cellAt(grid, r, ytdCol), unit);
  for (const c of parts ?? []) {
    if (sum === null) break;
    const v = cellAt(grid, r, c);
    if (v === null || v === undefined || v === '') continue;
    const f = formFigureOf(v, unit);
    sum = f === null ? null : sum + f;
  }
  return sum;
}

/** The same as a formula: `(E6+IF(F6="",0,F6)+…)`, each cell read by the steps its column's forms need. */
function ytdFormula(grid: Grid, rows: readonly number[], ytdCol: number, parts: readonly number[] | undefined, unit: Unit): string {
  const read = (c: number) => formFigureFormula(`${colLetter(c)}${ROW}`, columnForms(grid, rows, c, unit), unit);
  const y = read(ytdCol);
  if (!parts?.length) return y;
  const terms = parts.map((c) => `IF(${colLetter(c)}${ROW}="",0,${read(c)})`);
  return `(${[y, ...terms].join('+')})`;
}

function unitFactor(header: HeaderInfo, field: 'completedYtd' | 'annualPlan'): number {
  return UNIT_IN_WAN[columnUnit(header, field)];
}

function groupColumn(ledger: Ledger, header: HeaderInfo): number | undefined {
  if (ledger.groupSource === 'heading' || ledger.groupSource === 'none') return undefined;
  return header.columns[ledger.groupSource];
}

/** For heading groups: each project row → the first and last project row of its group block. */
function headingBlocks(ledger: Ledger): Map<number, [number, number]> {
  const byGroup = new Map<string, number[]>();
  for (const p of ledger.projects) {
    const rows = byGroup.get(p.group) ?? [];
    rows.push(p.r);
    byGroup.set(p.group, rows);
  }
  const out = new Map<number, [number, number]>();
  for (const rows of byGroup.values()) {
    const span: [number, number] = [rows[0], rows[rows.length - 1]];
    for (const r of rows) out.set(r, span);
  }
  return out;
}

function rankFormula(keyRef: string, range: string, settings: Settings): string {
  if (settings.rankMethod === 'competition') {
    return `IF(ISNUMBER(${keyRef}),COUNTIF(${range},">"&${keyRef})+1,"")`;
  }
  // 中国式排名: distinct keys above this one. Blank and "" cells are masked out
  // so the COUNTIF divisor is never zero.
  return `IF(ISNUMBER(${keyRef}),SUMPRODUCT((${range}>${keyRef})*ISNUMBER(${range})/(COUNTIF(${range},${range}&"")+NOT(ISNUMBER(${range}))))+1,"")`;
}

function rankInGroupFormula(keyRef: string, range: string, groupRange: string, groupRef: string, settings: Settings): string {
  if (settings.rankMethod === 'competition') {
    return `IF(ISNUMBER(${keyRef}),COUNTIFS(${groupRange},${groupRef},${range},">"&${keyRef})+1,"")`;
  }
  return `IF(ISNUMBER(${keyRef}),SUMPRODUCT((${groupRange}=${groupRef})*(${range}>${keyRef})*ISNUMBER(${range})/(COUNTIFS(${groupRange},${groupRange}&"",${range},${range}&"")+NOT(ISNUMBER(${range}))))+1,"")`;
}

function rankWithinGroups(groups: string[], keys: (number | null)[], settings: Settings): (number | null)[] {
  const idx = new Map<string, number[]>();
  groups.forEach((g, i) => {
    const list = idx.get(g) ?? [];
    list.push(i);
    idx.set(g, list);
  });
  const out: (number | null)[] = new Array(keys.length).fill(null);
  for (const list of idx.values()) {
    const ranks = rankValues(list.map((i) => keys[i]), settings.rankMethod, KEY_DECIMALS);
    list.forEach((i, j) => (out[i] = ranks[j]));
  }
  return out;
}

/** Excel holds at most 32,767 characters in a cell or a note (Office.js refuses more). */
const MAX_CELL_TEXT = 32767;

/** Text cut to fit a cell, ending with … when cut; a surrogate pair is never split. */
function clip(text: string): string {
  if (text.length <= MAX_CELL_TEXT) return text;
  let end = MAX_CELL_TEXT - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

function marksFor(issues: Issue[]): WritePlan['marks'] {
  const byCell = new Map<string, { severity: Issue['severity']; notes: string[] }>();
  for (const issue of issues) {
    if (issue.severity === 'info') continue;
    // A finding said once for a column marks each of its cells.
    for (const cell of issue.cells ?? [issue.cell]) {
      const m = byCell.get(cell) ?? { severity: issue.severity, notes: [] };
      if (issue.severity === 'error') m.severity = 'error';
      m.notes.push(issue.message);
      byCell.set(cell, m);
    }
  }
  const marks: WritePlan['marks'] = [];
  for (const [cell, m] of byCell) {
    const at = fromA1(cell);
    if (at) marks.push({ r: at.r, c: at.c, severity: m.severity, note: clip(m.notes.join('\n')) });
  }
  return marks.sort((a, b) => a.r - b.r || a.c - b.c);
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function issuesSheet(inputs: PlanInput[], settings: Settings): PlanSheet {
  const l = PLAN_LABELS[settings.lang];
  const cells: PlanCell[] = [];
  [l.no, l.sheet, l.cell, l.severity, l.code, l.message, l.fix].forEach((text, c) => cells.push({ r: 0, c, value: text, bold: true }));
  let r = 1;
  for (const { ledger, issues } of inputs) {
    for (const issue of issues) {
      cells.push({ r, c: 0, value: r });
      cells.push({ r, c: 1, value: ledger.sheet });
      cells.push({ r, c: 2, value: issue.cell, link: `${quoteSheet(ledger.sheet)}!${issue.cell}` });
      cells.push({ r, c: 3, value: l.severityNames[issue.severity] });
      cells.push({ r, c: 4, value: issue.code });
      cells.push({ r, c: 5, value: clip(issue.message) });
      if (issue.fix !== null) cells.push({ r, c: 6, value: issue.fix });
      r++;
    }
  }
  return { name: l.issuesSheet, cells, widths: { 1: 16, 2: 10, 4: 24, 5: 60, 6: 16 } };
}

/** A1 letters of the output columns, for the report. */
export function outputColumnLetters(grid: Grid, header: HeaderInfo): Partial<Record<OutputKey, string>> {
  const out = outputColumns(grid, header);
  if (out.rankKey >= MAX_COLS) return {};
  return {
    completionRate: colLetter(out.completionRate),
    gapPp: colLetter(out.gapPp),
    status: colLetter(out.status),
    rankInGroup: colLetter(out.rankInGroup),
    rank: colLetter(out.rank),
  };
}

