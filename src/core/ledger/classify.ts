/**
 * What each row under the header is: a project, a total (合计), a subtotal (小计, or a
 * heading that carries its block's sums), a heading (`一、交通（48项）`), a breakdown
 * (`其中：`), a footer line (`填报单位：`) or blank. Headings nest by level and give the
 * rows below them a group (outermost) and subgroup (innermost); row-tree.ts then proves
 * the blocks from the sums and may regroup.
 * Over 300 lines because one walk down the rows decides each row's kind with the heading stack
 * it keeps (levels, counts, continuations), and the helpers here read that stack; the wording
 * itself is in row-text.ts.
 */
import { cellKey, isBlank, type CellValue, type Grid, type Range } from '../grid';
import { AMOUNT_FIELDS, type ClassifiedRow, type HeaderInfo, type RowKind } from '../types';
import { textFigureValue } from '../figure-forms';
import { numberOf } from '../values';
import {
  BARE_NUMERAL, BREAKDOWN, COUNT_HINT, COUNT_ONLY, FOOTER, HEADING_HINT, NAMED_TOTAL, PLACE_NAME, SUBTOTAL, SUMMARY_HINT, TOTAL, compactText, headingLevel, labelOf,
  type Label,
} from './row-text';

interface Heading {
  level: number;
  label: string;
  /** A counted line (`莘县（12个）`): projects it still has room for, and whether it is unnumbered. */
  remaining?: number;
  unnumbered?: boolean;
}

interface Layout {
  indexCol: number | undefined;
  nameCol: number | undefined;
  codeCol: number | undefined;
  /** Columns whose text may name a total, subtotal or breakdown: index, name, then those left of the name. */
  labelCols: number[];
  /** Positions of the index and name columns in labelCols (-1 when absent). */
  idxPos: number;
  namePos: number;
  amountCols: number[];
  /** Columns ignored when deciding whether a row is blank (the tool's own output). */
  ignored: Set<number>;
  /** Merges by their top-left cell, for headings merged across the sheet. */
  mergeStarts: Map<number, Range>;
}

function layoutOf(grid: Grid, header: HeaderInfo): Layout {
  const cols = header.columns;
  const amountCols: number[] = [];
  for (const f of AMOUNT_FIELDS) {
    const c = cols[f];
    if (c !== undefined && c >= 0 && !amountCols.includes(c)) amountCols.push(c);
  }
  const labelCols: number[] = [];
  const add = (c: number | undefined) => {
    if (c !== undefined && c >= 0 && !labelCols.includes(c) && !amountCols.includes(c)) labelCols.push(c);
  };
  add(cols.index);
  add(cols.name);
  if (cols.name !== undefined) for (let c = 0; c < cols.name; c++) add(c);
  add(cols.group);
  const mergeStarts = new Map<number, Range>();
  for (const m of grid.merges ?? []) {
    if (m.c1 > m.c0 && m.r1 >= header.dataStart) mergeStarts.set(cellKey(m.r0, m.c0), m);
  }
  return {
    indexCol: cols.index,
    nameCol: cols.name,
    codeCol: cols.code,
    labelCols,
    idxPos: cols.index === undefined ? -1 : labelCols.indexOf(cols.index),
    namePos: cols.name === undefined ? -1 : labelCols.indexOf(cols.name),
    amountCols,
    ignored: new Set(header.ownColumns),
    mergeStarts,
  };
}

/** A cell's text when it is a non-blank string, else ''. */
function textAt(row: (CellValue | undefined)[], c: number): string {
  const v = row[c];
  return typeof v === 'string' && !isBlank(v) ? v : '';
}

/** Total, subtotal or breakdown named in any label cell (texts: raw, by labelCols). */
function summaryKind(texts: string[], layout: Layout): { kind: RowKind; label: Label } | null {
  for (let i = 0; i < texts.length; i++) {
    if (texts[i] === '' || !SUMMARY_HINT.test(texts[i])) continue;
    const t = compactText(texts[i]);
    if (TOTAL.test(t)) return { kind: 'total', label: labelOf(t) };
    if (SUBTOTAL.test(t)) {
      const l = labelOf(t);
      l.label = l.label.replace(SUBTOTAL, '').replace(/[:：]$/, '');
      return { kind: 'subtotal', label: l };
    }
    if (BREAKDOWN.test(t)) {
      const l = labelOf(t, BREAKDOWN);
      if (l.label === '' && i === layout.idxPos) {
        const next = layout.namePos < 0 ? '' : texts[layout.namePos];
        if (next !== '') return { kind: 'breakdown', label: labelOf(compactText(next)) };
      }
      return { kind: 'breakdown', label: l };
    }
    const l = labelOf(t);
    const named = NAMED_TOTAL.exec(l.label);
    if (named) return { kind: 'subtotal', label: { ...l, label: named[1] } };
  }
  return null;
}

/**
 * A count written in a cell of its own beside a total, subtotal or heading's label
 * (`合计` | `13个`, `一` | `工业` | `5个`): any text cell outside the figures that is only a count.
 */
function countBeside(cr: ClassifiedRow, row: (CellValue | undefined)[], layout: Layout): void {
  if (cr.declaredCount !== undefined) return;
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (typeof v !== 'string' || !COUNT_HINT.test(v) || layout.amountCols.includes(c) || layout.ignored.has(c)) continue;
    const m = COUNT_ONLY.exec(compactText(v));
    if (m) {
      cr.declaredCount = Number(m[1]);
      return;
    }
  }
}

/** A project number, with or without marks (`3`, `1●`, `★3`, `3*`). */
const INDEX_LIKE = /^[\s\d０-９.、★☆●○◎*＊#＃△▲◆◇※]*$/;

interface HeadingMatch {
  level: number;
  label: Label;
  /** Levels 3 and 4 (`1.`, `(1)`) look like project numbers: they need stricter evidence. */
  weak: boolean;
  /** An unnumbered line that counts its projects (`交通(5项)`). */
  unnumbered?: boolean;
}

/** idx and name: the raw texts of the index and name cells ('' when blank or not text). */
function headingOf(row: (CellValue | undefined)[], r: number, layout: Layout, idx: string, name: string): HeadingMatch | null {
  // `一` or `（一）` alone in the index column, the text in the name column.
  if (idx !== '' && name !== '' && HEADING_HINT.test(idx)) {
    const ci = compactText(idx);
    if (BARE_NUMERAL.test(ci)) return { level: ci[0] === '(' ? 2 : 1, label: labelOf(compactText(name)), weak: false };
  }
  for (let k = 0; k < 2; k++) {
    const raw = k === 0 ? idx : name;
    const otherCol = k === 0 ? layout.nameCol : layout.indexCol;
    if (raw === '' || !HEADING_HINT.test(raw)) continue;
    const t = compactText(raw);
    const h = headingLevel(t);
    if (!h) continue;
    const weak = h.level >= 3;
    // `1.续建项目` is a heading only when the number and text share one cell
    // and no index number sits beside it.
    if (weak && otherCol !== undefined && !isBlank(row[otherCol])) return null;
    return { level: h.level, label: labelOf(t, h.prefix), weak };
  }
  // An unnumbered line: text where project numbers go, with no name beside it, or
  // a name merged across the sheet (`阳谷县` spanning every column).
  if (idx !== '' && name === '' && !INDEX_LIKE.test(idx)) return { level: 1, label: labelOf(compactText(idx)), weak: true };
  const c = idx !== '' ? layout.indexCol : layout.nameCol;
  // Most sheets merge no data cell: no key to make for each row then.
  if (c === undefined || layout.mergeStarts.size === 0) return null;
  const m = layout.mergeStarts.get(cellKey(r, c));
  if (m && (m.c1 - m.c0 >= 2 || layout.amountCols.some((a) => a >= m.c0 && a <= m.c1))) {
    const label = labelOf(compactText(idx !== '' ? idx : name));
    if (label.label !== '') return { level: 1, label, weak: true };
  }
  return null;
}

function hasAmounts(row: (CellValue | undefined)[], layout: Layout): boolean {
  const cols = layout.amountCols;
  for (let i = 0; i < cols.length; i++) {
    const v = row[cols[i]];
    // Any text the value reader reads (`5.2亿元`, `约3000`) is a figure too (figure-forms.ts).
    // Text goes to the value reader first: it reads what numberOf reads of a text cell and more.
    if (typeof v === 'string' ? !Number.isNaN(textFigureValue(v, '万元')) || numberOf(v) !== null : numberOf(v) !== null) return true;
  }
  return false;
}

/**
 * The column of the row's first non-blank cell, or -1 when the row holds nothing but
 * a project number (and the tool's own columns).
 */
function firstContent(row: (CellValue | undefined)[], layout: Layout): number {
  let first = -1;
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (isBlank(v) || layout.ignored.has(c)) continue;
    if (first < 0) first = c;
    if (c !== layout.indexCol || (typeof v === 'string' && !INDEX_LIKE.test(v))) return first;
  }
  return -1;
}

// Module functions rather than closures made per call: their compiled code is kept between ledgers.

/** The group (outermost heading) and subgroup (innermost) a row sits under. */
function context(cr: ClassifiedRow, stack: readonly Heading[]): void {
  if (stack.length > 0) cr.group = stack[0].label;
  if (stack.length > 1) cr.subgroup = stack[stack.length - 1].label;
}

function withLabel(cr: ClassifiedRow, l: Label): void {
  if (l.label !== '') cr.label = l.label;
  if (l.declaredCount !== undefined) cr.declaredCount = l.declaredCount;
}

/** A heading closes those at its level and below, then opens. */
function push(stack: Heading[], level: number, label: string, count?: number, unnumbered?: boolean): void {
  while (stack.length > 0 && stack[stack.length - 1].level >= level) stack.pop();
  stack.push(count === undefined ? { level, label } : { level, label, remaining: count, unnumbered });
}

/**
 * The level of an unnumbered counted line. Under an open counted line with room for all it
 * counts (`莘县（12个）` then `续建项目（5项）`), it nests inside every open heading; else it is
 * the sibling of that line (the first one full, or a count that does not fit), or, first of
 * its kind, outside every numbered heading when it comes first, else just inside the open one.
 * Two places never nest (`莘县（5个）` does not hold `冠县（3个）`).
 */
function countedLevel(stack: readonly Heading[], label: Label, first: number | undefined): { level: number; nested: boolean } {
  const count = label.declaredCount ?? 0;
  // The outermost counted line already full that the new one walked past: it goes beside it.
  let beside: Heading | undefined;
  for (let i = stack.length - 1; i >= 0; i--) {
    const h = stack[i];
    if (h.remaining === undefined) continue;
    if (h.remaining <= 0) {
      if (h.unnumbered) beside = h;
      continue;
    }
    if (h.remaining >= count && !(PLACE_NAME.test(h.label) && PLACE_NAME.test(label.label))) {
      return { level: beside ? beside.level : stack[stack.length - 1].level + 0.5, nested: true };
    }
    if (h.unnumbered) return { level: h.level, nested: false };
    break;
  }
  if (beside) return { level: beside.level, nested: false };
  return { level: first ?? (stack.length === 0 ? 0 : stack[stack.length - 1].level + 0.5), nested: false };
}

/**
 * A line that carries on a breakdown: its only label text is indented with spaces
 * (ASCII or full-width) and bears no project number or heading numeral.
 */
function isContinuation(texts: readonly string[]): boolean {
  let seen = false;
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i];
    if (t === '') continue;
    if (seen || !/^[ \u3000\t]+\S/.test(t)) return false;
    const c = compactText(t);
    if (INDEX_LIKE.test(c) || headingLevel(c)) return false;
    seen = true;
  }
  return seen;
}

/** Classifies every row from header.dataStart to the end of the grid. */
export function classifyRows(grid: Grid, header: HeaderInfo): ClassifiedRow[] {
  const layout = layoutOf(grid, header);
  // Made at its length, not grown row by row: a large sheet's growing copies were a tenth of this walk.
  const out = new Array<ClassifiedRow>(Math.max(0, grid.values.length - header.dataStart));
  const stack: Heading[] = [];
  let footerSeen = false;
  // The kind of the last row with content: a 其中 breakdown goes on over indented lines.
  let lastKind: RowKind = 'blank';
  const texts: string[] = new Array<string>(layout.labelCols.length).fill('');
  // The level of unnumbered counted lines (`交通(5项)`) that nest in none, fixed by the
  // first: outside every numbered heading when it comes first, else just inside the open one.
  let unnumbered: number | undefined;


  for (let r = header.dataStart; r < grid.values.length; r++) {
    const row = grid.values[r] ?? [];
    const cr: ClassifiedRow = { r, kind: 'blank' };
    if (grid.hiddenRows?.has(r)) cr.hidden = true;
    out[r - header.dataStart] = cr;

    const first = firstContent(row, layout);
    if (first < 0) continue;
    const firstValue = row[first];
    if (footerSeen || (typeof firstValue === 'string' && FOOTER.test(compactText(firstValue)))) {
      footerSeen = true;
      cr.kind = 'footer';
      continue;
    }

    for (let i = 0; i < layout.labelCols.length; i++) texts[i] = textAt(row, layout.labelCols[i]);
    if (lastKind === 'breakdown' && isContinuation(texts)) {
      // `其中：在建（26项）` then `     预备（4项）`: the second line of the same breakdown.
      cr.kind = 'breakdown';
      withLabel(cr, labelOf(compactText(texts.find((t) => t !== '') ?? '')));
      context(cr, stack);
      continue;
    }
    const summary = summaryKind(texts, layout);
    if (summary) {
      lastKind = summary.kind;
      cr.kind = summary.kind;
      withLabel(cr, summary.label);
      if (summary.kind !== 'breakdown') countBeside(cr, row, layout);
      if (summary.kind === 'subtotal' && stack.length > 0) cr.level = stack[stack.length - 1].level;
      context(cr, stack);
      continue;
    }

    const idx = layout.idxPos < 0 ? '' : texts[layout.idxPos];
    const name = layout.namePos < 0 ? '' : texts[layout.namePos];
    // A name that may declare a count (`交通(5项)`, `13个`); most only hold 项目.
    const counted = idx === '' && name !== '' && COUNT_HINT.test(name);
    // Whether the row holds figures, read only where the kind depends on it: a named
    // project row is one with or without them, and reading its text figures here would
    // read them twice (the projects' reader reads them all).
    let amounts: boolean | undefined;
    if (stack.length === 0 && counted && (amounts = hasAmounts(row, layout))) {
      // `13个` and figures before any heading (漳州 重大支撑项目表): the sheet's total, counted.
      const only = COUNT_ONLY.exec(compactText(name));
      if (only && (layout.codeCol === undefined || isBlank(row[layout.codeCol]))) {
        lastKind = 'total';
        cr.kind = 'total';
        cr.declaredCount = Number(only[1]);
        continue;
      }
    }
    let heading = headingOf(row, r, layout, idx, name);
    if (
      !heading && counted &&
      (layout.indexCol === undefined || isBlank(row[layout.indexCol]))
    ) {
      // `交通(5项)`, `XX县（12个）`: an unnumbered line that counts the projects under it
      // (a project numbered 5 and named `交通(5项)` keeps its number, and stays a project).
      const l = labelOf(compactText(name));
      if (l.declaredCount !== undefined && (layout.codeCol === undefined || isBlank(row[layout.codeCol]))) {
        const at = countedLevel(stack, l, unnumbered);
        if (!at.nested) unnumbered ??= at.level;
        heading = { level: at.level, label: l, weak: false, unnumbered: true };
      }
    }
    lastKind = 'project';
    // `1.工业项目` with figures, alone in its cell, inside an open `一、`/`（一）` heading: the
    // next numbering down, a subtotal (a project beside it would carry a 序号 of its own).
    const nested = heading?.weak === true && heading.level === 3 && stack.some((h) => h.level < 3 && h.remaining === undefined);
    if (heading) amounts ??= hasAmounts(row, layout);
    if (heading && (!amounts || !heading.weak || heading.label.declaredCount !== undefined || nested)) {
      lastKind = 'heading';
      cr.kind = amounts ? 'subtotal' : 'heading';
      cr.level = heading.level;
      withLabel(cr, heading.label);
      countBeside(cr, row, layout);
      push(stack, heading.level, heading.label.label, heading.label.declaredCount, heading.unnumbered);
      context(cr, stack);
      continue;
    }

    const named = layout.nameCol !== undefined && !isBlank(row[layout.nameCol]);
    const coded = layout.codeCol !== undefined && !isBlank(row[layout.codeCol]);
    if (named || coded || (amounts ?? hasAmounts(row, layout))) {
      cr.kind = 'project';
      for (const h of stack) if (h.remaining !== undefined) h.remaining--;
      context(cr, stack);
    }
  }
  return out;
}
