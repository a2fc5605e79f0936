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
import type { IndicatorMeta } from './indicator-plan';
import { projectScope, type IndicatorScope } from './indicator-fields';
import { checkText, toArith, validate, type Node } from './indicator-tree';
import type { IndicatorDef } from './types';
import type { Project } from '../types';

export { MAX_EXPRESSION_LENGTH, MAX_NESTING, MAX_NODES } from './indicator-tree';

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

function parseChecked(expression: string): Node {
  try {
    return sandboxMath().parse(expression) as unknown as Node;
  } catch (e) {
    const char = (e as { char?: unknown }).char;
    const detail = e instanceof Error ? e.message.replace(/\s*\(char \d+\)\s*$/, '') : String(e);
    throw new WhatifInputError('indicator-syntax', { detail }, typeof char === 'number' ? char : null);
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
