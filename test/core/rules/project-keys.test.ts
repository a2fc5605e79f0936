import { codeIndex, nameIndex } from '../../../src/core/rules/project-keys';
import { contextOf, project, sheet } from '../../helpers/rule-fixtures';

const ledgerOf = (rows: { name: string; code?: string }[]) =>
  contextOf(sheet(rows.map((r, i) => project({ index: i + 1, ...r })))).ledger;

describe('codeIndex', () => {
  const cases: { name: string; codes: (string | undefined)[]; distinct: number; repeats: boolean }[] = [
    { name: 'all different', codes: ['A-1', 'A-2', 'A-3'], distinct: 3, repeats: false },
    { name: 'one twice', codes: ['A-1', 'A-2', 'A-1'], distinct: 2, repeats: true },
    // blanks have no key: 'A-1' and 'A-2' are the two keys
    { name: 'blanks are no key and no repeat', codes: [undefined, 'A-1', undefined, 'A-2'], distinct: 2, repeats: false },
    // ' a-1' is reduced to 'A-1', the key of the first row
    { name: 'the same code under noise and case', codes: ['A-1', ' a-1'], distinct: 1, repeats: true },
    { name: 'no codes at all', codes: [undefined, undefined], distinct: 0, repeats: false },
  ];

  test.each(cases)('$name', ({ codes, distinct, repeats }) => {
    const index = codeIndex(ledgerOf(codes.map((code, i) => ({ name: `项目${i}`, code }))));
    expect(index.distinct()).toBe(distinct);
    expect(index.repeats()).toBe(repeats);
  });

  test('distinct agrees with the first-occurrence map, before and after it is built', () => {
    // 3000 projects, code k = i mod 1000: 1000 different codes, each three times.
    const rows = Array.from({ length: 3000 }, (_, i) => ({ name: `项目${i}`, code: `2022-371521-48-03-${String(i % 1000).padStart(5, '0')}X` }));
    const ledger = ledgerOf(rows);
    const index = codeIndex(ledger);
    expect(index.distinct()).toBe(1000);
    expect(index.repeats()).toBe(true);
    expect(index.first().size).toBe(1000);
    expect(index.first().get('2022-371521-48-03-00999X')).toBe(999);
  });
});

describe('nameIndex', () => {
  test('names reduced to keys: script, blanks and brackets aside', () => {
    // 陽谷 物流園（一期） → 阳谷物流园(一期), the key of the first row
    const index = nameIndex(ledgerOf([{ name: '阳谷物流园(一期)' }, { name: '陽谷 物流園（一期）' }, { name: '莘县物流园' }]));
    expect(index.keys).toEqual(['阳谷物流园(一期)', '阳谷物流园(一期)', '莘县物流园']);
    expect(index.distinct()).toBe(2);
    expect(index.repeats()).toBe(true);
  });
});
