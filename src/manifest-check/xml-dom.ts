/**
 * A small namespace-aware DOM over saxes, keeping the line of every element and
 * attribute so each problem can point at the manifest line to fix.
 */
import { SaxesParser } from 'saxes';

export interface XmlAttr {
  /** As written, with its prefix (`xsi:type`). */
  name: string;
  local: string;
  uri: string;
  value: string;
  line: number;
}

export interface XmlElement {
  /** As written, with its prefix (`bt:Image`). */
  name: string;
  local: string;
  uri: string;
  attrs: XmlAttr[];
  children: XmlElement[];
  /** Concatenated text directly inside the element, untrimmed. */
  text: string;
  line: number;
  parent: XmlElement | null;
}

export type ParseResult =
  | { ok: true; root: XmlElement }
  | { ok: false; line: number; message: string };

export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

export function parseXml(xml: string): ParseResult {
  const parser = new SaxesParser({ xmlns: true, position: true });
  let root: XmlElement | null = null;
  const stack: XmlElement[] = [];
  let attrLines = new Map<string, number>();
  let openLine = 1;
  let error: { line: number; message: string } | null = null;

  parser.on('error', (err) => {
    // The first error is the useful one; later ones follow from it.
    if (!error) error = { line: parser.line, message: err.message.replace(/^[^:]*:\d+:\d+: /, '') };
  });
  parser.on('opentagstart', () => {
    // Fired once the name is read: if a newline ended it, the tag began a line earlier.
    openLine = parser.column === 0 ? parser.line - 1 : parser.line;
    attrLines = new Map();
  });
  parser.on('attribute', (attr) => {
    attrLines.set(attr.name, parser.line);
  });
  parser.on('opentag', (tag) => {
    const parent = stack.length ? stack[stack.length - 1] : null;
    const attrs: XmlAttr[] = Object.values(tag.attributes).map((a) => ({
      name: a.name,
      local: a.local,
      uri: a.uri,
      value: a.value,
      line: attrLines.get(a.name) ?? openLine,
    }));
    const el: XmlElement = {
      name: tag.name,
      local: tag.local,
      uri: tag.uri,
      attrs,
      children: [],
      text: '',
      line: openLine,
      parent,
    };
    if (parent) parent.children.push(el);
    else root = el;
    stack.push(el);
  });
  parser.on('text', (text) => {
    if (stack.length) stack[stack.length - 1].text += text;
  });
  parser.on('cdata', (text) => {
    if (stack.length) stack[stack.length - 1].text += text;
  });
  parser.on('closetag', () => {
    stack.pop();
  });

  try {
    parser.write(xml).close();
  } catch (err) {
    if (!error) error = { line: parser.line, message: err instanceof Error ? err.message : String(err) };
  }
  if (error) return { ok: false, ...(error as { line: number; message: string }) };
  if (!root) return { ok: false, line: 1, message: 'no root element' };
  return { ok: true, root };
}

/** An attribute by local name in no namespace (`id`, `DefaultValue`). */
export function attr(el: XmlElement, local: string): XmlAttr | undefined {
  return el.attrs.find((a) => a.local === local && a.uri === '' && a.name === local);
}

export function attrValue(el: XmlElement, local: string): string | undefined {
  return attr(el, local)?.value;
}

/** The `xsi:type` attribute's value, without any prefix. */
export function xsiType(el: XmlElement): string | undefined {
  const a = el.attrs.find((x) => x.uri === XSI_NS && x.local === 'type');
  return a ? a.value.replace(/^[^:]*:/, '') : undefined;
}

export function isNamespaceDecl(a: XmlAttr): boolean {
  return a.uri === XMLNS_NS || a.name === 'xmlns' || a.name.startsWith('xmlns:');
}

export function childElements(el: XmlElement, uri: string, local?: string): XmlElement[] {
  return el.children.filter((c) => c.uri === uri && (local === undefined || c.local === local));
}

export function firstChild(el: XmlElement, uri: string, local: string): XmlElement | undefined {
  return el.children.find((c) => c.uri === uri && c.local === local);
}

/** Every element under `el`, depth first, `el` included. */
export function* walk(el: XmlElement): Generator<XmlElement> {
  yield el;
  for (const c of el.children) yield* walk(c);
}
