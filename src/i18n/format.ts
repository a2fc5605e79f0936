/** How figures and cell values appear inside messages, in every locale. */
import type { Field, IssueParams, Unit } from '../core/types';

type Param = IssueParams[string] | undefined;

const PLACEHOLDER = '—';

/** An amount with at most 4 decimals, without trailing zeros; `—` when absent. */
export function num(v: Param): string {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return PLACEHOLDER;
    const rounded = Math.round(v * 1e4) / 1e4;
    return String(rounded === 0 ? 0 : rounded);
  }
  if (typeof v === 'string' && v !== '') return v;
  return PLACEHOLDER;
}

/** A fraction as a percentage with at most 2 decimals: 0.2253 → `22.53%`. */
export function pct(v: Param): string {
  if (typeof v !== 'number' || !Number.isFinite(v)) return PLACEHOLDER;
  const p = Math.round(v * 1e4) / 100;
  return String(p === 0 ? 0 : p) + '%';
}

/** A cell's content as the user typed it. */
export function cell(v: Param): string {
  if (v === null || v === undefined || v === '') return PLACEHOLDER;
  return String(v);
}

/** A field key translated, or a placeholder when the column has no field. */
export function field(names: Record<Field, string>, v: Param): string {
  if (typeof v === 'string' && v in names) return names[v as Field];
  return typeof v === 'string' && v !== '' ? v : PLACEHOLDER;
}

/** A unit translated; 万元 when the rule gave none. */
export function unit(names: Record<Unit, string>, v: Param): string {
  if (v === '元' || v === '万元' || v === '亿元') return names[v];
  return names['万元'];
}

/** Split a comma-separated list param. */
export function list(v: Param): string[] {
  return typeof v === 'string' && v !== '' ? v.split(',') : [];
}
