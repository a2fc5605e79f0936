/**
 * Faults the hardening work found in the reader that are fixed now, kept from coming back:
 * state carried from one cell to the next, and end tags with nothing to close.
 */
import { DEFAULT_SETTINGS } from '../../src/core/types';
import { checkWorkbook } from '../../src/xlsx';
import { XlsxError } from '../../src/xlsx/errors';
import { readWorkbook } from '../../src/xlsx';
import { withSheet } from './packages';

describe('reader edges', () => {
  it('a cell typed inlineStr without <is> is not given the text of the inline string before it', () => {
    // C4 holds 道路工程 inline; G4 says inlineStr but carries only <v>1</v>.
    const bytes = withSheet((x) => x.replace(/<c r="G4"[^>]*>[\s\S]*?<\/c>/, '<c r="G4" t="inlineStr"><v>1</v></c>'));
    const grid = readWorkbook(bytes).sheets[0].grid;
    expect(grid.values[3][2]).toBe('道路工程');
    expect(grid.values[3][6] ?? null).not.toBe('道路工程');
  });

  it('an end tag with nothing open to close is refused as unreadable', () => {
    const bytes = withSheet((x) => x.replace('<c r="F4"><v>300</v></c>', '<c r="F4"><v>300</v></row></c>'));
    expect(() => checkWorkbook(bytes, { ...DEFAULT_SETTINGS, today: '2022-07-15' })).toThrow(XlsxError);
  });
});
