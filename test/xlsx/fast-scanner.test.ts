import fc from 'fast-check';
import { FastXmlScanner, type ScanHandler } from '../../src/xlsx/xml/text-tokenizer';

/** The scanner's events for `pieces` fed in turn; adjacent text joined (pieces may split it). */
function events(pieces: string[]): string[] {
  const out: string[] = [];
  const push = (e: string) => {
    if (e.startsWith('text:') && out.length && out[out.length - 1].startsWith('text:')) out[out.length - 1] += e.slice(5);
    else out.push(e);
  };
  const h: ScanHandler = {
    open: (local, s, start, _nameEnd, end, selfClosing) => push(`open:${local}:${s.slice(start, end)}:${selfClosing}`),
    close: (local) => push(`close:${local}`),
    text: (s, start, end) => {
      if (end > start) push(`text:${s.slice(start, end)}`);
    },
  };
  const scanner = new FastXmlScanner(h);
  for (const p of pieces) scanner.write(p);
  scanner.end();
  return out;
}

function split(s: string, cuts: number[]): string[] {
  const at = [...new Set(cuts.map((c) => c % (s.length + 1)))].sort((a, b) => a - b);
  const out: string[] = [];
  let from = 0;
  for (const c of at) {
    out.push(s.slice(from, c));
    from = c;
  }
  out.push(s.slice(from));
  return out;
}

const DOC = '<?xml version="1.0"?><x:root xmlns:x="u" a=\'1\'><!-- a - comment -> with <tags> -->'
  + '<row r="1" spans="1:2"><c r="A1" note="a>b" t=\'s\'><v>12</v></c><c r = "B1"/></row>'
  + '<t><![CDATA[1 < 2 & ]] ok]]></t><?pi some > data?>text &amp; more<e/></x:root>';

describe('FastXmlScanner', () => {
  it('gives the same events however the input is cut into pieces', () => {
    const whole = events([DOC]);
    // The CDATA's text escaped, as the tokenizer hands out raw text; a > inside a value kept.
    expect(whole).toContain('text:1 &lt; 2 &amp; ]] ok');
    expect(whole).toContain('open:c:<c r="A1" note="a>b" t=\'s\'>:false');
    fc.assert(fc.property(fc.array(fc.nat(), { maxLength: 12 }), (cuts) => {
      expect(events(split(DOC, cuts))).toEqual(whole);
    }), { numRuns: 300 });
  });

  it('a comment, CDATA and a tag each one character at a time', () => {
    expect(events([...DOC])).toEqual(events([DOC]));
  });

  it.each([
    ['an end tag of another element', '<a><b></a></b>'],
    ['an end tag with another prefix', '<x:a></y:a>'],
    ['an end tag without the prefix', '<x:a></a>'],
    ['junk inside a start tag', '<a b="1" " c></a>'],
    ['no white space between attributes', '<a b="1"c="2"></a>'],
    ['an attribute without =', '<a b></a>'],
    ['an unquoted value', '<a b=1></a>'],
    ['a < in a value', '<a b="<"></a>'],
    ['junk in an end tag', '<a></a b>'],
    ['a / not before the >', '<a / b="1"></a>'],
    ['an unclosed comment', '<a></a><!-- x'],
    ['an unclosed CDATA', '<a><![CDATA[ x</a>'],
    ['an unclosed tag', '<a b="x>'],
    ['a -- inside a comment', '<a><!-- a -- b --></a>'],
    ['a comment ending --->', '<a><!-- a ---></a>'],
    ['a comment of one -', '<a><!----->x</a>'],
    ['a -- inside a comment before the root', '<!-- -- --><a/>'],
  ])('refuses %s, whole or in pieces', (_what, xml) => {
    expect(() => events([xml])).toThrow();
    expect(() => events([...xml])).toThrow();
  });

  it.each([
    ['empty', '<a><!----></a>'],
    ['single dashes', '<a><!-- - a-b -></a> --></a>'],
    ['beginning with ->', '<a><!--->--></a>'],
    ['of a single >', '<a><!-->--></a>'],
  ])('takes a well-formed comment (%s), whole or in pieces, and hands out nothing of it', (_what, xml) => {
    expect(events([xml])).toEqual(['open:a:<a>:false', 'close:a']);
    expect(events([...xml])).toEqual(['open:a:<a>:false', 'close:a']);
  });

  it('a long comment in small pieces, near-terminators on every cut: skipped whole, nothing of it handed out', () => {
    const pieces = ['<a><!--'];
    for (let i = 0; i < 1000; i++) pieces.push('-x>'.repeat(20));
    pieces.push('--></a>');
    // `-x>` repeated never forms `-->` until the end: one open, one close, nothing else.
    expect(events(pieces)).toEqual(['open:a:<a>:false', 'close:a']);
  });
});
