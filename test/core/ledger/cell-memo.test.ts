import { Memo } from '../../../src/core/ledger/cell-memo';
import type { CellValue } from '../../../src/core/grid';

/** A reading that counts its calls: the length of a text, the double of a number. */
function counted() {
  const calls: (CellValue | undefined)[] = [];
  const read = (v: CellValue | undefined, factor: number): number | null => {
    calls.push(v);
    if (typeof v === 'string') return v.length * factor;
    return typeof v === 'number' ? v * factor : null;
  };
  return { calls, memo: new Memo(read, 2) };
}

test('each distinct text or number is read once, with the argument given', () => {
  const { calls, memo } = counted();
  // '是' → 1·2 = 2, '未开工' → 3·2 = 6, 7 → 14
  const got = ['是', '是', '未开工', '是', 7, 7, '未开工'].map((v) => memo.get(v));
  expect(got).toEqual([2, 2, 6, 2, 14, 14, 6]);
  expect(calls).toEqual(['是', '未开工', 7]);
});

test('blanks, booleans and errors are read every time', () => {
  const { calls, memo } = counted();
  expect([null, null, true, undefined].map((v) => memo.get(v))).toEqual([null, null, null, null]);
  expect(calls).toEqual([null, null, true, undefined]);
});

test('clear forgets every reading, the last one too', () => {
  const { calls, memo } = counted();
  memo.get('是');
  memo.get(7);
  memo.clear();
  memo.get(7);
  memo.get('是');
  expect(calls).toEqual(['是', 7, 7, '是']);
});

test('NaN is remembered like any number', () => {
  const { calls, memo } = counted();
  expect(memo.get(NaN)).toBeNaN();
  expect(memo.get(NaN)).toBeNaN();
  expect(calls).toHaveLength(1);
});

test('past 10,000 values, new ones are read but not remembered', () => {
  const { calls, memo } = counted();
  for (let i = 0; i < 10_001; i++) memo.get(i);
  // 0..9999 are remembered; 10000 is the 10,001st value: read, not kept, so read again.
  memo.get(10_000);
  memo.get(10_000);
  memo.get(5);
  expect(calls).toHaveLength(10_001 + 2);
});
