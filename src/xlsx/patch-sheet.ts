/**
 * One ledger sheet's XML: the plan's cells into <sheetData>, the dimension widened,
 * the tool's conditional formats, hyperlinks and legacy drawing (notes) in their
 * schema positions. Everything else is kept as it was.
 */
import { fromA1, toA1 } from '../core/grid';
import type { WritePlan } from '../core/types';
import { NS_REL } from './opc';
import { patchSheetData } from './patch-sheet-data';
import type { StylesPatch } from './patch-styles';
import { isMarkRule, markBlocks, MARK_FORMULA, namesTool } from './tool-rules';
import type { Utf8Sink } from './utf8-sink';
import { boundPrefix, childSpans, escapeAttr, escapeText, getAttr, prefixOf, setAttr, splice, tagEnd, unescapeXml, type Span } from './xml-text';

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
  xml: string;
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
export function patchSheetXml(input: SheetPatchInput, out: Utf8Sink): void {
  const { xml, plan, styles } = input;
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

  // Plan cells in row, then column order (a builder usually gives them so: then no sort).
  let cells = plan.cells;
  for (let i = 1; i < cells.length; i++) {
    const a = cells[i - 1];
    const b = cells[i];
    if (b.r < a.r || (b.r === a.r && b.c <= a.c)) {
      // Sorted, and of two cells at one address the later one wins.
      const sorted = plan.cells.map((c, k) => ({ c, k })).sort((x, y) => x.c.r - y.c.r || x.c.c - y.c.c || x.k - y.k);
      cells = sorted.filter((x, k) => k === sorted.length - 1 || sorted[k + 1].c.r !== x.c.r || sorted[k + 1].c.c !== x.c.c).map((x) => x.c);
      break;
    }
  }
  const dataStart = sdSelfClosing ? sdOpen : sdOpenEnd;
  const dataEnd = sdSelfClosing ? sdEnd : sdClose;

  const dim = head.find((s) => s.local === 'dimension');
  if (dim) {
    const tag = xml.slice(dim.start, dim.end);
    const ref = widenRef(getAttr(tag, 'ref') ?? 'A1', plan.cells);
    edits.push({ start: dim.start, end: dim.end, text: setAttr(tag, 'ref', ref) });
  }

  const removed = new Set<Span>();
  const inserts: { local: string; text: string }[] = [];
  conditionalFormats(xml, tail, input, p, edits, removed, inserts);
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
  out.push(splice(xml.slice(0, dataStart), before));
  if (sdSelfClosing) out.push(`${xml.slice(sdOpen, sdOpenEnd - 2).trimEnd()}>`);
  patchSheetData(xml, sdOpenEnd, sdClose, {
    prefix: p, own: new Set(plan.ownColumns), cells, styles, date1904: input.date1904,
  }, out);
  if (sdSelfClosing) out.push(`</${p}sheetData>`);
  out.push(splice(xml.slice(dataEnd), after));
}

function widenRef(ref: string, cells: { r: number; c: number }[]): string {
  const [a, b] = ref.split(':');
  const p0 = fromA1(a);
  const p1 = fromA1(b ?? a);
  if (!p0 || !p1) return ref;
  let { r: r0, c: c0 } = p0;
  let { r: r1, c: c1 } = p1;
  for (const c of cells) {
    if (c.r < r0) r0 = c.r;
    if (c.c < c0) c0 = c.c;
    if (c.r > r1) r1 = c.r;
    if (c.c > c1) c1 = c.c;
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
