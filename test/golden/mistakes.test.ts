/**
 * The mistakes fixture: each planted mistake is reported at its cell with its code,
 * and the rows without a planted mistake stay clean.
 */
import { colLetter } from '../../src/core/grid';
import { mistakes } from '../fixtures/ledgers';
import { analyzeFixture } from './helpers';

const f = mistakes();

describe('mistakes', () => {
  const issues = analyzeFixture(f).issues;
  const found = issues.map((i) => `${i.code} ${colLetter(i.c)}${i.r + 1}`);

  test.each(f.expected.issues.map((i) => [i.code, i.cell] as const))('%s at %s', (code, cell) => {
    expect(found).toContain(`${code} ${cell}`);
  });

  test('no issue on a row without a planted mistake', () => {
    const clean = new Set(f.expected.cleanRows);
    expect(found.filter((_s, k) => clean.has(issues[k].r + 1))).toEqual([]);
  });

  test('the 合计 drift is reported as the 100 it is', () => {
    // L4 typed 103517, the projects sum to 103417
    const drift = issues.find((i) => i.code === 'subtotal-mismatch' && i.r === 3 && i.c === 11);
    expect(drift).toBeDefined();
    const values = Object.values(drift?.params ?? {}).filter((v): v is number => typeof v === 'number');
    expect(values).toEqual(expect.arrayContaining([103517, 103417]));
  });

  test('fixes offered where the repair is safe', () => {
    const fixOf = (code: string, cell: string) =>
      issues.find((i) => i.code === code && `${colLetter(i.c)}${i.r + 1}` === cell)?.fix;
    expect(fixOf('number-as-text', 'L6')).toBe(3187);
    expect(fixOf('number-as-text', 'J7')).toBe(12000);
    // 4500/10000 = 0.45, written back as a fraction (the column is formatted 0.0%)
    expect(fixOf('reported-rate-mismatch', 'M18')).toBeCloseTo(0.45, 6);
    expect(fixOf('text-noise', 'B22')).toBe('茌平区高质量发展示范园区基础设施项目');
  });
});
