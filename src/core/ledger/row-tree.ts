/**
 * The row tree, proven by the figures. The labels give each total, subtotal and heading
 * row a block of projects (blocks.ts); the sums then decide:
 * - a row whose figures do not add up its block, but do add up the projects right below
 *   it (or right above it) up to a block boundary, covers those (`阳谷县合计12个` written
 *   above its projects, where the wording says it closes the block before);
 * - a row read as a project whose figures add up two or more projects next to it, up to a
 *   boundary, is a subtotal whatever its label says; inner levels are found first, and a
 *   project inside a block that adds up as read is never taken;
 * - the blocks nest into levels; projects are grouped by the level that names places
 *   (县/市/区/旗/开发区…), else by the outermost, or by the level `--group-by level:N` names;
 *   the innermost other level is the subgroup.
 * A row that adds up both the projects above and those below it is noted (`rows-ambiguous`).
 * Prefix sums make any block's sum a difference: the work is O(rows · log rows) a pass.
 * Over 300 lines because the passes (covers above, covers below, subtotals read as projects)
 * share one prefix-sum state and the nesting reads what they decided; the label side is
 * already in blocks.ts and the wording in row-text.ts.
 */
import type { Grid } from '../grid';
import {
  UNIT_IN_WAN, type AmbiguousRow, type ClassifiedRow, type HeaderInfo, type Ledger, type Project, type RowBlock, type RowLevel,
  type Settings,
} from '../types';
import { closesBlock, countBefore, coverages } from './blocks';
import { UNGROUPED } from './build';
import { rowAmounts } from './amount-read';
import { PLACE_NAME, compactText, headingLevel, labelOf } from './row-text';
import { f64Scratch, i32Scratch, u8Scratch } from '../scratch';

/** The figures a subtotal must add up: as many of these as the sheet has. */
type KeyField = 'totalInvestment' | 'annualPlan' | 'completedYtd';
const KEY_FIELDS: readonly KeyField[] = ['totalInvestment', 'annualPlan', 'completedYtd'];
const FIELD_READERS: Record<KeyField, (p: Project) => number | null> = {
  totalInvestment: (p) => p.totalInvestment,
  annualPlan: (p) => p.annualPlan,
  completedYtd: (p) => p.completedYtd,
};
/** Passes of the search for subtotals that look like projects; each finds one more level. */
const MAX_PASSES = 6;
/** A block of equal prefix sums (projects with nothing typed) is searched this far at most. */
const MAX_SPAN = 64;

export interface RowTree {
  projects: Project[];
  blocks: RowBlock[];
  ambiguous: AmbiguousRow[];
  levels: RowLevel[];
  groupSource: Ledger['groupSource'];
}

interface Key {
  field: KeyField;
  /** 万元 in one of the column's unit. */
  inWan: number;
}

/** Decimals a typed figure shows: at least 2, at most 6. */
function decimalsOf(v: number): number {
  for (let d = 2; d < 6; d++) {
    const scaled = v * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-9 * Math.max(1, Math.abs(scaled))) return d;
  }
  return 6;
}

/** Lowest index i with a[i] ≥ x. */
function lowerBound(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A row's key figures, NaN where a cell is blank or not a figure. */
type Vals = Float64Array;

// A pass's arrays, one per row, taken again by the next pass (and the next ledger): a
// pass is done with once the next is made, and no array of one leaves rowTree.
const LEAF_ROWS = i32Scratch();
const VALUES = KEY_FIELDS.map(() => f64Scratch());
const PREFIX = KEY_FIELDS.map(() => f64Scratch());
const BOUNDARY = u8Scratch();
const SETTLED = i32Scratch();
const FREE = u8Scratch();
const CANDIDATES = i32Scratch();

/** The tree's working state for one pass: the projects still taken as such and their prefix sums. */
class Pass {
  readonly n: number;
  readonly leafRows: Int32Array;
  /** Per key: each project's figure (NaN: none) and prefix[k][i], the sum of the first i (a blank adds nothing). */
  readonly values: Float64Array[];
  readonly prefix: Float64Array[];
  /** Per key: no project is negative, so the prefix only grows (binary search works). */
  readonly monotone: boolean[];
  /** Per key: the widest tolerance tol() can give (a figure shows 2 decimals at least). */
  private readonly loose: number[];
  /** Positions (numbers of projects before) where a block may begin or end, as flags and in order. */
  private readonly boundary: Uint8Array;
  private readonly marks: number[] = [];

  constructor(leaves: readonly Project[], readonly keys: readonly Key[], readonly tolerance: number) {
    const n = leaves.length;
    this.n = n;
    this.leafRows = LEAF_ROWS.take(n);
    for (let i = 0; i < n; i++) this.leafRows[i] = leaves[i].r;
    this.values = [];
    this.prefix = [];
    this.monotone = [];
    this.loose = [];
    for (let ki = 0; ki < keys.length; ki++) {
      const k = keys[ki];
      const values = VALUES[ki].take(n);
      const prefix = PREFIX[ki].take(n + 1);
      let monotone = true;
      // A fixed property per accessor keeps each read monomorphic (leaves[i][k.field] is not).
      const read = FIELD_READERS[k.field];
      for (let i = 0; i < n; i++) {
        const v = read(leaves[i]);
        values[i] = v === null ? NaN : v;
        const x = v === null || v !== v ? 0 : v;
        if (x < 0) monotone = false;
        prefix[i + 1] = prefix[i] + x;
      }
      this.values.push(values);
      this.prefix.push(prefix);
      this.monotone.push(monotone);
      this.loose.push(Math.max(tolerance, 0.005 * k.inWan));
    }
    this.boundary = BOUNDARY.take(n + 1);
    this.mark(0);
    this.mark(n);
  }

  /** Makes position j a boundary. */
  mark(j: number): void {
    if (this.boundary[j]) return;
    this.boundary[j] = 1;
    let k = this.marks.length;
    this.marks.push(j);
    while (k > 0 && this.marks[k - 1] > j) {
      this.marks[k] = this.marks[k - 1];
      k--;
    }
    this.marks[k] = j;
  }

  /** Project i's key figures, into out. */
  leafVals(i: number, out: Vals): Vals {
    for (let ki = 0; ki < this.values.length; ki++) out[ki] = this.values[ki][i];
    return out;
  }

  tol(v: number, ki: number): number {
    const inWan = this.keys[ki].inWan;
    return Math.max(this.tolerance, 0.5 * 10 ** -decimalsOf(v / inWan) * inWan) + 1e-9 * Math.abs(v);
  }

  /** How many non-zero figures of vals the block [s, e) adds up; -1 when one differs. */
  fits(vals: Vals, s: number, e: number): number {
    let matched = 0;
    for (let ki = 0; ki < vals.length; ki++) {
      const v = vals[ki];
      if (v !== v) continue;
      const sum = this.prefix[ki][e] - this.prefix[ki][s];
      const off = Math.abs(v - sum);
      if (off > this.loose[ki] + 1e-9 * Math.abs(v) || off > this.tol(v, ki)) return -1;
      if (v !== 0) matched++;
    }
    return matched;
  }

  /**
   * The block that starts at `at` (dir 'below') or ends there (dir 'above'), has at least
   * `min` projects, ends on a boundary and adds up vals with `need` non-zero figures;
   * null when none. Of several (projects with nothing typed between), the widest.
   */
  find(vals: Vals, at: number, dir: 'below' | 'above', min: number, need: number): [number, number] | null {
    let ki = -1;
    for (let k = 0; k < vals.length; k++) {
      const v = vals[k];
      if (v === v && v !== 0) {
        ki = k;
        break;
      }
    }
    if (ki < 0) return null;
    const v = vals[ki];
    const p = this.prefix[ki];
    const loose = this.loose[ki] + 1e-9 * Math.abs(v);
    const target = dir === 'below' ? p[at] + v : p[at] - v;
    const marks = this.marks;
    if (marks.length <= 32 || !this.monotone[ki]) {
      // Few boundaries (or sums that can fall): try each.
      if (dir === 'below') {
        for (let m = marks.length - 1; m >= 0 && marks[m] >= at + min; m--) {
          const j = marks[m];
          if (Math.abs(p[j] - target) <= loose && this.fits(vals, at, j) >= need) return [at, j];
        }
      } else {
        for (let m = 0; m < marks.length && marks[m] <= at - min; m++) {
          const j = marks[m];
          if (Math.abs(p[j] - target) <= loose && this.fits(vals, j, at) >= need) return [j, at];
        }
      }
      return null;
    }
    let lo = lowerBound(p, target - loose);
    let hi = lowerBound(p, target + loose + 1e-12) - 1;
    if (dir === 'below') lo = Math.max(lo, at + min);
    else hi = Math.min(hi, at - min);
    // Projects with nothing typed make runs of equal sums: a long run is searched from its widest end.
    if (dir === 'below') {
      for (let j = hi, k = 0; j >= lo && k < MAX_SPAN; j--, k++) if (this.boundary[j] && this.fits(vals, at, j) >= need) return [at, j];
    } else {
      for (let j = lo, k = 0; j <= hi && k < MAX_SPAN; j++, k++) if (this.boundary[j] && this.fits(vals, j, at) >= need) return [j, at];
    }
    return null;
  }

  /** A block [s, e) of project positions as sheet rows: from ≤ r < to. */
  rowsOf(s: number, e: number, r: number): { from: number; to: number } {
    if (s >= e) return { from: r, to: r };
    return { from: this.leafRows[s], to: this.leafRows[e - 1] + 1 };
  }

  /** A block of sheet rows back to project positions. */
  positionsOf(from: number, to: number): [number, number] {
    return [countBefore(this.leafRows, from), countBefore(this.leafRows, to)];
  }
}

function isSummary(row: ClassifiedRow): boolean {
  return row.kind === 'total' || row.kind === 'subtotal' || row.kind === 'heading';
}

function hasFigure(vals: Vals): boolean {
  for (let k = 0; k < vals.length; k++) if (vals[k] === vals[k]) return true;
  return false;
}

/** The label a project row turned subtotal is known by: its name, or the first text of the row. */
function labelOfRow(grid: Grid, p: Project): string {
  const of = (text: string) => {
    const t = compactText(text);
    // `1.工业项目` proven a subtotal by its sums: its numbering is no part of its name.
    return labelOf(t, headingLevel(t)?.prefix).label;
  };
  if (p.name !== '') return of(p.name);
  for (const v of grid.values[p.r] ?? []) if (typeof v === 'string' && v.trim() !== '') return of(v);
  return '';
}

interface Decided {
  from: number;
  to: number;
  by: RowBlock['by'];
}

/**
 * Proves the blocks of the classified rows from the figures, turns projects that are
 * subtotals into subtotals (rows are updated in place), and groups the projects by the
 * tree's levels when the group comes from the rows rather than a column.
 */
export function rowTree(
  grid: Grid, header: HeaderInfo, rows: ClassifiedRow[], projects: Project[], settings: Settings, source: Ledger['groupSource'],
): RowTree {
  const keys: Key[] = [];
  for (const field of KEY_FIELDS) {
    if (header.columns[field] === undefined) continue;
    keys.push({ field, inWan: UNIT_IN_WAN[header.columnUnits[field] ?? header.unit] });
  }
  // Rows by sheet row, made when a project row first turns subtotal (most sheets: never).
  let byRow: Map<number, ClassifiedRow> | null = null;
  const rowAt = (r: number): ClassifiedRow | undefined => {
    if (byRow === null) {
      byRow = new Map();
      for (let i = 0; i < rows.length; i++) byRow.set(rows[i].r, rows[i]);
    }
    return byRow.get(r);
  };
  const summaryVals = new Map<number, Vals>();
  const fields = keys.map((k) => k.field);
  const valsOf = (r: number): Vals => {
    let v = summaryVals.get(r);
    if (!v) {
      const raw = rowAmounts(grid, header, r, fields);
      v = new Float64Array(raw.length);
      for (let k = 0; k < raw.length; k++) v[k] = raw[k] ?? NaN;
      summaryVals.set(r, v);
    }
    return v;
  };

  // The blocks of rows turned subtotal, kept from the pass that found them (sheet rows).
  const decided = new Map<number, Decided>();
  // Rows that add up both ways: turned rows (kept), labelled rows (of the last pass).
  const ambiguous = new Map<number, AmbiguousRow>();
  const labelled = new Map<number, AmbiguousRow>();
  const turned = new Set<number>();
  let leaves = projects;
  // Made at the top of each round, and there is always one.
  let pass!: Pass;
  let finalBlocks: { row: ClassifiedRow; start: number; end: number; by: RowBlock['by'] }[] = [];

  for (let round = 0; round <= MAX_PASSES; round++) {
    pass = new Pass(leaves, keys, settings.sumTolerance);
    const n = pass.n;
    for (let i = 0; i < rows.length; i++) if (isSummary(rows[i])) pass.mark(countBefore(pass.leafRows, rows[i].r));

    // The labelled rows: their layout block, or the one their figures add up.
    const settled = SETTLED.take(n + 1);
    finalBlocks = [];
    labelled.clear();
    for (const { row, start, end } of coverages(rows, pass.leafRows, (row) => closesBlock(grid, row))) {
      let s = start;
      let e = end;
      let by: RowBlock['by'] = 'layout';
      const known = decided.get(row.r);
      if (known) {
        [s, e] = pass.positionsOf(known.from, known.to);
        by = known.by;
      } else if (row.kind === 'subtotal' && keys.length > 0) {
        const vals = valsOf(row.r);
        if (hasFigure(vals) && pass.fits(vals, s, e) < 0) {
          const at = countBefore(pass.leafRows, row.r);
          const below = pass.find(vals, at, 'below', 1, 1);
          const above = pass.find(vals, at, 'above', 1, 1);
          const got = below && above ? (row.kind === 'subtotal' && closesBlock(grid, row) ? above : below) : below ?? above;
          if (got) {
            [s, e] = got;
            by = 'sums';
            if (below && above) labelled.set(row.r, ambiguity(pass, row.r, got === below ? 'below' : 'above', below, above));
          }
        }
      }
      finalBlocks.push({ row, start: s, end: e, by });
      const vals = row.kind === 'heading' || keys.length === 0 ? null : valsOf(row.r);
      if (vals && hasFigure(vals) && pass.fits(vals, s, e) >= 0) {
        settled[s]++;
        settled[e]--;
      }
    }
    if (keys.length < 2 || round === MAX_PASSES) break;

    // Projects outside every block that adds up: is one of them a subtotal?
    const free = FREE.take(n);
    for (let i = 0, depth = 0; i < n; i++) {
      depth += settled[i];
      free[i] = depth === 0 ? 1 : 0;
    }
    const found = new Map<number, [number, number]>();
    const all = CANDIDATES.take(n);
    let count = 0;
    for (let i = 0; i < n; i++) {
      if (!free[i]) continue;
      let nonZero = 0;
      for (let ki = 0; ki < pass.values.length; ki++) {
        const v = pass.values[ki][i];
        if (v === v && v !== 0) nonZero++;
      }
      if (nonZero >= 2) all[count++] = i;
    }
    if (count === 0) break;
    const candidates = all.subarray(0, count);
    const buf: Vals = new Float64Array(keys.length);
    // Closing subtotals, first to last: each found one begins the next block.
    const above = new Map<number, [number, number]>();
    for (let k = 0; k < count; k++) {
      const i = candidates[k];
      const got = pass.find(pass.leafVals(i, buf), i, 'above', 2, 2);
      if (got) {
        above.set(i, got);
        pass.mark(i + 1);
      }
    }
    // Opening subtotals, last to first: each found one ends the block before it.
    const below = new Map<number, [number, number]>();
    for (let k = count - 1; k >= 0; k--) {
      const i = candidates[k];
      const vals = pass.leafVals(i, buf);
      // The block below begins after the row itself.
      const got = pass.find(vals, i + 1, 'below', 2, 2);
      if (got) {
        below.set(i, got);
        pass.mark(i);
      }
    }
    for (let k = 0; k < count; k++) {
      const i = candidates[k];
      const a = above.get(i);
      const b = below.get(i);
      if (!a && !b) continue;
      const got = a && b ? a : (a ?? b) as [number, number];
      found.set(i, got);
      if (a && b) ambiguous.set(leaves[i].r, ambiguity(pass, leaves[i].r, 'above', b, a));
    }
    if (found.size === 0) break;
    for (const [i, [s, e]] of found) {
      const p = leaves[i];
      const row = rowAt(p.r);
      if (!row) continue;
      row.kind = 'subtotal';
      const label = labelOfRow(grid, p);
      if (label !== '') row.label = label;
      delete row.group;
      delete row.subgroup;
      turned.add(p.r);
      decided.set(p.r, { ...pass.rowsOf(s, e, p.r), by: 'sums' });
    }
    leaves = leaves.filter((p) => !turned.has(p.r));
  }

  const out: RowBlock[] = finalBlocks.map(({ row, start, end, by }) => ({ r: row.r, ...pass.rowsOf(start, end, row.r), by }));
  out.sort((a, b) => a.r - b.r);
  const { levels, groupSource } = groupByLevels(finalBlocks, pass, leaves, source, settings.groupLevel);
  const both = [...ambiguous.values(), ...labelled.values()].sort((a, b) => a.r - b.r);
  return { projects: leaves, blocks: out, ambiguous: both, levels, groupSource };
}

function ambiguity(pass: Pass, r: number, chosen: 'above' | 'below', below: [number, number], above: [number, number]): AmbiguousRow {
  const rowsOf = ([s, e]: [number, number]): [number, number] => [pass.leafRows[s], pass.leafRows[e - 1]];
  return { r, chosen, chosenRows: rowsOf(chosen === 'below' ? below : above), otherRows: rowsOf(chosen === 'below' ? above : below) };
}

interface Node {
  label: string;
  start: number;
  end: number;
  depth: number;
  /** Sheet row of the line, and whether it is written below its block (closes it). */
  r: number;
  closes: boolean;
  /** The label names a place (PLACE_NAME). */
  place: boolean;
  /** The innermost node holding this one, once nested. */
  parent?: Node;
}

/**
 * Nests the nodes (sets depth) and returns the deepest depth, -1 when none. Over the same
 * projects, a place line goes outside a category line when `placesOuter` (and inside when
 * not); two lines of one kind nest as written: a line below the projects closes around the
 * lines above them (`（一）社会民生` … `临清市合计`), the farthest outermost, and lines above
 * them nest in row order (`一、交通` over `（一）在建`).
 */
function nest(nodes: Node[], placesOuter: boolean): number {
  const order = (x: Node) => (x.closes ? -x.r : x.r);
  nodes.sort((a, b) => {
    if (a.start !== b.start) return a.start - b.start;
    if (a.end !== b.end) return b.end - a.end;
    if (a.place !== b.place) return a.place === placesOuter ? -1 : 1;
    return Number(b.closes) - Number(a.closes) || order(a) - order(b);
  });
  const stack: Node[] = [];
  let maxDepth = -1;
  for (const node of nodes) {
    while (stack.length && !(stack[stack.length - 1].start <= node.start && node.end <= stack[stack.length - 1].end)) stack.pop();
    node.depth = stack.length;
    node.parent = stack.length ? stack[stack.length - 1] : undefined;
    maxDepth = Math.max(maxDepth, node.depth);
    stack.push(node);
  }
  return maxDepth;
}

/** The sheet's own blocks put categories around places more often than places around categories. */
function placesInside(nodes: readonly Node[]): boolean {
  let votes = 0;
  for (const x of nodes) {
    const up = x.parent;
    if (!up || (up.start === x.start && up.end === x.end)) continue;
    if (up.place !== x.place) votes += up.place ? 1 : -1;
  }
  return votes < 0;
}

/**
 * The labelled blocks nested into levels; when the group comes from the rows, each
 * project's group is its block at the place level (else the outermost) and its subgroup
 * the innermost block of another level. With a group column, only the subgroup is set.
 */
function groupByLevels(
  blocks: readonly { row: ClassifiedRow; start: number; end: number }[], pass: Pass, leaves: Project[], source: Ledger['groupSource'],
  asked: number | undefined,
): { levels: RowLevel[]; groupSource: Ledger['groupSource'] } {
  const n = pass.n;
  const seen = new Set<string>();
  const nodes: Node[] = [];
  // Blocks of the same projects nest in row order (`一、交通` over `（一）在建`), but one
  // label twice over the same projects (`一、交通` and its `交通小计`) is one block.
  for (const { row, start, end } of [...blocks].sort((a, b) => a.row.r - b.row.r)) {
    if (row.kind === 'total' || start >= end || !row.label) continue;
    const key = `${start}:${end}:${row.label}`;
    if (seen.has(key)) continue;
    seen.add(key);
    nodes.push({ label: row.label, start, end, depth: 0, r: row.r, closes: row.r > pass.leafRows[end - 1], place: PLACE_NAME.test(row.label) });
  }
  // Where the sheet nests places in categories or categories in places with blocks of
  // their own, lines over the same projects follow it; with no such evidence, places outside.
  let maxDepth = nest(nodes, true);
  if (placesInside(nodes)) maxDepth = nest(nodes, false);
  const levels: RowLevel[] = [];
  for (let d = 0; d <= maxDepth; d++) {
    const labels = [...new Set(nodes.filter((x) => x.depth === d).map((x) => x.label))];
    const places = labels.filter((l) => PLACE_NAME.test(l)).length * 5 >= labels.length * 3;
    levels.push({ depth: d, labels, places, use: 'none' });
  }
  if (levels.length === 0) return { levels, groupSource: source };

  const named = asked !== undefined && asked >= 1 && asked <= levels.length ? asked - 1 : -1;
  const fromRows = named >= 0 || source === 'heading' || source === 'none' || source === 'responsibleUnit';
  const groupLevel = named >= 0 ? named : fromRows ? Math.max(0, levels.findIndex((l) => l.places)) : -1;
  const group: (string | null)[] = new Array<string | null>(n).fill(null);
  const sub: (string | null)[] = new Array<string | null>(n).fill(null);
  // Outer levels first, so the innermost other level's label is the one kept.
  const ordered = [...nodes].sort((a, b) => a.depth - b.depth);
  for (const node of ordered) {
    const d = node.depth;
    if (d === groupLevel) for (let i = node.start; i < node.end; i++) group[i] = node.label;
    else {
      for (let i = node.start; i < node.end; i++) sub[i] = node.label;
    }
  }
  for (const l of levels) l.use = l.depth === groupLevel ? 'group' : 'subgroup';
  for (let i = 0; i < n; i++) {
    const p = leaves[i];
    if (fromRows) p.group = group[i] ?? UNGROUPED;
    if (sub[i] !== null) p.subgroup = sub[i];
    else if (fromRows) p.subgroup = null;
  }
  return { levels, groupSource: fromRows ? 'heading' : source };
}
