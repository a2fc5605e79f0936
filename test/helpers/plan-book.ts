/**
 * A checked ledger as the evaluator's book: the user's cells, every cell the plans
 * write (formulas with their cached values) and the tool's names, so each written
 * formula can be evaluated and compared with its cached value and with figures by hand.
 */
import { cellAt, colLetter, type Grid } from '../../src/core/grid';
import type { WritePlan } from '../../src/core/types';
import { Evaluator, isErr, type Book } from './formula-eval';

export function planBook(grids: { sheet: string; grid: Grid }[], plans: WritePlan[]): Book {
  const sheets: Book['sheets'] = new Map();
  const sheetOf = (name: string) => {
    let s = sheets.get(name);
    if (!s) sheets.set(name, (s = new Map()));
    return s;
  };
  for (const { sheet, grid } of grids) {
    const s = sheetOf(sheet);
    grid.values.forEach((row, r) => row?.forEach((v, c) => {
      if (v !== undefined && v !== null) s.set(`${colLetter(c)}${r + 1}`, { value: cellAt(grid, r, c) ?? null });
    }));
  }
  const names: Book['names'] = new Map();
  for (const plan of plans) {
    const s = sheetOf(plan.sheet);
    for (const c of plan.cells) s.set(`${colLetter(c.c)}${c.r + 1}`, { value: c.value, formula: c.formula });
    for (const t of plan.sheets) {
      const ts = sheetOf(t.name);
      for (const c of t.cells) ts.set(`${colLetter(c.c)}${c.r + 1}`, { value: c.value, formula: c.formula });
    }
    for (const n of plan.names) names.set(n.name, { sheet: n.sheet, a1: `${colLetter(n.c)}${n.r + 1}` });
  }
  return { sheets, names };
}

/** The value of an evaluated cell as the cached value would hold it ("" for an error or blank). */
export function shown(v: unknown): unknown {
  return v === null || v === undefined || isErr(v) ? '' : v;
}

/** Every formula the plans write whose evaluation differs from its cached value. */
export function cachedMismatches(book: Book, plans: WritePlan[]): string[] {
  const ev = new Evaluator(book);
  const out: string[] = [];
  const close = (a: unknown, b: unknown) =>
    typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)) : a === b;
  for (const plan of plans) {
    const cells = [...plan.cells.map((c) => ({ sheet: plan.sheet, c })), ...plan.sheets.flatMap((t) => t.cells.map((c) => ({ sheet: t.name, c })))];
    for (const { sheet, c } of cells) {
      if (!c.formula) continue;
      const a1 = `${colLetter(c.c)}${c.r + 1}`;
      const got = shown(ev.cell(sheet, a1));
      if (!close(got, c.value === null ? '' : c.value)) out.push(`${sheet}!${a1}: evaluated ${JSON.stringify(got)}, cached ${JSON.stringify(c.value)} (${c.formula.slice(0, 120)})`);
    }
  }
  return out;
}
