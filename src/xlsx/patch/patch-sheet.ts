/**
 * One ledger sheet's XML: the plan's cells into <sheetData>, the dimension widened,
 * the tool's conditional formats, input rules (patch-validations.ts), hyperlinks and legacy drawing (notes) in their
 * schema positions. Everything else is kept as it was.
 * Over 300 lines because the schema order of a worksheet's children is one list: each edit here
 * places its element by it, and a split would copy the list.
 */
import { fromA1, toA1 } from '../../core/grid';
import type { PlanCell, WritePlan } from '../../core/types';
import { NS_REL } from '../package';
import { patchSheetData } from './patch-sheet-data';
import { dataValidations } from './patch-validations';
import type { StylesPatch } from './patch-styles';
import { isMarkRule, markBlocks, MARK_FORMULA, namesTool } from './tool-conditional-formats';
import type { ByteSink } from '../xml';
import type { SplitSheet } from '../xml';
import { boundPrefix, childSpans, escapeAttr, escapeText, getAttr, prefixOf, setAttr, splice, tagEnd, unescapeXml, type Span } from '../xml';

/** Child order of CT_Worksheet (ECMA-376 §18.3.1.99). */
export const WORKSHEET_ORDER = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection',
  'protectedRanges', 'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells',
  'phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup',
  'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing',
  'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts',
  'extLst',
];

export interface SheetPatchInput {
  sheet: SplitSheet;
  plan: WritePlan;
  styles: StylesPatch;
  date1904: boolean;
  /** Relationship id of the notes' VML drawing: set it, remove the element (null), or leave it (undefined). */
  legacyDrawing?: string | null;
  /** Prefixes of the tool's defined names: rules that name them are the tool's row fills. */
  prefixes: string[];
}

export interface Root {
  name: string;
  start: number;
  openEnd: number;
  closeStart: number;
}

/** The document element, found without walking the (possibly huge) content. */
export function findRoot(xml: string): Root {
  let p = 0;
  for (;;) {
    p = xml.indexOf('<', p);
    if (p < 0) throw new Error('malformed XML: no root element');
    const c1 = xml.charCodeAt(p + 1);
    if (c1 === 63) p = xml.indexOf('?>', p) + 2;
    else if (c1 === 33) p = xml.indexOf('>', p) + 1;
    else break;
  }
  const openEnd = tagEnd(xml, p);
  const name = /^<([^\s/>]+)/.exec(xml.slice(p, openEnd))![1];
  const closeStart = xml.lastIndexOf(`</${name}`);
  if (closeStart < openEnd) throw new Error(`malformed XML: <${name}> not closed`);
  return { name, start: p, openEnd, closeStart };
}

function orderOf(xml: string, s: Span): number {
  if (s.local === 'AlternateContent') {
    const m = /<(?:[\w.-]+:)?(?:Choice|Fallback)\b[^>]*>\s*<(?:[\w.-]+:)?([\w.-]+)/.exec(xml.slice(s.start, s.end));
    return m ? WORKSHEET_ORDER.indexOf(m[1]) : -1;
  }
  return WORKSHEET_ORDER.indexOf(s.local);
}

/** Writes the patched sheet to `out`. */
export function patchSheetXml(input: SheetPatchInput, out: ByteSink): void {
  const { plan, styles } = input;
  const xml = input.sheet.xml;
  const root = findRoot(xml);
  const p = prefixOf(root.name);
  const sdOpen = xml.indexOf(`<${p}sheetData`, root.openEnd);
  if (sdOpen < 0) throw new Error('malformed worksheet: no <sheetData>');
  const sdOpenEnd = tagEnd(xml, sdOpen);
  const sdSelfClosing = xml.charCodeAt(sdOpenEnd - 2) === 47;
  const sdClose = sdSelfClosing ? sdOpenEnd : xml.indexOf(`</${p}sheetData>`, sdOpenEnd);
  const sdEnd = sdSelfClosing ? sdOpenEnd : sdClose + `</${p}sheetData>`.length;
  const head = childSpans(xml, root.openEnd, sdOpen);
  const tail = childSpans(xml, sdEnd, root.closeStart);
  const edits: { start: number; end: number; text: string }[] = [];

  const cells = orderCells(plan.cells);
  const dataStart = sdSelfClosing ? sdOpen : sdOpenEnd;
  const dataEnd = sdSelfClosing ? sdEnd : sdClose;

  const dim = head.find((s) => s.local === 'dimension');
  if (dim) {
    const tag = xml.slice(dim.start, dim.end);
    const ref = widenRef(getAttr(tag, 'ref') ?? 'A1', cells);
    edits.push({ start: dim.start, end: dim.end, text: setAttr(tag, 'ref', ref) });
  }

  const removed = new Set<Span>();
  const inserts: { local: string; text: string }[] = [];
  conditionalFormats(xml, tail, input, p, edits, removed, inserts);
  dataValidations(xml, tail, plan, p, edits, removed, inserts);
  hyperlinks(xml, tail, plan, p, edits, removed, inserts);
  legacyDrawing(xml, root, tail, input.legacyDrawing, p, edits, removed, inserts);
  for (const ins of inserts) {
    const idx = WORKSHEET_ORDER.indexOf(ins.local);
    let at = root.closeStart;
    if (ins.local === 'conditionalFormatting') {
      const lastCf = [...tail].reverse().find((s) => s.local === 'conditionalFormatting' && !removed.has(s));
      if (lastCf) at = lastCf.end;
    }
    if (at === root.closeStart) {
      const later = tail.find((s) => !removed.has(s) && orderOf(xml, s) > idx);
      if (later) at = later.start;
    }
    edits.push({ start: at, end: at, text: ins.text });
  }
  // Head, sheet data, tail: the sheet data goes straight to the sink, row by row.
  const before = edits.filter((e) => e.end <= dataStart);
  const after = edits.filter((e) => e.start >= dataEnd).map((e) => ({ start: e.start - dataEnd, end: e.end - dataEnd, text: e.text }));
  out.raw(splice(xml.slice(0, dataStart), before));
  if (sdSelfClosing) out.raw(`${xml.slice(sdOpen, sdOpenEnd - 2).trimEnd()}>`);
  patchSheetData(input.sheet.bytes, input.sheet.from, input.sheet.to, {
    prefix: p, own: new Set(plan.ownColumns), cells, styles, date1904: input.date1904,
  }, out);
  if (sdSelfClosing) out.raw(`</${p}sheetData>`);
  out.raw(splice(xml.slice(dataEnd), after));
}

/** Plan cells in row, then column order: `list[idx[k]]` (`list[k]` without idx), address in r[k], c[k]. */
export interface OrderedCells {
  list: PlanCell[];
  idx: Int32Array | null;
  r: Int32Array;
  c: Int32Array;
}

/**
 * Plan cells in row, then column order; of two cells at one address the later one wins.
 * A builder gives rows in order and a few cells per row, so rows are sorted one by one,
 * on typed copies of the addresses (plan cells come in several shapes: reading their
 * fields in a tight loop is slow).
 */
export function orderCells(list: PlanCell[]): OrderedCells {
  const n = list.length;
  const r = new Int32Array(n);
  const c = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const x = list[i];
    r[i] = x.r;
    c[i] = x.c;
  }
  let sorted = true;
  for (let i = 1; sorted && i < n; i++) sorted = r[i] > r[i - 1] || (r[i] === r[i - 1] && c[i] > c[i - 1]);
  if (sorted) return { list, idx: null, r, c };
  let rowsInOrder = true;
  for (let i = 1; rowsInOrder && i < n; i++) rowsInOrder = r[i] >= r[i - 1];
  // Rows out of order (rare): a stable sort by row first.
  let idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  if (!rowsInOrder) idx = Int32Array.from(Array.from(idx).sort((x, y) => r[x] - r[y] || x - y));
  const keep = new Int32Array(n);
  const or = new Int32Array(n);
  const oc = new Int32Array(n);
  let m = 0;
  for (let from = 0; from < n;) {
    let to = from + 1;
    while (to < n && r[idx[to]] === r[idx[from]]) to++;
    // Insertion sort of one row by column, stable; then the last of equal columns is kept.
    for (let i = from + 1; i < to; i++) {
      const x = idx[i];
      let j = i - 1;
      while (j >= from && c[idx[j]] > c[x]) {
        idx[j + 1] = idx[j];
        j--;
      }
      idx[j + 1] = x;
    }
    for (let i = from; i < to; i++) {
      if (i < to - 1 && c[idx[i + 1]] === c[idx[i]]) continue;
      keep[m] = idx[i];
      or[m] = r[idx[i]];
      oc[m++] = c[idx[i]];
    }
    from = to;
  }
  return { list, idx: keep.subarray(0, m), r: or.subarray(0, m), c: oc.subarray(0, m) };
}

function widenRef(ref: string, cells: OrderedCells): string {
  const [a, b] = ref.split(':');
  const p0 = fromA1(a);
  const p1 = fromA1(b ?? a);
  if (!p0 || !p1 || cells.r.length === 0) return ref;
  let { r: r0, c: c0 } = p0;
  let { r: r1, c: c1 } = p1;
  // Rows are in order: the first and the last are the extremes.
  r0 = Math.min(r0, cells.r[0]);
  r1 = Math.max(r1, cells.r[cells.r.length - 1]);
  for (let i = 0; i < cells.c.length; i++) {
    const c = cells.c[i];
    if (c < c0) c0 = c;
    if (c > c1) c1 = c;
  }
  return r0 === r1 && c0 === c1 ? toA1(r0, c0) : `${toA1(r0, c0)}:${toA1(r1, c1)}`;
}

type Edits = { start: number; end: number; text: string }[];
type Inserts = { local: string; text: string }[];

function rangeRef(f: { r0: number; c0: number; r1: number; c1: number }): string {
  return `${toA1(f.r0, f.c0)}:${toA1(f.r1, f.c1)}`;
}

const FORMULA_RE = /<(?:[\w.-]+:)?formula>([\s\S]*?)<\/(?:[\w.-]+:)?formula>/;

/**
 * The tool's rules of an earlier run go (marks and fills, known by their formula, or an
 * earlier version's by its recorded formats); the user's stay. The plan's marks, then its
 * fills, follow the user's rules, marks first so that their fill shows over a row's.
 */
function conditionalFormats(
  xml: string, tail: Span[], input: SheetPatchInput, p: string, edits: Edits, removed: Set<Span>, inserts: Inserts,
): void {
  const { plan, styles, prefixes } = input;
  const planned = new Set(plan.conditionalFormats.map((f) => `${rangeRef(f)}|${f.formula}`));
  let maxPriority = 0;
  for (const cf of tail) {
    if (cf.local !== 'conditionalFormatting') continue;
    const sqref = getAttr(xml.slice(cf.start, cf.openEnd), 'sqref') ?? '';
    const rules = childSpans(xml, cf.openEnd, cf.closeStart).filter((s) => s.local === 'cfRule');
    const mine = rules.filter((rule) => {
      const tag = xml.slice(rule.start, rule.openEnd);
      const dxf = Number(getAttr(tag, 'dxfId') ?? -1);
      const m = FORMULA_RE.exec(xml.slice(rule.openEnd, rule.closeStart));
      const f = m ? unescapeXml(m[1]) : '';
      return styles.isOldDxf(dxf) || planned.has(`${sqref}|${f}`) || isMarkRule(f) || prefixes.some((x) => namesTool(f, x));
    });
    if (mine.length && mine.length === rules.length) {
      removed.add(cf);
      edits.push({ start: cf.start, end: cf.end, text: '' });
      continue;
    }
    for (const rule of rules) {
      if (mine.includes(rule)) edits.push({ start: rule.start, end: rule.end, text: '' });
      else maxPriority = Math.max(maxPriority, Number(getAttr(xml.slice(rule.start, rule.openEnd), 'priority') ?? 0));
    }
  }
  let priority = maxPriority;
  let text = '';
  const block = (sqref: string, dxf: number, formula: string): string =>
    `<${p}conditionalFormatting sqref="${sqref}"><${p}cfRule type="expression" dxfId="${dxf}" priority="${++priority}"><${p}formula>${escapeText(formula)}</${p}formula></${p}cfRule></${p}conditionalFormatting>`;
  for (const m of markBlocks(plan.marks)) text += block(m.sqref, styles.markDxf(m.severity), MARK_FORMULA[m.severity]);
  for (const f of plan.conditionalFormats) text += block(rangeRef(f), styles.dxf(f.fill), f.formula);
  if (text) inserts.push({ local: 'conditionalFormatting', text });
}

function hyperlinks(xml: string, tail: Span[], plan: WritePlan, p: string, edits: Edits, removed: Set<Span>, inserts: Inserts): void {
  const links = plan.cells.filter((c) => c.link).map((c) =>
    `<${p}hyperlink ref="${toA1(c.r, c.c)}" location="${escapeAttr(c.link!.replace(/^#/, ''))}"/>`);
  const el = tail.find((s) => s.local === 'hyperlinks');
  if (!el) {
    if (links.length) inserts.push({ local: 'hyperlinks', text: `<${p}hyperlinks>${links.join('')}</${p}hyperlinks>` });
    return;
  }
  const own = new Set(plan.ownColumns);
  const planned = new Set(plan.cells.map((c) => toA1(c.r, c.c)));
  const kids = childSpans(xml, el.openEnd, el.closeStart);
  const drop = kids.filter((k) => {
    const ref = getAttr(xml.slice(k.start, k.openEnd), 'ref') ?? '';
    const at = fromA1(ref);
    return at !== null && (own.has(at.c) || planned.has(ref));
  });
  if (!drop.length && !links.length) return;
  if (drop.length === kids.length && !links.length) {
    removed.add(el);
    edits.push({ start: el.start, end: el.end, text: '' });
    return;
  }
  for (const k of drop) edits.push({ start: k.start, end: k.end, text: '' });
  if (el.selfClosing) edits.push({ start: el.start, end: el.end, text: `<${el.name}>${links.join('')}</${el.name}>` });
  else edits.push({ start: el.closeStart, end: el.closeStart, text: links.join('') });
}

function legacyDrawing(
  xml: string, root: Root, tail: Span[], relId: string | null | undefined, p: string, edits: Edits, removed: Set<Span>, inserts: Inserts,
): void {
  if (relId === undefined) return;
  const el = tail.find((s) => s.local === 'legacyDrawing');
  if (relId === null) {
    if (el) {
      removed.add(el);
      edits.push({ start: el.start, end: el.end, text: '' });
    }
    return;
  }
  if (el) {
    const tag = xml.slice(el.start, el.openEnd);
    const fixed = tag.replace(/(\s[\w.-]+:id\s*=\s*")[^"]*"/, `$1${relId}"`);
    if (fixed !== tag) edits.push({ start: el.start, end: el.openEnd, text: fixed });
    return;
  }
  const rootTag = xml.slice(root.start, root.openEnd);
  const rp = boundPrefix(rootTag, NS_REL);
  const text = rp
    ? `<${p}legacyDrawing ${rp}id="${relId}"/>`
    : `<${p}legacyDrawing xmlns:r="${NS_REL}" r:id="${relId}"/>`;
  inserts.push({ local: 'legacyDrawing', text });
}
