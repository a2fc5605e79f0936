import { cellA1, parseAreas, parseRef } from '../../src/excel/address';

describe('parseAreas', () => {
  it.each([
    ['Sheet1!A1:B4,Sheet1!D1:D4', [{ r0: 0, c0: 0, r1: 3, c1: 1 }, { r0: 0, c0: 3, r1: 3, c1: 3 }]],
    ['Sheet1!A1:B4, Sheet1!D1', [{ r0: 0, c0: 0, r1: 3, c1: 1 }, { r0: 0, c0: 3, r1: 0, c1: 3 }]],
    ["'My, sheet'!C3:D4,'It''s'!$E$5", [{ r0: 2, c0: 2, r1: 3, c1: 3 }, { r0: 4, c0: 4, r1: 4, c1: 4 }]],
    ['台账!AA10:AB12', [{ r0: 9, c0: 26, r1: 11, c1: 27 }]],
    ['B2', [{ r0: 1, c0: 1, r1: 1, c1: 1 }]],
    ['', []],
  ])('%s', (address, expected) => {
    expect(parseAreas(address)).toEqual(expected);
  });
});

describe('parseRef', () => {
  it('reads whole columns and rows', () => {
    expect(parseRef('C:D')).toEqual({ r0: 0, r1: 1048575, c0: 2, c1: 3 });
    expect(parseRef('3:7')).toEqual({ r0: 2, r1: 6, c0: 0, c1: 16383 });
    expect(parseRef('nonsense')).toBeNull();
  });

  it('writes cells back', () => {
    expect(cellA1(0, 27)).toBe('AB1');
  });
});
