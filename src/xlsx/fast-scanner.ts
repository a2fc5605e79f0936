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

export class FastXmlScanner {
  private buf = '';
  private depth = 0;
  private seenRoot = false;

  constructor(private readonly h: ScanHandler) {}

  write(chunk: string): void {
    this.buf = this.buf.length ? this.buf + chunk : chunk;
    this.run();
  }

  end(): void {
    this.run();
    if (this.buf.trim() !== '' || this.depth !== 0 || !this.seenRoot) {
      throw new Error('unexpected end of document');
    }
  }

  private localName(s: string, from: number): { local: string; nameEnd: number } {
    let q = from;
    let colon = -1;
    const n = s.length;
    while (q < n) {
      const ch = s.charCodeAt(q);
      if (isNameEnd(ch)) break;
      if (ch === 58) colon = q;
      q++;
    }
    const ls = colon < 0 ? from : colon + 1;
    const local = q - ls === 1 && s.charCodeAt(ls) < 128 ? ONE_CHAR[s.charCodeAt(ls)] : s.slice(ls, q);
    return { local, nameEnd: q };
  }

  private run(): void {
    const s = this.buf;
    const h = this.h;
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
        if (done < 0) {
          p = lt;
          break;
        }
        p = done;
        continue;
      }
      const gt = s.indexOf('>', lt);
      if (gt < 0) {
        p = lt;
        break;
      }
      if (c1 === 47) {
        const { local } = this.localName(s, lt + 2);
        if (--this.depth < 0) throw new Error('unbalanced end tag');
        h.close(local);
      } else {
        const { local, nameEnd } = this.localName(s, lt + 1);
        if (nameEnd === lt + 1) throw new Error('malformed tag');
        const selfClosing = s.charCodeAt(gt - 1) === 47;
        if (this.depth === 0 && this.seenRoot) throw new Error('content after the root element');
        this.seenRoot = true;
        h.open(local, s, lt, nameEnd, gt + 1, selfClosing);
        if (selfClosing) h.close(local);
        else this.depth++;
      }
      p = gt + 1;
    }
    this.buf = p < n ? s.slice(p) : '';
  }

  /** Comments, processing instructions and CDATA; -1 when the buffer ends inside one. */
  private special(s: string, lt: number): number {
    if (s.startsWith('<![CDATA[', lt)) {
      const e = s.indexOf(']]>', lt + 9);
      if (e < 0) return -1;
      const raw = s.slice(lt + 9, e).replace(/&/g, '&amp;').replace(/</g, '&lt;');
      this.h.text(raw, 0, raw.length);
      return e + 3;
    }
    if (s.startsWith('<!--', lt)) {
      const e = s.indexOf('-->', lt + 4);
      return e < 0 ? -1 : e + 3;
    }
    if (s.startsWith('<?', lt)) {
      const e = s.indexOf('?>', lt + 2);
      return e < 0 ? -1 : e + 2;
    }
    if (s.length - lt < 9) return -1;
    throw new Error('unsupported markup (DOCTYPE)');
  }
}

/**
 * Calls `fn(s, nameStart, nameEnd, valueStart, valueEnd)` for each attribute of the start tag in
 * `s[from..to)` (from = just after the element name). Values are raw (entities kept).
 */
export function scanAttrs(
  s: string, from: number, to: number, fn: (s: string, nameStart: number, nameEnd: number, vs: number, ve: number) => void,
): void {
  let q = from;
  while (q < to) {
    const eq = s.indexOf('=', q);
    if (eq < 0 || eq >= to) return;
    let ns = q;
    while (ns < eq && isNameEnd(s.charCodeAt(ns))) ns++;
    let ne = eq;
    while (ne > ns && isNameEnd(s.charCodeAt(ne - 1))) ne--;
    let vq = eq + 1;
    while (vq < to && s.charCodeAt(vq) !== 34 && s.charCodeAt(vq) !== 39) vq++;
    if (vq >= to) return;
    const ve = s.indexOf(s[vq], vq + 1);
    if (ve < 0 || ve >= to) return;
    fn(s, ns, ne, vq + 1, ve);
    q = ve + 1;
  }
}

/** True when `s[ns..ne)` is `name` (an attribute name without prefix). */
export function nameIs(s: string, ns: number, ne: number, name: string): boolean {
  return ne - ns === name.length && s.startsWith(name, ns);
}
