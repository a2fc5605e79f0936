/**
 * XML escaping and its reverse, for every reader and writer of the xml stage (strings,
 * spans, the byte writer, the tokenizer's CDATA): entities in text and attributes, and
 * Excel's `_xHHHH_` escapes in string values. One place, so an escaping bug is fixed once.
 */

const SPECIAL = /[&<>]/;

/** escapeText's entities for `&`, `<`, `>` as UTF-8 bytes, for the byte writer's fast path. */
export const TEXT_ENTITY_BYTES: readonly (readonly number[])[] = ['&amp;', '&lt;', '&gt;'].map((e) => [...e].map((ch) => ch.charCodeAt(0)));

/** Text content: `&`, `<` and `>` as entities (text without them is returned as it is). */
export function escapeText(s: string): string {
  if (!SPECIAL.test(s)) return s;
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An attribute value in double quotes: also `"` and the whitespace an attribute would fold. */
export function escapeAttr(s: string): string {
  return s.replace(/[&<>"\n\r\t]/g, (ch) => ATTR_ESC[ch]);
}
const ATTR_ESC: Record<string, string> = {
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\n': '&#10;', '\r': '&#13;', '\t': '&#9;',
};

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Entities (named, decimal, hexadecimal) back to characters. */
export function unescapeXml(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (m, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return String.fromCodePoint(code);
    }
    return NAMED[body] ?? m;
  });
}

/** Characters XML 1.0 cannot carry at all; Excel writes them as `_xHHHH_`. */
const NEEDS_X = /_x[0-9a-fA-F]{4}_|[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/;

/** A string value as Excel writes it: characters XML cannot carry, and a literal `_xHHHH_`, escaped. */
export function toXmlString(s: string): string {
  if (!NEEDS_X.test(s)) return s;
  return s.replace(/_(?=x[0-9a-fA-F]{4}_)|[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g, (ch) =>
    ch === '_' ? '_x005F_' : '_x' + ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0') + '_');
}

/** Decodes Excel's `_xHHHH_` escapes in string values (`_x000D_` is a carriage return). */
export function decodeXString(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9a-fA-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

