/**
 * styles.xml: the few cell formats, fonts, number formats and differential formats
 * the plan needs, never changing existing ones. A format identical to one the file
 * already has is reused rather than appended, so a re-run on the annotated copy finds
 * what the earlier run added and changes nothing: no private record is needed.
 */
import type { Severity } from '../../core/types';
import { PORTABLE_FMT_ID } from '../package';
import { NS_MAIN } from '../package';
import { LEGACY_LISTS, readLegacyRecord, type LegacyList } from './styles-legacy';
import { childSpans, escapeAttr, getAttr, prefixOf, rootElement, setAttr, splice, tagEnd } from '../xml';

const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];
type Managed = LegacyList;

const DXF: Record<'red' | 'yellow', { font: string; fill: string }> = {
  red: { font: 'FF9C0006', fill: 'FFFFC7CE' },
  yellow: { font: 'FF9C5700', fill: 'FFFFEB9C' },
};
/** Marks look as the Excel adapter draws them (src/excel/tool-objects.ts MARK_STYLE). */
const MARK_DXF: Record<'error' | 'warning', { fill: string; border: string }> = {
  error: { fill: 'FFF4B084', border: 'FFC00000' },
  warning: { fill: 'FFFCE4D6', border: 'FFED7D31' },
};

interface List {
  /** Start tag as it will be written (count is set on output). */
  open: string;
  items: string[];
  tail: string;
  close: string;
  span: { start: number; end: number } | null;
  /** Items before this run appended any. */
  base: number;
  /** True once items differ from the file's text. */
  dirty: boolean;
  /** The original had no such list: this tool made it (now or in an earlier run). */
  created: boolean;
  /** Canonical text → first index, built on first lookup. */
  index: Map<string, number> | null;
}

export const MINIMAL_STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS_MAIN}">` +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

const ATTR_RE = /([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * An item's identity: attributes in any order, quotes and whitespace between tags
 * ignored, the prefix of the element names dropped. Equal texts format cells alike.
 */
function canonical(item: string): string {
  const t = item.trim();
  const end = tagEnd(t, 0);
  const attrs: string[] = [];
  const open = t.slice(0, end);
  for (let m = ATTR_RE.exec(open); m; m = ATTR_RE.exec(open)) attrs.push(`${m[1]}=${m[2] ?? m[3]}`);
  const inner = t.slice(end).replace(/>\s+</g, '><').replace(/<(\/?)[\w.-]+:/g, '<$1');
  return `${attrs.sort().join(' ')}|${inner}`;
}

export class StylesPatch {
  private readonly xml: string;
  private readonly p: string;
  private readonly lists = new Map<Managed, List>();
  /** The extLst, when an earlier version's record is in it (dropped on output). */
  private readonly legacyExt: { start: number; end: number; open: string; rest: string; close: string } | null = null;
  /** Earlier version's mark formats → the format they were cloned from. */
  private readonly oldMarks = new Map<number, number>();
  /** Differential formats an earlier version appended (empty without a trustworthy record). */
  private readonly oldDxfs = { from: 0, to: 0 };
  private readonly cache = new Map<string, number>();
  private readonly spans: { local: string; start: number; end: number }[];

  constructor(xml: string) {
    this.xml = xml;
    const root = rootElement(xml);
    this.p = prefixOf(root.name);
    const kids = childSpans(xml, root.openEnd, root.closeStart);
    for (const name of LEGACY_LISTS) {
      const s = kids.find((k) => k.local === name);
      this.lists.set(name, s ? this.readList(s) : this.newList(name));
    }
    this.spans = kids;
    const ext = kids.find((k) => k.local === 'extLst' && !k.selfClosing);
    const counts = new Map(LEGACY_LISTS.map((n) => [n, this.lists.get(n)!.items.length] as const));
    const rec = ext ? readLegacyRecord(xml.slice(ext.openEnd, ext.closeStart), counts) : null;
    if (!ext || !rec) return;
    this.legacyExt = { start: ext.start, end: ext.end, open: xml.slice(ext.start, ext.openEnd), rest: rec.rest, close: xml.slice(ext.closeStart, ext.end) };
    if (!rec.base) return;
    // Take off what the earlier version appended; what is still needed is found or added again.
    for (const [name, a] of rec.base) {
      const list = this.lists.get(name)!;
      if (list.items.length !== a) list.dirty = true;
      list.items.length = a;
      list.base = a;
      if (rec.created.has(name)) list.created = true;
    }
    this.oldDxfs = rec.dxfs;
    this.oldMarks = rec.marks;
  }

  private readList(s: { start: number; openEnd: number; closeStart: number; end: number; selfClosing: boolean; name: string }): List {
    const xml = this.xml;
    if (s.selfClosing) {
      return { open: xml.slice(s.start, s.end - 2) + '>', items: [], tail: '', close: `</${s.name}>`, span: s, base: 0, dirty: false, created: false, index: null };
    }
    const items: string[] = [];
    let at = s.openEnd;
    for (const k of childSpans(xml, s.openEnd, s.closeStart)) {
      items.push(xml.slice(at, k.end));
      at = k.end;
    }
    return { open: xml.slice(s.start, s.openEnd), items, tail: xml.slice(at, s.closeStart), close: xml.slice(s.closeStart, s.end), span: s, base: items.length, dirty: false, created: false, index: null };
  }

  private newList(name: Managed): List {
    const items: string[] = [];
    const p = this.p;
    if (name === 'fonts') items.push(`<${p}font><${p}sz val="11"/><${p}name val="Calibri"/></${p}font>`);
    if (name === 'borders') items.push(`<${p}border><${p}left/><${p}right/><${p}top/><${p}bottom/><${p}diagonal/></${p}border>`);
    if (name === 'cellXfs') items.push(`<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`);
    return { open: `<${p}${name}>`, items, tail: '', close: `</${p}${name}>`, span: null, base: items.length, dirty: false, created: true, index: null };
  }

  /** True when cells may still carry an earlier version's mark formats. */
  get hasOldMarks(): boolean {
    return this.oldMarks.size > 0;
  }

  /** The format a cell had before an earlier version marked it. */
  unmark(xf: number): number {
    return this.oldMarks.get(xf) ?? xf;
  }

  isOldMark(xf: number): boolean {
    return this.oldMarks.has(xf);
  }

  /** The index of an item identical to `item`, appending it when the list has none. */
  private findOrAdd(name: Managed, item: string): number {
    const list = this.lists.get(name)!;
    if (!list.index) {
      list.index = new Map();
      list.items.forEach((it, i) => {
        const key = canonical(it);
        if (!list.index!.has(key)) list.index!.set(key, i);
      });
    }
    const key = canonical(item);
    const hit = list.index.get(key);
    if (hit !== undefined) return hit;
    list.items.push(item);
    list.dirty = true;
    list.index.set(key, list.items.length - 1);
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
    this.findOrAdd('numFmts', `<${this.p}numFmt numFmtId="${max + 1}" formatCode="${escapeAttr(code)}"/>`);
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
      id = this.findOrAdd('fonts', bold);
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
    if (numFmtId === Number(getAttr(tag, 'numFmtId') ?? 0) && newFont === fontId && base < this.lists.get('cellXfs')!.items.length) return base;
    return this.findOrAdd('cellXfs', withAttrs(tag, { numFmtId, applyNumberFormat: 1, fontId: newFont, ...(newFont !== fontId ? { applyFont: 1 } : {}) }));
  }

  /** A differential format for the tool's row fills. */
  dxf(fill: 'red' | 'yellow'): number {
    const p = this.p;
    const d = DXF[fill];
    return this.cachedDxf(`dxf|${fill}`, () =>
      `<${p}dxf><${p}font><${p}color rgb="${d.font}"/></${p}font><${p}fill><${p}patternFill><${p}bgColor rgb="${d.fill}"/></${p}patternFill></${p}fill></${p}dxf>`);
  }

  /** A differential format for marks of one severity: a light fill and a coloured border. */
  markDxf(severity: Extract<Severity, 'error' | 'warning'>): number {
    const p = this.p;
    const d = MARK_DXF[severity];
    const side = (s: string): string => `<${p}${s} style="thin"><${p}color rgb="${d.border}"/></${p}${s}>`;
    return this.cachedDxf(`mark|${severity}`, () =>
      `<${p}dxf><${p}fill><${p}patternFill><${p}bgColor rgb="${d.fill}"/></${p}patternFill></${p}fill>` +
      `<${p}border>${side('left')}${side('right')}${side('top')}${side('bottom')}</${p}border></${p}dxf>`);
  }

  private cachedDxf(key: string, make: () => string): number {
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const id = this.findOrAdd('dxfs', make());
    this.cache.set(key, id);
    return id;
  }

  /** True when a conditional format using this dxf was written by an earlier version. */
  isOldDxf(dxfId: number): boolean {
    return dxfId >= this.oldDxfs.from && dxfId < this.oldDxfs.to;
  }

  /** The styles part as it must be written, or null when nothing changed. */
  toXml(): string | null {
    const edits: { start: number; end: number; text: string }[] = [];
    const inserts = new Map<number, string[]>();
    const insertAt = (local: string, text: string): void => {
      const idx = ORDER.indexOf(local);
      const after = this.spans.find((k) => ORDER.indexOf(k.local) > idx);
      const at = after ? after.start : rootElement(this.xml).closeStart;
      if (!inserts.has(at)) inserts.set(at, []);
      inserts.get(at)!.push(text);
    };
    for (const name of LEGACY_LISTS) {
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
    const ext = this.legacyExt;
    if (ext) edits.push({ start: ext.start, end: ext.end, text: ext.rest.trim() === '' ? '' : ext.open + ext.rest + ext.close });
    for (const [at, texts] of inserts) edits.push({ start: at, end: at, text: texts.join('') });
    return edits.length ? splice(this.xml, edits) : null;
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
