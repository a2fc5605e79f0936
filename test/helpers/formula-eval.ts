/**
 * A small spreadsheet formula evaluator for the formulas the tool writes, so a wrong
 * formula fails in the unit tests without LibreOffice. It knows the functions the plan
 * emits (IF, IFERROR, AND, OR, NOT, ISNUMBER, ISTEXT, ROUND, COUNTIF(S), SUMIFS,
 * SUMPRODUCT, VALUE, NA, LEN, LEFT, RIGHT, MID, FIND, SUBSTITUTE, REPT, TEXT with zero formats,
 * INDEX) and Excel's rules where they matter to those formulas: text compares above
 * numbers, blanks read as 0 or "", COUNTIF criteria such as ">"&x and x&"" match
 * loosely, ranges broadcast element by element (as inside SUMPRODUCT).
 * Over 300 lines: tokenizer, parser and functions are one small language, kept together.
 */
import { colLetter, fromA1 } from '../../src/core/grid';

export interface FormulaError {
  error: string;
}
type Scalar = number | string | boolean | null | FormulaError;
type Value = Scalar | Scalar[];

export interface Book {
  /** Values (and formulas, evaluated on demand) by sheet and A1 address. */
  sheets: Map<string, Map<string, { value?: Scalar; formula?: string }>>;
  /** Defined names → sheet and A1 address. */
  names: Map<string, { sheet: string; a1: string }>;
}

export const isErr = (v: unknown): v is FormulaError => typeof v === 'object' && v !== null && 'error' in v;
const err = (e: string): FormulaError => ({ error: e });

type Node =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 'bool'; v: boolean }
  | { k: 'ref'; sheet: string | null; a: string; b: string | null }
  | { k: 'name'; name: string }
  | { k: 'call'; fn: string; args: Node[] }
  | { k: 'un'; op: string; a: Node }
  | { k: 'bin'; op: string; a: Node; b: Node };

const TOKEN = /\s*(?:(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+)|("(?:[^"]|"")*")|('(?:[^']|'')+'!|[A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff]*!)?(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)(?![\w(])|([A-Za-z_][\w.]*)|(<>|<=|>=|[-+*/&=<>(),%]))/y;

function tokenize(src: string): string[][] {
  const out: string[][] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < src.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(src);
    if (!m) {
      if (/^\s*$/.test(src.slice(at))) break;
      throw new SyntaxError(`cannot read formula at ${at}: ${src.slice(at, at + 20)}`);
    }
    if (m[1] !== undefined) out.push(['num', m[1]]);
    else if (m[2] !== undefined) out.push(['str', m[2].slice(1, -1).replace(/""/g, '"')]);
    else if (m[4] !== undefined) out.push(['ref', m[3] ? m[3].slice(0, -1).replace(/^'|'$/g, '').replace(/''/g, "'") : '', m[4]]);
    else if (m[5] !== undefined) out.push(['id', m[5]]);
    else out.push(['op', m[6]]);
  }
  return out;
}

function parse(src: string): Node {
  const t = tokenize(src);
  let i = 0;
  const peek = (v?: string) => (i < t.length && t[i][0] === 'op' && (v === undefined || t[i][1] === v) ? t[i][1] : null);
  const expect = (v: string) => {
    if (peek(v) === null) throw new SyntaxError(`expected ${v} at token ${i} of ${src}`);
    i++;
  };
  const levels = [['=', '<>', '<', '>', '<=', '>='], ['&'], ['+', '-'], ['*', '/']];
  const binary = (level: number): Node => {
    if (level === levels.length) return unary();
    let a = binary(level + 1);
    for (let op = peek(); op !== null && levels[level].includes(op); op = peek()) {
      i++;
      a = { k: 'bin', op, a, b: binary(level + 1) };
    }
    return a;
  };
  const unary = (): Node => {
    const op = peek();
    if (op === '-' || op === '+') {
      i++;
      return { k: 'un', op, a: unary() };
    }
    let n = primary();
    while (peek('%') !== null) {
      i++;
      n = { k: 'bin', op: '/', a: n, b: { k: 'num', v: 100 } };
    }
    return n;
  };
  const primary = (): Node => {
    const tok = t[i++];
    if (!tok) throw new SyntaxError(`formula ends early: ${src}`);
    if (tok[0] === 'num') return { k: 'num', v: Number(tok[1]) };
    if (tok[0] === 'str') return { k: 'str', v: tok[1] };
    if (tok[0] === 'ref') {
      const [a, b] = tok[2].replace(/\$/g, '').split(':');
      return { k: 'ref', sheet: tok[1] || null, a, b: b ?? null };
    }
    if (tok[0] === 'id') {
      if (peek('(') !== null) {
        i++;
        const args: Node[] = [];
        if (peek(')') === null) {
          do args.push(binary(0));
          while (peek(',') !== null && ++i);
        }
        expect(')');
        return { k: 'call', fn: tok[1].toUpperCase().replace(/^_XLFN\./, ''), args };
      }
      if (/^(TRUE|FALSE)$/i.test(tok[1])) return { k: 'bool', v: tok[1].toUpperCase() === 'TRUE' };
      return { k: 'name', name: tok[1] };
    }
    if (tok[1] === '(') {
      const n = binary(0);
      expect(')');
      return n;
    }
    throw new SyntaxError(`unexpected ${tok[1]} in ${src}`);
  };
  const n = binary(0);
  if (i !== t.length) throw new SyntaxError(`unread tokens from ${i} in ${src}`);
  return n;
}

/** Text to a number as a spreadsheet coerces it (`"3187"`, `" 1,234.5 "`, `"12%"`); null if it is none. */
function textToNumber(s: string): number | null {
  let x = s.trim();
  if (x === '') return null;
  let pct = 1;
  if (x.endsWith('%')) {
    pct = 100;
    x = x.slice(0, -1);
  }
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/.test(x)) x = x.replace(/,/g, '');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(x)) return null;
  return Number(x) / pct;
}

function toNum(v: Scalar): number | FormulaError {
  if (isErr(v)) return v;
  if (v === null) return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return v;
  const n = textToNumber(v);
  return n === null ? err('#VALUE!') : n;
}

function toText(v: Scalar): string | FormulaError {
  if (isErr(v)) return v;
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return numberText(v);
  return v;
}

/** A number as General format writes it: up to 15 significant digits. */
function numberText(n: number): string {
  return String(Number(n.toPrecision(15)));
}

function toBool(v: Scalar): boolean | FormulaError {
  if (isErr(v)) return v;
  if (typeof v === 'boolean') return v;
  if (v === null) return false;
  if (typeof v === 'number') return v !== 0;
  const u = v.toUpperCase();
  return u === 'TRUE' ? true : u === 'FALSE' ? false : err('#VALUE!');
}

/** Excel's ordering: numbers < text < booleans; blank is 0 beside a number, "" beside text. */
function compare(a: Scalar, b: Scalar): number {
  const rank = (x: Scalar) => (typeof x === 'number' ? 0 : typeof x === 'string' ? 1 : 2);
  if (a === null) a = typeof b === 'string' ? '' : typeof b === 'boolean' ? false : 0;
  if (b === null) b = typeof a === 'string' ? '' : typeof a === 'boolean' ? false : 0;
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === 'string') {
    const x = a.toLowerCase();
    const y = (b as string).toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return Number(a) - Number(b);
}

function map2(a: Value, b: Value, f: (x: Scalar, y: Scalar) => Scalar): Value {
  if (Array.isArray(a) || Array.isArray(b)) {
    const n = Math.max(Array.isArray(a) ? a.length : 1, Array.isArray(b) ? b.length : 1);
    const at = (v: Value, i: number) => (Array.isArray(v) ? (i < v.length ? v[i] : err('#N/A')) : v);
    return Array.from({ length: n }, (_, i) => f(at(a, i), at(b, i)));
  }
  return f(a, b);
}

function map1(a: Value, f: (x: Scalar) => Scalar): Value {
  return Array.isArray(a) ? a.map(f) : f(a);
}

function binop(op: string, x: Scalar, y: Scalar): Scalar {
  if (isErr(x)) return x;
  if (isErr(y)) return y;
  if (op === '&') return (toText(x) as string) + (toText(y) as string);
  if (['=', '<>', '<', '>', '<=', '>='].includes(op)) {
    const c = compare(x, y);
    return op === '=' ? c === 0 : op === '<>' ? c !== 0 : op === '<' ? c < 0 : op === '>' ? c > 0 : op === '<=' ? c <= 0 : c >= 0;
  }
  const a = toNum(x);
  const b = toNum(y);
  if (isErr(a)) return a;
  if (isErr(b)) return b;
  if (op === '+') return a + b;
  if (op === '-') return a - b;
  if (op === '*') return a * b;
  if (b === 0) return err('#DIV/0!');
  return a / b;
}

/** A COUNTIF criterion as a test on one cell. */
function criterion(c: Scalar): (v: Scalar) => boolean {
  if (isErr(c)) return () => false;
  let op = '=';
  let rest: Scalar = c;
  if (typeof c === 'string') {
    const m = /^(<>|<=|>=|<|>|=)?(.*)$/s.exec(c) as RegExpExecArray;
    op = m[1] ?? '=';
    rest = m[2];
  }
  const n = typeof rest === 'number' ? rest : typeof rest === 'string' ? textToNumber(rest) : null;
  return (v) => {
    if (isErr(v)) return false;
    if (n !== null) {
      // A numeric criterion matches numbers, and text that reads as that number for "=".
      const x = typeof v === 'number' ? v : op === '=' && typeof v === 'string' ? textToNumber(v) : null;
      if (x === null) return op === '<>';
      const d = x - n;
      return op === '=' ? d === 0 : op === '<>' ? d !== 0 : op === '<' ? d < 0 : op === '>' ? d > 0 : op === '<=' ? d <= 0 : d >= 0;
    }
    const text = String(rest).toLowerCase();
    if (op === '=' && text === '') return v === null || v === '';
    if (op === '<>' && text === '') return !(v === null || v === '');
    if (typeof v !== 'string') return op === '<>';
    const c2 = v.toLowerCase() < text ? -1 : v.toLowerCase() > text ? 1 : 0;
    return op === '=' ? c2 === 0 : op === '<>' ? c2 !== 0 : op === '<' ? c2 < 0 : op === '>' ? c2 > 0 : op === '<=' ? c2 <= 0 : c2 >= 0;
  };
}

const asArray = (v: Value): Scalar[] => (Array.isArray(v) ? v : [v]);

function roundHalfAway(x: number, d: number): number {
  const f = 10 ** d;
  const y = Math.abs(x) * f;
  const r = Math.round(Number(y.toPrecision(15)));
  return (Math.sign(x) * r) / f;
}

function zeros(v: Scalar, fmt: string): Scalar {
  const n = toNum(v);
  if (isErr(n)) return n;
  if (!/^0+$/.test(fmt)) throw new Error(`TEXT format not supported here: ${fmt}`);
  const r = Math.round(Math.abs(n));
  return (n < 0 && r !== 0 ? '-' : '') + String(r).padStart(fmt.length, '0');
}

export class Evaluator {
  private memo = new Map<string, Scalar>();
  private busy = new Set<string>();
  constructor(private readonly book: Book) {}

  /** The value of a cell: its formula evaluated (once), or the value it holds. */
  cell(sheet: string, a1: string): Scalar {
    const key = `${sheet}!${a1}`;
    const hit = this.memo.get(key);
    if (hit !== undefined) return hit;
    const c = this.book.sheets.get(sheet)?.get(a1);
    if (!c) return null;
    if (c.formula === undefined) return c.value ?? null;
    if (this.busy.has(key)) throw new Error(`circular reference at ${key}`);
    this.busy.add(key);
    const v = this.formula(c.formula, sheet);
    this.busy.delete(key);
    const s = Array.isArray(v) ? (v[0] ?? null) : v;
    this.memo.set(key, s);
    return s;
  }

  /** A formula (no leading `=`) evaluated as if it sat on `sheet`. */
  formula(src: string, sheet: string): Value {
    return this.eval(parse(src), sheet);
  }

  private range(sheet: string, a: string, b: string | null): Value {
    const p = fromA1(a);
    if (!p) return err('#REF!');
    if (b === null) return this.cell(sheet, a);
    const q = fromA1(b) as { r: number; c: number };
    const out: Scalar[] = [];
    for (let r = Math.min(p.r, q.r); r <= Math.max(p.r, q.r); r++) {
      for (let c = Math.min(p.c, q.c); c <= Math.max(p.c, q.c); c++) out.push(this.cell(sheet, `${colLetter(c)}${r + 1}`));
    }
    return out;
  }

  private eval(n: Node, sheet: string): Value {
    switch (n.k) {
      case 'num':
      case 'str':
      case 'bool':
        return n.v;
      case 'ref':
        return this.range(n.sheet ?? sheet, n.a, n.b);
      case 'name': {
        const at = this.book.names.get(n.name);
        return at ? this.cell(at.sheet, at.a1) : err('#NAME?');
      }
      case 'un': {
        const a = this.eval(n.a, sheet);
        return map1(a, (x) => {
          const v = toNum(x);
          return isErr(v) ? v : n.op === '-' ? -v : v;
        });
      }
      case 'bin':
        return map2(this.eval(n.a, sheet), this.eval(n.b, sheet), (x, y) => binop(n.op, x, y));
      case 'call':
        return this.call(n.fn, n.args, sheet);
    }
  }

  private call(fn: string, args: Node[], sheet: string): Value {
    const ev = (i: number) => this.eval(args[i], sheet);
    switch (fn) {
      case 'IF': {
        const c = ev(0);
        const pick = (x: Scalar): Value => {
          const b = toBool(x);
          if (isErr(b)) return b;
          return b ? ev(1) : args.length > 2 ? ev(2) : false;
        };
        if (!Array.isArray(c)) return pick(c);
        return c.map((x) => {
          const v = pick(x);
          return Array.isArray(v) ? v[0] : v;
        });
      }
      case 'IFERROR': {
        const v = ev(0);
        return map1(v, (x) => (isErr(x) ? (ev(1) as Scalar) : x));
      }
      case 'AND':
      case 'OR': {
        const all = args.flatMap((_, i) => asArray(ev(i)));
        for (const x of all) if (isErr(x)) return x;
        const bools = all.map((x) => toBool(x) as boolean);
        return fn === 'AND' ? bools.every(Boolean) : bools.some(Boolean);
      }
      case 'NOT':
        return map1(ev(0), (x) => {
          const b = toBool(x);
          return isErr(b) ? b : !b;
        });
      case 'ISNUMBER':
        return map1(ev(0), (x) => typeof x === 'number');
      case 'ISTEXT':
        return map1(ev(0), (x) => typeof x === 'string');
      case 'NA':
        return err('#N/A');
      case 'VALUE':
        return map1(ev(0), (x) => (typeof x === 'number' ? x : toNum(x)));
      case 'ROUND':
        return map2(ev(0), ev(1), (x, d) => {
          const a = toNum(x);
          const b = toNum(d);
          return isErr(a) ? a : isErr(b) ? b : roundHalfAway(a, b);
        });
      case 'LEN':
        return map1(ev(0), (x) => {
          const s = toText(x);
          return isErr(s) ? s : s.length;
        });
      case 'LEFT':
      case 'RIGHT': {
        const k = args.length > 1 ? (toNum(ev(1) as Scalar) as number) : 1;
        return map1(ev(0), (x) => {
          const s = toText(x);
          return isErr(s) ? s : fn === 'LEFT' ? s.slice(0, k) : s.slice(Math.max(0, s.length - k));
        });
      }
      case 'MID': {
        const text = ev(0);
        const starts = ev(1);
        const counts = ev(2);
        const at = (v: Value, i: number): Scalar => (Array.isArray(v) ? (i < v.length ? v[i] : err('#N/A')) : v);
        const one = (x: Scalar, st: Scalar, k: Scalar): Scalar => {
          const t = toText(x);
          const b = toNum(st);
          const n = toNum(k);
          if (isErr(t)) return t;
          if (isErr(b) || isErr(n)) return err('#VALUE!');
          return t.slice(Math.floor(b) - 1, Math.floor(b) - 1 + Math.floor(n));
        };
        if (![text, starts, counts].some(Array.isArray)) return one(text as Scalar, starts as Scalar, counts as Scalar);
        const len = Math.max(...[text, starts, counts].map((v) => (Array.isArray(v) ? v.length : 1)));
        return Array.from({ length: len }, (_, i) => one(at(text, i), at(starts, i), at(counts, i)));
      }
      case 'FIND': {
        const what = toText(ev(0) as Scalar) as string;
        return map1(ev(1), (x) => {
          const t = toText(x);
          if (isErr(t)) return t;
          const k = t.indexOf(what);
          return k < 0 ? err('#VALUE!') : k + 1;
        });
      }
      case 'SUBSTITUTE': {
        const from = toText(ev(1) as Scalar) as string;
        const to = toText(ev(2) as Scalar) as string;
        // The optional fourth argument replaces only that occurrence (1 = the first).
        const nth = args.length > 3 ? (toNum(ev(3) as Scalar) as number) : 0;
        return map1(ev(0), (x) => {
          const s = toText(x);
          if (isErr(s) || from === '') return s;
          if (nth <= 0) return s.split(from).join(to);
          let at = -1;
          for (let k = 0; k < nth; k++) {
            at = s.indexOf(from, at + 1);
            if (at < 0) return s;
          }
          return s.slice(0, at) + to + s.slice(at + from.length);
        });
      }
      case 'ABS':
        return map1(ev(0), (x) => {
          const a = toNum(x);
          return isErr(a) ? a : Math.abs(a);
        });
      case 'REPT':
        return map2(ev(0), ev(1), (x, k) => (toText(x) as string).repeat(Math.max(0, Math.floor(toNum(k) as number))));
      case 'TEXT':
        return map2(ev(0), ev(1), (x, f) => zeros(x, toText(f) as string));
      case 'COUNTIF': {
        const range = asArray(ev(0));
        return map1(ev(1), (c) => range.filter(criterion(c)).length);
      }
      case 'COUNTIFS':
      case 'SUMIFS': {
        const sum = fn === 'SUMIFS' ? asArray(ev(0)) : null;
        const first = sum ? 1 : 0;
        const pairs: { range: Scalar[]; crit: Value }[] = [];
        for (let i = first; i < args.length; i += 2) pairs.push({ range: asArray(ev(i)), crit: ev(i + 1) });
        const n = pairs[0].range.length;
        const width = Math.max(...pairs.map((p) => (Array.isArray(p.crit) ? p.crit.length : 1)));
        const one = (j: number): Scalar => {
          const tests = pairs.map((p) => criterion(Array.isArray(p.crit) ? p.crit[j] : p.crit));
          let total = 0;
          for (let r = 0; r < n; r++) {
            if (!tests.every((t, k) => t(pairs[k].range[r]))) continue;
            if (!sum) total++;
            else if (typeof sum[r] === 'number') total += sum[r] as number;
          }
          return total;
        };
        const anyArray = pairs.some((p) => Array.isArray(p.crit));
        return anyArray ? Array.from({ length: width }, (_, j) => one(j)) : one(0);
      }
      case 'SUMPRODUCT': {
        const arrays = args.map((_, i) => asArray(ev(i)));
        let total = 0;
        for (let r = 0; r < arrays[0].length; r++) {
          let p = 1;
          for (const a of arrays) {
            const x = a[r];
            if (isErr(x)) return x;
            p *= typeof x === 'number' ? x : 0; // text and booleans in an array count 0
          }
          total += p;
        }
        return total;
      }
      case 'SUM': {
        let total = 0;
        for (let i = 0; i < args.length; i++) {
          for (const x of asArray(ev(i))) {
            if (isErr(x)) return x;
            if (typeof x === 'number') total += x;
          }
        }
        return total;
      }
      case 'INDEX': {
        const a = asArray(ev(0));
        const k = toNum(ev(1) as Scalar);
        return isErr(k) ? k : (a[k - 1] ?? err('#REF!'));
      }
      default:
        throw new Error(`function not known to the test evaluator: ${fn}`);
    }
  }
}

/** True when a formula's result is a spreadsheet error. */
export function isFormulaError(v: unknown): boolean {
  return isErr(v);
}
