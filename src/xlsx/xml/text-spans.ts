/**
 * String-level XML helpers for patching: find elements and their spans so that
 * everything not touched is kept character for character.
 */

// Escaping and entities live in escapes.ts, the one place the xml stage handles them;
// re-exported so that span users need one import.
import { escapeAttr, unescapeXml } from './escapes';
export { decodeXString, escapeAttr, escapeText, toXmlString, unescapeXml } from './escapes';

/** An element found in a document: its qualified name and character span. */
export interface Span {
  name: string;
  /** Local name (prefix dropped). */
  local: string;
  start: number;
  /** End of the start tag (index after `>`). */
  openEnd: number;
  /** Start of the end tag (== openEnd for an empty element). */
  closeStart: number;
  /** Index after the element. */
  end: number;
  selfClosing: boolean;
}

function localName(q: string): string {
  const i = q.indexOf(':');
  return i < 0 ? q : q.slice(i + 1);
}

/** Index after the `>` that closes the tag starting at `p`, quotes respected. */
export function tagEnd(xml: string, p: number): number {
  let q = p + 1;
  const n = xml.length;
  while (q < n) {
    const ch = xml.charCodeAt(q);
    if (ch === 62 /* > */) return q + 1;
    if (ch === 34 || ch === 39) {
      const close = xml.indexOf(ch === 34 ? '"' : "'", q + 1);
      if (close < 0) break;
      q = close + 1;
    } else q++;
  }
  throw new Error('malformed XML: unterminated tag');
}

function skipSpecial(xml: string, p: number): number {
  if (xml.startsWith('<!--', p)) return endOf(xml, '-->', p);
  if (xml.startsWith('<![CDATA[', p)) return endOf(xml, ']]>', p);
  if (xml.startsWith('<?', p)) return endOf(xml, '?>', p);
  return tagEnd(xml, p);
}
function endOf(xml: string, marker: string, p: number): number {
  const i = xml.indexOf(marker, p);
  if (i < 0) throw new Error('malformed XML: unterminated ' + marker);
  return i + marker.length;
}

function tagName(xml: string, p: number): string {
  let q = p + 1;
  while (q < xml.length) {
    const ch = xml.charCodeAt(q);
    if (ch === 32 || ch === 62 || ch === 47 || ch === 9 || ch === 10 || ch === 13) break;
    q++;
  }
  return xml.slice(p + 1, q);
}

/** The child elements of the element whose content runs from `from` to `to`. */
export function childSpans(xml: string, from: number, to: number): Span[] {
  const out: Span[] = [];
  let p = xml.indexOf('<', from);
  while (p >= 0 && p < to) {
    const c1 = xml.charCodeAt(p + 1);
    if (c1 === 33 /* ! */ || c1 === 63 /* ? */) {
      p = xml.indexOf('<', skipSpecial(xml, p));
      continue;
    }
    if (c1 === 47 /* / */) break; // the parent's end tag
    const span = elementAt(xml, p);
    out.push(span);
    p = xml.indexOf('<', span.end);
  }
  return out;
}

/** The element whose start tag begins at `p`. */
export function elementAt(xml: string, p: number): Span {
  const name = tagName(xml, p);
  const openEnd = tagEnd(xml, p);
  const local = localName(name);
  if (xml.charCodeAt(openEnd - 2) === 47) {
    return { name, local, start: p, openEnd, closeStart: openEnd, end: openEnd, selfClosing: true };
  }
  let depth = 1;
  let q = openEnd;
  for (;;) {
    const lt = xml.indexOf('<', q);
    if (lt < 0) throw new Error(`malformed XML: <${name}> not closed`);
    const c1 = xml.charCodeAt(lt + 1);
    if (c1 === 33 || c1 === 63) {
      q = skipSpecial(xml, lt);
      continue;
    }
    const te = tagEnd(xml, lt);
    if (c1 === 47) {
      depth--;
      if (depth === 0) return { name, local, start: p, openEnd, closeStart: lt, end: te, selfClosing: false };
    } else if (xml.charCodeAt(te - 2) !== 47) depth++;
    q = te;
  }
}

/** The document (root) element. */
export function rootElement(xml: string): Span {
  const kids = childSpans(xml, 0, xml.length);
  if (!kids.length) throw new Error('malformed XML: no root element');
  return kids[0];
}

/** Prefix (`x:`) of a qualified name, or ''. */
export function prefixOf(q: string): string {
  const i = q.indexOf(':');
  return i < 0 ? '' : q.slice(0, i + 1);
}

const ATTR_RES = new Map<string, { get: RegExp; set: RegExp; del: RegExp }>();

function attrRes(name: string): { get: RegExp; set: RegExp; del: RegExp } {
  let res = ATTR_RES.get(name);
  if (!res) {
    const n = name.replace(/[.:]/g, '\\$&');
    res = {
      get: new RegExp(`\\s${n}\\s*=\\s*("([^"]*)"|'([^']*)')`),
      set: new RegExp(`(\\s)${n}\\s*=\\s*("[^"]*"|'[^']*')`),
      del: new RegExp(`\\s+${n}\\s*=\\s*("[^"]*"|'[^']*')`),
    };
    ATTR_RES.set(name, res);
  }
  return res;
}

/** Attribute value (unescaped) from a start tag's text, or undefined. */
export function getAttr(tag: string, name: string): string | undefined {
  const m = attrRes(name).get.exec(tag);
  if (!m) return undefined;
  return unescapeXml(m[2] ?? m[3]);
}

/** A start tag with one attribute set (replaced in place, or added before the tag's end). */
export function setAttr(tag: string, name: string, value: string): string {
  const re = attrRes(name).set;
  const v = `"${escapeAttr(value)}"`;
  if (re.test(tag)) return tag.replace(re, (_m, sp: string) => `${sp}${name}=${v}`);
  const close = tag.endsWith('/>') ? tag.length - 2 : tag.length - 1;
  let at = close;
  while (at > 0 && /\s/.test(tag[at - 1])) at--;
  return `${tag.slice(0, at)} ${name}=${v}${tag.slice(at)}`;
}

/** A start tag with one attribute removed. */
export function removeAttr(tag: string, name: string): string {
  return tag.replace(attrRes(name).del, '');
}

/** The namespace prefix a document binds to `uri` on its root, if any (`r:`), or null. */
export function boundPrefix(rootTag: string, uri: string): string | null {
  const re = /\sxmlns:([A-Za-z_][\w.-]*)\s*=\s*("([^"]*)"|'([^']*)')/g;
  for (let m = re.exec(rootTag); m; m = re.exec(rootTag)) {
    if ((m[3] ?? m[4]) === uri) return m[1] + ':';
  }
  return null;
}

/** Replaces spans of `xml` (sorted, not overlapping) by new text. */
export function splice(xml: string, edits: { start: number; end: number; text: string }[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const parts: string[] = [];
  let at = 0;
  for (const e of sorted) {
    parts.push(xml.slice(at, e.start), e.text);
    at = e.end;
  }
  parts.push(xml.slice(at));
  return parts.join('');
}
