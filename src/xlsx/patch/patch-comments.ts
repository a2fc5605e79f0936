/**
 * Notes (legacy comments) for marked cells: the comments part and the VML drawing
 * that shows them. Existing notes are kept; the tool's own notes (its author) from
 * an earlier run are replaced. A cell that already has someone's note is left alone.
 */
import { toA1 } from '../../core/grid';
import type { WritePlan } from '../../core/types';
import { NS_MAIN } from '../package';
import { childSpans, escapeText, getAttr, prefixOf, rootElement, splice, toXmlString, unescapeXml } from '../xml';

export const NOTE_AUTHOR = 'ledger-check';

const VML_NS = 'urn:schemas-microsoft-com:vml';
const OFFICE_NS = 'urn:schemas-microsoft-com:office:office';
const EXCEL_NS = 'urn:schemas-microsoft-com:office:excel';

export interface NotesInput {
  commentsXml: string | null;
  vmlXml: string | null;
  marks: WritePlan['marks'];
  author: string;
  /** Shape id block (o:idmap) for a new drawing. */
  idBlock: number;
}

export interface NotesOutput {
  /** Null when no note remains: the part is dropped. */
  commentsXml: string | null;
  vmlXml: string | null;
}

export function emptyComments(): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${NS_MAIN}"><authors></authors><commentList></commentList></comments>`;
}

export function emptyVml(idBlock: number): string {
  return `<xml xmlns:v="${VML_NS}" xmlns:o="${OFFICE_NS}" xmlns:x="${EXCEL_NS}">` +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${idBlock}"/></o:shapelayout>` +
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
    '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
    '</xml>';
}

/** Notes per cell, several marks on one cell joined line by line. */
function notesByCell(marks: WritePlan['marks']): Map<string, { r: number; c: number; text: string }> {
  const out = new Map<string, { r: number; c: number; text: string }>();
  const sorted = [...marks].sort((a, b) => a.r - b.r || a.c - b.c);
  for (const m of sorted) {
    if (!m.note) continue;
    const ref = toA1(m.r, m.c);
    const cur = out.get(ref);
    if (!cur) out.set(ref, { r: m.r, c: m.c, text: m.note });
    else if (!cur.text.split('\n').includes(m.note)) cur.text += '\n' + m.note;
  }
  return out;
}

export function patchNotes(input: NotesInput): NotesOutput {
  const xml = input.commentsXml ?? emptyComments();
  const root = rootElement(xml);
  const p = prefixOf(root.name);
  const kids = childSpans(xml, root.openEnd, root.closeStart);
  const authorsEl = kids.find((k) => k.local === 'authors');
  const listEl = kids.find((k) => k.local === 'commentList');
  const authors = authorsEl ? childSpans(xml, authorsEl.openEnd, authorsEl.closeStart).filter((k) => k.local === 'author') : [];
  const names = authors.map((a) => unescapeXml(xml.slice(a.openEnd, a.closeStart)));
  let toolAuthor = names.indexOf(input.author);
  const comments = listEl ? childSpans(xml, listEl.openEnd, listEl.closeStart).filter((k) => k.local === 'comment') : [];
  const edits: { start: number; end: number; text: string }[] = [];
  const userCells = new Set<string>();
  const removedCells = new Set<string>();
  for (const c of comments) {
    const tag = xml.slice(c.start, c.openEnd);
    const ref = (getAttr(tag, 'ref') ?? '').toUpperCase();
    if (toolAuthor >= 0 && Number(getAttr(tag, 'authorId')) === toolAuthor) {
      removedCells.add(ref);
      edits.push({ start: c.start, end: c.end, text: '' });
    } else userCells.add(ref);
  }
  // The tool's author entry goes too when it is the last one (no other author's index moves).
  if (toolAuthor >= 0 && toolAuthor === names.length - 1) {
    edits.push({ start: authors[toolAuthor].start, end: authors[toolAuthor].end, text: '' });
    names.pop();
    toolAuthor = -1;
  }
  const notes = [...notesByCell(input.marks).entries()].filter(([ref]) => !userCells.has(ref));
  if (notes.length && toolAuthor < 0) {
    toolAuthor = names.length;
    const text = `<${p}author>${escapeText(toXmlString(input.author))}</${p}author>`;
    if (!authorsEl) edits.push({ start: root.openEnd, end: root.openEnd, text: `<${p}authors>${text}</${p}authors>` });
    else if (authorsEl.selfClosing) edits.push({ start: authorsEl.start, end: authorsEl.end, text: `<${authorsEl.name}>${text}</${authorsEl.name}>` });
    else edits.push({ start: authorsEl.closeStart, end: authorsEl.closeStart, text });
  }
  const added = notes.map(([ref, n]) =>
    `<${p}comment ref="${ref}" authorId="${toolAuthor}"><${p}text><${p}r><${p}t xml:space="preserve">${escapeText(toXmlString(n.text))}</${p}t></${p}r></${p}text></${p}comment>`).join('');
  if (added) {
    if (!listEl) edits.push({ start: root.closeStart, end: root.closeStart, text: `<${p}commentList>${added}</${p}commentList>` });
    else if (listEl.selfClosing) edits.push({ start: listEl.start, end: listEl.end, text: `<${listEl.name}>${added}</${listEl.name}>` });
    else edits.push({ start: listEl.closeStart, end: listEl.closeStart, text: added });
  }
  const remaining = comments.length - removedCells.size + notes.length;
  const commentsXml = remaining > 0 ? splice(xml, edits) : null;
  const vmlXml = patchVml(input.vmlXml ?? emptyVml(input.idBlock), removedCells, notes.map(([, n]) => n));
  return { commentsXml, vmlXml };
}

function vmlPrefix(xml: string, uri: string, fallback: string): string {
  const m = new RegExp(`xmlns:([\\w.-]+)\\s*=\\s*["']${uri.replace(/[.:]/g, '\\$&')}["']`).exec(xml);
  return m ? m[1] : fallback;
}

/** VML is often not well-formed XML, so it is edited with patterns rather than parsed. */
function patchVml(xml: string, removedCells: Set<string>, notes: { r: number; c: number }[]): string | null {
  const v = vmlPrefix(xml, VML_NS, 'v');
  const x = vmlPrefix(xml, EXCEL_NS, 'x');
  const shapeRe = new RegExp(`<${v}:shape\\b[\\s\\S]*?</${v}:shape>`, 'g');
  const rowRe = new RegExp(`<${x}:Row>\\s*(\\d+)\\s*</${x}:Row>`);
  const colRe = new RegExp(`<${x}:Column>\\s*(\\d+)\\s*</${x}:Column>`);
  let maxId = 0;
  let kept = 0;
  const stripped = xml.replace(shapeRe, (shape) => {
    const r = rowRe.exec(shape);
    const c = colRe.exec(shape);
    if (r && c && /ObjectType\s*=\s*["']Note["']/.test(shape) && removedCells.has(toA1(Number(r[1]), Number(c[1])))) return '';
    kept++;
    const id = /\bid\s*=\s*["']_x0000_s(\d+)["']/.exec(shape);
    if (id) maxId = Math.max(maxId, Number(id[1]));
    return shape;
  });
  if (kept + notes.length === 0) return null;
  const block = /<[\w.-]+:idmap\b[^>]*\bdata\s*=\s*["'](\d+)/.exec(stripped);
  let next = Math.max(maxId, (block ? Number(block[1]) : 1) * 1024) + 1;
  let shapes = '';
  if (notes.length && !/id\s*=\s*["']_x0000_t202["']/.test(stripped)) {
    shapes += `<${v}:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">` +
      `<${v}:stroke joinstyle="miter"/><${v}:path gradientshapeok="t" o:connecttype="rect"/></${v}:shapetype>`;
  }
  for (const n of notes) shapes += noteShape(v, x, next++, n.r, n.c);
  const close = stripped.lastIndexOf('</xml>');
  if (close < 0) throw new Error('malformed VML drawing: no </xml>');
  return stripped.slice(0, close) + shapes + stripped.slice(close);
}

function noteShape(v: string, x: string, id: number, r: number, c: number): string {
  const top = Math.max(0, r - 1);
  return `<${v}:shape id="_x0000_s${id}" type="#_x0000_t202" ` +
    'style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:160pt;height:60pt;z-index:1;visibility:hidden" ' +
    'fillcolor="#ffffe1" o:insetmode="auto">' +
    `<${v}:fill color2="#ffffe1"/><${v}:shadow on="t" color="black" obscured="t"/><${v}:path o:connecttype="none"/>` +
    `<${v}:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></${v}:textbox>` +
    `<${x}:ClientData ObjectType="Note"><${x}:MoveWithCells/><${x}:SizeWithCells/>` +
    `<${x}:Anchor>${c + 1}, 15, ${top}, 10, ${c + 4}, 15, ${top + 4}, 4</${x}:Anchor>` +
    `<${x}:AutoFill>False</${x}:AutoFill><${x}:Row>${r}</${x}:Row><${x}:Column>${c}</${x}:Column></${x}:ClientData>` +
    `</${v}:shape>`;
}
