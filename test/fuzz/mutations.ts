/**
 * Mutations of a worksheet's XML text (and of the shared strings and number formats),
 * each a small edit a damaged or hand-edited file could carry.
 */
import fc from 'fast-check';

export type Mutation =
  | { op: 'value'; i: number; text: string }
  | { op: 'type'; i: number; t: string }
  | { op: 'ref'; i: number; ref: string }
  | { op: 'drop-cell'; i: number }
  | { op: 'dup-row'; i: number }
  | { op: 'row-number'; i: number; r: string }
  | { op: 'formula'; i: number; f: string }
  | { op: 'merge'; ref: string }
  | { op: 'truncate'; at: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'shared-text'; i: number; text: string }
  | { op: 'num-fmt'; i: number; code: string };

const CELL = /<c\b[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g;
const CELL_TAG = /<c\b[^>]*?\/?>/g;
const ROW = /<row\b[^>]*?(?:\/>|>[\s\S]*?<\/row>)/g;
const ROW_TAG = /<row\b[^>]*?>/g;
const V = /<v>([^<]*)<\/v>/g;
const T = /(<t\b[^>]*>)([^<]*)(<\/t>)/g;
const FORMAT_CODE = /formatCode="[^"]*"/g;

const TEXTS = [
  '', '0', '-0', '1e999', 'NaN', '-1', '3.5', '１２３', '约3000', '—', '#DIV/0!', '99999999999999999999', '1,234.5', '12.5%',
  'TRUE', '&amp;', '&lt;img src=x onerror=alert(1)&gt;', '_x0001_', '2022-06-30', '44742', '9'.repeat(400), '道路(dào lù)',
];
// Past Excel's last column (XFE) or row (1,048,577) the workbook is refused; a reference
// without a row (`A0`, `C`) is read as absent, the cell keeping its implied position.
const REFS = ['A1', 'B3', 'AZ1', '', '0', 'a5', '$B$3', 'AA10', 'A1048576', 'XFD4', 'XFE4', 'A1048577', 'A0', 'C'];
const FORMULAS = ['SUM(D4:D9)', '[1]Sheet1!A1', "'C:\\x\\[y.xlsx]S'!B2", 'D5/E5', 'HYPERLINK("http://x.invalid","x")', 'NOW()', '1/0', 'A1:'];
const MERGES = ['A1:Z1', 'B4:B1048576', 'A1:XFD1048576', 'C5:C5', 'D4:F9', 'Z1:A1', 'A1:'];
const FORMATS = ['yyyy-mm-dd', '0.0%', '@', 'General', '[Red]0', '"年"', 'm/d', '0.00E+00'];

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('value' as const), i: fc.nat(), text: fc.oneof(fc.constantFrom(...TEXTS), fc.string({ maxLength: 10 }).map(escapeXml)) }),
  fc.record({ op: fc.constant('type' as const), i: fc.nat(), t: fc.constantFrom('s', 'n', 'str', 'inlineStr', 'b', 'e', 'd', 'zz', '') }),
  fc.record({ op: fc.constant('ref' as const), i: fc.nat(), ref: fc.constantFrom(...REFS) }),
  fc.record({ op: fc.constant('drop-cell' as const), i: fc.nat() }),
  fc.record({ op: fc.constant('dup-row' as const), i: fc.nat() }),
  fc.record({ op: fc.constant('row-number' as const), i: fc.nat(), r: fc.constantFrom('0', '-1', '1', '3', '1048576', 'x', '') }),
  fc.record({ op: fc.constant('formula' as const), i: fc.nat(), f: fc.constantFrom(...FORMULAS).map(escapeXml) }),
  fc.record({ op: fc.constant('merge' as const), ref: fc.constantFrom(...MERGES) }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom('<', '>', '&', '</row>', '<row r="2">', '<c r="A1"><v>1</v></c>', '<!-- x -->', '<![CDATA[x]]>', '"', ' ') }),
  fc.record({ op: fc.constant('shared-text' as const), i: fc.nat(), text: fc.oneof(fc.constantFrom(...TEXTS), fc.string({ maxLength: 10 }).map(escapeXml)) }),
  fc.record({ op: fc.constant('num-fmt' as const), i: fc.nat(), code: fc.constantFrom(...FORMATS) }),
);

function escapeXml(s: string): string {
  // Characters XML 1.0 cannot carry at all are dropped; the rest escaped.
  return s.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Replaces the i-th (mod count) match of `re` in `s` with `f(match)`. */
function replaceNth(s: string, re: RegExp, i: number, f: (m: RegExpExecArray) => string): string {
  const all = [...s.matchAll(re)];
  if (all.length === 0) return s;
  const m = all[i % all.length] as RegExpExecArray;
  const at = m.index ?? 0;
  return s.slice(0, at) + f(m) + s.slice(at + m[0].length);
}

function setAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`\\s${name}="[^"]*"`);
  const attr = ` ${name}="${value}"`;
  if (re.test(tag)) return tag.replace(re, attr);
  const end = tag.endsWith('/>') ? tag.length - 2 : tag.length - 1;
  return tag.slice(0, end) + attr + tag.slice(end);
}

export interface PackageText {
  sheet: string;
  shared: string | null;
  styles: string | null;
}

/** Applies one mutation; parts it does not touch come back unchanged. */
export function mutate(p: PackageText, m: Mutation): PackageText {
  const out = { ...p };
  switch (m.op) {
    case 'value':
      out.sheet = replaceNth(p.sheet, V, m.i, () => `<v>${m.text}</v>`);
      break;
    case 'type':
      out.sheet = replaceNth(p.sheet, CELL_TAG, m.i, (t) => setAttr(t[0], 't', m.t));
      break;
    case 'ref':
      out.sheet = replaceNth(p.sheet, CELL_TAG, m.i, (t) => setAttr(t[0], 'r', m.ref));
      break;
    case 'drop-cell':
      out.sheet = replaceNth(p.sheet, CELL, m.i, () => '');
      break;
    case 'dup-row':
      out.sheet = replaceNth(p.sheet, ROW, m.i, (r) => r[0] + r[0]);
      break;
    case 'row-number':
      out.sheet = replaceNth(p.sheet, ROW_TAG, m.i, (t) => setAttr(t[0], 'r', m.r));
      break;
    case 'formula':
      out.sheet = replaceNth(p.sheet, CELL, m.i, (c) => {
        const cell = c[0];
        if (cell.endsWith('/>')) return `${cell.slice(0, -2)}><f>${m.f}</f></c>`;
        return cell.replace(/<f\b[^>]*(?:\/>|>[^<]*<\/f>)/, '').replace(/^(<c\b[^>]*>)/, `$1<f>${m.f}</f>`);
      });
      break;
    case 'merge': {
      const cell = `<mergeCell ref="${m.ref}"/>`;
      out.sheet = p.sheet.includes('</mergeCells>')
        ? p.sheet.replace('</mergeCells>', `${cell}</mergeCells>`)
        : p.sheet.replace('</sheetData>', `</sheetData><mergeCells>${cell}</mergeCells>`);
      break;
    }
    case 'truncate':
      out.sheet = p.sheet.slice(0, m.at % (p.sheet.length + 1));
      break;
    case 'insert': {
      const at = m.at % (p.sheet.length + 1);
      out.sheet = p.sheet.slice(0, at) + m.text + p.sheet.slice(at);
      break;
    }
    case 'shared-text':
      if (p.shared !== null) out.shared = replaceNth(p.shared, T, m.i, (t) => t[1] + m.text + t[3]);
      break;
    case 'num-fmt':
      if (p.styles !== null) out.styles = replaceNth(p.styles, FORMAT_CODE, m.i, () => `formatCode="${escapeXml(m.code)}"`);
      break;
  }
  return out;
}
