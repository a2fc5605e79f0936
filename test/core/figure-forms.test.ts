/**
 * The value reader for figures stored as text (src/core/figure-forms.ts): each form,
 * its conversion to the column's unit and the forms it reports; then the same cells
 * through the formula the reader's steps make (test/helpers/formula-eval.ts), which
 * must give the very same figure, or no figure where the reader gives none.
 *
 * Where the forms were seen (public pages, figures in running text as offices write them):
 * - `629.0亿元`, `97.2%`, traditional `億元` with pinyin glosses: 江门市发改局 重点建设项目进展
 *   (https://456150.com.cn/bmpd/jmsfzhggj/zwgk/tjfx/zdxmxxtj/content/post_1584634.html)
 * - `154.21亿元`, `44.04%`: https://www.harvestkrane.com/index.php/home/news/detail/id/516/gid/2709
 * - `77.57亿元`, `122.6%`: 沁水县 重点工程项目信息
 *   (http://xxgk.qinshui.gov.cn/xzf/qsfgj/fdzdgknr/zdxmjsly/zdxmxx/202201/t20220121_1543736.shtml)
 * - `52000.00(万元)`, `1,234.5`, `１２９９`, `约3000`: as quoted from system exports in issue #20.
 */
import { FORM, FORM_NAMES, formFigureFormula, formFigureOf, readTextFigure, slowTextFigure } from '../../src/core/figure-forms';
import type { Unit } from '../../src/core/types';
import { Evaluator, isErr, type Book } from '../helpers/formula-eval';

type Case = [text: string, column: Unit, value: number | null, forms: (keyof typeof FORM)[]];

const CASES: Case[] = [
  ['3187', '万元', 3187, []],
  ['3187.5', '万元', 3187.5, []],
  ['1,234.5', '万元', 1234.5, ['grouped']],
  ['1,234,567.25', '万元', 1234567.25, ['grouped']],
  ['１２９９', '万元', 1299, ['fullWidth']],
  ['１，２３４．５', '万元', 1234.5, ['fullWidth', 'grouped']], // full-width comma narrowed, then removed
  ['52000.00(万元)', '万元', 52000, ['unit']],
  ['52000.00（万元）', '万元', 52000, ['fullWidth', 'unit']],
  ['52000万元', '万元', 52000, ['unit']],
  ['5.2亿元', '万元', 52000, ['unit']], // 5.2 × 10000 = 52000
  ['629.0亿元', '万元', 6290000, ['unit']], // 629.0 × 10000
  ['3.5億元', '万元', 35000, ['unit']], // traditional 億: 3.5 × 10000
  ['1500000元', '万元', 150, ['unit']], // 1500000 × 0.0001 = 150
  ['52000万元', '亿元', 5.2, ['unit']], // 52000 × 0.0001 = 5.2
  ['约3000', '万元', 3000, ['approx']],
  ['約3000', '万元', 3000, ['approx']],
  ['3000左右', '万元', 3000, ['approx']],
  ['～3000', '万元', 3000, ['approx']],
  ['~3000', '万元', 3000, ['approx']],
  ['约 3,000 万元', '万元', 3000, ['approx', 'spaces', 'grouped', 'unit']],
  ['3 000', '万元', 3000, ['spaces']],
  ['3000\u3000', '万元', 3000, ['spaces']], // ideographic space
  ['1\u00a0234', '万元', 1234, ['spaces']], // no-break space between groups, as web exports write
  // Not figures: they stay errors at their cells.
  ['3000～5000', '万元', null, []], // a range: only a leading ～ is a mark
  ['3000-5000', '万元', null, []],
  ['(3000)', '万元', null, []], // accounting negative: brackets kept without a unit
  ['—', '万元', null, []],
  ['无', '万元', null, []],
  ['0.5%', '万元', null, []], // a percent is no amount
  ['5亿3000万', '万元', null, ['unit']],
  ['1e3', '万元', null, []], // VALUE reads it, other spreadsheets differ: not plain
  ['-5', '万元', null, []],
  ['.', '万元', null, []],
  ['1.2.3', '万元', null, []],
  ['123456789012345', '万元', 123456789012345, []], // 15 digits: what every spreadsheet's VALUE keeps
  ['1234567890123456', '万元', null, []], // 16 digits: VALUE would round it
];

const bits = (names: (keyof typeof FORM)[]) => names.reduce((m, n) => m | FORM[n], 0);

describe('readTextFigure: each form, its conversion and the forms it reports', () => {
  it.each(CASES)('%j in a %s column → %p', (text, column, value, forms) => {
    const got = readTextFigure(text, column);
    if (value === null) {
      expect(got).toBeNull();
      return;
    }
    expect(got).not.toBeNull();
    expect(got!.value).toBeCloseTo(value, 9);
    expect(FORM_NAMES.filter((n) => got!.forms & FORM[n])).toEqual(FORM_NAMES.filter((n) => bits(forms) & FORM[n]));
  });

  it('numbers pass as they are; blanks and booleans are no figure', () => {
    expect(formFigureOf(12.5, '万元')).toBe(12.5);
    expect(formFigureOf(null, '万元')).toBeNull();
    expect(formFigureOf(true, '万元')).toBeNull();
  });
});

/** One sheet with the texts in column A, evaluated through the formula over a column's forms. */
function evaluate(texts: (string | number)[], forms: number, column: Unit): unknown[] {
  const cells = new Map<string, { value?: string | number; formula?: string }>();
  texts.forEach((t, i) => {
    cells.set(`A${i + 1}`, { value: t });
    cells.set(`B${i + 1}`, { formula: `IFERROR(${formFigureFormula(`A${i + 1}`, forms, column)},"")` });
  });
  const book: Book = { sheets: new Map([['S', cells]]), names: new Map() };
  const ev = new Evaluator(book);
  return texts.map((_, i) => {
    const v = ev.cell('S', `B${i + 1}`);
    return isErr(v) ? null : v;
  });
}

describe('the formula over a column reads each cell as the reader does', () => {
  for (const column of ['万元', '亿元'] as Unit[]) {
    const texts = CASES.map((c) => c[0]);
    // The column's forms: the union of what its read cells took, as the plan writes it.
    const forms = texts.reduce((m, t) => m | (readTextFigure(t, column)?.forms ?? 0), 0);
    it(`all forms in one ${column} column (forms ${forms})`, () => {
      const got = evaluate([...texts, 42], forms, column);
      const want = [...texts.map((t) => formFigureOf(t, column)), 42];
      got.forEach((g, i) => {
        if (want[i] === null) expect([i, g]).toEqual([i, '']);
        else expect([i, g]).toEqual([i, want[i]]);
      });
    });
  }

  it('a column with one form gets only that step: a cell in another form stays unread by both', () => {
    // Only grouped figures in the column: `约3000` is read by the reader (approx) but a
    // column whose forms are the union of its cells always holds approx then; here the
    // reader's union is taken over the two cells, so both are read alike.
    const texts = ['1,234.5', '约3000'];
    const forms = FORM.grouped | FORM.approx;
    expect(evaluate(texts, forms, '万元')).toEqual([1234.5, 3000]);
    // The formula with the grouped step alone reads no approximate figure.
    expect(evaluate(texts, FORM.grouped, '万元')).toEqual([1234.5, '']);
  });

  it('a rate formula reading two figures (the plan three times) fits the 8,192 characters of a cell for any one form', () => {
    for (const a of FORM_NAMES) {
      expect([a, 3 * formFigureFormula('AB1234', FORM[a], '万元').length < 8000]).toEqual([a, true]);
    }
  });
});

describe('the quick pass reads as the steps one by one', () => {
  // Texts drawn from the characters of every form, so each branch of the quick pass meets
  // texts it must read, texts it must refuse and texts it must leave to the steps.
  const ALPHABET = ['1', '2', '0', '.', ',', ' ', '\u3000', '\u00a0', '５', '．', '，', '万元', '亿元', '元', '(万元)', '（亿元）', '约', '～', '-', '(', '）', 'x',
    '萬元', '億元', '(元)', '（萬元）', ')', '（', '万', '億'];
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const texts: string[] = [];
  for (let i = 0; i < 5000; i++) {
    const n = 1 + Math.floor(next() * 6);
    let t = '';
    for (let k = 0; k < n; k++) t += ALPHABET[Math.floor(next() * ALPHABET.length)];
    texts.push(t);
  }

  it.each(['万元', '亿元'] as Unit[])('over 5,000 random texts in a %s column', (column) => {
    const differ = texts.filter((t) => JSON.stringify(readTextFigure(t, column)) !== JSON.stringify(slowTextFigure(t, column)));
    expect(differ).toEqual([]);
    // The draw must reach both outcomes, or the comparison proves little.
    expect(texts.filter((t) => readTextFigure(t, column) !== null).length).toBeGreaterThan(100);
    expect(texts.filter((t) => readTextFigure(t, column) === null).length).toBeGreaterThan(100);
  });

  // The quick pass builds the value from the digits (a whole number over a power of ten);
  // the steps parse the cleaned text. Long figures, 1 to 16 digits with the point anywhere,
  // in the forms exports write, are where the two could part by a last bit.
  it('over 5,000 long figures, with the point anywhere, grouped, full-width or with a unit', () => {
    const wide = (t: string) => t.replace(/[0-9.]/g, (d) => (d === '.' ? '．' : String.fromCharCode(0xff10 + Number(d))));
    const forms = [(t: string) => t, (t: string) => t.replace(/^(\d)(\d)/, '$1,$2'), wide, (t: string) => `${t}万元`, (t: string) => `${t}（亿元）`];
    const long: string[] = [];
    for (let i = 0; i < 5000; i++) {
      const n = 1 + Math.floor(next() * 16);
      let digits = '';
      for (let k = 0; k < n; k++) digits += String(Math.floor(next() * 10));
      const at = Math.floor(next() * (n + 1));
      const plain = at === n ? digits : `${digits.slice(0, at)}.${digits.slice(at)}`;
      long.push(forms[i % forms.length](plain));
    }
    const differ = long.filter((t) => JSON.stringify(readTextFigure(t, '万元')) !== JSON.stringify(slowTextFigure(t, '万元')));
    expect(differ).toEqual([]);
    // 16 digits is past plain-number text: some must be refused, most read.
    expect(long.filter((t) => readTextFigure(t, '万元') === null).length).toBeGreaterThan(100);
    expect(long.filter((t) => readTextFigure(t, '万元') !== null).length).toBeGreaterThan(3000);
  });
});
