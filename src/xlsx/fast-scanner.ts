/**
 * A small streaming XML tokenizer for worksheet and shared-string parts. A general parser (saxes)
 * builds an attribute object per element and spent most of the time budget on a
 * 100,000-row sheet; this one hands out tag positions and lets the caller read only
 * the attributes it needs. It checks structure loosely (no DTD, no namespace checks):
 * these parts are machine-written, and anything it cannot tokenise is an error.
 */

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

function isNameEnd(ch: number): boolean {
  return ch === 32 || ch === 62 || ch === 47 || ch === 9 || ch === 10 || ch === 13;
}

function isSpace(ch: number): boolean {
  return ch === 32 || ch === 9 || ch === 10 || ch === 13;
}

/** Where a name stops: also at characters no name holds, so that junk is left for the tag's check. */
function endsName(ch: number): boolean {
  return isNameEnd(ch) || ch === 34 || ch === 39 || ch === 61 || ch === 60;
}

// What the scanner is inside of when a piece of input ends in it.
const NONE = 0;
const COMMENT = 1;
const PI = 2;
const CDATA = 3;
const TAG = 4;

export class FastXmlScanner {
  private buf = '';
  /** Qualified names of the open elements. */
  private readonly open: string[] = [];
  private seenRoot = false;
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
    while (p < n) {
      const lt = s.indexOf('<', p);
      if (lt < 0) {
        h.text(s, p, n);
        p = n;
        break;
      }
      if (lt > p) h.text(s, p, lt);
      if (lt + 1 >= n) {
        p = lt;
        break;
      }
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
        const local = this.localName(s, lt + 1);
        const nameEnd = this.nameEnd;
        if (nameEnd === lt + 1) throw new Error('malformed tag');
        const gt = startTagEnd(s, nameEnd);
        if (gt < 0) {
          this.unfinishedTag(s, lt);
          p = n;
          break;
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
    const e = s.indexOf(term);
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
    const raw = s.slice(from, to).replace(/&/g, '&amp;').replace(/</g, '&lt;');
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
      from = lt + 9;
      term = ']]>';
      this.mode = CDATA;
    } else if (s.startsWith('<!--', lt)) {
      from = lt + 4;
      term = '-->';
      this.mode = COMMENT;
    } else if (s.startsWith('<?', lt)) {
      from = lt + 2;
      term = '?>';
      this.mode = PI;
    } else {
      if (s.length - lt < 9) return -1;
      throw new Error('unsupported markup (DOCTYPE)');
    }
    const e = s.indexOf(term, from);
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

/**
 * The index of the `>` that ends a start tag whose name ends at `q`, or -1 when the input
 * ends first. Throws on anything but whitespace-separated `name="value"` attributes and
 * an optional `/` before the `>`.
 */
function startTagEnd(s: string, q: number): number {
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
