/**
 * Every amount of every project as one Float64Array per field (NaN = blank), read
 * once per ledger. Loops over these arrays stay monomorphic and fast, where reading
 * `project[field]` for seven fields through one call site does not.
 * The arrays are working arrays kept for the next ledger (core/scratch.ts): one ledger
 * holds them at a time, and a ledger whose arrays were taken over reads its amounts
 * again when asked. No rule asks for two ledgers' arrays at once.
 */
import type { Field, Ledger, Project } from '../types';
import { f64Scratch } from '../scratch';

export type AmountArrays = Partial<Record<Field, Float64Array>>;

const cache = new WeakMap<Ledger, AmountArrays>();
/** The ledger whose arrays the slots hold. */
let holder: Ledger | null = null;
const SLOTS = Array.from({ length: 7 }, () => f64Scratch());

const nanIfNull = (v: number | null): number => (v === null ? NaN : v);

export function amountArrays(ledger: Ledger): AmountArrays {
  const hit = cache.get(ledger);
  if (hit) return hit;
  const ps: readonly Project[] = ledger.projects;
  const n = ps.length;
  if (holder !== null) cache.delete(holder);
  holder = ledger;
  const [total, before, plan, month, ytd, since, funds] = SLOTS.map((s) => s.take(n));
  for (let i = 0; i < n; i++) {
    const p = ps[i];
    total[i] = nanIfNull(p.totalInvestment);
    before[i] = nanIfNull(p.completedBeforeYear);
    plan[i] = nanIfNull(p.annualPlan);
    month[i] = nanIfNull(p.monthCompleted);
    ytd[i] = nanIfNull(p.completedYtd);
    since[i] = nanIfNull(p.completedSinceStart);
    funds[i] = nanIfNull(p.fundsArrived);
  }
  const arrays: AmountArrays = {
    totalInvestment: total,
    completedBeforeYear: before,
    annualPlan: plan,
    monthCompleted: month,
    completedYtd: ytd,
    completedSinceStart: since,
    fundsArrived: funds,
  };
  cache.set(ledger, arrays);
  return arrays;
}

/** One field's array; every amount field has one. */
export function amountArray(ledger: Ledger, field: Field): Float64Array {
  const a = amountArrays(ledger)[field];
  if (!a) throw new Error(`not an amount field: ${field}`);
  return a;
}
