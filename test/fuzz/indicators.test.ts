/**
 * Planners' indicator expressions are code typed by users: random token soup, with every
 * escape route mathjs is known for mixed in, either is refused with WhatifInputError or
 * compiles to something that only ever gives a finite number or nothing, and leaves the
 * process's globals and prototypes as they were.
 */
import fc from 'fast-check';
import { WhatifInputError } from '../../src/core/whatif/errors';
import { INDICATOR_FIELDS, type IndicatorField } from '../../src/core/whatif/indicator-fields';
import { compileIndicator } from '../../src/core/whatif/indicators';
import { fuzzParams } from './params';

const TOKENS = [
  ...INDICATOR_FIELDS, '1', '0', '2.5', '1e308', '-', '+', '*', '/', '^', '%', '(', ')', ',', 'max', 'min', 'abs', 'round', 'sqrt',
  'constructor', '.', '[', ']', '"', "'", '=', ';', '{', '}', ':', '->', '?', '!', '&', '|', 'import', 'evaluate', 'parse',
  'createUnit', 'simplify', 'f(x)=x', 'cos', 'this', 'process', 'globalThis', 'require', '__proto__', 'prototype', 'Function',
  'matrix', 'ones(1e9)', 'range(1,1e9)', 'x', 'pi', 'e', 'Infinity', 'NaN', 'true', 'null', '\n', ' ',
];

/** Known ways out of a mathjs sandbox, and shapes that are costly to evaluate. */
const PAYLOADS = [
  'cos.constructor("return process")()',
  'evaluate("1+1")',
  'import({x: 1}, {override: true})',
  'parse("1").compile().evaluate()',
  'f = 1',
  '[1,2,3]',
  '"a" + "b"',
  'completedYtd.constructor',
  'createUnit("x")',
  'ones(100000, 100000)',
  `${'('.repeat(500)}1${')'.repeat(500)}`,
  Array.from({ length: 400 }, () => 'annualPlan').join('+'),
  'x ? y : z',
  'completedYtd / annualPlan * 100',
];

/** Well-formed arithmetic over the fields, most of which compiles. */
const arithmetic = fc.letrec((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...INDICATOR_FIELDS),
    fc.constantFrom('0', '1', '2.5', '100', '1e308', '-1'),
    fc.tuple(tie('expr'), fc.constantFrom('+', '-', '*', '/', '^'), tie('expr')).map(([a, op, b]) => `(${a} ${op} ${b})`),
    fc.tuple(fc.constantFrom('max', 'min', 'abs', 'round', 'sqrt'), tie('expr')).map(([f, a]) => `${f}(${a})`),
  ) as fc.Arbitrary<string>,
})).expr;

const expression = fc.oneof(
  { weight: 3, arbitrary: arithmetic },
  fc.array(fc.constantFrom(...TOKENS), { maxLength: 12 }).map((t) => t.join('')),
  fc.array(fc.constantFrom(...TOKENS), { maxLength: 12 }).map((t) => t.join(' ')),
  fc.constantFrom(...PAYLOADS),
  fc.string({ maxLength: 30 }),
);

const value = fc.oneof(fc.double({ noNaN: false }), fc.constantFrom(null, 0, -1, 1e308, Number.MAX_VALUE));
const scope = fc.record(Object.fromEntries(INDICATOR_FIELDS.map((f) => [f, value])) as Record<IndicatorField, fc.Arbitrary<number | null>>);

describe('indicator expressions from anyone', () => {
  it('are refused with WhatifInputError or give only finite numbers or nothing, and touch no global', () => {
    const globals = Object.getOwnPropertyNames(globalThis).sort();
    const protos = [Object.prototype, Function.prototype, Array.prototype, String.prototype, Number.prototype].map((p) => Object.getOwnPropertyNames(p).sort());
    let compiled = 0;
    fc.assert(
      fc.property(expression, fc.array(scope, { minLength: 1, maxLength: 3 }), (expr, scopes) => {
        let indicator;
        try {
          indicator = compileIndicator('x', expr);
        } catch (e) {
          if (e instanceof WhatifInputError) return;
          throw e;
        }
        compiled++;
        for (const f of indicator.fields) expect(INDICATOR_FIELDS).toContain(f);
        for (const s of scopes) {
          const v = indicator.evaluate(s);
          if (v !== null) expect(Number.isFinite(v)).toBe(true);
        }
      }),
      fuzzParams(400),
    );
    expect(compiled).toBeGreaterThan(20);
    expect(Object.getOwnPropertyNames(globalThis).sort()).toEqual(globals);
    expect([Object.prototype, Function.prototype, Array.prototype, String.prototype, Number.prototype].map((p) => Object.getOwnPropertyNames(p).sort())).toEqual(protos);
  });

  it.each(PAYLOADS.slice(0, 11))('refuses %s', (payload) => {
    expect(() => compileIndicator('x', payload)).toThrow(WhatifInputError);
  });
});
