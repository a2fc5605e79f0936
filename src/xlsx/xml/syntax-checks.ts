/**
 * Checks of XML well-formedness: entity references, names, the XML declaration, processing
 * instruction targets, start tags (the tokenizer's), and a sheet's rows as bytes (the
 * byte reader's). Each runs only where its construct occurs (an `&`, a tag, the start of a
 * document), so a machine-written part pays almost nothing.
 */

function codeAt(s: string | Uint8Array, i: number): number {
  return typeof s === 'string' ? s.charCodeAt(i) : s[i];
}

/** A character XML 1.0 allows (by code point). */
function isXmlChar(c: number): boolean {
  return c === 9 || c === 10 || c === 13 || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);
}

const NAMED = ['amp;', 'lt;', 'gt;', 'quot;', 'apos;'];

function startsWithAt(s: string | Uint8Array, at: number, to: number, word: string): boolean {
  if (to - at < word.length) return false;
  for (let k = 0; k < word.length; k++) if (codeAt(s, at + k) !== word.charCodeAt(k)) return false;
  return true;
}

/** Entity references that have not ended by `to` (still possible) are told apart from bad ones. */
export const ENTITY_BAD = -1;
export const ENTITY_OPEN = -2;

/**
 * The index after the entity reference whose `&` is at `at` in `s[..to)`: one of the five
 * predefined ones (no DTD declares others) or a character reference to a character XML
 * allows. ENTITY_BAD when it is not one; ENTITY_OPEN when `to` comes first and it still may be.
 */
export function entityEnd(s: string | Uint8Array, at: number, to: number): number {
  let q = at + 1;
  if (q >= to) return ENTITY_OPEN;
  if (codeAt(s, q) === 35 /* # */) {
    q++;
    if (q >= to) return ENTITY_OPEN;
    const hex = codeAt(s, q) === 120; /* x */
    if (hex) q++;
    let code = 0;
    let digits = 0;
    for (; q < to; q++) {
      const ch = codeAt(s, q);
      if (ch === 59) return digits > 0 && isXmlChar(code) ? q + 1 : ENTITY_BAD;
      let d = -1;
      if (ch >= 48 && ch <= 57) d = ch - 48;
      else if (hex && ((ch >= 65 && ch <= 70) || (ch >= 97 && ch <= 102))) d = (ch | 32) - 87;
      if (d < 0) return ENTITY_BAD;
      // Past the last code point it stays past it, however many digits follow.
      code = Math.min(code * (hex ? 16 : 10) + d, 0x110000);
      digits++;
    }
    return ENTITY_OPEN;
  }
  for (const name of NAMED) if (startsWithAt(s, q, to, name)) return q + name.length;
  // Cut short by `to`: still possible when what is there begins one of the names.
  const have = to - q;
  if (have < 5) {
    for (const name of NAMED) if (have < name.length && prefixMatches(s, q, to, name)) return ENTITY_OPEN;
  }
  return ENTITY_BAD;
}

function prefixMatches(s: string | Uint8Array, q: number, to: number, name: string): boolean {
  for (let k = 0; q + k < to; k++) if (codeAt(s, q + k) !== name.charCodeAt(k)) return false;
  return true;
}

/**
 * May a name begin with this character? ASCII letters, `_` and `:`; any character past
 * ASCII is let through (the ranges XML excludes there are not checked).
 */
export function isNameStart(ch: number): boolean {
  return (ch >= 97 && ch <= 122) || (ch >= 65 && ch <= 90) || ch === 95 || ch === 58 || ch >= 128;
}

/** May a name go on with this character? */
export function isNameChar(ch: number): boolean {
  return isNameStart(ch) || (ch >= 48 && ch <= 57) || ch === 45 || ch === 46;
}

export function isBlank(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const ch = s.charCodeAt(i);
    if (ch !== 32 && ch !== 10 && ch !== 13 && ch !== 9) return false;
  }
  return true;
}

const S = '[ \\t\\r\\n]';
const EQ = `${S}*=${S}*`;
const XML_DECL = new RegExp(
  `^<\\?xml${S}+version${EQ}(?:"1\\.[0-9]+"|'1\\.[0-9]+')` +
  `(?:${S}+encoding${EQ}(?:"[A-Za-z0-9][A-Za-z0-9._-]*"|'[A-Za-z0-9][A-Za-z0-9._-]*'))?` +
  `(?:${S}+standalone${EQ}(?:"(?:yes|no)"|'(?:yes|no)'))?${S}*\\?>$`,
);

/** `<?xml version="1.0" encoding="…" standalone="…"?>` exactly as XML 1.0 has it. */
export function isXmlDeclaration(decl: string): boolean {
  return XML_DECL.test(decl);
}

/**
 * The `&` or `]` at `b[p]`, in text that ends by `to`, is allowed there: the `&` begins an
 * entity reference, the `]` no `]]>`. A reference `to` cuts short counts as bad.
 */
export function plainTextAt(b: Uint8Array, p: number, to: number): boolean {
  if (b[p] === 38) return entityEnd(b, p, to) > 0;
  return !(b[p + 1] === 93 && b[p + 2] === 62 && p + 2 < to);
}

function isSpace(ch: number): boolean {
  return ch === 32 || ch === 9 || ch === 10 || ch === 13;
}

/** Where a name stops: also at characters no name holds, so that junk is left for the tag's check. */
export function endsName(ch: number): boolean {
  return isSpace(ch) || ch === 62 || ch === 47 || ch === 34 || ch === 39 || ch === 61 || ch === 60;
}

/**
 * Where the content begins after the XML declaration at the start of `s` (0 when there is
 * none), or -1 when `s` ends before that can be told. Throws on a malformed declaration.
 */
export function afterDeclaration(s: string): number {
  const k = Math.min(s.length, 5);
  if (s.slice(0, k) !== '<?xml'.slice(0, k)) return 0;
  if (s.length < 6) return -1;
  if (!isSpace(s.charCodeAt(5))) return 0;
  const e = s.indexOf('?>', 6);
  if (e < 0) {
    if (s.length > 1024) throw new Error('malformed XML declaration');
    return -1;
  }
  if (!isXmlDeclaration(s.slice(0, e + 2))) throw new Error('malformed XML declaration');
  return e + 2;
}

/** The index after the target of the processing instruction whose target begins at `q`, or -1 when `s` ends first. */
export function piTargetEnd(s: string, q: number): number {
  const n = s.length;
  if (q >= n) return -1;
  if (!isNameStart(s.charCodeAt(q))) throw new Error('processing instruction without a target');
  q++;
  while (q < n && isNameChar(s.charCodeAt(q))) q++;
  if (q + 1 >= n) return -1;
  const ch = s.charCodeAt(q);
  if (isSpace(ch) || (ch === 63 && s.charCodeAt(q + 1) === 62)) return q;
  throw new Error('malformed processing instruction target');
}

/** Every `&` in the start tag `s[lt..gt)` is in an attribute value and begins an entity reference. */
export function checkTagEntities(s: string, lt: number, gt: number): void {
  let quote = 0;
  for (let k = lt; k < gt; k++) {
    const ch = s.charCodeAt(k);
    if (ch === 38) {
      const e = quote === 0 ? -1 : entityEnd(s, k, gt);
      if (e < 0) throw new Error('malformed entity reference in a tag');
      k = e - 1;
    } else if (quote === 0) {
      if (ch === 34 || ch === 39) quote = ch;
    } else if (ch === quote) quote = 0;
  }
}

/**
 * The index of the `>` that ends a start tag whose name ends at `q`, or -1 when the input
 * ends first. Throws on anything but whitespace-separated `name="value"` attributes and
 * an optional `/` before the `>`.
 */
export function startTagEnd(s: string, q: number): number {
  const n = s.length;
  for (;;) {
    const at = q;
    while (q < n && isSpace(s.charCodeAt(q))) q++;
    if (q >= n) return -1;
    let ch = s.charCodeAt(q);
    if (ch === 62) return q;
    if (ch === 47) {
      if (q + 1 >= n) return -1;
      if (s.charCodeAt(q + 1) === 62) return q + 1;
      throw new Error('malformed tag');
    }
    if (q === at) throw new Error('malformed tag: attributes must be separated by white space');
    if (!isNameStart(ch)) throw new Error('malformed attribute name');
    const ns = q;
    while (q < n && !endsName(s.charCodeAt(q))) q++;
    if (q >= n) return -1;
    if (q === ns) throw new Error('malformed tag');
    while (q < n && isSpace(s.charCodeAt(q))) q++;
    if (q >= n) return -1;
    if (s.charCodeAt(q) !== 61) throw new Error('malformed attribute');
    q++;
    while (q < n && isSpace(s.charCodeAt(q))) q++;
    if (q >= n) return -1;
    ch = s.charCodeAt(q);
    if (ch !== 34 && ch !== 39) throw new Error('malformed attribute: value not quoted');
    const ve = s.indexOf(ch === 34 ? '"' : "'", q + 1);
    if (ve < 0) return -1;
    for (let k = q + 1; k < ve; k++) if (s.charCodeAt(k) === 60) throw new Error('malformed attribute: < in a value');
    q = ve + 1;
  }
}
