/**
 * Open Packaging Conventions: part names, relationships and content types, read
 * from text so that a patch can rewrite them without disturbing what it keeps.
 */
import { childSpans, getAttr, rootElement, type Span } from '../xml';

export const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const REL_BASE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';

export const CT_WORKSHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
export const CT_COMMENTS = 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml';
export const CT_VML = 'application/vnd.openxmlformats-officedocument.vmlDrawing';
export const CT_RELS = 'application/vnd.openxmlformats-package.relationships+xml';

export interface Rel {
  id: string;
  type: string;
  target: string;
  external: boolean;
  span: Span;
}

/** True when a relationship type ends with `/suffix` (transitional and strict namespaces alike). */
export function relIs(rel: { type: string }, suffix: string): boolean {
  return rel.type.endsWith('/' + suffix);
}

/** Part name (no leading slash) a relationship target points to, relative to `source`. */
export function resolveTarget(source: string, target: string): string {
  const t = target.replace(/\\/g, '/');
  let segs: string[];
  if (t.startsWith('/')) segs = t.slice(1).split('/');
  else {
    const dir = source.includes('/') ? source.slice(0, source.lastIndexOf('/')).split('/') : [];
    segs = [...dir, ...t.split('/')];
  }
  const out: string[] = [];
  for (const s of segs) {
    if (s === '' || s === '.') continue;
    if (s === '..') out.pop();
    else out.push(decodeURIComponentSafe(s));
  }
  return out.join('/');
}

function decodeURIComponentSafe(s: string): string {
  if (s.indexOf('%') < 0) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Target written relative to the source part's folder (the usual form). */
export function relativeTarget(source: string, part: string): string {
  const from = source.includes('/') ? source.slice(0, source.lastIndexOf('/')).split('/') : [];
  const to = part.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => '..'), ...to.slice(i)].join('/');
}

/** `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`. */
export function relsPathFor(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

export function parseRels(xml: string): Rel[] {
  const root = rootElement(xml);
  const rels: Rel[] = [];
  for (const s of childSpans(xml, root.openEnd, root.closeStart)) {
    if (s.local !== 'Relationship') continue;
    const tag = xml.slice(s.start, s.openEnd);
    rels.push({
      id: getAttr(tag, 'Id') ?? '',
      type: getAttr(tag, 'Type') ?? '',
      target: getAttr(tag, 'Target') ?? '',
      external: (getAttr(tag, 'TargetMode') ?? '') === 'External',
      span: s,
    });
  }
  return rels;
}

/** A relationship id not yet used: rId1, rId2, … */
export function freeRelId(rels: { id: string }[], taken: Set<string> = new Set()): string {
  const used = new Set(rels.map((r) => r.id));
  for (let n = 1; ; n++) {
    const id = `rId${n}`;
    if (!used.has(id) && !taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

export function emptyRels(): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_PKG_REL}"></Relationships>`;
}
