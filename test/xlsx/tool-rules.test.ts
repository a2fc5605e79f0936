import type { WritePlan } from '../../src/core/types';
import { isMarkRule, markBlocks, namesTool } from '../../src/xlsx/patch/tool-conditional-formats';

type Mark = WritePlan['marks'][number];
const mark = (r: number, c: number, severity: Mark['severity']): Mark => ({ r, c, severity, note: '' });

describe('markBlocks', () => {
  it('groups cells by severity, the strongest per cell, info left out', () => {
    const blocks = markBlocks([mark(2, 2, 'warning'), mark(2, 2, 'error'), mark(0, 1, 'warning'), mark(5, 0, 'info'), mark(9, 6, 'error')]);
    expect(blocks).toEqual([
      { severity: 'error', sqref: 'C3 G10' },
      { severity: 'warning', sqref: 'B1' },
    ]);
  });

  it('merges runs down one column into a range and sorts by row, then column', () => {
    // C3, C4, C5 are one run; C7 stands alone; B4 and D3 are in other columns.
    const blocks = markBlocks([mark(2, 2, 'error'), mark(3, 2, 'error'), mark(4, 2, 'error'), mark(6, 2, 'error'), mark(3, 1, 'error'), mark(2, 3, 'error')]);
    expect(blocks).toEqual([{ severity: 'error', sqref: 'C3:C5 D3 B4 C7' }]);
  });

  it('splits a long list into blocks that together hold every cell once', () => {
    // Every other row of column B, rows 1..3999: 2000 single cells of 2-5 characters.
    const marks = Array.from({ length: 2000 }, (_, i) => mark(i * 2, 1, 'warning'));
    const blocks = markBlocks(marks);
    expect(blocks.length).toBeGreaterThan(1);
    for (const b of blocks) expect(b.sqref.length).toBeLessThanOrEqual(2048);
    const refs = blocks.flatMap((b) => b.sqref.split(' '));
    expect(refs).toEqual(marks.map((m) => `B${m.r + 1}`));
  });
});

describe('recognising the tool\'s rules', () => {
  it.each([
    ['ISTEXT("LC_MARK_ERROR")', true],
    ['ISTEXT("LC_MARK_WARNING")', true],
    ['ISTEXT("LC_MARKED")', false],
    ['$A1>0', false],
  ])('%s is a mark rule: %s', (f, want) => {
    expect(isMarkRule(f)).toBe(want);
  });

  it.each([
    ['AND(ISNUMBER($L3),$L3<-LC_LagAlert)', true],
    ['lc_lagwarn>0', true],
    ['MYLC_X>0', false],
    ['A1.LC_X', false],
    ['$A1>0', false],
  ])('%s names the tool: %s', (f, want) => {
    expect(namesTool(f, 'LC_')).toBe(want);
  });
});
