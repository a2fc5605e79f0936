/**
 * styles.xml: append the few cell formats, fonts, borders, number formats and
 * differential formats the plan needs, never changing existing ones. What was
 * appended is recorded in an extension element so that a later run on the
 * annotated copy can take it off again and give the same result.
 */
import type { Severity } from '../core/types';
import { PORTABLE_FMT_ID } from './num-fmts';
import { NS_MAIN } from './opc';
import { childSpans, escapeAttr, getAttr, prefixOf, rootElement, setAttr, splice } from './xml-text';

const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];
const MANAGED = ['numFmts', 'fonts', 'borders', 'cellXfs', 'dxfs'] as const;
type Managed = (typeof MANAGED)[number];

const MARKER_URI = '{6E0B2F3C-1D7A-4C55-9B1E-5A4C3D2E1F0B}';
const MARKER_NS = 'urn:ledger-check:styles';

const MARK_COLOR: Partial<Record<Severity, string>> = { error: 'FFFF0000', warning: 'FFFF9900' };
const DXF: Record<'red' | 'yellow', { font: string; fill: string }> = {
  red: { font: 'FF9C0006', fill: 'FFFFC7CE' },
  yellow: { font: 'FF9C5700', fill: 'FFFFEB9C' },
};

interface List {
  name: string;
  /** Start tag as it will be written (count is set on output). */
  open: string;
  items: string[];
  tail: string;
  close: string;
  span: { start: number; end: number } | null;
  /** Items the original had (before this tool's earlier run). */
  base: number;
  /** True once items differ from the file's text. */
  dirty: boolean;
  /** The original had no such list: this tool made it (now or in an earlier run). */
  created: boolean;
}

export const MINIMAL_STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS_MAIN}">` +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

export class StylesPatch {
  private readonly xml: string;
  private readonly p: string;
  private readonly lists = new Map<Managed, List>();
  private readonly extLst: { span: { start: number; end: number }; inner: string; open: string; close: string } | null;
  /** Earlier run's mark formats → the format they were cloned from. */
  private readonly oldMarks = new Map<number, number>();
  private readonly marks = new Map<number, number>();
  private readonly cache = new Map<string, number>();
  private readonly spans: { local: string; start: number; end: number }[];

  constructor(xml: string) {
    this.xml = xml;
    const root = rootElement(xml);
    this.p = prefixOf(root.name);
    const kids = childSpans(xml, root.openEnd, root.closeStart);
    for (const name of MANAGED) {
      const s = kids.find((k) => k.local === name);
      this.lists.set(name, s ? this.readList(name, s) : this.newList(name));
    }
    const ext = kids.find((k) => k.local === 'extLst');
    let extState = ext
      ? { span: ext, open: xml.slice(ext.start, ext.openEnd), inner: xml.slice(ext.openEnd, ext.closeStart), close: xml.slice(ext.closeStart, ext.end) }
      : null;
    if (ext && ext.selfClosing) extState = { span: ext, open: `<${ext.name}>`, inner: '', close: `</${ext.name}>` };
    this.extLst = extState;
    this.stripEarlierRun();
    this.spans = kids;
  }

  private readList(name: Managed, s: { start: number; openEnd: number; closeStart: number; end: number; selfClosing: boolean; name: string }): List {
    const xml = this.xml;
    if (s.selfClosing) {
      return { name, open: xml.slice(s.start, s.end - 2) + '>', items: [], tail: '', close: `</${s.name}>`, span: s, base: 0, dirty: false, created: false };
    }
    const items: string[] = [];
    let at = s.openEnd;
    for (const k of childSpans(xml, s.openEnd, s.closeStart)) {
      items.push(xml.slice(at, k.end));
      at = k.end;
    }
    return { name, open: xml.slice(s.start, s.openEnd), items, tail: xml.slice(at, s.closeStart), close: xml.slice(s.closeStart, s.end), span: s, base: items.length, dirty: false, created: false };
  }

  private newList(name: Managed): List {
    const items: string[] = [];
    const p = this.p;
    if (name === 'fonts') items.push(`<${p}font><${p}sz val="11"/><${p}name val="Calibri"/></${p}font>`);
    if (name === 'borders') items.push(`<${p}border><${p}left/><${p}right/><${p}top/><${p}bottom/><${p}diagonal/></${p}border>`);
    if (name === 'cellXfs') items.push(`<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`);
    return { name, open: `<${p}${name}>`, items, tail: '', close: `</${p}${name}>`, span: null, base: items.length, dirty: false, created: true };
  }

  /** Takes off what an earlier run appended, when the record of it still matches the file. */
  private stripEarlierRun(): void {
    if (!this.extLst) return;
    const m = new RegExp(`<([\\w.-]+:)?ext\\b[^>]*uri="${MARKER_URI.replace(/[{}]/g, '\\$&')}"[\\s\\S]*?</([\\w.-]+:)?ext>`).exec(this.extLst.inner);
    if (!m) return;
    this.extLst.inner = this.extLst.inner.slice(0, m.index) + this.extLst.inner.slice(m.index + m[0].length);
    const rec = /<[\w.-]*:?added\b([^>]*)\/>/.exec(m[0]);
    if (!rec) return;
    const tag = `<added ${rec[1]}/>`;
    const counts = new Map<Managed, [number, number]>();
    for (const name of MANAGED) {
      const v = getAttr(tag, name);
      if (!v) return;
      const [a, b] = v.split(':').map(Number);
      if (this.lists.get(name)!.items.length !== b || a > b) return; // edited since: keep everything
      counts.set(name, [a, b]);
    }
    const dxfs = counts.get('dxfs')!;
    this.oldDxfs = { from: dxfs[0], to: dxfs[1] };
    for (const [name, [a]] of counts) {
      const list = this.lists.get(name)!;
      if (list.items.length !== a) list.dirty = true;
      list.items.length = a;
      list.base = a;
    }
    for (const name of (getAttr(tag, 'created') ?? '').split(' ')) {
      const list = this.lists.get(name as Managed);
      if (list) list.created = true;
    }
    for (const pair of (getAttr(tag, 'marks') ?? '').split(';')) {
      const [x, y] = pair.split('=').map(Number);
      if (Number.isInteger(x) && Number.isInteger(y)) this.oldMarks.set(x, y);
    }
  }

  /** The format a cell had before an earlier run marked it. */
  unmark(xf: number): number {
    return this.oldMarks.get(xf) ?? xf;
  }

  isOldMark(xf: number): boolean {
    return this.oldMarks.has(xf);
  }

  private add(name: Managed, item: string): number {
    const list = this.lists.get(name)!;
    list.items.push(item);
    list.dirty = true;
    return list.items.length - 1;
  }

  private numFmtId(code: string): number {
    const portable = PORTABLE_FMT_ID.get(code);
    if (portable !== undefined) return portable;
    const list = this.lists.get('numFmts')!;
    let max = 163;
    for (const it of list.items) {
      const id = Number(getAttr(it, 'numFmtId'));
      if (getAttr(it, 'formatCode') === code) return id;
      if (id > max) max = id;
    }
    this.add('numFmts', `<${this.p}numFmt numFmtId="${max + 1}" formatCode="${escapeAttr(code)}"/>`);
    return max + 1;
  }

  private xfTag(xf: number): string {
    const items = this.lists.get('cellXfs')!.items;
    return (items[xf] ?? items[0]).trimStart();
  }

  private boldFont(fontId: number): number {
    const key = `font|${fontId}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const fonts = this.lists.get('fonts')!.items;
    const font = (fonts[fontId] ?? fonts[0]).trimStart();
    let id = fontId;
    if (!/<([\w.-]+:)?b(\s+val="(1|true)")?\s*\/>/.test(font)) {
      const end = font.indexOf('>') + 1;
      const name = /^<([\w.:-]+)/.exec(font)![1];
      const bold = font[end - 2] === '/'
        ? `<${name}><${this.p}b/></${name}>`
        : `${font.slice(0, end)}<${this.p}b/>${font.slice(end)}`;
      id = this.add('fonts', bold);
    }
    this.cache.set(key, id);
    return id;
  }

  /** A cell format like `base` with the given number format, and bold when asked. */
  cellXf(base: number, numFmt: string, bold: boolean): number {
    // Called once per written cell: a nested lookup, no key string.
    let byBase = this.xfCache.get(numFmt);
    if (!byBase) this.xfCache.set(numFmt, (byBase = new Map()));
    const slot = base * 2 + (bold ? 1 : 0);
    const hit = byBase.get(slot);
    if (hit !== undefined) return hit;
    const id = this.makeCellXf(base, numFmt, bold);
    byBase.set(slot, id);
    return id;
  }

  private readonly xfCache = new Map<string, Map<number, number>>();

  private makeCellXf(base: number, numFmt: string, bold: boolean): number {
    const tag = this.xfTag(base);
    const numFmtId = this.numFmtId(numFmt);
    const fontId = Number(getAttr(tag, 'fontId') ?? 0);
    const newFont = bold ? this.boldFont(fontId) : fontId;
    let id = base;
    if (numFmtId !== Number(getAttr(tag, 'numFmtId') ?? 0) || newFont !== fontId || base >= this.lists.get('cellXfs')!.items.length) {
      id = this.add('cellXfs', withAttrs(tag, { numFmtId, applyNumberFormat: 1, fontId: newFont, ...(newFont !== fontId ? { applyFont: 1 } : {}) }));
    }
    return id;
  }

  /** A cell format like `xf` with a coloured border; `xf` itself when the severity has no mark. */
  markXf(xf: number, severity: Severity): number {
    const color = MARK_COLOR[severity];
    if (!color) return xf;
    const key = `mark|${xf}|${severity}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    let border = this.cache.get(`border|${severity}`);
    if (border === undefined) {
      const p = this.p;
      const side = (s: string): string => `<${p}${s} style="medium"><${p}color rgb="${color}"/></${p}${s}>`;
      border = this.add('borders', `<${p}border>${side('left')}${side('right')}${side('top')}${side('bottom')}<${p}diagonal/></${p}border>`);
      this.cache.set(`border|${severity}`, border);
    }
    const id = this.add('cellXfs', withAttrs(this.xfTag(xf), { borderId: border, applyBorder: 1 }));
    this.marks.set(id, xf);
    this.cache.set(key, id);
    return id;
  }

  /** A differential format (conditional fill). */
  dxf(fill: 'red' | 'yellow'): number {
    const key = `dxf|${fill}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const p = this.p;
    const d = DXF[fill];
    const id = this.add('dxfs',
      `<${p}dxf><${p}font><${p}color rgb="${d.font}"/></${p}font><${p}fill><${p}patternFill><${p}bgColor rgb="${d.fill}"/></${p}patternFill></${p}fill></${p}dxf>`);
    this.cache.set(key, id);
    return id;
  }

  /** Differential formats an earlier run appended (empty when there is no trustworthy record). */
  private oldDxfs = { from: 0, to: 0 };

  /** True when a conditional format using this dxf was written by an earlier run. */
  isOldDxf(dxfId: number): boolean {
    return dxfId >= this.oldDxfs.from && dxfId < this.oldDxfs.to;
  }

  toXml(): string {
    const edits: { start: number; end: number; text: string }[] = [];
    const inserts = new Map<number, string[]>();
    const insertAt = (local: string, text: string): void => {
      const idx = ORDER.indexOf(local);
      const after = this.spans.find((k) => ORDER.indexOf(k.local) > idx);
      const at = after ? after.start : rootElement(this.xml).closeStart;
      if (!inserts.has(at)) inserts.set(at, []);
      inserts.get(at)!.push(text);
    };
    for (const name of MANAGED) {
      const list = this.lists.get(name)!;
      const unused = list.created && list.items.length === list.base;
      if (!list.dirty || (!list.span && unused)) continue;
      const open = setAttr(list.open, 'count', String(list.items.length));
      const text = unused ? ''
        : list.items.length === 0 ? open.replace(/\s*>$/, '/>')
          : open + list.items.join('') + list.tail + list.close;
      if (list.span) edits.push({ start: list.span.start, end: list.span.end, text });
      else insertAt(name, text);
    }
    const rec = this.record();
    if (this.extLst) edits.push({ start: this.extLst.span.start, end: this.extLst.span.end, text: this.extLst.open + this.extLst.inner + rec + this.extLst.close });
    else insertAt('extLst', `<${this.p}extLst>${rec}</${this.p}extLst>`);
    for (const [at, texts] of inserts) edits.push({ start: at, end: at, text: texts.join('') });
    return splice(this.xml, edits);
  }

  private record(): string {
    const attrs = MANAGED.map((n) => {
      const l = this.lists.get(n)!;
      return `${n}="${l.base}:${l.items.length}"`;
    }).join(' ');
    const marks = [...this.marks].map(([x, y]) => `${x}=${y}`).join(';');
    const created = MANAGED.filter((n) => this.lists.get(n)!.created).join(' ');
    return `<${this.p}ext uri="${MARKER_URI}" xmlns:lc="${MARKER_NS}"><lc:added ${attrs} created="${created}" marks="${marks}"/></${this.p}ext>`;
  }
}

function withAttrs(tag: string, attrs: Record<string, number>): string {
  let t = tag;
  const end = t.indexOf('>') + 1;
  let open = t.slice(0, end);
  for (const [k, v] of Object.entries(attrs)) open = setAttr(open, k, String(v));
  t = open + t.slice(end);
  return t;
}
