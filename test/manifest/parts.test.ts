import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { siteReader } from '../../src/manifest-check/check-file';
import { checkSequence } from '../../src/manifest-check/check-structure';
import { associatedNames } from '../../src/manifest-check/commands-source';
import { pngSize } from '../../src/manifest-check/png';
import type { Problem } from '../../src/manifest-check/problem';
import { parseXml, type XmlElement } from '../../src/manifest-check/xml-dom';

function root(xml: string): XmlElement {
  const parsed = parseXml(xml);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.root;
}

describe('parseXml', () => {
  it('keeps the line where each element and attribute starts', () => {
    const r = root('<a\n  x="1">\n  <b/>\n  <c\n    y="2"\n  />\n</a>');
    expect(r.line).toBe(1);
    expect(r.attrs[0]).toMatchObject({ name: 'x', value: '1', line: 2 });
    expect(r.children.map((c) => [c.name, c.line])).toEqual([['b', 3], ['c', 4]]);
    expect(r.children[1].attrs[0].line).toBe(5);
  });

  it('resolves namespaces of elements and prefixed attributes', () => {
    const r = root('<a xmlns="urn:a" xmlns:p="urn:p"><p:b p:k="v"/></a>');
    expect([r.uri, r.children[0].uri, r.children[0].local]).toEqual(['urn:a', 'urn:p', 'b']);
    expect(r.children[0].attrs[0]).toMatchObject({ local: 'k', uri: 'urn:p' });
  });

  it('reports the first error with its line', () => {
    const parsed = parseXml('<a>\n<b>\n</a>');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.line).toBe(3);
  });
});

describe('checkSequence', () => {
  const seq = [
    { uri: '', local: 'x', min: 1, max: 1 },
    { uri: '', local: 'y', min: 0, max: 2 },
    { uri: '', local: 'z', min: 1, max: 1 },
  ];
  const cases: [string, string, Problem['code'][]][] = [
    ['in order', '<p><x/><y/><y/><z/></p>', []],
    ['optional left out', '<p><x/><z/></p>', []],
    ['too many', '<p><x/><y/><y/><y/><z/></p>', ['element-repeated']],
    ['required missing', '<p><x/><y/></p>', ['element-missing']],
    ['out of order', '<p><x/><z/><y/></p>', ['element-order']],
    ['unknown', '<p><x/><w/><z/></p>', ['element-unexpected']],
  ];
  it.each(cases)('%s', (_name, xml, codes) => {
    const out: Problem[] = [];
    checkSequence(root(xml), seq, out);
    expect(out.map((p) => p.code)).toEqual(codes);
  });
});

describe('pngSize', () => {
  it('reads width and height from the committed icons', () => {
    for (const size of [16, 32, 64, 80]) {
      const bytes = fs.readFileSync(path.join(__dirname, '..', '..', 'assets', `icon-${size}.png`));
      expect(pngSize(bytes)).toEqual({ width: size, height: size });
    }
  });

  it('says null for anything that is not a PNG', () => {
    expect(pngSize(new TextEncoder().encode('GIF89a, not a png at all, really'))).toBeNull();
    expect(pngSize(new Uint8Array(8))).toBeNull();
  });
});

describe('associatedNames', () => {
  it('finds associate calls and skips commented ones', () => {
    const src = [
      "Office.actions.associate('one', f);",
      'Office.actions.associate(\n  "two", g);',
      "// Office.actions.associate('three', h);",
      "/* Office.actions.associate('four', h); */",
      "const url = 'https://x'; Office.actions.associate(`five`, k);",
    ].join('\n');
    expect([...associatedNames(src)]).toEqual(['one', 'two', 'five']);
  });
});

describe('siteReader', () => {
  it('reads files under its root and nothing outside it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'site-'));
    try {
      fs.mkdirSync(path.join(dir, 'site', 'assets'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'site', 'assets', 'a b.png'), 'x');
      fs.writeFileSync(path.join(dir, 'secret.txt'), 'y');
      const read = siteReader(path.join(dir, 'site'));
      expect(read('/assets/a%20b.png')).not.toBeNull();
      expect(read('/assets/missing.png')).toBeNull();
      expect(read('/assets')).toBeNull(); // a folder is not a file
      expect(read('/../secret.txt')).toBeNull();
      expect(read('/%2e%2e/secret.txt')).toBeNull();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
