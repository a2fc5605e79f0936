import { coverages } from '../../../src/core/ledger/blocks';
import type { ClassifiedRow } from '../../../src/core/types';

const p = (r: number): ClassifiedRow => ({ r, kind: 'project' });

test('nested headings, closing subtotals, a total at the bottom', () => {
  const rows: ClassifiedRow[] = [
    { r: 0, kind: 'subtotal', level: 1, label: 'A' }, // heading with figures: projects 0-2
    { r: 1, kind: 'heading', level: 2, label: 'A1' }, //  projects 0-1
    p(2), p(3),
    { r: 4, kind: 'subtotal', level: 2, label: '' }, //   closing: projects 0-1
    { r: 5, kind: 'subtotal', level: 2, label: 'A2' }, // heading with figures: project 2
    p(6),
    { r: 7, kind: 'breakdown', label: '其中' }, //        neither covers nor ends
    { r: 8, kind: 'heading', level: 1, label: 'B' }, //   project 3
    p(9),
    { r: 10, kind: 'total', label: '合计' }, //           all four
  ];
  const projectRows = Int32Array.from([2, 3, 6, 9]);
  const closing = new Set([4]);
  const got = coverages(rows, projectRows, (row) => closing.has(row.r)).map((c) => [c.row.r, c.start, c.end]);
  expect(got.sort((a, b) => a[0] - b[0])).toEqual([
    [0, 0, 3],
    [1, 0, 2],
    [4, 0, 2],
    [5, 2, 3],
    [8, 3, 4],
    [10, 0, 4],
  ]);
});

test('a heading without a level counts as level 1 and ends the previous one', () => {
  const rows: ClassifiedRow[] = [{ r: 0, kind: 'heading', label: 'X' }, p(1), { r: 2, kind: 'heading', label: 'Y' }, p(3), p(4)];
  const got = coverages(rows, Int32Array.from([1, 3, 4]), () => false).map((c) => [c.row.r, c.start, c.end]);
  expect(got).toEqual([[0, 0, 1], [2, 1, 3]]);
});
