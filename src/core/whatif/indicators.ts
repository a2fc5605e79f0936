/**
 * Planners' own indicators: a mathjs expression over a project's fields, compiled
 * once and evaluated per project. User expressions are code, so:
 * - the mathjs instance has import, createUnit, evaluate, parse, simplify,
 *   derivative, resolve and reviver replaced by functions that throw;
 * - an expression is limited in length, nesting and node count before and after
 *   parsing (the parser is recursive; the count bounds evaluation work, since an
 *   allowed expression has no loops);
 * - the parsed tree must be made only of numbers, known field names, allowed
 *   operators and a short list of scalar functions: no strings, accessors
 *   (`x.constructor`), indexes, arrays, objects, assignments, blocks or ranges;
 * - it is evaluated against a scope holding only numbers, and a result that is
 *   not a finite number is no value.
 * This module loads mathjs: import it on demand (the pane with import(), in a worker).
 */
import { all, create, type EvalFunction, type MathNode } from 'mathjs';
import { WhatifInputError } from './errors';
import type { Arith } from './indicator-formula';
import type { IndicatorMeta } from './indicator-plan';
import { INDICATOR_FIELDS, isIndicatorField, projectScope, type IndicatorField, type IndicatorScope } from './indicator-fields';
import type { IndicatorDef } from './types';
import type { Project } from '../types';

export const MAX_EXPRESSION_LENGTH = 500;
export const MAX_NESTING = 20;
export const MAX_NODES = 200;

const FUNCTIONS: ReadonlySet<string> = new Set(['abs', 'min', 'max', 'round', 'floor', 'ceil', 'sqrt', 'exp', 'log', 'log10', 'pow', 'sign']);
const OPERATORS: ReadonlySet<string> = new Set([
  'add', 'subtract', 'multiply', 'divide', 'unaryMinus', 'unaryPlus', 'pow',
  'larger', 'smaller', 'largerEq', 'smallerEq', 'equal', 'unequal', 'and', 'or', 'not',
]);
const CONSTANTS: ReadonlySet<string> = new Set(['pi']);
const DISABLED = ['import', 'createUnit', 'evaluate', 'parse', 'simplify', 'derivative', 'resolve', 'reviver'] as const;

type Parse = (expr: string) => MathNode;
type MathInstance = ReturnType<typeof create>;
let sandbox: { math: MathInstance; parse: Parse } | null = null;

/** The sandboxed instance, made on first use: the dangerous functions throw. Exported for tests. */
export function sandboxMath(): { math: MathInstance; parse: Parse } {
  if (sandbox) return sandbox;
  const math = create(all, { number: 'number' });
  // Our own reference to the parser, taken before `parse` is disabled for expressions.
  const parse = math.parse as unknown as Parse;
  const disabled: Record<string, () => never> = {};
  for (const name of DISABLED) {
    disabled[name] = () => {
      throw new Error(`Function ${name} is disabled`);
    };
  }
  math.import(disabled, { override: true });
  sandbox = { math, parse };
  return sandbox;
}

/** An indicator ready to evaluate: plain data (IndicatorMeta) plus an evaluate function. */
export interface CompiledIndicator extends IndicatorMeta {
  /** The value for one project's (or group's) scope; null when a field it reads is unknown or the result is not a finite number. */
  evaluate(scope: IndicatorScope): number | null;
}

interface Node {
  type: string;
  value?: unknown;
  name?: string;
  fn?: Node | string;
  op?: string;
  args?: Node[];
  content?: Node;
  condition?: Node;
  trueExpr?: Node;
  falseExpr?: Node;
}

const IDENT_CHAR = /[A-Za-z0-9_$\u00C0-\u02AF\u0370-\u03FF]/;

/** 1-based position of `name` as a whole word in `text`, or null. */
function wordAt(text: string, name: string): number | null {
  let from = 0;
  for (;;) {
    const i = text.indexOf(name, from);
    if (i < 0) return null;
    const before = text[i - 1];
    const after = text[i + name.length];
    if ((before === undefined || !IDENT_CHAR.test(before)) && (after === undefined || !IDENT_CHAR.test(after))) return i + 1;
    from = i + 1;
  }
}

/** 1-based position of the first of `chars` in `text`, or null. */
function charAt(text: string, chars: string): number | null {
  for (let i = 0; i < text.length; i++) if (chars.includes(text[i])) return i + 1;
  return null;
}

/** 1-based position of an operator (`mod` as a word, `!` or `'` as a sign), or null. */
function opAt(text: string, op: string): number | null {
  if (/^[a-z]+$/i.test(op)) return wordAt(text, op);
  const i = text.indexOf(op);
  return i < 0 ? null : i + 1;
}

/** Where a forbidden construct starts, for the message. */
const CONSTRUCT_CHARS: Record<string, string> = {
  AccessorNode: '.[', IndexNode: '[', ArrayNode: '[', ObjectNode: '{', AssignmentNode: '=', FunctionAssignmentNode: '=',
  BlockNode: ';\n', RangeNode: ':', ConstantNode: '"\'',
};

function checkText(expression: string): void {
  if (expression.length > MAX_EXPRESSION_LENGTH) {
    throw new WhatifInputError('indicator-too-long', { max: MAX_EXPRESSION_LENGTH, length: expression.length }, MAX_EXPRESSION_LENGTH + 1);
  }
  let depth = 0;
  for (let i = 0; i < expression.length; i++) {
    const ch = expression[i];
    if (ch === '(' || ch === '[' || ch === '{') {
      if (++depth > MAX_NESTING) throw new WhatifInputError('indicator-too-deep', { max: MAX_NESTING }, i + 1);
    } else if (ch === ')' || ch === ']' || ch === '}') depth--;
  }
}

function parseChecked(expression: string): Node {
  try {
    return sandboxMath().parse(expression) as unknown as Node;
  } catch (e) {
    const char = (e as { char?: unknown }).char;
    const detail = e instanceof Error ? e.message.replace(/\s*\(char \d+\)\s*$/, '') : String(e);
    throw new WhatifInputError('indicator-syntax', { detail }, typeof char === 'number' ? char : null);
  }
}

function children(n: Node): Node[] {
  const out: Node[] = [];
  if (n.args) out.push(...n.args);
  if (n.content) out.push(n.content);
  if (n.condition) out.push(n.condition);
  if (n.trueExpr) out.push(n.trueExpr);
  if (n.falseExpr) out.push(n.falseExpr);
  return out;
}

function notAllowed(what: string, at: number | null): never {
  throw new WhatifInputError('indicator-not-allowed', { what }, at);
}

/** Walks the tree: counts nodes, allows only the constructs above, collects the fields read. */
function validate(root: Node, expression: string): IndicatorField[] {
  const fields: IndicatorField[] = [];
  let count = 0;
  const stack: Node[] = [root];
  while (stack.length) {
    const n = stack.pop() as Node;
    if (++count > MAX_NODES) throw new WhatifInputError('indicator-too-complex', { max: MAX_NODES }, null);
    switch (n.type) {
      case 'ConstantNode':
        if (typeof n.value !== 'number' || !Number.isFinite(n.value)) {
          notAllowed(String(n.value), typeof n.value === 'string' ? charAt(expression, CONSTRUCT_CHARS.ConstantNode) : wordAt(expression, String(n.value)));
        }
        break;
      case 'SymbolNode': {
        const name = n.name ?? '';
        if (isIndicatorField(name)) {
          if (!fields.includes(name)) fields.push(name);
        } else if (!CONSTANTS.has(name)) {
          throw new WhatifInputError('indicator-unknown-field', { name, known: INDICATOR_FIELDS.join(', ') }, wordAt(expression, name));
        }
        break;
      }
      case 'OperatorNode':
        if (!OPERATORS.has(String(n.fn))) notAllowed(n.op ?? String(n.fn), n.op ? opAt(expression, n.op) : null);
        break;
      case 'FunctionNode': {
        const fn = n.fn as Node;
        if (fn?.type !== 'SymbolNode') notAllowed(fn?.type.replace(/Node$/, '') ?? '()', charAt(expression, CONSTRUCT_CHARS[fn?.type] ?? '('));
        const name = fn.name ?? '';
        if (!FUNCTIONS.has(name)) notAllowed(name, wordAt(expression, name));
        break;
      }
      case 'ParenthesisNode':
      case 'ConditionalNode':
        break;
      default:
        notAllowed(n.type.replace(/Node$/, ''), charAt(expression, CONSTRUCT_CHARS[n.type] ?? ''));
    }
    // Function names are SymbolNodes under `fn`, checked above; only arguments are walked.
    const kids = children(n);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return fields;
}

const ARITH_OPS: Record<string, '+' | '-' | '*' | '/'> = { add: '+', subtract: '-', multiply: '*', divide: '/' };

/** The tree as plain arithmetic, or null when it uses anything else. */
function toArith(n: Node): Arith | null {
  switch (n.type) {
    case 'ConstantNode':
      return typeof n.value === 'number' ? { k: 'num', v: n.value } : null;
    case 'SymbolNode':
      return n.name && isIndicatorField(n.name) ? { k: 'field', name: n.name } : null;
    case 'ParenthesisNode': {
      const a = n.content ? toArith(n.content) : null;
      return a && { k: 'paren', a };
    }
    case 'OperatorNode': {
      const args = n.args ?? [];
      const fn = String(n.fn);
      if ((fn === 'unaryMinus' || fn === 'unaryPlus') && args.length === 1) {
        const a = toArith(args[0]);
        return a && { k: fn === 'unaryMinus' ? 'neg' : 'pos', a };
      }
      const op = ARITH_OPS[fn];
      if (!op || args.length !== 2) return null;
      const a = toArith(args[0]);
      const b = a && toArith(args[1]);
      return a && b && { k: 'bin', op, a, b };
    }
    default:
      return null;
  }
}

/** A value as an indicator gives it: finite numbers; true/false as 1/0; anything else none. */
function asNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return null;
}

/**
 * Compiles `expression` for the indicator `name`. Throws WhatifInputError: too long,
 * too deeply nested, too complex, a syntax error (with its position), an unknown
 * field (with the known ones), or a construct or function that is not allowed.
 */
export function compileIndicator(name: string, expression: string): CompiledIndicator {
  checkText(expression);
  const tree = parseChecked(expression);
  const fields = validate(tree, expression);
  const code: EvalFunction = (tree as unknown as MathNode).compile();
  const scope = new Map<string, number>();
  return {
    name,
    expression,
    fields,
    arith: toArith(tree),
    evaluate(values: IndicatorScope): number | null {
      scope.clear();
      for (const f of fields) {
        const v = values[f];
        if (v === null || v === undefined || !Number.isFinite(v)) return null;
        scope.set(f, v);
      }
      try {
        return asNumber(code.evaluate(scope));
      } catch {
        return null;
      }
    },
  };
}

/** One project's value of a compiled indicator. */
export function evaluateIndicator(compiled: CompiledIndicator, project: Project, timeProgress: number): number | null {
  return compiled.evaluate(projectScope(project, timeProgress));
}

/** Compiles several, refusing a repeated name. */
export function compileIndicators(defs: readonly IndicatorDef[]): CompiledIndicator[] {
  const seen = new Set<string>();
  return defs.map((d) => {
    if (seen.has(d.name)) throw new WhatifInputError('duplicate-indicator', { name: d.name });
    seen.add(d.name);
    try {
      return compileIndicator(d.name, d.expression);
    } catch (e) {
      if (e instanceof WhatifInputError) e.params.indicator = d.name;
      throw e;
    }
  });
}

export interface IndicatorBatchResult {
  /** The indicators as plain data (null where one did not compile), for withIndicators and buildWhatifReport. */
  compiled: (IndicatorMeta | null)[];
  /** values[i][j]: indicator i on scope j. */
  values: (number | null)[][];
  /** Indicators that did not compile, as data (for a worker to post back). */
  errors: { name: string; code: string; params: Record<string, string | number>; position: number | null }[];
}

/**
 * Plain data in, plain data out: for a worker (the pane), which cannot receive
 * compiled functions. An indicator that does not compile gives an error and nulls.
 */
export function evaluateBatch(defs: readonly IndicatorDef[], scopes: readonly IndicatorScope[]): IndicatorBatchResult {
  const result: IndicatorBatchResult = { compiled: [], values: [], errors: [] };
  for (const d of defs) {
    let compiled: CompiledIndicator | null = null;
    try {
      compiled = compileIndicator(d.name, d.expression);
    } catch (e) {
      if (!(e instanceof WhatifInputError)) throw e;
      result.errors.push({ name: d.name, code: e.code, params: e.params, position: e.position });
    }
    result.compiled.push(compiled && { name: compiled.name, expression: compiled.expression, fields: compiled.fields, arith: compiled.arith });
    result.values.push(scopes.map((s) => (compiled ? compiled.evaluate(s) : null)));
  }
  return result;
}
