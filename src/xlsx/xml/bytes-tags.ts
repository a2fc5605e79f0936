/**
 * Reading tags from a sheet's UTF-8 bytes without decoding them: names compared byte
 * by byte, attributes kept as spans. Markup is ASCII, so bytes compare as characters do.
 * State is kept in two reused objects, so a 100,000-row sheet makes no object per tag.
 */
import { isBoundary } from './bytes-sheet-rows';
import { isNameStart, plainTextAt } from './syntax-checks';

/** Characters that cannot stand in a name; the tokenizer refuses a tag holding one there. */
function isJunk(ch: number): boolean {
  return ch === 34 || ch === 39 || ch === 60 || ch === 61 || ch === 38;
}

/** The tag last read: where it ends, whether it closes itself, where its name and local name are. */
export const tag = { end: 0, selfClosing: false, nameStart: 0, nameEnd: 0, localStart: 0 };

/**
 * Reads the name of the tag at `p` (`<name` or `</name`): sets tag.nameStart, tag.nameEnd and
 * tag.localStart (after a prefix). Returns false for markup other than an element, and for
 * a name the tokenizer would refuse.
 */
export function tagName(b: Uint8Array, p: number, to: number): boolean {
  let q = p + 1;
  if (b[q] === 47) q++;
  const c = b[q];
  if (c === 33 || c === 63) return false; // comment, CDATA, processing instruction
  if (!isNameStart(c)) return false;
  tag.nameStart = tag.localStart = q;
  while (q < to && !isBoundary(b[q])) {
    if (b[q] === 58) tag.localStart = q + 1;
    else if (isJunk(b[q])) return false;
    q++;
  }
  tag.nameEnd = q;
  return q > tag.nameStart;
}

export function localIs(b: Uint8Array, name: string): boolean {
  if (tag.nameEnd - tag.localStart !== name.length) return false;
  for (let k = 0; k < name.length; k++) if (b[tag.localStart + k] !== name.charCodeAt(k)) return false;
  return true;
}

/** What nextTag returns for text that is not well-formed: past any `to`. */
export const BAD_TEXT = 0x7fffffff;

/**
 * The index of the next `<` from `p`, or `to`; BAD_TEXT when the text before it holds an
 * `&` that begins no entity reference, or a `]]>`. The text of sheet data is seldom more
 * than a number: looking at each byte costs less than a search of the part for either.
 */
export function nextTag(b: Uint8Array, p: number, to: number): number {
  for (; p < to; p++) {
    const ch = b[p];
    if (ch === 60) return p;
    if ((ch === 38 || ch === 93) && !plainTextAt(b, p, to)) return BAD_TEXT;
  }
  return p;
}

/** Attributes of the tag being read, as spans of the bytes (-1 when absent). */
export const attr = { aS: -1, aE: -1, bS: -1, bE: -1, cS: -1, cE: -1 };

/**
 * Reads a start tag's attributes from `q` (after its name) to its end, keeping the
 * spans of up to three of them (names `a`, `b`, `c`); sets tag.end and tag.selfClosing.
 * False when a value holds an entity (left to the tokenizer) or the tag is broken.
 */
export function readTag(b: Uint8Array, q: number, to: number, a: string, bn: string, c: string): boolean {
  attr.aS = attr.aE = attr.bS = attr.bE = attr.cS = attr.cE = -1;
  for (;;) {
    let ch = b[q];
    while (ch === 32 || ch === 9 || ch === 10 || ch === 13) ch = b[++q];
    if (q >= to) return false;
    if (ch === 62 || ch === 47) return endTagAt(b, q, ch);
    // name = "value", white space allowed around the `=`; anything else is left to the tokenizer.
    const ns = q;
    if (!isNameStart(ch)) return false;
    while (q < to && !isBoundary(b[q]) && !isJunk(b[q])) q++;
    const ne = q;
    while (q < to && isSpace(b[q])) q++;
    if (b[q] !== 61) return false;
    q++;
    while (q < to && isSpace(b[q])) q++;
    if (q >= to || (b[q] !== 34 && b[q] !== 39)) return false;
    const quote = b[q];
    const vs = q + 1;
    let ve = vs;
    while (ve < to && b[ve] !== quote) {
      if (b[ve] === 38 || b[ve] === 60) return false;
      ve++;
    }
    if (ve >= to) return false;
    if (nameMatches(b, ns, ne, a)) {
      attr.aS = vs;
      attr.aE = ve;
    } else if (nameMatches(b, ns, ne, bn)) {
      attr.bS = vs;
      attr.bE = ve;
    } else if (nameMatches(b, ns, ne, c)) {
      attr.cS = vs;
      attr.cE = ve;
    }
    q = ve + 1;
    if (!afterValue(b[q])) return false;
  }
}

/** The tag's end at `q` (`>` or `/>`, its first byte `ch`): sets tag.end and tag.selfClosing; false for a `/` without `>`. */
function endTagAt(b: Uint8Array, q: number, ch: number): boolean {
  if (ch === 62) {
    tag.end = q + 1;
    tag.selfClosing = false;
    return true;
  }
  if (b[q + 1] !== 62) return false;
  tag.end = q + 2;
  tag.selfClosing = true;
  return true;
}

function isSpace(ch: number): boolean {
  return ch === 32 || ch === 9 || ch === 10 || ch === 13;
}

/** What may follow an attribute's closing quote: white space or the tag's end. */
function afterValue(ch: number): boolean {
  return ch === 32 || ch === 62 || ch === 47 || ch === 9 || ch === 10 || ch === 13;
}

/**
 * The attributes r, s and t of a cell's start tag from `q` (after `<c`), as readTag
 * reads them (spans in attr.a/b/c); sets tag.end and tag.selfClosing.
 */
export function readCellTag(b: Uint8Array, q: number, to: number): boolean {
  attr.aS = attr.aE = attr.bS = attr.bE = attr.cS = attr.cE = -1;
  const from = q;
  for (;;) {
    let ch = b[q];
    while (ch === 32 || ch === 9 || ch === 10 || ch === 13) ch = b[++q];
    if (q >= to) return false;
    if (ch === 62 || ch === 47) return endTagAt(b, q, ch);
    // The common form name="value" with a one-letter name: anything else goes the long way.
    if (b[q + 1] !== 61 || b[q + 2] !== 34 || ((ch | 32) - 97) >>> 0 > 25) return readTag(b, from, to, 'r', 's', 't');
    const vs = q + 3;
    let ve = vs;
    while (ve < to && b[ve] !== 34) {
      if (b[ve] === 38 || b[ve] === 60) return false;
      ve++;
    }
    if (ve >= to) return false;
    if (ch === 114) {
      attr.aS = vs;
      attr.aE = ve;
    } else if (ch === 115) {
      attr.bS = vs;
      attr.bE = ve;
    } else if (ch === 116) {
      attr.cS = vs;
      attr.cE = ve;
    }
    q = ve + 1;
    if (!afterValue(b[q])) return false;
  }
}

function nameMatches(b: Uint8Array, s: number, e: number, name: string): boolean {
  if (e - s !== name.length) return false;
  for (let k = 0; k < name.length; k++) if (b[s + k] !== name.charCodeAt(k)) return false;
  return true;
}

/**
 * The end tag at `p` closes the element whose name (prefix included) is `b[qs..qe)`:
 * `</name>`, white space allowed before the `>`. Sets tag.end.
 */
export function closes(b: Uint8Array, p: number, to: number, qs: number, qe: number): boolean {
  if (b[p + 1] !== 47) return false;
  const n = qe - qs;
  let q = p + 2;
  if (q + n >= to) return false;
  for (let k = 0; k < n; k++) if (b[q + k] !== b[qs + k]) return false;
  q += n;
  while (q < to && isSpace(b[q])) q++;
  if (q >= to || b[q] !== 62) return false;
  tag.end = q + 1;
  return true;
}
