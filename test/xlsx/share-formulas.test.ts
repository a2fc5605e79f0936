import fc from 'fast-check';
import type { PlanCell } from '../../src/core/types';
import { isMovedDown, shareFormulas } from '../../src/xlsx/patch/share-formulas';
import { shiftFormula } from '../../src/xlsx/read/expand-shared-formula';

describe('isMovedDown', () => {
  it.each([
    // The tool's own formulas, one row down.
    ['IF(AND(ISNUMBER(L5),ISNUMBER(J5)),IF(J5>0,L5/J5,""),"")', 'IF(AND(ISNUMBER(L6),ISNUMBER(J6)),IF(J6>0,L6/J6,""),"")', 1, true],
    ['IF(ISNUMBER(P5),IF(P5>=-LC_LagWarn,"正常推进","滞后"),"无法计算")', 'IF(ISNUMBER(P6),IF(P6>=-LC_LagWarn,"正常推进","滞后"),"无法计算")', 1, true],
    ['IF(ISNUMBER(T5),COUNTIF($T$5:$T$9,">"&T5)+1,"")', 'IF(ISNUMBER(T8),COUNTIF($T$5:$T$9,">"&T8)+1,"")', 3, true],
    ['COUNTIFS($D$4:$D$99,$D5,$T$4:$T$99,">"&T5)', 'COUNTIFS($D$4:$D$99,$D6,$T$4:$T$99,">"&T6)', 1, true],
    ['ROUND(O5,3)', 'ROUND(O6,3)', 1, true],
    ["'台 账'!A5+Sheet1!B5", "'台 账'!A6+Sheet1!B6", 1, true],
    // Moved by the wrong offset, an absolute row moved, a column changed, text changed.
    ['A5*2', 'A6*2', 2, false],
    ['$A$5*2', '$A$6*2', 1, false],
    ['A5*2', 'B6*2', 1, false],
    ['IF(A5>0,"x","y")', 'IF(A6>0,"x","z")', 1, false],
    // A reference inside a string is text, not moved.
    ['"A5"&A5', '"A6"&A6', 1, false],
    ['"A5"&A5', '"A5"&A6', 1, true],
    // Names and functions that look like references are not moved.
    ['LOG10(A5)', 'LOG10(A6)', 1, true],
    ['LOG10(A5)', 'LOG11(A6)', 1, false],
    ['LC_A1+A5', 'LC_A1+A6', 1, true],
    // What a reader could move differently is never shared: row ranges, lower case, brackets.
    ['SUM(5:5)', 'SUM(6:6)', 1, false],
    ['SUM(5:5)', 'SUM(5:5)', 1, false],
    ['a5*2', 'a6*2', 1, false],
    ['Table1[Col]+A5', 'Table1[Col]+A6', 1, false],
    // Leading zeros and the last row.
    ['A05', 'A06', 1, false],
    ['XFE5', 'XFE6', 1, false],
    ['SUM($D:$D)+A5', 'SUM($D:$D)+A6', 1, false],
    ['A1048576', 'A1048577', 1, false],
    ['A5', 'A6 ', 1, false],
  ])('%s → %s by %i: %s', (master, f, dr, want) => {
    expect(isMovedDown(master, f, dr)).toBe(want);
  });

  // Whatever it accepts, a reader moving the master gives exactly: the one thing that must hold.
  it('accepts only what shiftFormula gives', () => {
    const token = fc.constantFrom('A5', '$A5', 'A$5', '$B$7', 'AB12', 'ZZZ3', 'A', 'XFE', '5', '0', ':', ',', '+', '(', ')', '"x5"', '"', "'S 1'!", "'", 'LC_X', '_', 'LOG10(', 'a5', '[', ']', '1E5', '.', ' ', '!', '$', 'C0');
    fc.assert(fc.property(fc.array(token, { minLength: 1, maxLength: 12 }), fc.array(token, { maxLength: 12 }), fc.integer({ min: 1, max: 5 }),
      (a, b, dr) => {
        const master = a.join('');
        const moved = shiftFormula(master, dr, 0);
        // Either the reader's own move, or something else entirely.
        for (const f of [moved, master, b.join(''), moved + 'x']) {
          if (isMovedDown(master, f, dr)) expect(f).toBe(moved);
        }
      }), { numRuns: Number(process.env.FC_RUNS ?? 3000) });
  });
});

describe('shareFormulas', () => {
  const cell = (r: number, c: number, formula?: string, value: PlanCell['value'] = 1): PlanCell => ({ r, c, value, formula });
  const share = (cells: PlanCell[], own: Set<number>, firstSi: number) =>
    shareFormulas({ list: cells, idx: null, r: Int32Array.from(cells.map((x) => x.r)), c: Int32Array.from(cells.map((x) => x.c)) }, own, firstSi);

  it('makes one shared formula per run down a column, numbered from firstSi', () => {
    const cells = [
      cell(0, 3, undefined, 'head'),
      cell(1, 3, 'A2*2'), cell(1, 4, 'B2'),
      cell(2, 3, 'A3*2'), cell(2, 4, 'C3'),
      cell(3, 3, 'A4*2'), cell(3, 4, 'B4'),
      cell(5, 3, 'A6*2'),
    ];
    const { si, refs } = share(cells, new Set([3, 4]), 7);
    // Column D: rows 2, 3, 4 and 6 (row 5 has no cell) move down from A2*2: one run, si 7.
    // Column E: B2, C3 (another column), B4: no two in a row match, nothing shared.
    expect([...si]).toEqual([-1, 7, -1, 7, -1, 7, -1, 7]);
    expect([...refs]).toEqual([[1, 'D2:D6']]);
  });

  it('starts a new run where a formula breaks the pattern or a value sits in between', () => {
    const cells = [cell(0, 0, 'X1'), cell(1, 0, 'X2'), cell(2, 0, 'Y3'), cell(3, 0, 'Y4'), cell(4, 0), cell(5, 0, 'Y6'), cell(6, 0, 'Y7')];
    const { si, refs } = share(cells, new Set([0]), 0);
    expect([...si]).toEqual([0, 0, 1, 1, -1, 2, 2]);
    expect([...refs]).toEqual([[0, 'A1:A2'], [2, 'A3:A4'], [5, 'A6:A7']]);
  });

  it('leaves cells outside the tool\'s columns alone', () => {
    const { si } = share([cell(0, 1, 'A1'), cell(1, 1, 'A2')], new Set([0]), 0);
    expect([...si]).toEqual([-1, -1]);
  });
});
