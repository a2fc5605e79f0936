import fc from 'fast-check';
import { writeJson } from '../../src/cli/json-stream';

function streamed(value: unknown): string {
  const parts: string[] = [];
  writeJson(value, (s) => parts.push(s));
  return parts.join('');
}

describe('writeJson', () => {
  it('writes what JSON.stringify(v, null, 2) writes, for a report-shaped value with a large array', () => {
    const projects = Array.from({ length: 1203 }, (_, i) => ({ row: i + 6, name: `项目${i}\n"x"`, rate: i % 7 === 0 ? null : i / 1000, tags: [] as number[], nested: { a: [1, 2], b: {} } }));
    const report = { schema: 'ledger-report/1', files: [{ file: 'a.xlsx', output: null, sheets: [{ sheet: 'S', projects, issues: [] }] }], ranking: [], skip: undefined };
    const text = streamed(report);
    expect(text).toBe(JSON.stringify(report, null, 2));
    // And it was written in pieces, not as one string.
    const parts: string[] = [];
    writeJson(report, (s) => parts.push(s));
    expect(parts.length).toBeGreaterThan(1203);
  });

  it('agrees with JSON.stringify on arbitrary JSON values', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => {
      expect(streamed(v)).toBe(JSON.stringify(v, null, 2));
    }), { numRuns: 300 });
  });

  it('agrees on a large array of arbitrary values', () => {
    fc.assert(fc.property(fc.array(fc.jsonValue({ maxDepth: 2 }), { minLength: 501, maxLength: 700 }), (arr) => {
      expect(streamed({ big: arr, n: 1 })).toBe(JSON.stringify({ big: arr, n: 1 }, null, 2));
    }), { numRuns: 5 });
  });

  it.each([
    ['toJSON and boxed primitives', { d: new Date(Date.UTC(2022, 5, 30)), n: Object(3), s: Object('x'), b: Object(false), o: { toJSON: () => ({ a: [1] }) } }],
    ['numbers JSON cannot hold, -0, and members JSON drops', { a: NaN, b: -Infinity, c: -0, d: undefined, e: () => 1, f: [undefined, () => 1, Symbol('s')] }],
    ['an object left empty by its dropped members', { a: { x: undefined }, b: [] }],
  ])('%s, inside a large array and outside it', (_label, value) => {
    expect(streamed(value)).toBe(JSON.stringify(value, null, 2));
    const big = { rows: Array.from({ length: 501 }, () => value), tail: value };
    expect(streamed(big)).toBe(JSON.stringify(big, null, 2));
  });
});
