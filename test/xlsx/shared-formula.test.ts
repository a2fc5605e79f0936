import { shiftFormula } from '../../src/xlsx/read/expand-shared-formula';

describe('shiftFormula (shared formula children)', () => {
  it.each([
    ['A1+B2', 1, 0, 'A2+B3'],
    ['A1+B2', 0, 2, 'C1+D2'],
    ['$A1+A$1+$A$1', 3, 3, '$A4+D$1+$A$1'],
    ['SUM(A1:B2)', 1, 1, 'SUM(B2:C3)'],
    ['SUM(A:A)+SUM($B:C)', 5, 1, 'SUM(B:B)+SUM($B:D)'],
    ['SUM(1:1)+SUM($2:3)', 2, 9, 'SUM(3:3)+SUM($2:5)'],
    ['Sheet2!A1+\'My Sheet\'!B1', 1, 0, 'Sheet2!A2+\'My Sheet\'!B2'],
    ['"A1"&A1', 1, 0, '"A1"&A2'],
    ['LOG10(A1)+ATAN2(A1,B1)', 1, 0, 'LOG10(A2)+ATAN2(A2,B2)'],
    ['Table1[Col1]+A1', 1, 0, 'Table1[Col1]+A2'],
    ['LC_TP*A1', 1, 0, 'LC_TP*A2'],
    ['DATA2023+A1', 1, 0, 'DATA2023+A2'],
    ['A1', -1, 0, '#REF!'],
    ['0.5*A1', 1, 0, '0.5*A2'],
    ['A1', 0, 0, 'A1'],
    // Adjacent references: each one's leading character is kept.
    ['A1 B1,C1*-D1', 1, 0, 'A2 B2,C2*-D2'],
    ['(A1)+A1:A2', 1, 1, '(B2)+B2:B3'],
  ])('%s moved by (%i, %i) is %s', (f, dr, dc, want) => {
    expect(shiftFormula(f, dr, dc)).toBe(want);
  });
});
