/**
 * The row tree on generated ledgers: a total, counties, categories and sub-categories (1 to
 * 3 levels under the total), each level worded one of the ways real ledgers word it, with
 * its summary row at the top, at the bottom, as a heading without figures, or as a plain
 * name carrying the block's sums. Whatever the wording and position, the tool finds every
 * project row and no other, and each county's figures are the sums of its generated projects.
 */
import fc from 'fast-check';
import type { CellValue } from '../../../src/core/grid';
import { buildLedger } from '../../../src/core/ledger/build-ledger';
import { ledgerGrid, ledgerHeader, ledgerSettings } from '../../helpers/ledger-fixtures';

// 序号 | 项目名称 | 总投资 | 年度计划投资 | 1-6月完成投资
const header = ledgerHeader({ index: 0, name: 1, totalInvestment: 2, annualPlan: 3, completedYtd: 4 });
const HEAD = ['序号', '项目名称', '总投资', '年度计划投资', '1-6月完成投资'];
const COUNTIES = ['阳谷县', '莘县', '东昌府区', '临清市', '高新区', '冠县'];
const CATEGORIES = ['工业', '交通', '社会民生', '农业水利', '城建'];
const STAGES = ['续建项目', '新开工项目', '预备项目'];
const CN = ['一', '二', '三', '四', '五', '六'];

type Row = CellValue[];
type Figures = [number, number, number];

/** How a block's summary row is written: where it sits and how it is worded. */
type Style =
  | 'heading' // `一、阳谷县` (or `（一）工业`, `1.续建项目`): no figures, above
  | 'counted' // `阳谷县（3个）`, `交通(3项)`: 序号 blank, no figures, above
  | 'heading+subtotal' // the heading above and `小计` (or `阳谷县小计`) with the sums below
  | 'subtotal-top' // `阳谷县合计3个` with the sums, above
  | 'subtotal-bottom' // `阳谷县小计` / `阳谷县合计` with the sums, below
  | 'plain-bottom'; // `阳谷县`, 序号 blank, the sums, below: a subtotal by its figures only

interface Block {
  label: string;
  style: Style;
  /** Sub-blocks, or projects' figures at the innermost level. */
  children: Block[] | Figures[];
}

const figuresArb: fc.Arbitrary<Figures> = fc
  .tuple(fc.integer({ min: 200, max: 90000 }), fc.integer({ min: 10, max: 100 }), fc.integer({ min: 0, max: 100 }))
  // total ≥ plan ≥ done, all whole 万元 and non-zero so the sums are telling.
  .map(([total, planPct, donePct]) => {
    const plan = Math.max(1, Math.round((total * planPct) / 100));
    return [total, plan, Math.max(1, Math.round((plan * donePct) / 100))];
  });

function styleArb(depth: number, inner: boolean): fc.Arbitrary<Style> {
  // A plain name with sums is a county line (a place); inner lines are worded.
  const styles: Style[] = ['heading', 'counted', 'heading+subtotal', 'subtotal-top', 'subtotal-bottom'];
  if (depth === 0) styles.push('plain-bottom');
  // A summary row with the sums above inner headings reads the same; keep those for the leaves' parents.
  return fc.constantFrom(...styles.filter((s) => !(inner && s === 'plain-bottom')));
}

/** One sheet words each level one way (an office's habit); the style of each level is drawn once. */
function blockArb(depth: number, styles: Style[], names: string[]): fc.Arbitrary<Block[]> {
  const leaf = depth === styles.length - 1;
  const one = (label: string) =>
    fc.record({
      label: fc.constant(label),
      style: fc.constant(styles[depth]),
      children: leaf
        ? (fc.array(figuresArb, { minLength: 2, maxLength: 5 }) as fc.Arbitrary<Block[] | Figures[]>)
        : (blockArb(depth + 1, styles, depth === 0 ? CATEGORIES : STAGES) as fc.Arbitrary<Block[] | Figures[]>),
    });
  return fc
    .shuffledSubarray(names, { minLength: depth === 0 ? 2 : 1, maxLength: Math.min(depth === 0 ? 4 : 3, names.length) })
    .chain((picked) => fc.tuple(...picked.map(one)));
}

function isFigures(children: Block[] | Figures[]): children is Figures[] {
  return Array.isArray(children[0]);
}

function sumOf(b: Block): Figures {
  const out: Figures = [0, 0, 0];
  const parts: Figures[] = isFigures(b.children) ? b.children : b.children.map(sumOf);
  for (const f of parts) for (let k = 0; k < 3; k++) out[k] += f[k];
  return out;
}

function projectsOf(b: Block): Figures[] {
  return isFigures(b.children) ? b.children : b.children.flatMap(projectsOf);
}

/** The sheet's rows for a block at a depth, numbering projects from `next.n`. */
function rowsOf(b: Block, depth: number, i: number, next: { n: number }): Row[] {
  const sums = sumOf(b);
  const count = projectsOf(b).length;
  const numeral = depth === 0 ? `${CN[i]}、` : depth === 1 ? `（${CN[i]}）` : `${i + 1}.`;
  const measure = depth === 0 ? '个' : '项';
  const inner: Row[] = isFigures(b.children)
    ? b.children.map((f) => [next.n, `项目${next.n++}`, ...f])
    : b.children.flatMap((c, j) => rowsOf(c, depth + 1, j, next));
  const own = depth === 0 ? b.label : '';
  switch (b.style) {
    case 'heading':
      return [[null, `${numeral}${b.label}`, null, null, null], ...inner];
    case 'counted':
      return [[null, `${b.label}（${count}${measure}）`, null, null, null], ...inner];
    case 'heading+subtotal':
      return [[null, `${numeral}${b.label}`, null, null, null], ...inner, [null, `${own}小计`, ...sums]];
    case 'subtotal-top':
      return [[null, `${b.label}合计${count}${measure}`, ...sums], ...inner];
    case 'subtotal-bottom':
      return [...inner, [null, `${b.label}${depth === 0 ? '合计' : '小计'}`, ...sums]];
    case 'plain-bottom':
      return [...inner, [null, b.label, ...sums]];
  }
}

const ledgerArb = fc.record({
  levels: fc.integer({ min: 1, max: 3 }),
  total: fc.constantFrom('top', 'bottom', 'none'),
})
  .chain(({ levels, total }) => fc.record({
    total: fc.constant(total),
    styles: fc.tuple(...Array.from({ length: levels }, (_, d) => styleArb(d, d < levels - 1))),
  }))
  .chain(({ total, styles }) => fc.record({ total: fc.constant(total), styles: fc.constant(styles), counties: blockArb(0, styles, COUNTIES) }));

/**
 * Makes each project's figures its own: runs of projects of the same length never add up
 * alike, as in a real ledger (shrinking would otherwise make every project the same, and a
 * subtotal then fits the wrong block as well as its own, which no reading can tell apart).
 */
function distinct(blocks: Block[], next = { n: 1 }): Block[] {
  return blocks.map((b) => ({
    ...b,
    children: isFigures(b.children)
      ? b.children.map(([t, p, d]): Figures => {
          const k = next.n++;
          return [t + 3 * k * k, p + 7 * k, d + k];
        })
      : distinct(b.children, next),
  }));
}

describe('rowTree on generated trees', () => {
  test('every project is found, and each county adds up its projects', () => {
    fc.assert(
      fc.property(ledgerArb, ({ total, counties: generated }) => {
        const counties = distinct(generated);
        const next = { n: 1 };
        const body = counties.flatMap((c, i) => rowsOf(c, 0, i, next));
        const all = counties.flatMap(projectsOf);
        const sum: Figures = [0, 0, 0];
        for (const f of all) for (let k = 0; k < 3; k++) sum[k] += f[k];
        const totalRow: Row = [null, '合计', ...sum];
        const rows = total === 'top' ? [totalRow, ...body] : total === 'bottom' ? [...body, totalRow] : body;
        const l = buildLedger(ledgerGrid([HEAD, ...rows]), header, ledgerSettings(), '2022-06-30');

        // Every project row, and no other, in order.
        expect(l.projects.map((p) => p.name)).toEqual(all.map((_, k) => `项目${k + 1}`));
        // The counties are the groups, with their generated sums.
        expect(l.groups.map((g) => [g.name, g.projects, g.totalInvestment, g.annualPlan, g.completedYtd])).toEqual(
          counties.map((c) => [c.label, projectsOf(c).length, ...sumOf(c)]),
        );
        expect(l.total).toMatchObject({ projects: all.length, totalInvestment: sum[0], annualPlan: sum[1], completedYtd: sum[2] });
      }),
      { numRuns: 300 },
    );
  });
});
