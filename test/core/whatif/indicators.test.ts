/**
 * Indicators: hand-computed values, and the sandbox. User expressions are code: every
 * known way into JavaScript must end in a clear error, never in evaluation.
 */
import { WhatifInputError } from '../../../src/core/whatif/errors';
import { INDICATOR_FIELDS, type IndicatorScope } from '../../../src/core/whatif/indicator-fields';
import {
  compileIndicator, compileIndicators, evaluateBatch, evaluateIndicator, MAX_EXPRESSION_LENGTH, MAX_NESTING, MAX_NODES, sandboxMath,
} from '../../../src/core/whatif/indicators';
import { whatifErrorMessage } from '../../../src/core/whatif/messages';
import { analyze, HEAD } from './helpers';

const P: IndicatorScope = { totalInvestment: 1200, annualPlan: 1200, completedYtd: 480, fundsArrived: 300, completionRate: 0.4, started: 1, timeProgress: 0.5 };

function errorOf(expr: string): WhatifInputError {
  try {
    compileIndicator('x', expr);
  } catch (e) {
    if (e instanceof WhatifInputError) return e;
    throw e;
  }
  throw new Error(`compiled: ${expr}`);
}

describe('evaluating', () => {
  it.each<[string, number | null]>([
    ['completedYtd / annualPlan', 0.4], // 480 / 1200
    ['fundsArrived / totalInvestment * 100', 25], // 300 / 1200 × 100
    // 0.6 × 0.4 × 100 + 0.4 × 25 = 24 + 10
    ['0.6 * completionRate * 100 + 0.4 * (fundsArrived / totalInvestment * 100)', 34],
    ['(completionRate - timeProgress) * 100', -10], // (0.4 − 0.5) × 100
    ['max(completedYtd - 500, 0)', 0], // max(−20, 0)
    ['round(completedYtd / 7, 2)', 68.57], // 480 / 7 = 68.571…
    ['annualPlan > 0 ? completedYtd / annualPlan : 0', 0.4],
    ['started * 10', 10],
    ['2 completedYtd', 960], // implicit multiplication: 2 × 480
    ['completedYtd > 400 and started', 1], // true → 1
    ['50%', 0.5],
    ['pi * 0', 0],
    ['completedYtd / 0', null], // Infinity is no value
    ['sqrt(-completedYtd)', null], // a complex number is no value
  ])('%s = %s', (expr, want) => {
    const v = compileIndicator('x', expr).evaluate(P);
    if (want === null) expect(v).toBeNull();
    else expect(v).toBeCloseTo(want, 10);
  });

  it('a field that is unknown for the project gives no value', () => {
    const ind = compileIndicator('到位率', 'fundsArrived / totalInvestment');
    expect(ind.fields).toEqual(['fundsArrived', 'totalInvestment']);
    expect(ind.evaluate({ ...P, fundsArrived: null })).toBeNull();
    expect(ind.evaluate({ totalInvestment: 1200 })).toBeNull();
  });

  it('evaluateIndicator reads a project of a real ledger', () => {
    const a = analyze([[...HEAD, '资金到位'], [1, '甲县', 'A', 1200, 1000, 450, 300]]);
    // 450 / 1000 = 0.45; 300 / 1200 = 0.25
    expect(evaluateIndicator(compileIndicator('r', 'completionRate'), a.ledger.projects[0], 0.5)).toBeCloseTo(0.45, 12);
    expect(evaluateIndicator(compileIndicator('f', 'fundsArrived / totalInvestment'), a.ledger.projects[0], 0.5)).toBe(0.25);
  });

  it('plain arithmetic keeps its tree for a formula; anything else has none', () => {
    expect(compileIndicator('x', '-(fundsArrived + 1) / 2').arith).toEqual({
      k: 'bin', op: '/',
      a: { k: 'neg', a: { k: 'paren', a: { k: 'bin', op: '+', a: { k: 'field', name: 'fundsArrived' }, b: { k: 'num', v: 1 } } } },
      b: { k: 'num', v: 2 },
    });
    expect(compileIndicator('x', 'max(completedYtd, 1)').arith).toBeNull();
    expect(compileIndicator('x', 'completedYtd ^ 2').arith).toBeNull();
    expect(compileIndicator('x', 'completedYtd > 1 ? 1 : 0').arith).toBeNull();
  });
});

describe('the sandbox', () => {
  it.each<[string, string, number | null]>([
    // [expression, error code, 1-based position]
    ['import({}, {override: true})', 'indicator-not-allowed', 1],
    ["createUnit('x')", 'indicator-not-allowed', 1],
    ['evaluate("1")', 'indicator-not-allowed', 1],
    ['parse("1")', 'indicator-not-allowed', 1],
    ['simplify("x")', 'indicator-not-allowed', 1],
    ['derivative("x^2", "x")', 'indicator-not-allowed', 1],
    ['resolve(completedYtd)', 'indicator-not-allowed', 1],
    ['reviver("a", 1)', 'indicator-not-allowed', 1],
    ['eval("1")', 'indicator-not-allowed', 1],
    ['cos.constructor', 'indicator-not-allowed', 4], // the accessor's dot
    ['cos["constructor"]', 'indicator-not-allowed', 4],
    ['[].map.constructor', 'indicator-not-allowed', 1],
    ['completedYtd.constructor("return process")', 'indicator-not-allowed', 13],
    ['x = 5', 'indicator-not-allowed', 3],
    ['f(x) = x', 'indicator-not-allowed', 6],
    ['{a: 1}', 'indicator-not-allowed', 1],
    ['"abc"', 'indicator-not-allowed', 1],
    ['completedYtd; annualPlan', 'indicator-not-allowed', 13],
    ['1:3', 'indicator-not-allowed', 2],
    ['5!', 'indicator-not-allowed', 2],
    ['completedYtd mod 7', 'indicator-not-allowed', 14],
    ['true', 'indicator-not-allowed', 1],
    ['Infinity', 'indicator-not-allowed', 1],
    ['__proto__', 'indicator-unknown-field', 1],
    ['constructor', 'indicator-unknown-field', 1],
    ['this', 'indicator-unknown-field', 1],
    ['cos(1)', 'indicator-not-allowed', 1], // not a listed function
  ])('%s → %s at %s', (expr, code, at) => {
    const e = errorOf(expr);
    expect(e.code).toBe(code);
    expect(e.position).toBe(at);
  });

  it('cos.constructor("return process")() does not even parse', () => {
    const e = errorOf('cos.constructor("return process")()');
    // mathjs stops at the second call: `cos.constructor("return process")` is 34 characters, the `(` after it is the 35th
    expect(e.code).toBe('indicator-syntax');
    expect(e.position).toBe(35);
  });

  it('refuses a very long expression before parsing it', () => {
    const long = `${'completedYtd + '.repeat(40)}1`; // 15 × 40 + 1 = 601 characters
    const e = errorOf(long);
    expect(e.code).toBe('indicator-too-long');
    expect(e.params).toEqual({ max: MAX_EXPRESSION_LENGTH, length: 601 });
  });

  it('refuses deeply nested brackets before parsing them', () => {
    const deep = `${'('.repeat(1000)}1${')'.repeat(1000)}`; // 2001 characters: the length stops it first
    expect(errorOf(deep).code).toBe('indicator-too-long');
    const nested = `${'('.repeat(MAX_NESTING + 1)}1${')'.repeat(MAX_NESTING + 1)}`;
    const e = errorOf(nested);
    expect(e.code).toBe('indicator-too-deep');
    expect(e.position).toBe(MAX_NESTING + 1); // the first bracket too many
    expect(errorOf(`${'['.repeat(MAX_NESTING + 1)}`).code).toBe('indicator-too-deep');
    expect(compileIndicator('x', `${'('.repeat(MAX_NESTING)}1${')'.repeat(MAX_NESTING)}`).evaluate({})).toBe(1);
  });

  it('refuses an expression of too many terms', () => {
    const many = `${'1+'.repeat(MAX_NODES)}1`; // 2 × 200 + 1 = 401 characters, 401 nodes
    expect(many.length).toBeLessThanOrEqual(MAX_EXPRESSION_LENGTH);
    expect(errorOf(many).code).toBe('indicator-too-complex');
  });

  it('the instance itself has the dangerous functions disabled', () => {
    const { math } = sandboxMath();
    for (const f of ['import', 'createUnit', 'evaluate', 'parse', 'simplify', 'derivative', 'resolve', 'reviver'] as const) {
      expect(() => (math[f] as unknown as (...a: unknown[]) => unknown)('1')).toThrow(`Function ${f} is disabled`);
    }
    // and a scope holds only numbers: the compiled expression sees nothing else
    expect(compileIndicator('x', 'completedYtd').evaluate({ completedYtd: 'x' as unknown as number })).toBeNull();
  });
});

describe('messages', () => {
  it('a bad expression names the position', () => {
    const e = errorOf('completedYtd + * 2');
    // "completedYtd + " is 15 characters: the `*` is the 16th
    expect(e.position).toBe(16);
    expect(whatifErrorMessage(e, 'zh-CN')).toBe('第 16 个字符处有语法错误（Value expected）');
    expect(whatifErrorMessage(e, 'en')).toBe('at character 16: syntax error (Value expected)');
  });

  it('an unclosed bracket points past the end', () => {
    // "completedYtd / (annualPlan" is 12 + 3 + 1 + 10 = 26 characters
    const e = errorOf('completedYtd / (annualPlan');
    expect(e.code).toBe('indicator-syntax');
    expect(e.position).toBe(27);
  });

  it('an unknown field lists the known ones', () => {
    const e = errorOf('completedYtd / anualPlan');
    expect(e.code).toBe('indicator-unknown-field');
    expect(e.position).toBe(16); // after "completedYtd / " (15 characters)
    const msg = whatifErrorMessage(e, 'zh-CN');
    expect(msg.startsWith('第 16 个字符处的「anualPlan」不是已知字段。可用字段：')).toBe(true);
    for (const f of INDICATOR_FIELDS) expect(msg).toContain(`\n  ${f}  `);
    expect(msg).toContain('annualPlan  年度计划投资（万元）');
  });

  it('names the indicator when several are compiled, and refuses a name twice', () => {
    try {
      compileIndicators([{ name: '好', expression: '1' }, { name: '坏', expression: 'foo' }]);
      throw new Error('no error');
    } catch (e) {
      expect(whatifErrorMessage(e as WhatifInputError, 'zh-CN')).toMatch(/^指标「坏」：第 1 个字符处的「foo」不是已知字段/);
    }
    expect(() => compileIndicators([{ name: 'a', expression: '1' }, { name: 'a', expression: '2' }])).toThrow(WhatifInputError);
  });
});

describe('evaluateBatch (for a worker)', () => {
  it('plain data in and out; an indicator that fails gives an error and nulls', () => {
    const r = evaluateBatch(
      [{ name: 'rate', expression: 'completedYtd / annualPlan' }, { name: 'bad', expression: 'import(1)' }],
      [{ completedYtd: 480, annualPlan: 1200 }, { completedYtd: 10, annualPlan: null }],
    );
    expect(r.values).toEqual([[0.4, null], [null, null]]);
    expect(r.errors).toEqual([{ name: 'bad', code: 'indicator-not-allowed', params: { what: 'import' }, position: 1 }]);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});
