/**
 * Where a sheet's as-of date comes from, in this order:
 * 1. the date the user gave (`--as-of`, the pane's field): `option`;
 * 2. the period the sheet names, its title first, then its header: `title`, `header`;
 * 3. the latest period the other sheets of the same workbook name (a blank copy titled
 *    `南平市<yyyy>年1-<M>月…` shares the period of the sheets beside it): `workbook`;
 * 4. the date in the file name (`…统计-20180927.xlsx`, `2023-03台账.xlsx`,
 *    `2023年3月台账.xlsx`, `3月台账.xlsx` with the year from the workbook or today): `file-name`;
 * 5. today: `today`.
 * Where the header or the file name names another period than the one chosen, the sheet
 * wins and the disagreement is kept for the period-mismatch rule.
 */
import { daysInMonth, monthEnd, parseAsOf, type AsOfPeriod } from './as-of';
import type { AsOfSource, HeaderInfo, PeriodClaim, PeriodConflict, Settings } from './types';

/** A period another sheet of the workbook names: its year filled in, and which sheet. */
export interface WorkbookPeriod {
  claim: PeriodClaim;
  sheet: string;
}

/** What the host knows besides the grids: the file's name, and the workbook's period. */
export interface PeriodContext {
  fileName?: string;
  workbook?: WorkbookPeriod | null;
  /** A year another sheet of the workbook names, for a period without one. */
  workbookYear?: number;
}

export interface ResolvedPeriod {
  asOf: string;
  source: AsOfSource;
  /** The text the date was read from (a title, a header, a file name, the other sheet's name). */
  from: string | null;
  conflicts: PeriodConflict[];
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const pad = (n: number) => String(n).padStart(2, '0');

function checked(year: number, month: number, day?: number): AsOfPeriod | null {
  if (month < 1 || month > 12) return null;
  if (day !== undefined && (day < 1 || day > daysInMonth(year, month))) return null;
  return day === undefined ? { year, month } : { year, month, day };
}

// Compact and dashed dates that parseAsOf does not read; none may touch other digits
// (no lookbehind: older Safari inside Office for Mac cannot parse it).
const COMPACT_DAY = /(?:^|\D)((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)/; // 20180927
const DASHED = /(?:^|\D)((?:19|20)\d{2})[-_.](\d{1,2})(?:[-_.](\d{1,2}))?(?!\d)/; // 2023-03, 2023_03_31
const COMPACT_MONTH = /(?:^|\D)((?:19|20)\d{2})(0[1-9]|1[0-2])(?!\d)/; // 202303

/**
 * The period a file name names, or null: `重点项目统计-20180927.xlsx` → 2018-09-27,
 * `2023-03台账.xlsx` → March 2023, `2023年3月台账.xlsx` → March 2023, `3月台账.xlsx` →
 * March (no year), `1-6月…` → June. Folders and the extension are not read.
 */
export function fileNamePeriod(fileName: string): AsOfPeriod | null {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[A-Za-z0-9]{2,4}$/, '');
  if (base === '') return null;
  let m = COMPACT_DAY.exec(base);
  if (m) return checked(Number(m[1]), Number(m[2]), Number(m[3]));
  m = DASHED.exec(base);
  if (m) return checked(Number(m[1]), Number(m[2]), m[3] === undefined ? undefined : Number(m[3]));
  m = COMPACT_MONTH.exec(base);
  if (m) return checked(Number(m[1]), Number(m[2]));
  return parseAsOf(base);
}

/** The period as YYYY-MM-DD: its day, else the month's last day. */
export function periodDate(p: { year?: number; month: number; day?: number }, fallbackYear: number): string {
  const year = p.year ?? fallbackYear;
  return p.day !== undefined ? `${year}-${pad(p.month)}-${pad(p.day)}` : monthEnd(year, p.month);
}

/** As precise as it is written: `2018-09-27`, `2023-03`, `3月` as `--03`. */
function shownDate(p: AsOfPeriod): string {
  const ym = p.year !== undefined ? `${p.year}-${pad(p.month)}` : `--${pad(p.month)}`;
  return p.day !== undefined ? `${ym}-${pad(p.day)}` : ym;
}

/**
 * Two periods agree at the precision both are written with: the month always, the year
 * and the day when both give one (`截至6月底` agrees with `2023年6月`; a file dated
 * 20230627 agrees with `6月`, but not with `截至6月20日`).
 */
export function samePeriod(a: { year?: number; month: number; day?: number }, b: { year?: number; month: number; day?: number }): boolean {
  if (a.month !== b.month) return false;
  if (a.year !== undefined && b.year !== undefined && a.year !== b.year) return false;
  if (a.day !== undefined && b.day !== undefined && a.day !== b.day) return false;
  return true;
}

/** The year a period without one takes: the sheet's, the file name's, the workbook's, today's. */
function yearFor(header: HeaderInfo | null, file: AsOfPeriod | null, context: PeriodContext, settings: Settings): number {
  return header?.year ?? file?.year ?? context.workbook?.claim.year ?? context.workbookYear ?? Number(settings.today.slice(0, 4));
}

export function resolvePeriod(header: HeaderInfo | null, settings: Settings, context: PeriodContext = {}): ResolvedPeriod {
  const file = context.fileName ? fileNamePeriod(context.fileName) : null;
  const year = yearFor(header, file, context, settings);
  const conflicts: PeriodConflict[] = [];
  if (settings.asOf && ISO_DATE.test(settings.asOf)) return { asOf: settings.asOf, source: 'option', from: null, conflicts };
  const claims = header?.asOfClaims ?? (header?.asOf ? [header.asOf] : []);
  const own = claims[0];
  if (own) {
    const chosen = { from: own.from ?? 'title', source: own.source };
    const at = { r: own.r ?? header?.rows[0] ?? 0, c: own.c ?? 0 };
    // One warning per other claim that disagrees (the title's second line repeats the first).
    const seen = new Set<string>();
    for (const other of claims.slice(1)) {
      if (other.from !== 'header' || samePeriod(own, other)) continue;
      const date = shownDate(other);
      if (seen.has(date)) continue;
      seen.add(date);
      conflicts.push({ r: other.r ?? at.r, c: other.c ?? at.c, chosen, other: { from: 'header', source: other.source, date } });
    }
    if (file && !samePeriod(own, file)) {
      conflicts.push({ ...at, chosen, other: { from: 'file-name', source: context.fileName ?? '', date: shownDate(file) } });
    }
    return { asOf: periodDate(own, year), source: own.from ?? 'title', from: own.source, conflicts };
  }
  if (context.workbook) return { asOf: periodDate(context.workbook.claim, year), source: 'workbook', from: context.workbook.sheet, conflicts };
  if (file) return { asOf: periodDate(file, year), source: 'file-name', from: context.fileName ?? null, conflicts };
  return { asOf: settings.today, source: 'today', from: null, conflicts };
}
