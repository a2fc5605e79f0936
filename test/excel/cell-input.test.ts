import { cellInput, protectText } from '../../src/excel/cell-input';

describe('protectText: text Excel would read as something else keeps an apostrophe', () => {
  it.each([
    ['项目', '项目'],
    ['0012', "'0012"],
    ['2022-06-30', "'2022-06-30"],
    ['=A1', "'=A1"],
    ['-', "'-"],
    ['TRUE', "'TRUE"],
    ['#N/A', "'#N/A"],
    ['１２３', "'１２３"],
    ['B6', 'B6'],
    ['', ''],
  ])('%p → %p', (text, expected) => {
    expect(protectText(text)).toBe(expected);
  });
});

describe('cellInput', () => {
  it.each([
    [{ r: 0, c: 0, value: 0.5, formula: 'A1/B1' }, '=A1/B1'],
    [{ r: 0, c: 0, value: 12 }, 12],
    [{ r: 0, c: 0, value: Number.NaN }, ''],
    [{ r: 0, c: 0, value: null }, ''],
    [{ r: 0, c: 0, value: true }, true],
    [{ r: 0, c: 0, value: { error: '#DIV/0!' } }, '#DIV/0!'],
    [{ r: 0, c: 0, value: 'B6', link: "'台 账'!B6" }, '=HYPERLINK("#\'台 账\'!B6","B6")'],
    [{ r: 0, c: 0, value: 'say "hi"', link: 'S!A1' }, '=HYPERLINK("#S!A1","say ""hi""")'],
  ])('%p', (cell, expected) => {
    expect(cellInput(cell)).toBe(expected);
  });
});
