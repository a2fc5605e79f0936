import { subtotalMismatch } from '../../../src/core/rules/subtotal-mismatch';
import { check, issuesOf, line, project, type Row } from '../../helpers/rule-fixtures';

// Columns: A 序号 (labels of total/heading rows), E 总投资, G 年度计划投资, I 1-6月.
// Every default project: total 1000, plan 500, this month 50, year to date 250.
// Rows start at 4. Tolerance 0.5 万元.

/** A summary line with the figures of n default projects, changed where given. */
function sums(label: string, n: number, over: Parameters<typeof line>[0] = {}): Row {
  return line({ index: label, total: 1000 * n, before: 0, plan: 500 * n, month: 50 * n, ytd: 250 * n, ...over });
}

describe('合计 on top, a heading with figures, a 小计, a heading without figures', () => {
  const layout = (over: { total?: Row; heading?: Row; subtotal?: Row } = {}): Row[] => [
    over.total ?? sums('合计（3项）', 3), //      row 4: all three projects
    over.heading ?? sums('一、交通（2项）', 2), // row 5: rows 6-7
    project({ name: '甲' }), //                  row 6
    project({ name: '乙' }), //                  row 7
    over.subtotal ?? sums('小计', 2), //         row 8: rows 6-7
    line({ index: '二、水利' }), //               row 9: heading, no figures
    project({ name: '丙' }), //                  row 10
  ];

  test('figures that add up', () => {
    expect(check(subtotalMismatch, layout())).toEqual([]);
  });

  test('the total plan typed 1600 where 3 × 500 = 1500: fix 1500', () => {
    expect(check(subtotalMismatch, layout({ total: sums('合计（3项）', 3, { plan: 1600 }) }))).toEqual([
      { cell: 'G4', code: 'subtotal-mismatch', severity: 'error', fix: 1500 },
    ]);
  });

  test('a heading declaring 3 projects over 2: fix rewrites the count in the label', () => {
    expect(check(subtotalMismatch, layout({ heading: sums('一、交通（3项）', 2) }))).toEqual([
      { cell: 'A5', code: 'subtotal-mismatch', severity: 'error', fix: '一、交通（2项）' },
    ]);
  });

  test('a count in 个 after a place-first 合计 is rewritten too', () => {
    expect(check(subtotalMismatch, layout({ heading: sums('交通合计3个', 2) }))).toEqual([
      { cell: 'A5', code: 'subtotal-mismatch', severity: 'error', fix: '交通合计2个' },
    ]);
  });

  test('a numeral alone in 序号 with the counted name beside it: the issue is at the name', () => {
    const heading = line({ index: '一', name: '新會區（3個）', total: 2000, before: 0, plan: 1000, month: 100, ytd: 500 });
    expect(check(subtotalMismatch, layout({ heading }))).toEqual([
      { cell: 'B5', code: 'subtotal-mismatch', severity: 'error', fix: '新會區（2個）' },
    ]);
  });

  test('a 小计 off by the tolerance passes; by more, it does not', () => {
    // 2 × 250 = 500; 499.5 is off by 0.5, 499.4 by 0.6
    expect(check(subtotalMismatch, layout({ subtotal: sums('小计', 2, { ytd: 499.5 }) }))).toEqual([]);
    expect(check(subtotalMismatch, layout({ subtotal: sums('小计', 2, { ytd: 499.4 }) }))).toEqual([
      { cell: 'I8', code: 'subtotal-mismatch', severity: 'error', fix: 500 },
    ]);
  });

  test('a blank cell in a summary row is not compared', () => {
    expect(check(subtotalMismatch, layout({ heading: sums('一、交通（2项）', 2, { month: null }) }))).toEqual([]);
  });

  test('params of an amount and of a count', () => {
    const issues = issuesOf(subtotalMismatch, layout({ total: sums('合计（4项）', 3, { plan: 1600 }) }));
    expect(issues.map((i) => i.params)).toEqual([
      { kind: 'amount', label: '合计', field: 'annualPlan', value: 1600, sum: 1500, unit: '万元' },
      { kind: 'count', label: '合计', declared: 4, count: 3 },
    ]);
  });
});

describe('per-county 小计 rows and a 合计 at the bottom', () => {
  const rows = (yangguYtd: number): Row[] => [
    project({ name: '甲' }), //                                 row 4
    project({ name: '乙' }), //                                 row 5
    sums('阳谷县小计', 2, { ytd: yangguYtd }), //               row 6: rows 4-5
    project({ name: '丙', group: '冠县' }), //                   row 7
    sums('冠县小计', 1), //                                      row 8: row 7 only
    sums('合计', 3), //                                          row 9
  ];
  test('all add up', () => {
    expect(check(subtotalMismatch, rows(500))).toEqual([]);
  });
  test('the first 小计 off: only that one', () => {
    expect(check(subtotalMismatch, rows(510))).toEqual([{ cell: 'I6', code: 'subtotal-mismatch', severity: 'error', fix: 500 }]);
  });
});

describe('nested headings with figures', () => {
  // 一、 covers rows 6, 7, 9; (一) rows 6-7; (二) row 9; 二、 row 11; 合计 all four.
  const rows = (inner: Row): Row[] => [
    sums('一、市本级（3项）', 3), // row 4
    inner, //                        row 5
    project({ name: '甲' }), //      row 6
    project({ name: '乙' }), //      row 7
    sums('（二）新开工', 1), //       row 8
    project({ name: '丙' }), //      row 9
    sums('二、县区（1项）', 1), //   row 10
    project({ name: '丁' }), //      row 11
    sums('合计（4项）', 4), //       row 12
  ];
  test('all add up', () => {
    expect(check(subtotalMismatch, rows(sums('（一）在建', 2)))).toEqual([]);
  });
  test('an inner heading typed with three projects\' total', () => {
    // (一) covers 2 projects: 2 × 1000 = 2000, typed 3000
    expect(check(subtotalMismatch, rows(sums('（一）在建', 2, { total: 3000 })))).toEqual([
      { cell: 'E5', code: 'subtotal-mismatch', severity: 'error', fix: 2000 },
    ]);
  });
});

describe('a sheet in 亿元: a total typed to the sheet\'s 2 decimals', () => {
  // three projects of 0.333 亿元 this year: sum 0.999 亿元
  const rows = (ytd: number): Row[] => [
    project({ name: '甲', total: 5, plan: 1, month: 0.1, ytd: 0.333 }),
    project({ name: '乙', total: 5, plan: 1, month: 0.1, ytd: 0.333 }),
    project({ name: '丙', total: 5, plan: 1, month: 0.1, ytd: 0.333 }),
    line({ index: '合计', total: 15, plan: 3, month: 0.3, ytd }), // row 7
  ];
  test('1.00 is within half a cent of 亿元 (0.005) of 0.999', () => {
    expect(check(subtotalMismatch, rows(1), { unitLine: '单位：亿元' })).toEqual([]);
  });
  test('1.01 is 0.011 off: fix 0.999', () => {
    expect(check(subtotalMismatch, rows(1.01), { unitLine: '单位：亿元' })).toEqual([
      { cell: 'I7', code: 'subtotal-mismatch', severity: 'error', fix: 0.999 },
    ]);
  });
});
