/**
 * A small streaming XML tokenizer for worksheet and shared-string parts. A general parser (saxes)
 * builds an attribute object per element and spent most of the time budget on a
 * 100,000-row sheet; this one hands out tag positions and lets the caller read only
 * the attributes it needs. It refuses what is not well-formed where that is cheap to see
 * (nesting, tags, entity references, text outside the root, the XML declaration, a `--`
 * inside a comment); no DTD, no namespace checks, names checked by their first character only.
 * Over 300 lines because the tokenizer is one loop over a piece of text with its state
 * (open tags, a reference cut by the piece's end) kept between pieces: split, it would hand
 * that state across files on the hot path of every sheet.
 */
import { escapeText } from './escapes';
import {
  afterDeclaration, checkTagEntities, endsName, ENTITY_OPEN, entityEnd, isBlank, isNameStart, piTargetEnd, startTagEnd,
} from './syntax-checks';

export interface ScanHandler {
  /** `s[start..end)` is the start tag (`<` to `>`), `nameEnd` the index after its name. */
  open(local: string, s: string, start: number, nameEnd: number, end: number, selfClosing: boolean): void;
  close(local: string): void;
  /** Raw character data `s[start..end)`, entities not yet decoded. */
  text(s: string, start: number, end: number): void;
}

// Single-letter element names (c, v, f, t, r) are interned to avoid a string per tag.
const ONE_CHAR: string[] = [];
for (let i = 0; i < 128; i++) ONE_CHAR.push(String.fromCharCode(i));

function isSpace(ch: number): boolean {
  return ch === 32 || ch === 9 || ch === 10 || ch === 13;
}

function indexOrEnd(s: string, what: string, from: number): number {
  const i = s.indexOf(what, from);
  return i < 0 ? s.length : i;
}

/** An entity reference cut by the end of a piece is kept for the next one, up to this length. */
const MAX_HELD = 64;

// What the scanner is inside of when a piece of input ends in it.
const NONE = 0;
const COMMENT = 1;
const PI = 2;
const CDATA = 3;
const TAG = 4;

/**
 * Where the `-->` ending a comment whose text begins at `from` is, or -1 when `s` ends first.
 * XML allows no `--` in a comment's text, nor a `-` at its end (`--->`): the first `--` must
 * be the terminator's.
 */
function commentEnd(s: string, from: number): number {
  const e = s.indexOf('--', from);
  if (e < 0 || e + 2 >= s.length) return -1;
  if (s.charCodeAt(e + 2) !== 62) throw new Error('malformed comment: "--" inside a comment');
  return e;
}

export class FastXmlScanner {
  private buf = '';
  /** Qualified names of the open elements. */
  private readonly open: string[] = [];
  private seenRoot = false;
  /** Past the XML declaration, or known to have none. */
  private started = false;
  /**
   * A construct the input ended in. Comments and processing instructions are skipped and
   * CDATA handed out as it comes, keeping only `tail` (where a terminator may begin);
   * an unfinished tag keeps its `pieces`, searched for its end only in what is new
   * (`quote`: the quote it is inside). Either way each character is looked at a bounded
   * number of times, however long the construct.
   */
  private mode = NONE;
  private tail = '';
  private pieces: string[] = [];
  private quote = 0;
  // Set by localName.
  private nameEnd = 0;
  private colon = -1;

  constructor(private readonly h: ScanHandler) {}

  write(chunk: string): void {
    if (this.mode !== NONE) {
      const rest = this.resume(chunk);
      if (rest === null) return;
      chunk = rest;
    }
    this.buf = this.buf.length ? this.buf + chunk : chunk;
    this.run();
  }

  end(): void {
    if (this.mode === NONE) this.run();
    if (this.mode !== NONE || this.buf.trim() !== '' || this.open.length !== 0 || !this.seenRoot) {
      throw new Error('unexpected end of document');
    }
  }

  /** The local name of the name at `from`; sets nameEnd and colon. */
  private localName(s: string, from: number): string {
    let q = from;
    let colon = -1;
    const n = s.length;
    while (q < n) {
      const ch = s.charCodeAt(q);
      if (endsName(ch)) break;
      if (ch === 58) colon = q;
      q++;
    }
    this.nameEnd = q;
    this.colon = colon;
    const ls = colon < 0 ? from : colon + 1;
    return q - ls === 1 && s.charCodeAt(ls) < 128 ? ONE_CHAR[s.charCodeAt(ls)] : s.slice(ls, q);
  }

  private run(): void {
    const s = this.buf;
    const h = this.h;
    const stack = this.open;
    const n = s.length;
    let p = 0;
    if (!this.started) {
      p = afterDeclaration(s);
      if (p < 0) return;
      this.started = true;
    }
    // The next `&` and `]]>` (n: none), each searched for once and checked where it stands.
    let amp = -1;
    let cdataEnd = -1;
    while (p < n) {
      const lt = s.indexOf('<', p);
      let end = lt < 0 ? n : lt;
      if (end > p) {
        if (amp < p) amp = indexOrEnd(s, '&', p);
        while (amp < end) {
          const e = entityEnd(s, amp, end);
          if (e === ENTITY_OPEN && lt < 0 && n - amp < MAX_HELD) {
            // Cut by the end of the piece: read again with the next one.
            end = amp;
            break;
          }
          if (e < 0) throw new Error('malformed entity reference');
          amp = indexOrEnd(s, '&', e);
        }
        if (cdataEnd < p) cdataEnd = indexOrEnd(s, ']]>', p);
        if (cdataEnd < end) throw new Error('"]]>" in text');
        // A `]` or `]]` ending the piece may begin a `]]>`: kept for the next one too.
        if (end === n) while (end > p && n - end < 2 && s.charCodeAt(end - 1) === 93) end--;
        if (end > p) {
          if (stack.length === 0 && !isBlank(s, p, end)) throw new Error('text outside the root element');
          h.text(s, p, end);
        }
      }
      if (lt < 0) {
        p = end;
        break;
      }
      p = lt;
      if (lt + 1 >= n) break;
      const c1 = s.charCodeAt(lt + 1);
      if (c1 === 33 || c1 === 63) {
        const done = this.special(s, lt);
        if (done === -1) p = lt;
        else if (done === -2) p = n;
        else {
          p = done;
          continue;
        }
        break;
      }
      if (c1 === 47) {
        const local = this.localName(s, lt + 2);
        const nameEnd = this.nameEnd;
        let q = nameEnd;
        while (q < n && isSpace(s.charCodeAt(q))) q++;
        if (q >= n) {
          this.unfinishedTag(s, lt);
          p = n;
          break;
        }
        if (nameEnd === lt + 2 || s.charCodeAt(q) !== 62) throw new Error('malformed end tag');
        const name = stack.pop();
        if (name === undefined) throw new Error('unbalanced end tag');
        if (name !== (this.colon < 0 ? local : s.slice(lt + 2, nameEnd))) {
          throw new Error(`end tag </${s.slice(lt + 2, nameEnd)}> does not close <${name}>`);
        }
        h.close(local);
        p = q + 1;
      } else {
        if (!isNameStart(c1)) throw new Error('malformed tag');
        const local = this.localName(s, lt + 1);
        const nameEnd = this.nameEnd;
        const gt = startTagEnd(s, nameEnd);
        if (gt < 0) {
          this.unfinishedTag(s, lt);
          p = n;
          break;
        }
        if (amp < lt) amp = indexOrEnd(s, '&', lt);
        if (amp < gt) {
          checkTagEntities(s, lt, gt);
          amp = indexOrEnd(s, '&', gt);
        }
        const selfClosing = s.charCodeAt(gt - 1) === 47;
        if (stack.length === 0 && this.seenRoot) throw new Error('content after the root element');
        this.seenRoot = true;
        const qname = this.colon < 0 ? local : s.slice(lt + 1, nameEnd);
        h.open(local, s, lt, nameEnd, gt + 1, selfClosing);
        if (selfClosing) h.close(local);
        else stack.push(qname);
        p = gt + 1;
      }
    }
    this.buf = p < n ? s.slice(p) : '';
  }

  /** The input ends inside the tag at `lt`: keep it, and note whether it ends inside quotes. */
  private unfinishedTag(s: string, lt: number): void {
    this.mode = TAG;
    this.quote = 0;
    this.pieces = [s.slice(lt)];
    this.tagClose(s, lt + 1);
  }

  /** More input for the construct the last piece ended in; what follows it, or null when it goes on. */
  private resume(chunk: string): string | null {
    if (this.mode === TAG) {
      this.pieces.push(chunk);
      if (this.tagClose(chunk, 0) < 0) return null;
      const whole = this.pieces.join('');
      this.pieces = [];
      this.mode = NONE;
      // Read again from the tag's `<`, now that its end is there: once per tag.
      return whole;
    }
    const s = this.tail + chunk;
    const term = this.mode === COMMENT ? '-->' : this.mode === PI ? '?>' : ']]>';
    const e = this.mode === COMMENT ? commentEnd(s, 0) : s.indexOf(term);
    if (e < 0) {
      const keep = Math.max(0, s.length - 2);
      if (this.mode === CDATA) this.cdata(s, 0, keep);
      this.tail = s.slice(keep);
      return null;
    }
    if (this.mode === CDATA) this.cdata(s, 0, e);
    this.mode = NONE;
    this.tail = '';
    return s.slice(e + term.length);
  }

  private cdata(s: string, from: number, to: number): void {
    if (to <= from) return;
    // CDATA handed on as character data, escaped as text so the readers' one unescape applies.
    const raw = escapeText(s.slice(from, to));
    this.h.text(raw, 0, raw.length);
  }

  /**
   * Comments, processing instructions and CDATA: the index after one, -1 when the input
   * ends before it can be told what it is, -2 when it ends inside one (the rest is used).
   */
  private special(s: string, lt: number): number {
    let from: number;
    let term: string;
    if (s.startsWith('<![CDATA[', lt)) {
      if (this.open.length === 0) throw new Error('CDATA outside the root element');
      from = lt + 9;
      term = ']]>';
      this.mode = CDATA;
    } else if (s.startsWith('<!--', lt)) {
      from = lt + 4;
      term = '-->';
      this.mode = COMMENT;
    } else if (s.startsWith('<?', lt)) {
      from = piTargetEnd(s, lt + 2);
      if (from < 0) return -1;
      // `xml` (any case) is the declaration's, which only the start of the document may hold.
      if (from - lt === 5 && s.slice(lt + 2, from).toLowerCase() === 'xml') throw new Error('XML declaration not at the start');
      term = '?>';
      this.mode = PI;
    } else {
      if (s.length - lt < 9) return -1;
      throw new Error('unsupported markup (DOCTYPE)');
    }
    const e = this.mode === COMMENT ? commentEnd(s, from) : s.indexOf(term, from);
    if (e >= 0) {
      if (this.mode === CDATA) this.cdata(s, from, e);
      this.mode = NONE;
      return e + term.length;
    }
    const keep = Math.max(from, s.length - 2);
    if (this.mode === CDATA) this.cdata(s, from, keep);
    this.tail = s.slice(keep);
    return -2;
  }

  /**
   * The index of the first `>` outside quotes in `s` from `from`, or -1; `this.quote` is the
   * quote open at `from` and is left as the one open at the end.
   */
  private tagClose(s: string, from: number): number {
    const n = s.length;
    let q = from;
    let quote = this.quote;
    while (q < n) {
      if (quote !== 0) {
        const e = s.indexOf(quote === 34 ? '"' : "'", q);
        if (e < 0) break;
        quote = 0;
        q = e + 1;
        continue;
      }
      const ch = s.charCodeAt(q);
      if (ch === 62) {
        this.quote = 0;
        return q;
      }
      if (ch === 34 || ch === 39) quote = ch;
      q++;
    }
    this.quote = quote;
    return -1;
  }
}
