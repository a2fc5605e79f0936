/** One ledger sheet: its XML, and the notes parts (comments + VML) with their relationships. */
import type { WritePlan } from '../../core/types';
import { CT_COMMENTS, CT_RELS, CT_VML, emptyRels, parseRels, REL_BASE, relativeTarget, relIs, relsPathFor, resolveTarget } from '../package';
import { patchNotes } from './patch-comments';
import type { PatchContext } from './patch-context';
import { patchSheetXml } from './patch-sheet';
import { splitSheet } from '../xml';
import type { StylesPatch } from './patch-styles';
import { ByteSink } from '../xml';
import { PackingPart } from '../zip';
import { escapeAttr, rootElement, splice } from '../xml';

export interface LedgerSheetInput {
  path: string;
  /** The part's inflated bytes when the reader kept them. */
  xml?: Uint8Array;
  plan: WritePlan;
  styles: StylesPatch;
  date1904: boolean;
  author: string;
  bookDir: string;
  /** Prefixes of the tool's defined names (its row fills name them). */
  prefixes: string[];
}

/** r:id of the sheet's <legacyDrawing>, looked for after <sheetData> only (`xml` without the rows). */
function legacyDrawingId(xml: string): string | null {
  const tailAt = xml.lastIndexOf('sheetData>');
  const m = /<(?:[\w.-]+:)?legacyDrawing\s[^>]*?\b[\w.-]+:id\s*=\s*"([^"]+)"/.exec(xml.slice(Math.max(0, tailAt)));
  return m ? m[1] : null;
}

/** Next free o:idmap block across the package's VML drawings. */
function nextIdBlock(ctx: PatchContext): number {
  let max = 0;
  const names = [...ctx.dir.entries.map((e) => e.name.replace(/\\/g, '/')), ...ctx.added.map((a) => a.name)];
  for (const name of names) {
    if (!name.toLowerCase().endsWith('.vml')) continue;
    const text = ctx.read(name) ?? '';
    const re = /idmap\b[^>]*\bdata\s*=\s*["']([\d,\s]+)["']/g;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      for (const n of m[1].split(',')) max = Math.max(max, Number(n) || 0);
    }
  }
  return max + 1;
}

export function patchLedgerSheet(ctx: PatchContext, input: LedgerSheetInput): void {
  const { path, plan } = input;
  const sheet = splitSheet(input.xml ?? ctx.mustReadBytes(path));
  const xml = sheet.xml;
  const relsPath = relsPathFor(path);
  const relsXml = ctx.read(relsPath);
  const rels = relsXml ? parseRels(relsXml) : [];
  const legacyId = legacyDrawingId(xml);
  const vmlRel = legacyId ? rels.find((r) => r.id === legacyId && !r.external) : undefined;
  const commentsRel = rels.find((r) => relIs(r, 'comments') && !r.external);
  let legacy: string | null | undefined;

  if (plan.marks.length || commentsRel) {
    const commentsPath = commentsRel ? resolveTarget(path, commentsRel.target) : null;
    const vmlPath = vmlRel ? resolveTarget(path, vmlRel.target) : null;
    const notes = patchNotes({
      commentsXml: commentsPath ? ctx.read(commentsPath) : null,
      vmlXml: vmlPath ? ctx.read(vmlPath) : null,
      marks: plan.marks,
      author: input.author,
      idBlock: vmlPath ? 1 : nextIdBlock(ctx),
    });
    const relEdits: { start: number; end: number; text: string }[] = [];
    const relTaken = new Set(rels.map((r) => r.id));
    const newRel = (type: string, target: string): string => {
      let n = 1;
      while (relTaken.has(`rId${n}`)) n++;
      const id = `rId${n}`;
      relTaken.add(id);
      relEdits.push({ start: -1, end: -1, text: `<Relationship Id="${id}" Type="${REL_BASE}${type}" Target="${escapeAttr(target)}"/>` });
      return id;
    };
    if (notes.commentsXml === null) {
      if (commentsRel && commentsPath) {
        ctx.remove(commentsPath);
        relEdits.push({ start: commentsRel.span.start, end: commentsRel.span.end, text: '' });
      }
    } else if (commentsPath) ctx.write(commentsPath, notes.commentsXml);
    else {
      const part = ctx.freeName(`${input.bookDir}comments`, '.xml');
      ctx.write(part, notes.commentsXml);
      ctx.overrides.push({ part, type: CT_COMMENTS });
      newRel('comments', relativeTarget(path, part));
    }
    if (notes.vmlXml === null) {
      if (vmlRel && vmlPath) {
        ctx.remove(vmlPath);
        relEdits.push({ start: vmlRel.span.start, end: vmlRel.span.end, text: '' });
        legacy = null;
      }
    } else if (vmlPath) ctx.write(vmlPath, notes.vmlXml);
    else {
      const part = ctx.freeName(`${input.bookDir}drawings/vmlDrawing`, '.vml');
      ctx.write(part, notes.vmlXml);
      ctx.defaults.push({ ext: 'vml', type: CT_VML });
      legacy = newRel('vmlDrawing', relativeTarget(path, part));
    }
    if (relEdits.length) {
      const base = relsXml ?? emptyRels();
      const root = rootElement(base);
      for (const e of relEdits) if (e.start < 0) e.start = e.end = root.closeStart;
      const text = splice(base, relEdits);
      if (parseRels(text).length === 0) {
        if (relsXml) ctx.remove(relsPath);
      } else {
        if (!relsXml) ctx.defaults.push({ ext: 'rels', type: CT_RELS });
        ctx.write(relsPath, text);
      }
    }
  }
  // Deflated as it is written: the patched sheet is never whole in memory.
  const packer = new PackingPart(ctx.codecs);
  const sink = new ByteSink(sheet.bytes.length + plan.cells.length * 80, (chunk) => packer.write(chunk));
  patchSheetXml({ sheet, plan, styles: input.styles, date1904: input.date1904, legacyDrawing: legacy, prefixes: input.prefixes }, sink);
  sink.finish();
  ctx.write(path, packer.end());
}
