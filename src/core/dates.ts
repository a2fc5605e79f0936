/**
 * Dates as ledgers write them: Excel serial numbers (1900 system), years, year-months
 * (`2022.6`, `202206`, `2022年6月`), full dates in several spellings, and periods
 * (`2021-2023`, `2021.3—2023.12`). A date may be loose: only a year, or a year and month.
 */
import { isCellError, isDateFormat, type CellValue } from './grid';
import type { LooseDate } from './types';
import { cleanText } from './values';

/** The largest serial Excel accepts: 9999-12-31. */
export const MAX_SERIAL = 2958465;
/** Years a ledger date may plausibly carry. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2200;

/** 1970-01-01 as an Excel serial. */
const EPOCH_SERIAL = 25569;
/** The serial of 1900-02-29, the day Lotus 1-2-3 invented and Excel kept. */
const FAKE_LEAP_DAY = 60;

// ---------------------------------------------------------------- day arithmetic

/** Days since 1970-01-01 of a proleptic Gregorian date (no Date object, no time zone). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1];
}

function validDate(year: number, month?: number, day?: number): boolean {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) return false;
  if (month === undefined) return day === undefined;
  if (month < 1 || month > 12) return false;
  if (day === undefined) return true;
  return day >= 1 && day <= daysInMonth(year, month);
}

// ---------------------------------------------------------------- serials

/**
 * An Excel serial (1900 system) to a date; the time of day is dropped. Serial 60 is
 * Excel's fictitious 1900-02-29, so serials 1..59 are one day off the real calendar.
 * Defined for 1..MAX_SERIAL; the caller checks the range.
 */
export function serialToDate(serial: number): LooseDate {
  const s = Math.floor(serial);
  if (s === FAKE_LEAP_DAY) return { year: 1900, month: 2, day: 29 };
  const days = s < FAKE_LEAP_DAY ? s - EPOCH_SERIAL + 1 : s - EPOCH_SERIAL;
  return civilFromDays(days);
}

/** A date to its Excel serial; a missing month or day counts as the first. */
export function dateToSerial(d: LooseDate): number {
  const month = d.month ?? 1;
  const day = d.day ?? 1;
  if (d.year === 1900 && month === 2 && day === 29) return FAKE_LEAP_DAY;
  const s = daysFromCivil(d.year, month, day) + EPOCH_SERIAL;
  return s <= FAKE_LEAP_DAY ? s - 1 : s;
}

// ---------------------------------------------------------------- reading cells

export interface ReadDate {
  date: LooseDate | null;
  /** True when the cell tries to be a date and is not one (`2022.13`, `2022-02-30`). */
  invalid: boolean;
}

const NO_DATE: ReadDate = { date: null, invalid: false };
const INVALID: ReadDate = { date: null, invalid: true };

// year, then optional month and day with 年月日 or . - / separators, an optional
// vague suffix (`2022年底`, `2022年6月上旬`) and an optional time of day.
const DATE_TEXT =
  /^(\d{4})(?:年|[.\-/])?(?:(\d{1,2})(?:月|[.\-/])?(?:(\d{1,2})[日号]?)?)?(?:底|末|初|内|份|上旬|中旬|下旬|上半年|下半年)?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;
const HAS_DIGIT = /\d/;
const TWO_DECIMALS = /0\.00(?![0#])/;

function looseOf(year: number, month?: number, day?: number): ReadDate {
  if (!validDate(year, month, day)) return INVALID;
  // One literal per precision: dates of one precision share one shape, which stays
  // known to the compiler between runs (shapes made by adding fields can be dropped).
  const date: LooseDate = month === undefined ? { year } : day === undefined ? { year, month } : { year, month, day };
  return { date, invalid: false };
}

// Formats are few and repeat on every row: remember what each one is.
const dateFormats = new Map<string, boolean>();

function isDateFmt(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  let known = dateFormats.get(numFmt);
  if (known === undefined) {
    known = isDateFormat(numFmt);
    if (dateFormats.size < 1000) dateFormats.set(numFmt, known);
  }
  return known;
}

function readDateNumber(v: number, numFmt: string | undefined): ReadDate {
  if (!Number.isFinite(v)) return INVALID;
  if (isDateFmt(numFmt)) {
    return v >= 1 && v < MAX_SERIAL + 1 ? { date: serialToDate(v), invalid: false } : INVALID;
  }
  if (Number.isInteger(v)) {
    if (v >= MIN_YEAR && v <= MAX_YEAR) return looseOf(v);
    if (v >= MIN_YEAR * 100 && v <= MAX_YEAR * 100 + 12) return looseOf(Math.floor(v / 100), v % 100);
    if (v >= MIN_YEAR * 10000 && v <= MAX_YEAR * 10000 + 1231) {
      return looseOf(Math.floor(v / 10000), Math.floor(v / 100) % 100, v % 100);
    }
  } else if (v > MIN_YEAR && v < MAX_YEAR + 1) {
    // `2022.6` typed into a General cell is stored as the number 2022.6: a year and month.
    // `2022.10` is stored as 2022.1; a format showing two decimals tells it apart.
    const frac = String(v).split('.')[1] ?? '';
    if (frac.length > 2) return INVALID;
    let month = Number(frac);
    if (frac.length === 1 && numFmt && TWO_DECIMALS.test(numFmt)) month *= 10;
    return looseOf(Math.floor(v), month);
  }
  return v >= 1 && v < MAX_SERIAL + 1 ? { date: serialToDate(v), invalid: false } : INVALID;
}

const INNER_SPACE = /\s+(?!\d{1,2}:)/g;

/**
 * True when readDate's reading of the number `v` depends on its number format (a
 * year, year-month or yyyymmdd could also be a serial). Elsewhere it is a serial
 * either way, so a caller may skip looking the format up.
 */
export function dateNeedsFormat(v: number): boolean {
  return (
    (v >= MIN_YEAR && v < MAX_YEAR + 1) ||
    (v >= MIN_YEAR * 100 && v <= MAX_YEAR * 100 + 12) ||
    (v >= MIN_YEAR * 10000 && v <= MAX_YEAR * 10000 + 1231)
  );
}

function readDateText(s: string): ReadDate {
  // `2022 年 6 月`: spaces matter only before a time of day.
  const t = cleanText(s).replace(INNER_SPACE, '');
  if (t === '' || !HAS_DIGIT.test(t)) return NO_DATE;
  const m = DATE_TEXT.exec(t);
  if (!m) return INVALID;
  return looseOf(Number(m[1]), m[2] === undefined ? undefined : Number(m[2]), m[3] === undefined ? undefined : Number(m[3]));
}

/**
 * A cell of a date column as a date. A number with a date format is a serial; without
 * one, 2022 is a year, 202206 a year-month, 20220630 a date, 2022.6 a year-month, and
 * any other number in 1..MAX_SERIAL a serial. Text without any digit (`待定`, `—`) is
 * no date but not an invalid one either; error values are left to the formula-error rule.
 */
export function readDate(v: CellValue | undefined, numFmt?: string): ReadDate {
  if (v === null || v === undefined) return NO_DATE;
  if (typeof v === 'number') return readDateNumber(v, numFmt);
  if (typeof v === 'string') return readDateText(v);
  if (isCellError(v)) return NO_DATE;
  return INVALID;
}

export interface ReadPeriod {
  start: LooseDate | null;
  finish: LooseDate | null;
  invalid: boolean;
}

const PERIOD_SEPARATOR = /\s*(?:—+|–|~|至|到)\s*/;
const SHORT_YEAR = /^(\d{2})(年)?$/;

/**
 * A construction period (建设起止年限): `2021-2023`, `2021—2023年`, `2021.3-2023.12`,
 * `2021年3月-2023年12月`, `2021-23`. A single year is a one-year period.
 */
export function readPeriod(v: CellValue | undefined, numFmt?: string): ReadPeriod {
  if (typeof v === 'number') {
    const d = readDate(v, numFmt);
    if (!d.date) return { start: null, finish: null, invalid: d.invalid };
    return { start: d.date, finish: d.date.month === undefined ? d.date : null, invalid: false };
  }
  if (typeof v !== 'string') {
    const d = readDate(v, numFmt);
    return { start: null, finish: null, invalid: d.invalid };
  }
  const t = cleanText(v);
  if (t === '' || !HAS_DIGIT.test(t)) return { start: null, finish: null, invalid: false };
  const parts = splitPeriod(t);
  if (!parts) return { start: null, finish: null, invalid: true };
  if (parts.length === 1) {
    const d = readDateText(parts[0]);
    if (!d.date) return { start: null, finish: null, invalid: true };
    return { start: d.date, finish: d.date.month === undefined ? d.date : null, invalid: false };
  }
  const start = readDateText(parts[0]);
  let finishText = parts[1];
  const short = SHORT_YEAR.exec(finishText);
  if (short && start.date) finishText = String(Math.floor(start.date.year / 100)) + short[1];
  const finish = readDateText(finishText);
  const invalid = start.invalid || finish.invalid || (parts[0] !== '' && !start.date) || (parts[1] !== '' && !finish.date);
  return { start: start.date, finish: finish.date, invalid };
}

/** The start and finish texts of a period, or null when the split is ambiguous. */
function splitPeriod(t: string): string[] | null {
  const bySeparator = t.split(PERIOD_SEPARATOR);
  if (bySeparator.length === 2) return [bySeparator[0].trim(), bySeparator[1].trim()];
  if (bySeparator.length > 2) return null;
  // Only hyphens: they separate the two ends and may also sit inside each date,
  // so the middle one of an odd count is the separator (`2021-3-2023-12`).
  const hyphens: number[] = [];
  for (let i = 0; i < t.length; i++) if (t[i] === '-') hyphens.push(i);
  if (hyphens.length === 0) return [t];
  if (hyphens.length % 2 === 0) {
    // `2022-06-30` alone: a single date, not a period.
    return DATE_TEXT.test(t) ? [t] : null;
  }
  const at = hyphens[(hyphens.length - 1) / 2];
  return [t.slice(0, at).trim(), t.slice(at + 1).trim()];
}

// ---------------------------------------------------------------- comparing

/**
 * Compares at the precision both dates have: {2022} and 2022-06-30 are equal,
 * {2022, 6} is before 2022-07-01. Returns -1, 0 or 1.
 */
export function compareLoose(a: LooseDate, b: LooseDate): number {
  if (a.year !== b.year) return a.year < b.year ? -1 : 1;
  if (a.month === undefined || b.month === undefined) return 0;
  if (a.month !== b.month) return a.month < b.month ? -1 : 1;
  if (a.day === undefined || b.day === undefined) return 0;
  if (a.day !== b.day) return a.day < b.day ? -1 : 1;
  return 0;
}

function pad2(n: number): string {
  return n < 10 ? '0' + String(n) : String(n);
}

/** `2022-06-30`, `2022-06` or `2022`, as precise as the date is. */
export function isoDate(d: LooseDate): string {
  let s = String(d.year);
  if (d.month !== undefined) s += '-' + pad2(d.month);
  if (d.month !== undefined && d.day !== undefined) s += '-' + pad2(d.day);
  return s;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A `YYYY-MM-DD` string to a date; null when it is not a real day. */
export function parseIsoDate(s: string): LooseDate | null {
  const m = ISO_DAY.exec(s.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}
