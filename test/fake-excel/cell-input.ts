/**
 * What Excel makes of a string written to `values` or `formulas`: like typing it.
 * `'0012` stays text, `0012` becomes 12, `2022-06-30` a date, `=A1` a formula.
 */
import type { FakeValue } from './model';

export const ERROR_LITERALS: readonly string[] = [
  '#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA', '#SPILL!', '#CALC!',
];

const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const ISO_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;

export type Interpreted =
  | { kind: 'skip' }
  | { kind: 'clear' }
  | { kind: 'formula'; formula: string }
  | { kind: 'value'; value: FakeValue; numFmt?: string };

/** Days since 1899-12-30, Excel's date serial. */
export function dateSerial(y: number, m: number, d: number): number {
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000;
}

export function interpretInput(input: unknown): Interpreted {
  if (input === null || input === undefined) return { kind: 'skip' };
  if (typeof input === 'number') return { kind: 'value', value: input };
  if (typeof input === 'boolean') return { kind: 'value', value: input };
  if (typeof input !== 'string') return { kind: 'value', value: String(input) };
  const s = input;
  if (s === '') return { kind: 'clear' };
  if (s.startsWith("'")) return s.length === 1 ? { kind: 'clear' } : { kind: 'value', value: s.slice(1) };
  if (s.startsWith('=') && s.length > 1) return { kind: 'formula', formula: s.slice(1) };
  const upper = s.trim().toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return { kind: 'value', value: upper === 'TRUE' };
  if (ERROR_LITERALS.includes(upper)) return { kind: 'value', value: { error: upper } };
  const t = s.trim();
  const pct = t.endsWith('%');
  const body = pct ? t.slice(0, -1) : t;
  if (body !== '' && /\d/.test(body) && NUMBER.test(body)) {
    const n = Number(body.replace(/,/g, ''));
    if (Number.isFinite(n)) return pct ? { kind: 'value', value: n / 100, numFmt: '0%' } : { kind: 'value', value: n };
  }
  const d = ISO_DATE.exec(t);
  if (d) {
    const y = Number(d[1]);
    const m = Number(d[2]);
    const day = Number(d[3]);
    if (m >= 1 && m <= 12 && day >= 1 && day <= 31) return { kind: 'value', value: dateSerial(y, m, day), numFmt: 'yyyy-mm-dd' };
  }
  if (s.startsWith('+') || s.startsWith('-')) return { kind: 'formula', formula: s };
  return { kind: 'value', value: s };
}
