/** Date serials: Excel's 1900 system (with its phantom 1900-02-29) and the 1904 system. */

/** Days between the 1904 and 1900 systems' day zero. */
export const DATE1904_OFFSET = 1462;

const MS_PER_DAY = 86400000;
const EPOCH_1899_12_30 = Date.UTC(1899, 11, 30);
const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const TIME_RE = /^(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?$/;

/**
 * An ISO 8601 date (t="d" cells) to a 1900-system serial; the time zone, if any,
 * is ignored because a cell shows wall-clock time. Null when it is not a date.
 */
export function isoToSerial(iso: string): number | null {
  const s = iso.trim();
  const t = TIME_RE.exec(s);
  if (t) return timeFraction(t[1], t[2], t[3], t[4]);
  const m = ISO_RE.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const utc = Date.UTC(y, mo - 1, d);
  const check = new Date(utc);
  if (check.getUTCDate() !== d) return null;
  let days = Math.round((utc - EPOCH_1899_12_30) / MS_PER_DAY);
  // Before 1900-03-01 Excel counts from 1899-12-31 (it believes 1900 was a leap year).
  if (days < 61) days -= 1;
  return days + (m[4] ? timeFraction(m[4], m[5], m[6], m[7]) : 0);
}

function timeFraction(h: string, mi: string, sec?: string, frac?: string): number {
  const seconds = Number(h) * 3600 + Number(mi) * 60 + Number(sec ?? 0) + Number(frac ?? 0);
  return seconds / 86400;
}
