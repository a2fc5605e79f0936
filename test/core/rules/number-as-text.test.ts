import { toA1 } from '../../../src/core/grid';
import { numberAsText } from '../../../src/core/rules/number-as-text';
import { FIRST, HEADER, check, issuesOf, project, type Brief, type Row } from '../../helpers/rule-fixtures';

// Columns: E 总投资, G 年度计划投资, I 1-6月, J 投资完成率; first project on row 4.
const cases: { name: string; rows: Row[]; expected: Brief[] }[] = [
  { name: 'real numbers', rows: [project({ rate: 0.5 })], expected: [] },
  {
    name: '"3187" in the plan: fix is the number 3187',
    rows: [project({ plan: '3187' })],
    expected: [{ cell: 'G4', code: 'number-as-text', severity: 'warning', fix: 3187 }],
  },
  {
    name: 'thousands separators: "1,000" is 1000',
    rows: [project({ total: '1,000' })],
    expected: [{ cell: 'E4', code: 'number-as-text', severity: 'warning', fix: 1000 }],
  },
  {
    name: 'full-width digits: "２５０" is 250',
    rows: [project({ ytd: '２５０' })],
    expected: [{ cell: 'I4', code: 'number-as-text', severity: 'warning', fix: 250 }],
  },
  {
    name: 'a rate typed "50%" in a fraction column: fix 0.5',
    rows: [project({ rate: '50%' })],
    expected: [{ cell: 'J4', code: 'number-as-text', severity: 'warning', fix: 0.5 }],
  },
  { name: 'text that is no number is not-a-number\'s business', rows: [project({ plan: '3000-5000' })], expected: [] },
  {
    name: 'a unit in the cell, in a 万元 sheet: "5.2亿元" is 52000',
    rows: [project({ total: '5.2亿元' })],
    expected: [{ cell: 'E4', code: 'number-as-text', severity: 'warning', fix: 52000 }],
  },
];

test.each(cases)('$name', ({ rows, expected }) => {
  expect(check(numberAsText, rows)).toEqual(expected);
});

test('under a header ending in %, a rate "50%" is fixed as the percent number 50', () => {
  const header = [...HEADER];
  header[9] = '投资完成率（%）';
  expect(check(numberAsText, [project({ rate: '50%' })], { header })).toEqual([
    { cell: 'J4', code: 'number-as-text', severity: 'warning', fix: 50 },
  ]);
});

test('params: the text as typed and the number read', () => {
  const [issue] = issuesOf(numberAsText, [project({ plan: ' 3187 ' })]);
  expect(issue.params).toEqual({ field: 'annualPlan', value: ' 3187 ', number: 3187, count: 1, examples: ' 3187 ' });
  expect(issue.rows).toBeUndefined();
});

test('a column of text figures is one finding: at its first cell, with the count, three examples and every cell', () => {
  const rows = [
    project({ plan: '1,200' }), // G4
    project({ plan: 800 }), // G5: a number, no finding
    project({ plan: '52000.00(万元)' }), // G6
    project({ plan: '１２９９' }), // G7
    project({ plan: '1,200' }), // G8: repeats G4's text, not quoted twice
    project({ plan: '3 000' }), // G9
    project({ ytd: '250' }), // I10: another column, its own finding
  ];
  const issues = issuesOf(numberAsText, rows);
  expect(issues.map((i) => [i.code, toA1(i.r, i.c), i.params.count, i.fix])).toEqual([
    ['number-as-text', 'G4', 5, null], // five text cells in G; no single fix for five cells
    ['number-as-text', 'I10', 1, 250],
  ]);
  expect(issues[0].rows?.map((r) => toA1(r, issues[0].c))).toEqual(['G4', 'G6', 'G7', 'G8', 'G9']);
  // The first three distinct texts, as typed.
  expect(issues[0].params.examples).toBe('1,200\t52000.00(万元)\t１２９９');
  expect(issues[0].params.number).toBe(1200);
});

test('an estimate is approximate-figure\'s, not this rule\'s', () => {
  expect(check(numberAsText, [project({ plan: '约3000' })])).toEqual([]);
});

test('columns exported as text: each column its own rows, whether or not they are the same rows as another column', () => {
  // The projects' text is read once, when they are built, and the rule takes those readings;
  // columns marked on the same rows share their list. E and G are text on rows 4-6, I on 4 and 6
  // (I5 a number), and E7 an estimate (approximate-figure's), so E's rows stop at 6 though G7 is text.
  const rows = [
    project({ total: '1,000', plan: '300', ytd: '１５０' }), // row 4
    project({ total: '2,000', plan: '600', ytd: 100 }), // row 5
    project({ total: '3000万元', plan: '900', ytd: '450' }), // row 6
    project({ total: '约4000', plan: '1200', ytd: 200 }), // row 7
  ];
  const issues = issuesOf(numberAsText, rows);
  const cells = issues.map((i) => (i.rows ?? [i.r]).map((r) => toA1(r, i.c)));
  expect(cells).toEqual([
    ['E4', 'E5', 'E6'],
    ['G4', 'G5', 'G6', 'G7'],
    ['I4', 'I6'],
  ]);
  // The numbers read, from the first cell of each column: 1,000 → 1000, 300, full-width １５０ → 150.
  expect(issues.map((i) => i.params.number)).toEqual([1000, 300, 150]);
  expect(issues.map((i) => i.params.count)).toEqual([3, 4, 2]);
});

describe('columns exported as text on rows of every pattern', () => {
  // Row i holds text in the amount columns of the set bits of i (bit 0 the first column), a
  // number elsewhere: each column's finding is then at exactly the rows with its bit, worked
  // out here from i alone. Five columns give 32 patterns; seven give 128, more than the
  // patterns the odd-cell pass tallies before it compares columns row by row.
  // E 总投资, F 截至上年底, G 年度计划, H 本月, I 1-6月; P and Q added for seven.
  const COLUMNS = [4, 5, 6, 7, 8, 15, 16];
  const SEVEN_HEADER = [...HEADER, '开工以来累计完成投资', '累计到位资金'];

  function patternRows(columns: number): Row[] {
    const rows: Row[] = [];
    for (let i = 0; i < 2 ** columns; i++) {
      const row = project({ index: i + 1, name: `项目${i}` });
      // The columns past HEADER's own hold 100 where they hold a number.
      for (const c of COLUMNS.slice(5, columns)) row[c] = 100;
      for (let k = 0; k < columns; k++) {
        const c = COLUMNS[k];
        if ((i >>> k) & 1) row[c] = String(row[c]);
      }
      rows.push(row);
    }
    return rows;
  }

  function expected(columns: number): string[][] {
    const out: string[][] = [];
    for (let k = 0; k < columns; k++) {
      const cells: string[] = [];
      for (let i = 0; i < 2 ** columns; i++) if ((i >>> k) & 1) cells.push(toA1(FIRST + i, COLUMNS[k]));
      out.push(cells);
    }
    return out;
  }

  const cellsOf = (issues: { r: number; c: number; rows?: number[] }[]) => issues.map((i) => (i.rows ?? [i.r]).map((r) => toA1(r, i.c)));

  test('five columns, 32 patterns', () => {
    const issues = issuesOf(numberAsText, patternRows(5));
    expect(cellsOf(issues)).toEqual(expected(5));
    // Each column is text on half the rows.
    expect(issues.map((i) => i.params.count)).toEqual([16, 16, 16, 16, 16]);
  });

  test('seven columns, 128 patterns', () => {
    const issues = issuesOf(numberAsText, patternRows(7), { header: SEVEN_HEADER });
    expect(cellsOf(issues)).toEqual(expected(7));
    expect(issues.map((i) => i.params.count)).toEqual([64, 64, 64, 64, 64, 64, 64]);
  });
});
