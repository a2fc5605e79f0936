import { cellKey } from '../../src/core/grid';
import { displayValue, previewOf } from '../../src/web/preview-data';
import { gridOf } from '../helpers/grid';

describe('displayValue', () => {
  const grid = gridOf([[44742, 44742, 0.4567, 3187.123456, '  文本 ', true, { error: '#DIV/0!' }, null]]);
  grid.numFmts = new Map([[cellKey(0, 0), 'yyyy-mm-dd'], [cellKey(0, 2), '0.0%']]);

  it.each([
    [0, '2022-06-30'], // serial 44742 under a date format
    [1, '44742'], // the same number without one
    [2, '45.7%'], // 0.4567 → 45.67 → 45.7
    [3, '3187.1235'], // four decimals at most
    [4, '  文本 '], // text as typed
    [5, 'TRUE'],
    [6, '#DIV/0!'],
    [7, ''],
  ])('column %i → %p', (c, text) => {
    expect(displayValue(grid, 0, c)).toBe(text);
  });
});

describe('previewOf', () => {
  // Header on row 3 (0-based 2), data from row 4; twelve columns, the name in C.
  const rows = [['表'], [], Array.from({ length: 12 }, (_, c) => `H${c}`)];
  for (let r = 3; r < 30; r++) rows.push(Array.from({ length: 12 }, (_, c) => `${r}:${c}`));
  const grid = gridOf(rows, [], '台账');

  it('shows the header rows, three rows either side and a window of seven columns around the cell', () => {
    const p = previewOf(grid, 'J20', [2], 2);
    expect(p).not.toBeNull();
    // J is column 9: the window would start at 9 − 3 = 6, limited to 12 − 7 = 5 → F..L; C (the name) replaces F.
    expect(p!.letters).toEqual(['C', 'G', 'H', 'I', 'J', 'K', 'L']);
    expect(p!.rows.map((r) => r.r)).toEqual([2, 16, 17, 18, 19, 20, 21, 22]);
    expect(p!.rows[0]).toEqual({ r: 2, header: true, cells: ['H2', 'H6', 'H7', 'H8', 'H9', 'H10', 'H11'] });
    expect(p!.rows[4].cells[4]).toBe('19:9');
    expect(p).toMatchObject({ sheet: '台账', cell: 'J20', r: 19, c: 9 });
  });

  it('does not repeat a header row that is already in the window, nor go above the sheet', () => {
    const p = previewOf(grid, 'B4', [2], 1)!;
    expect(p.rows.map((r) => [r.r, r.header])).toEqual([[0, false], [1, false], [2, true], [3, false], [4, false], [5, false], [6, false]]);
    expect(p.letters).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G']);
  });

  it('shows every column of a narrow sheet, and refuses what is not a cell address', () => {
    expect(previewOf(gridOf([['a', 'b']]), '$B$1', [], undefined)!.letters).toEqual(['A', 'B']);
    expect(previewOf(grid, 'not a cell', [2], 2)).toBeNull();
  });
});
