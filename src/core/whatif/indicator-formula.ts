/**
 * An indicator as an Excel formula over its row's cells, when it is plain
 * arithmetic (+ − × ÷, parentheses, numbers, fields): `fundsArrived / totalInvestment * 100`
 * on row 6 → `IF(AND(ISNUMBER(Q6),ISNUMBER(H6)),IFERROR(Q6/H6*100,""),"")`.
 * A column in another unit than 万元 is scaled in the formula (`(H6*10000)` for 亿元).
 */

/** Plain arithmetic, as compiled from an expression (no mathjs types here). */
export type Arith =
  | { k: 'num'; v: number }
  | { k: 'field'; name: string }
  | { k: 'paren'; a: Arith }
  | { k: 'neg' | 'pos'; a: Arith }
  | { k: 'bin'; op: '+' | '-' | '*' | '/'; a: Arith; b: Arith };

const PREC: Record<'+' | '-' | '*' | '/', number> = { '+': 1, '-': 1, '*': 2, '/': 2 };

function numText(v: number): string {
  return String(v).toUpperCase();
}

/**
 * The arithmetic as formula text, `refOf` giving each field's reference. The tree's
 * grouping is kept exactly (a right operand of the same precedence is bracketed),
 * so Excel does the same operations in the same order as the engine did.
 */
export function arithText(n: Arith, refOf: (field: string) => string): string {
  switch (n.k) {
    case 'num':
      return numText(n.v);
    case 'field':
      return refOf(n.name);
    case 'paren':
      return `(${arithText(n.a, refOf)})`;
    case 'neg':
    case 'pos': {
      const inner = arithText(n.a, refOf);
      const sign = n.k === 'neg' ? '-' : '+';
      return n.a.k === 'bin' ? `${sign}(${inner})` : `${sign}${inner}`;
    }
    case 'bin': {
      const p = PREC[n.op];
      let a = arithText(n.a, refOf);
      let b = arithText(n.b, refOf);
      if (n.a.k === 'bin' && PREC[n.a.op] < p) a = `(${a})`;
      if (n.b.k === 'bin' && PREC[n.b.op] <= p) b = `(${b})`;
      return `${a}${n.op}${b}`;
    }
  }
}

/** A field's reference on a row: the text in the formula, and the cell that must hold a number (null for a defined name). */
export interface FieldRef {
  ref: string;
  cell: string | null;
}

/**
 * The guarded formula (no leading `=`): blank or text cells give "" as the tool's
 * other columns do, and errors such as a division by zero give "" too.
 */
export function indicatorFormula(arith: Arith, refs: ReadonlyMap<string, FieldRef>): string {
  const body = arithText(arith, (f) => {
    const r = refs.get(f);
    if (!r) throw new RangeError(`no reference for ${f}`);
    return r.ref;
  });
  const checks = [...new Set([...refs.values()].flatMap((r) => (r.cell ? [`ISNUMBER(${r.cell})`] : [])))];
  const safe = `IFERROR(${body},"")`;
  if (checks.length === 0) return safe;
  return `IF(${checks.length === 1 ? checks[0] : `AND(${checks.join(',')})`},${safe},"")`;
}


/**
 * Plain arithmetic evaluated without mathjs: the same IEEE operations in the same
 * order as mathjs and the spreadsheet do, so a formula's cached value can be
 * computed anywhere (the pane's main thread, while the worker holds mathjs).
 * Null when a field is unknown or the result is not a finite number.
 */
export function evaluateArith(n: Arith, scope: Readonly<Record<string, number | null | undefined>>): number | null {
  const v = arithValue(n, scope);
  return v !== null && Number.isFinite(v) ? v : null;
}

function arithValue(n: Arith, scope: Readonly<Record<string, number | null | undefined>>): number | null {
  switch (n.k) {
    case 'num':
      return n.v;
    case 'field': {
      const v = scope[n.name];
      return v === null || v === undefined || !Number.isFinite(v) ? null : v;
    }
    case 'paren':
    case 'pos':
      return arithValue(n.a, scope);
    case 'neg': {
      const a = arithValue(n.a, scope);
      return a === null ? null : -a;
    }
    case 'bin': {
      const a = arithValue(n.a, scope);
      if (a === null) return null;
      const b = arithValue(n.b, scope);
      if (b === null) return null;
      return n.op === '+' ? a + b : n.op === '-' ? a - b : n.op === '*' ? a * b : a / b;
    }
  }
}
