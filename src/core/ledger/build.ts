/**
 * Project rows read into projects: amounts in 万元, dates, the typed rate, whether
 * the project has started, and the group it is counted and ranked in.
 */
import { MAX_COLS, cellKey, isBlank, type CellValue, type Grid } from '../grid';
import {
  type ClassifiedRow, type Field, type HeaderInfo, type Ledger, type LooseDate, type Project, type Settings,
} from '../types';
import { dateNeedsFormat, readDate, readPeriod } from '../dates';
import { isTidy, removeInvisible } from '../text';
import { keepForProjects } from './text-readings';
import { Recorder, amountColumn, readProjectAmount, readYtdWithParts, type AmountColumn } from './amount-read';
import { readRate } from '../values';
import { Memo } from './cell-memo';

/** Group name of projects whose group cell is blank and that sit under no heading. */
export const UNGROUPED = '未分组';
/** Group name when a ledger has no grouping at all. */
export const ALL_PROJECTS = '全部';

/** The header with the user's column corrections applied (-1 removes a field). */
export function effectiveHeader(header: HeaderInfo, settings: Settings): HeaderInfo {
  const overrides = settings.columnOverrides;
  if (!overrides) return header;
  const columns = { ...header.columns };
  for (const [f, c] of Object.entries(overrides) as [Field, number | undefined][]) {
    if (c === undefined) continue;
    if (c < 0) delete columns[f];
    else columns[f] = c;
  }
  return { ...header, columns };
}

/** True when some project sits under a heading. A loop, not some() with a closure per ledger. */
function headingGroups(rows: readonly ClassifiedRow[]): boolean {
  for (let i = 0; i < rows.length; i++) if (rows[i].kind === 'project' && rows[i].group !== undefined) return true;
  return false;
}

/**
 * Where a project's group comes from: the `--group-by` column when set and present;
 * else the county column; else the headings (`一、市本级`) when there are any; else the
 * responsible unit; else one group of all projects.
 */
export function chooseGroupSource(header: HeaderInfo, rows: readonly ClassifiedRow[], settings: Settings): Ledger['groupSource'] {
  const cols = header.columns;
  if (settings.groupBy && cols[settings.groupBy] !== undefined) return settings.groupBy;
  if (cols.group !== undefined) return 'group';
  if (headingGroups(rows)) return 'heading';
  if (cols.responsibleUnit !== undefined) return 'responsibleUnit';
  return 'none';
}

const WHITESPACE = /\s+/g;

/** Cell text as a value: invisible characters dropped, whitespace runs made one space. */
export function cellText(v: CellValue | undefined): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v !== 'string') return null;
  // Most cells need no tidying: no whitespace but single inner spaces, no invisible character.
  if (isTidy(v)) return v === '' ? null : v;
  const t = removeInvisible(v).replace(WHITESPACE, ' ').trim();
  return t === '' ? null : t;
}

// Negative words first: 未开工 contains 开工.
const NOT_STARTED = /未开工|未開工|未动工|未動工|未开建|尚未|没有开工|未启动|前期|拟开工|擬開工|待开工|计划开工|計劃開工|筹备|准备|^否$|^no?$|^[×✗✘]$/i;
const STARTED = /开工|開工|在建|竣工|续建|續建|建成|投产|投產|完工|施工|停工|缓建|^是$|^y(?:es)?$|^[√✓✔]$/i;

/** 是否开工 / 项目进展状态 text as started or not; null when it says neither. */
export function parseStarted(text: string | null): boolean | null {
  if (text === null) return null;
  const t = text.replace(WHITESPACE, '');
  if (NOT_STARTED.test(t)) return false;
  if (STARTED.test(t)) return true;
  return null;
}

const CONTINUING = /续建|續建/;

/**
 * Without a usable status, a project counts as started when money has gone into it
 * (this month, this year, since its start or before this year) or it is a 续建
 * (continuing) project; otherwise nothing is known and it stays null.
 */
function inferStarted(p: Project): boolean | null {
  if ((p.completedYtd ?? 0) > 0 || (p.completedSinceStart ?? 0) > 0) return true;
  if ((p.monthCompleted ?? 0) > 0 || (p.completedBeforeYear ?? 0) > 0) return true;
  if (p.nature !== null && CONTINUING.test(p.nature)) return true;
  return null;
}

/** For cells merged across rows (a county written once for its block): cell → its merge's top-left. */
function mergeSources(grid: Grid, cols: number[], fromRow: number): Map<number, number> {
  const out = new Map<number, number>();
  if (!grid.merges || cols.length === 0) return out;
  // A merge may claim rows down to 1,048,576: only rows that exist are resolved. Excel
  // refuses overlapping merges, so a cell already claimed ends the merge; the work is
  // then bounded by the cells of the sheet, whatever the merges claim.
  const lastRow = grid.values.length - 1;
  for (const m of grid.merges) {
    if (m.r1 < fromRow) continue;
    const r1 = Math.min(m.r1, lastRow);
    for (const c of cols) {
      if (c < m.c0 || c > m.c1) continue;
      const source = cellKey(m.r0, m.c0);
      for (let r = Math.max(m.r0, fromRow); r <= r1; r++) {
        if (r === m.r0 && c === m.c0) continue;
        const key = cellKey(r, c);
        if (out.has(key)) break;
        out.set(key, source);
      }
    }
  }
  return out;
}

function dateOf(v: CellValue | undefined, fmt: string | undefined): LooseDate | null {
  return readDate(v, fmt).date;
}

type DateMemo = Memo<CellValue | undefined, LooseDate | null, string | undefined>;

// Kept for good and cleared around each ledger (see cell-memo.ts for why).
/** Statuses as started or not. */
const STARTED_TEXT = new Memo(parseStarted, undefined);
/** Date cells whose reading needs no format (text, serials): the usual case. */
const PLAIN_DATES: DateMemo = new Memo<CellValue | undefined, LooseDate | null, string | undefined>(dateOf, undefined);
/** Date cells of a number format that decides their reading, by format. */
const FORMATTED_DATES = new Map<string, DateMemo>();

function clearMemos(): void {
  STARTED_TEXT.clear();
  PLAIN_DATES.clear();
  FORMATTED_DATES.clear();
}

function dateAt(numFmts: Grid['numFmts'], row: (CellValue | undefined)[], r: number, c: number | undefined): LooseDate | null {
  if (c === undefined) return null;
  const v = row[c];
  // Only some numbers need their format (is 2022 a year or a serial?); looking up is not free.
  const fmt = typeof v === 'number' && dateNeedsFormat(v) ? numFmts?.get(cellKey(r, c)) : undefined;
  if (fmt === undefined) return PLAIN_DATES.get(v);
  let read = FORMATTED_DATES.get(fmt);
  if (!read) FORMATTED_DATES.set(fmt, (read = new Memo<CellValue | undefined, LooseDate | null, string | undefined>(dateOf, fmt)));
  return read.get(v);
}

/**
 * Reads every project row into a Project; computed figures are left empty. Equal
 * date cells give the same LooseDate object: projects' dates are read-only.
 */
export function buildProjects(grid: Grid, header: HeaderInfo, rows: readonly ClassifiedRow[], settings: Settings): Project[] {
  const cols = header.columns;
  const source = chooseGroupSource(header, rows, settings);
  const groupCol = source === 'heading' || source === 'none' ? undefined : cols[source];
  const merged = mergeSources(grid, groupCol === undefined ? [] : [groupCol], header.dataStart);
  clearMemos();
  try {
    return readProjects(grid, header, rows, source, groupCol, merged);
  } finally {
    clearMemos();
  }
}

function readProjects(
  grid: Grid, header: HeaderInfo, rows: readonly ClassifiedRow[], source: Ledger['groupSource'], groupCol: number | undefined, merged: Map<number, number>,
): Project[] {
  const cols = header.columns;
  const total = amountColumn(header, 'totalInvestment');
  const before = amountColumn(header, 'completedBeforeYear');
  const plan = amountColumn(header, 'annualPlan');
  const month = amountColumn(header, 'monthCompleted');
  const ytd = amountColumn(header, 'completedYtd');
  const ytdParts = ytd !== null && header.ytdParts?.length ? header.ytdParts : null;
  const sinceStart = amountColumn(header, 'completedSinceStart');
  const funds = amountColumn(header, 'fundsArrived');
  const numFmts = grid.numFmts;
  // Statuses, natures and counties repeat row after row: the last cell read and its
  // text, per column (undefined reads as null, so that pair is already true).
  let statusCell: CellValue | undefined;
  let statusText: string | null = null;
  let natureCell: CellValue | undefined;
  let natureText: string | null = null;
  let groupCell: CellValue | undefined;
  let groupText: string | null = null;
  let count = 0;
  for (let i = 0; i < rows.length; i++) if (rows[i].kind === 'project') count++;
  // Made at its length: grown project by project, a large sheet's list was copied over and over.
  const projects = new Array<Project>(count);
  let made = 0;
  const rec = new Recorder(header.dataStart, Math.max(0, grid.values.length - header.dataStart));
  for (let i = 0; i < rows.length; i++) {
    const cr = rows[i];
    if (cr.kind !== 'project') continue;
    const r = cr.r;
    const row = grid.values[r] ?? [];
    if (cols.status !== undefined && row[cols.status] !== statusCell) statusText = cellText((statusCell = row[cols.status]));
    if (cols.nature !== undefined && row[cols.nature] !== natureCell) natureText = cellText((natureCell = row[cols.nature]));
    const p: Project = {
      r,
      name: (cols.name === undefined ? null : cellText(row[cols.name])) ?? '',
      code: cols.code === undefined ? null : cellText(row[cols.code]),
      group: ALL_PROJECTS,
      subgroup: cr.subgroup ?? null,
      started: null,
      totalInvestment: readProjectAmount(row, total, r, rec),
      completedBeforeYear: readProjectAmount(row, before, r, rec),
      annualPlan: readProjectAmount(row, plan, r, rec),
      monthCompleted: readProjectAmount(row, month, r, rec),
      completedYtd: ytdParts ? readYtdWithParts(row, ytd as AmountColumn, ytdParts) : readProjectAmount(row, ytd, r, rec),
      completedSinceStart: readProjectAmount(row, sinceStart, r, rec),
      fundsArrived: readProjectAmount(row, funds, r, rec),
      reportedRate: cols.reportedRate === undefined ? null : readRate(row[cols.reportedRate], header.ratePercentNumbers, header.ratePercentTextRatio),
      startDate: dateAt(numFmts, row, r, cols.startDate),
      finishDate: dateAt(numFmts, row, r, cols.finishDate),
      statusText: cols.status === undefined ? null : statusText,
      nature: cols.nature === undefined ? null : natureText,
      completionRate: null,
      gapPp: null,
      status: 'unknown',
      rankInGroup: null,
      rank: null,
    };
    if (cols.period !== undefined && (p.startDate === null || p.finishDate === null)) {
      const pv = row[cols.period];
      const period = readPeriod(pv, typeof pv === 'number' && dateNeedsFormat(pv) ? numFmts?.get(cellKey(r, cols.period)) : undefined);
      p.startDate ??= period.start;
      p.finishDate ??= period.finish;
    }
    p.started = STARTED_TEXT.get(p.statusText) ?? inferStarted(p);
    if (groupCol !== undefined) {
      let v = row[groupCol];
      if (isBlank(v)) {
        const from = merged.get(cellKey(r, groupCol));
        if (from !== undefined) v = grid.values[Math.floor(from / MAX_COLS)]?.[from % MAX_COLS];
      }
      if (v !== groupCell) groupText = cellText((groupCell = v));
      p.group = groupText ?? cr.group ?? UNGROUPED;
    } else if (source === 'heading') {
      p.group = cr.group ?? UNGROUPED;
    }
    projects[made++] = p;
  }
  keepForProjects(projects, { grid, columns: rec.columns });
  return projects;
}
