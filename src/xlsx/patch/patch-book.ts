/**
 * workbook.xml and its relationships: the tool's sheets replaced, its defined names
 * replaced, local names re-indexed, and a full recalculation asked for on open.
 */
import type { WritePlan } from '../../core/types';
import { freeRelId, NS_REL, parseRels, REL_BASE, relativeTarget, relIs, resolveTarget } from '../package';
import { boundPrefix, childSpans, escapeAttr, escapeText, getAttr, prefixOf, rootElement, setAttr, splice, unescapeXml, type Span } from '../xml';

const BOOK_ORDER = [
  'fileVersion', 'fileSharing', 'workbookPr', 'workbookProtection', 'bookViews', 'sheets', 'functionGroups',
  'externalReferences', 'definedNames', 'calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr',
  'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst',
];

export interface BookPatchInput {
  bookXml: string;
  bookPath: string;
  relsXml: string;
  /** The tool's sheets, in the order they are added (names as written). */
  toolSheets: string[];
  /** Sheets (lower case) of an earlier run to drop: those the tool's names point into. */
  dropSheets: Set<string>;
  names: WritePlan['names'];
  /** Defined names starting with one of these are the tool's even when the plan no longer has them. */
  ownNamePrefixes: string[];
  /** Part names already in the package (lower case), to pick free ones. */
  taken: Set<string>;
  dropCalcChain: boolean;
}

export interface BookPatchOutput {
  bookXml: string;
  relsXml: string;
  /** Parts of the tool's earlier sheets, to delete (with their rels parts). */
  removedParts: string[];
  added: { name: string; path: string; sheetId: number }[];
  /** sheetIds of the sheets removed. */
  removedSheetIds: Set<number>;
}

interface SheetEl {
  span: Span;
  name: string;
  sheetId: number;
  relId: string;
}

function relIdOf(tag: string): string {
  const m = /\s[\w.-]+:id\s*=\s*"([^"]*)"/.exec(tag);
  return m ? m[1] : '';
}

/** `'Sheet 1'!$B$2`: always quoted, which Excel accepts for any name. */
export function sheetRef(sheet: string, r: number, c: number, abs = true): string {
  const d = abs ? '$' : '';
  let col = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) col = String.fromCharCode(65 + ((n - 1) % 26)) + col;
  return `'${sheet.replace(/'/g, "''")}'!${d}${col}${d}${r + 1}`;
}

function mentionsSheet(formula: string, sheet: string): boolean {
  const quoted = `'${sheet.replace(/'/g, "''")}'!`.toLowerCase();
  const f = formula.toLowerCase();
  if (f.includes(quoted)) return true;
  const bare = `${sheet.toLowerCase()}!`;
  const i = f.indexOf(bare);
  return i >= 0 && (i === 0 || /[^\w.'\]]/.test(f[i - 1]));
}

export function patchBook(input: BookPatchInput): BookPatchOutput {
  const { bookXml: xml, bookPath } = input;
  const root = rootElement(xml);
  const p = prefixOf(root.name);
  const kids = childSpans(xml, root.openEnd, root.closeStart);
  const edits: { start: number; end: number; text: string }[] = [];
  const rels = parseRels(input.relsXml);
  const relEdits: { start: number; end: number; text: string }[] = [];
  const tool = input.dropSheets;

  const sheetsEl = kids.find((k) => k.local === 'sheets');
  if (!sheetsEl) throw new Error('malformed workbook: no <sheets>');
  const sheets: SheetEl[] = childSpans(xml, sheetsEl.openEnd, sheetsEl.closeStart)
    .filter((s) => s.local === 'sheet')
    .map((span) => {
      const tag = xml.slice(span.start, span.openEnd);
      return { span, name: getAttr(tag, 'name') ?? '', sheetId: Number(getAttr(tag, 'sheetId') ?? 0), relId: relIdOf(tag) };
    });
  const removedParts: string[] = [];
  const removedSheetIds = new Set<number>();
  const newIndex = new Map<number, number>();
  const removedRelIds = new Set<string>();
  let kept = 0;
  sheets.forEach((s, i) => {
    if (!tool.has(s.name.toLowerCase())) {
      newIndex.set(i, kept++);
      return;
    }
    edits.push({ start: s.span.start, end: s.span.end, text: '' });
    removedSheetIds.add(s.sheetId);
    removedRelIds.add(s.relId);
    const rel = rels.find((r) => r.id === s.relId);
    if (rel) removedParts.push(resolveTarget(bookPath, rel.target));
  });
  for (const r of rels) {
    if (removedRelIds.has(r.id) || (input.dropCalcChain && relIs(r, 'calcChain'))) {
      relEdits.push({ start: r.span.start, end: r.span.end, text: '' });
    }
  }
  const remainingRels = rels.filter((r) => !removedRelIds.has(r.id));
  const taken = new Set([...input.taken].filter((t) => !removedParts.some((rp) => rp.toLowerCase() === t)));
  const relsTaken = new Set<string>();
  let nextSheetId = Math.max(0, ...sheets.filter((s) => !removedSheetIds.has(s.sheetId)).map((s) => s.sheetId)) + 1;
  const rp = boundPrefix(xml.slice(root.start, root.openEnd), NS_REL);
  const added: BookPatchOutput['added'] = [];
  let sheetText = '';
  let relText = '';
  const dir = bookPath.includes('/') ? bookPath.slice(0, bookPath.lastIndexOf('/') + 1) : '';
  for (const name of input.toolSheets) {
    let n = 1;
    while (taken.has(`${dir}worksheets/sheet${n}.xml`.toLowerCase())) n++;
    const path = `${dir}worksheets/sheet${n}.xml`;
    taken.add(path.toLowerCase());
    const relId = freeRelId(remainingRels, relsTaken);
    const sheetId = nextSheetId++;
    const idAttr = rp ? `${rp}id="${relId}"` : `xmlns:r="${NS_REL}" r:id="${relId}"`;
    sheetText += `<${p}sheet name="${escapeAttr(name)}" sheetId="${sheetId}" ${idAttr}/>`;
    relText += `<Relationship Id="${relId}" Type="${REL_BASE}worksheet" Target="${escapeAttr(relativeTarget(bookPath, path))}"/>`;
    added.push({ name, path, sheetId });
  }
  if (sheetsEl.selfClosing) throw new Error('malformed workbook: empty <sheets>');
  edits.push({ start: sheetsEl.closeStart, end: sheetsEl.closeStart, text: sheetText });
  const relsRoot = rootElement(input.relsXml);
  relEdits.push({ start: relsRoot.closeStart, end: relsRoot.closeStart, text: relText });

  definedNames(xml, kids, input, newIndex, sheets.length, p, edits, root.closeStart);
  calcPr(xml, kids, p, edits, root.closeStart);
  const total = kept + input.toolSheets.length;
  const views = kids.find((k) => k.local === 'bookViews');
  if (views) {
    for (const v of childSpans(xml, views.openEnd, views.closeStart)) {
      let tag = xml.slice(v.start, v.openEnd);
      const before = tag;
      for (const attr of ['activeTab', 'firstSheet']) {
        const val = Number(getAttr(tag, attr) ?? 0);
        if (val >= total) tag = setAttr(tag, attr, String(Math.max(0, total - 1)));
      }
      if (tag !== before) edits.push({ start: v.start, end: v.openEnd, text: tag });
    }
  }
  return {
    bookXml: splice(xml, edits), relsXml: splice(input.relsXml, relEdits), removedParts, added, removedSheetIds,
  };
}

function insertPoint(kids: Span[], local: string, fallback: number): number {
  const idx = BOOK_ORDER.indexOf(local);
  const later = kids.find((k) => BOOK_ORDER.indexOf(k.local) > idx);
  return later ? later.start : fallback;
}

function definedNames(
  xml: string, kids: Span[], input: BookPatchInput, newIndex: Map<number, number>, sheetCount: number, p: string,
  edits: { start: number; end: number; text: string }[], rootClose: number,
): void {
  const planned = new Set(input.names.map((n) => n.name.toLowerCase()));
  const dropped = [...input.dropSheets];
  const prefixes = input.ownNamePrefixes.map((x) => x.toLowerCase());
  const el = kids.find((k) => k.local === 'definedNames');
  const added = input.names.map((n) =>
    `<${p}definedName name="${escapeAttr(n.name)}">${escapeText(sheetRef(n.sheet, n.r, n.c))}</${p}definedName>`).join('');
  if (!el) {
    const at = insertPoint(kids, 'definedNames', rootClose);
    if (added) edits.push({ start: at, end: at, text: `<${p}definedNames>${added}</${p}definedNames>` });
    return;
  }
  const names = el.selfClosing ? [] : childSpans(xml, el.openEnd, el.closeStart).filter((k) => k.local === 'definedName');
  let remaining = 0;
  for (const n of names) {
    const tag = xml.slice(n.start, n.openEnd);
    const name = (getAttr(tag, 'name') ?? '').toLowerCase();
    const formula = xml.slice(n.openEnd, n.closeStart);
    const local = getAttr(tag, 'localSheetId');
    const localIdx = local === undefined ? -1 : Number(local);
    const mine = planned.has(name) ||
      prefixes.some((x) => name.startsWith(x)) ||
      dropped.some((s) => mentionsSheet(unescapeXml(formula), s)) ||
      (localIdx >= 0 && localIdx < sheetCount && !newIndex.has(localIdx));
    if (mine) {
      edits.push({ start: n.start, end: n.end, text: '' });
      continue;
    }
    remaining++;
    const moved = localIdx >= 0 ? newIndex.get(localIdx) : undefined;
    if (moved !== undefined && moved !== localIdx) {
      edits.push({ start: n.start, end: n.openEnd, text: setAttr(tag, 'localSheetId', String(moved)) });
    }
  }
  if (!remaining && !added) {
    edits.push({ start: el.start, end: el.end, text: '' });
    return;
  }
  if (el.selfClosing) edits.push({ start: el.start, end: el.end, text: `<${el.name}>${added}</${el.name}>` });
  else edits.push({ start: el.closeStart, end: el.closeStart, text: added });
}

function calcPr(xml: string, kids: Span[], p: string, edits: { start: number; end: number; text: string }[], rootClose: number): void {
  const el = kids.find((k) => k.local === 'calcPr');
  if (el) {
    const tag = xml.slice(el.start, el.openEnd);
    if (getAttr(tag, 'fullCalcOnLoad') !== '1') edits.push({ start: el.start, end: el.openEnd, text: setAttr(tag, 'fullCalcOnLoad', '1') });
    return;
  }
  const at = insertPoint(kids, 'calcPr', rootClose);
  edits.push({ start: at, end: at, text: `<${p}calcPr fullCalcOnLoad="1"/>` });
}
