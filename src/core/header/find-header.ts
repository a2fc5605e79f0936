/**
 * Understanding the header of a ledger sheet: where it is, which column holds
 * which field, the unit, the period it reports on, and the tool's own columns
 * from an earlier run. Reads only the top rows of the sheet.
 * Over 300 lines because choosing a column for each field is one ranking (rankColumns) whose
 * steps weigh each other's results: the overrides, the key fields, the year columns and the
 * unit all decide over the same candidates, and findHeader is its one caller.
 */
import { cellKey, type Grid } from '../grid';
import { rateScale } from './rate-scale';
import { parseAsOf, parseYear } from '../as-of';
import { displayHeader, normalizeHeader } from '../text';
import type { ColumnChoice, Field, HeaderInfo, NoLedger, PeriodClaim, Settings, SkippedColumn, Unit } from '../types';
import { chooseYtd } from './evidence';
import { AMOUNT_FIELDS, FIELDS } from '../types';
import {
  columnLevels, headerRowsFrom, headerScore, isNumberingRow, ownCells, readWindow, type HeaderWindow,
} from './header-rows';
import { checkMonthColumn } from './month-column';
import { checkNameColumn } from './name-column';
import { findContinuation, type Continuation } from './continuation';
import { findOwnColumns } from './own-columns';
import { FIGURE_FIELDS, partsCandidates, readParts } from './parts';
import { scoreHeader } from './synonyms';
import { commonUnit, isUnitLineOnly, unitInHeader, unitLineIn } from './units';

/** The fields that make a sheet a ledger: a name and two of the three amounts. */
export const KEY_FIELDS: readonly Field[] = ['name', 'totalInvestment', 'annualPlan', 'completedYtd'];
const KEY_AMOUNTS: readonly Field[] = ['totalInvestment', 'annualPlan', 'completedYtd'];
/** Header rows tried before giving up. */
const MAX_TRIES = 6;

/**
 * Assigns each field at most one column and each column at most one field, best
 * score first (ties: leftmost column, then the order of FIELDS). The user's
 * overrides are placed first and take their columns out of the contest.
 */
export function assignColumns(
  levels: readonly string[][],
  exclude: readonly number[],
  overrides: Partial<Record<Field, number>> | undefined,
  ledgerYear?: number,
): Partial<Record<Field, number>> {
  return rankColumns(levels, exclude, overrides, ledgerYear).columns;
}

/** A column's reading as a field: its score, and whether the header alone cannot tell. */
export interface ColumnCandidate {
  c: number;
  field: Field;
  score: number;
  weak: boolean;
}

/**
 * Scores every column as every field: figure fields from the header's parts
 * (parts.ts), plain names from the synonym table. A synonym reading of a figure
 * field only fills in for a column whose parts say nothing (it scores below any parts
 * reading): a header the parts read as this month's is not also a weak year to date.
 */
export function columnCandidates(levels: readonly string[][], ledgerYear?: number): ColumnCandidate[] {
  const all: ColumnCandidate[] = [];
  levels.forEach((lv, c) => {
    const parts = partsCandidates(lv, ledgerYear);
    for (const p of parts) all.push({ c, field: p.field, score: p.score, weak: p.weak });
    for (const cand of scoreHeader(lv)) {
      if (!FIGURE.has(cand.field)) all.push({ c, field: cand.field, score: cand.score, weak: false });
      else if (parts.length === 0) all.push({ c, field: cand.field, score: Math.min(cand.score, SYNONYM_FIGURE_CAP) - SYNONYM_FIGURE_DROP, weak: true });
    }
  });
  return all;
}

const FIGURE = new Set<Field>(FIGURE_FIELDS);
/** Where a synonym alone reads a figure field: below every parts reading. */
const SYNONYM_FIGURE_CAP = 1300;
const SYNONYM_FIGURE_DROP = 500;

export function rankColumns(
  levels: readonly string[][],
  exclude: readonly number[],
  overrides: Partial<Record<Field, number>> | undefined,
  ledgerYear?: number,
): { columns: Partial<Record<Field, number>>; candidates: ColumnCandidate[] } {
  const columns: Partial<Record<Field, number>> = {};
  const takenCols = new Set<number>(exclude);
  const takenFields = new Set<Field>();
  for (const field of FIELDS) {
    const col = overrides?.[field];
    if (col === undefined) continue;
    takenFields.add(field);
    if (col >= 0) {
      columns[field] = col;
      takenCols.add(col);
    }
  }
  const candidates = columnCandidates(levels, ledgerYear);
  const all = candidates.filter((x) => !takenCols.has(x.c));
  const order = new Map(FIELDS.map((f, i) => [f, i]));
  all.sort((a, b) => b.score - a.score || a.c - b.c || order.get(a.field)! - order.get(b.field)!);
  for (const { c, field } of all) {
    if (takenCols.has(c) || takenFields.has(field)) continue;
    columns[field] = c;
    takenCols.add(c);
    takenFields.add(field);
  }
  return { columns, candidates: all };
}

function missingKeys(columns: Partial<Record<Field, number>>): Field[] {
  return KEY_FIELDS.filter((f) => columns[f] === undefined);
}

function isLedger(columns: Partial<Record<Field, number>>): boolean {
  return columns.name !== undefined && KEY_AMOUNTS.filter((f) => columns[f] !== undefined).length >= 2;
}

/** `填报单位：`, `填报日期：`, `联系电话：`: form fields, not a title. */
const FORM_FIELD = /^(?:填报|填表|制表|审核|联系|报送|负责人)/;

interface PreHeader {
  title: string[];
  /** 0-based cell of each title line. */
  titleAt: { r: number; c: number }[];
  unit: { unit: Unit; text: string } | null;
}

/** Title lines and the unit line above the header (the unit may also sit in the header rows). */
function readPreHeader(w: HeaderWindow, rows: readonly number[]): PreHeader {
  const title: string[] = [];
  const titleAt: PreHeader['titleAt'] = [];
  let unit: PreHeader['unit'] = null;
  const last = rows[rows.length - 1];
  for (let r = w.r0; r <= last; r++) {
    const cells = ownCells(w, r).filter((x) => x.text !== '');
    for (const x of cells) if (!unit) unit = unitLineIn(x.text);
    if (r >= rows[0]) continue;
    const rest = cells.filter((x) => !isUnitLineOnly(x.text) && !FORM_FIELD.test(normalizeHeader(x.text)));
    if (rest.length === 1) {
      title.push(displayHeader(rest[0].text));
      titleAt.push({ r, c: rest[0].c });
    }
  }
  return { title, titleAt, unit };
}

/**
 * The periods the sheet names: each title line's, then the year-to-date and this-month
 * headers'. A claim without a year takes the year the title or the plan and year-to-date
 * headers name (not the before-the-year column: `至2021年底`).
 */
function readAsOfClaims(
  pre: PreHeader, labels: readonly string[], columns: Partial<Record<Field, number>>, headerRow: number, continuation: Continuation | null,
): { claims: PeriodClaim[]; year?: number } {
  const labelOf = (f: Field) => (columns[f] === undefined ? '' : labels[columns[f]!] ?? '');
  const texts: { text: string; from: 'title' | 'header'; r: number; c: number }[] = pre.title.map((text, i) => ({ text, from: 'title' as const, ...pre.titleAt[i] }));
  // Period columns after the year to date (`8月上旬完成`): the last one's period is the header's.
  const lastPart = continuation ? continuation.cols[continuation.cols.length - 1] : undefined;
  for (const f of ['completedYtd', 'monthCompleted'] as const) {
    let c = columns[f];
    if (c !== undefined && continuation?.cols.includes(c)) continue;
    if (f === 'completedYtd' && lastPart !== undefined) c = lastPart;
    if (c !== undefined && labels[c]) texts.push({ text: labels[c], from: 'header', r: headerRow, c });
  }
  let year: number | undefined;
  for (const text of [...pre.title, labelOf('annualPlan'), labelOf('completedYtd'), labelOf('monthCompleted')]) {
    if (year !== undefined) break;
    if (text) year = parseYear(text);
  }
  const claims: PeriodClaim[] = [];
  for (const t of texts) {
    const p = parseAsOf(t.text);
    if (!p) continue;
    const out: PeriodClaim = { month: p.month, source: t.text, from: t.from, r: t.r, c: t.c };
    const y = p.year ?? year;
    if (y !== undefined) out.year = y;
    if (p.day !== undefined) out.day = p.day;
    claims.push(out);
  }
  return year === undefined ? { claims } : { claims, year };
}

/** The as-of period without where it sits (the claims keep that). */
function plainPeriod(claim: PeriodClaim | undefined): HeaderInfo['asOf'] {
  if (!claim) return null;
  const out: PeriodClaim = { month: claim.month, source: claim.source };
  if (claim.year !== undefined) out.year = claim.year;
  if (claim.day !== undefined) out.day = claim.day;
  return out;
}

function yearOfTitle(title: readonly string[]): number | undefined {
  for (const t of title) {
    const y = parseYear(t);
    if (y !== undefined) return y;
  }
  return undefined;
}

function isPercentHeader(label: string | undefined): boolean {
  if (!label) return false;
  const t = normalizeHeader(label);
  return t.endsWith('%') || t.includes('(%)') || t.endsWith('%)');
}

/** A row whose words are merged down from the rows above starts lower than the header does. */
function headerTop(w: HeaderWindow, r: number): number {
  let top = r;
  for (let c = 0; c < w.width; c++) {
    const m = w.merges.get(cellKey(r, c));
    if (m && m.r0 < top && m.r0 >= r - 2 && m.r0 >= w.r0) top = m.r0;
  }
  return top;
}

/** Rows looked at to tell an empty column from a filled one. */
const FILL_SAMPLE = 200;

/**
 * A hidden or empty column does not keep a field from a visible, filled column whose
 * header reads as the same field about as well (a hidden copy of 1-6月完成, a blank
 * leftover column of last year's template).
 */
function preferFilled(
  w: HeaderWindow, dataStart: number, columns: Partial<Record<Field, number>>, candidates: readonly ColumnCandidate[],
  overrides: Partial<Record<Field, number>>, skipped: SkippedColumn[],
): (c: number) => boolean {
  const grid = w.grid;
  const filled = new Map<number, boolean>();
  const isFilled = (c: number) => {
    let f = filled.get(c);
    if (f === undefined) {
      f = false;
      const to = Math.min(grid.values.length, dataStart + FILL_SAMPLE);
      for (let r = dataStart; r < to && !f; r++) {
        const v = grid.values[r]?.[c];
        f = v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '');
      }
      filled.set(c, f);
    }
    return f;
  };
  const usable = (c: number) => !grid.hiddenCols?.has(c) && isFilled(c);
  const used = new Set(Object.values(columns));
  for (const [field, c] of Object.entries(columns) as [Field, number][]) {
    if (overrides[field] !== undefined || usable(c)) continue;
    const own = candidates.find((k) => k.c === c && k.field === field);
    if (!own) continue;
    const alt = candidates
      .filter((k) => k.field === field && k.c !== c && !used.has(k.c) && k.score >= own.score - CLOSE_SCORE && usable(k.c))
      .sort((a, b) => b.score - a.score || a.c - b.c)[0];
    if (!alt) continue;
    used.delete(c);
    used.add(alt.c);
    columns[field] = alt.c;
    skipped.push({ field, column: c, hidden: !!grid.hiddenCols?.has(c), chosen: alt.c });
  }
  return usable;
}
/** Header scores this close read as the same field about as well. */
const CLOSE_SCORE = 100;

/** The year-to-date column checked against the figures where two or more columns could be it. */
function checkYtd(
  w: HeaderWindow,
  dataStart: number,
  columns: Partial<Record<Field, number>>,
  candidates: readonly ColumnCandidate[],
  labels: readonly string[],
  settings: Settings,
  levels: readonly string[][],
): Partial<Record<Field, ColumnChoice>> {
  const choices: Partial<Record<Field, ColumnChoice>> = {};
  const overrides = settings.columnOverrides ?? {};
  for (const [f, c] of Object.entries(columns) as [Field, number][]) {
    choices[f] = { column: c, source: overrides[f] !== undefined ? 'override' : 'header' };
  }
  if (overrides.completedYtd !== undefined) return choices;
  const fieldOf = new Map<number, Field>();
  for (const [f, c] of Object.entries(columns) as [Field, number][]) fieldOf.set(c, f);
  const prior = new Map<number, number>();
  for (const k of candidates) {
    if (k.field !== 'completedYtd' && !(k.field === 'completedSinceStart' && k.weak)) continue;
    const held = fieldOf.get(k.c);
    if (held !== undefined && held !== 'completedYtd' && !(held === 'completedSinceStart' && k.weak)) continue;
    if (held === 'completedSinceStart' && overrides.completedSinceStart !== undefined) continue;
    const p = k.field === 'completedYtd' ? (k.weak ? 0.3 : 1) : 0.2;
    prior.set(k.c, Math.max(prior.get(k.c) ?? 0, p));
  }
  if (prior.size < 2) return choices;
  const sinceStartOpen = new Set(candidates.filter((k) => k.field === 'completedSinceStart').map((k) => k.c));
  const contenders = [...prior].map(([c, p]) => ({
    c, prior: p, mayBeSinceStart: sinceStartOpen.has(c), soFar: readParts(levels[c] ?? []).partOfYear,
  }));
  const ratePercent = columns.reportedRate !== undefined && isPercentHeader(labels[columns.reportedRate]);
  const { choice, sinceStart } = chooseYtd(w.grid, dataStart, contenders, columns, ratePercent, settings.rateTolerance);
  const was = columns.completedYtd;
  if (was !== choice.column) {
    if (columns.completedSinceStart === choice.column) {
      delete columns.completedSinceStart;
      delete choices.completedSinceStart;
    }
    columns.completedYtd = choice.column;
  }
  choices.completedYtd = choice;
  if (sinceStart !== undefined && !Object.values(columns).includes(sinceStart)) {
    columns.completedSinceStart = sinceStart;
    choices.completedSinceStart = { column: sinceStart, source: 'evidence' };
  }
  return choices;
}

function build(w: HeaderWindow, r: number, settings: Settings): { info: HeaderInfo; ok: boolean } {
  const rows = headerRowsFrom(w, headerTop(w, r));
  const last = rows[rows.length - 1];
  const dataStart = last + 1 < w.r1 && isNumberingRow(w, last + 1) ? last + 2 : last + 1;
  const levels = columnLevels(w, rows);
  const labels = levels.map((lv) => lv.map(displayHeader).join(' / '));
  const ownColumns = findOwnColumns(labels);
  const pre = readPreHeader(w, rows);
  const ledgerYear = yearOfTitle(pre.title);
  const { columns, candidates } = rankColumns(levels, ownColumns, settings.columnOverrides, ledgerYear);
  // The name column from the headers and the data: the text column that names each row.
  const nameChoice = settings.columnOverrides?.name === undefined ? checkNameColumn(w.grid, dataStart, levels, columns, ownColumns) : null;
  let columnChoices: HeaderInfo['columnChoices'];
  const skipped: SkippedColumn[] = [];
  if (isLedger(columns)) {
    const usable = preferFilled(w, dataStart, columns, candidates, settings.columnOverrides ?? {}, skipped);
    columnChoices = checkYtd(w, dataStart, columns, candidates.filter((k) => usable(k.c) || columns[k.field] === k.c), labels, settings, levels);
    if (nameChoice && columns.name === nameChoice.column) columnChoices.name = nameChoice;
    const iso = settings.asOf && /^\d{4}-(\d{2})-\d{2}$/.exec(settings.asOf);
    const periodMonth = iso ? Number(iso[1]) : readAsOfClaims(pre, labels, columns, rows[rows.length - 1], null).claims[0]?.month;
    checkMonthColumn(levels, columns, columnChoices, candidates, periodMonth, settings.columnOverrides?.monthCompleted !== undefined);
  }

  const headerUnits = new Map<Field, Unit>();
  for (const f of AMOUNT_FIELDS) {
    const c = columns[f];
    if (c === undefined) continue;
    const u = unitInHeader(levels[c].join(''));
    if (u) headerUnits.set(f, u);
  }
  const unit = pre.unit?.unit ?? commonUnit([...headerUnits.values()]) ?? '万元';
  const columnUnits: Partial<Record<Field, Unit>> = {};
  for (const [f, u] of headerUnits) if (u !== unit) columnUnits[f] = u;

  const found = KEY_FIELDS.length - missingKeys(columns).length;
  const scale = rateScale(w.grid, dataStart, columns, columns.reportedRate !== undefined && isPercentHeader(labels[columns.reportedRate]));
  const continuation = isLedger(columns) ? findContinuation(labels, columns) : null;
  const period = readAsOfClaims(pre, labels, columns, rows[rows.length - 1], continuation);
  const info: HeaderInfo = {
    rows,
    dataStart,
    columns,
    labels,
    unit,
    unitText: pre.unit?.text ?? null,
    columnUnits,
    ratePercentNumbers: scale.percentNumbers,
    asOf: plainPeriod(period.claims[0]),
    asOfClaims: period.claims,
    ...(period.year !== undefined ? { year: period.year } : {}),
    title: pre.title,
    ownColumns,
    confidence: found / KEY_FIELDS.length,
  };
  if (columnChoices) info.columnChoices = columnChoices;
  if (skipped.length) info.skippedColumns = skipped;
  if (scale.percentTextRatio) info.ratePercentTextRatio = true;
  if (continuation) info.ytdParts = continuation.cols;
  return { info, ok: isLedger(columns) };
}

/**
 * The header of a ledger sheet, or why the sheet is not a ledger. Tries the rows
 * that read most like a header, top first, and takes the first that yields a
 * name and two of total investment, annual plan and completed-to-date.
 */
export function findHeader(grid: Grid, settings: Settings): HeaderInfo | NoLedger {
  const w = readWindow(grid);
  if (!w) return { reason: 'empty-sheet', missing: [...KEY_FIELDS] };
  const scores: { r: number; score: number }[] = [];
  for (let r = w.r0; r < w.r1; r++) {
    const score = headerScore(w, r);
    if (score > 0) scores.push({ r, score });
  }
  if (scores.length === 0) return { reason: 'no-header', missing: [...KEY_FIELDS] };
  // Rows with two or more header words first, in sheet order; single-word rows after.
  const tries = [...scores.filter((s) => s.score >= 2), ...scores.filter((s) => s.score < 2)].slice(0, MAX_TRIES);
  let best: HeaderInfo | null = null;
  for (const { r } of tries) {
    const { info, ok } = build(w, r, settings);
    if (ok) return info;
    if (!best || info.confidence > best.confidence) best = info;
  }
  return { reason: 'missing-key-columns', missing: missingKeys(best!.columns) };
}
