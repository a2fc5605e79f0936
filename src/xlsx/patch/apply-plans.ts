/**
 * applyPlans: the annotated copy, written by patching the original package. Parts
 * the plans do not concern are copied raw (compressed bytes and all); the ledger
 * sheets, styles, workbook, relationships and content types are edited in place.
 */
import { fromA1, MAX_COLS, MAX_ROWS } from '../../core/grid';
import type { PlanCell, PlanChart, WritePlan } from '../../core/types';
import { patchContentTypes } from '../package';
import { XlsxError } from '../errors';
import { CT_WORKSHEET, NS_PKG_REL, parseRels, REL_BASE, relativeTarget, relIs, relsPathFor, resolveTarget } from '../package';
import { patchBook } from './patch-book';
import { NOTE_AUTHOR } from './patch-comments';
import { PatchContext } from './patch-context';
import { patchLedgerSheet } from './patch-ledger-sheet';
import { MINIMAL_STYLES, StylesPatch } from './patch-styles';
import { readBook } from '../read';
import { DEFAULT_LIMITS, locateBook, type Workbook } from '../read';
import { chooseToolSheets } from './tool-sheet-names';
import { CT_CHART, CT_DRAWING, chartXml, drawingXml, toolSheetXml } from '../write';
import { escapeAttr, rootElement, splice } from '../xml';
import { readZipDirectory, type InflateRaw } from '../zip';
import { entryStamp, writeZip, type Codecs, type Crc32, type DeflateRaw, type DeflateRawPiece, type OutEntry, type PieceDeflater } from '../zip';

export interface PatchOptions {
  /**
   * Raw deflate for changed parts; defaults to fflate (level 3). Node hosts may pass
   * `(d) => zlib.deflateRawSync(d, { level: 2 })`: about 4× faster on a large sheet.
   */
  deflateRaw?: DeflateRaw;
  /** CRC-32 for changed parts; Node hosts may pass `zlib.crc32` (Node ≥ 20.15). */
  crc32?: Crc32;
  /**
   * Deflate of a ledger sheet piece by piece as it is written (see DeflateRawPiece), so
   * the patched sheet is never whole in memory; defaults to one fflate stream. Node:
   * `(d, last) => zlib.deflateRawSync(d, { level: 2, finishFlush: last ? Z_FINISH : Z_FULL_FLUSH })`.
   */
  deflateRawPiece?: DeflateRawPiece;
  /** A ledger sheet's pieces deflated elsewhere (a worker thread) while it is written. */
  pieceDeflater?: () => PieceDeflater;
  /** Raw inflate of the parts to patch (see ReadOptions.inflateRaw); defaults to fflate. */
  inflateRaw?: InflateRaw;
  maxUncompressedBytes?: number;
  /** Author of the notes the tool writes; its earlier notes are recognised by it. */
  noteAuthor?: string;
  /**
   * Defined names starting with this are the tool's: removed before the plan's are added,
   * and the sheets they point into are the tool's sheets of an earlier run. Default: the
   * plans' namePrefix (LC_ for plans that write names or sheets but name no prefix).
   */
  ownNamePrefix?: string;
}

const CT_STYLES = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';

/** True when calcChain.xml lists a formula cell that will no longer hold a formula. */
function calcChainStale(xml: string, ledgers: { sheetId: number; plan: WritePlan }[], removedSheetIds: Set<number>): boolean {
  const planned = new Map<number, { own: Set<number>; cells: Map<string, PlanCell> }>();
  for (const { sheetId, plan } of ledgers) {
    planned.set(sheetId, { own: new Set(plan.ownColumns), cells: new Map(plan.cells.map((c) => [`${c.r}:${c.c}`, c])) });
  }
  const re = /<(?:[\w.-]+:)?c\b([^>]*)>/g;
  let sheet = 0;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const i = /\bi\s*=\s*"(\d+)"/.exec(m[1]);
    if (i) sheet = Number(i[1]);
    if (removedSheetIds.has(sheet)) return true;
    const p = planned.get(sheet);
    const r = /\br\s*=\s*"([^"]+)"/.exec(m[1]);
    const at = r ? fromA1(r[1]) : null;
    if (!p || !at) continue;
    const cell = p.cells.get(`${at.r}:${at.c}`);
    if ((p.own.has(at.c) || cell) && !cell?.formula) return true;
  }
  return false;
}

/**
 * A cell a plan names must be a real cell: a position that is not a whole number in the
 * sheet's bounds would land somewhere the user typed (NaN reads as column A), so the whole
 * copy is refused before anything is written.
 */
function checkPlanCells(plans: readonly WritePlan[]): void {
  const bad = (r: number, c: number) => !(Number.isInteger(r) && r >= 0 && r < MAX_ROWS && Number.isInteger(c) && c >= 0 && c < MAX_COLS);
  for (const plan of plans) {
    for (const c of plan.ownColumns) if (bad(0, c)) throw new Error(`the write plan of "${plan.sheet}" owns column ${c}, which is not a column`);
    for (const cell of plan.cells) if (bad(cell.r, cell.c)) throw new Error(`the write plan of "${plan.sheet}" names cell (${cell.r}, ${cell.c}), which is not a cell`);
    for (const m of plan.marks) if (bad(m.r, m.c)) throw new Error(`the write plan of "${plan.sheet}" marks (${m.r}, ${m.c}), which is not a cell`);
  }
}

export function applyPlans(bytes: Uint8Array, workbook: Workbook | null, plans: WritePlan[], opts: PatchOptions = {}): Uint8Array {
  checkPlanCells(plans);
  const dir = readZipDirectory(bytes);
  const codecs: Codecs = { deflateRaw: opts.deflateRaw, crc32: opts.crc32, deflateRawPiece: opts.deflateRawPiece, pieceDeflater: opts.pieceDeflater };
  const ctx = new PatchContext(bytes, dir, { remaining: opts.maxUncompressedBytes ?? DEFAULT_LIMITS.maxUncompressedBytes }, opts.inflateRaw, codecs);
  const loc = locateBook(bytes, dir, ctx.budget);
  const bookPath = loc.bookPath;
  const bookDir = bookPath.includes('/') ? bookPath.slice(0, bookPath.lastIndexOf('/') + 1) : '';
  const bookXml = ctx.mustRead(bookPath);
  const book = readBook(bookXml, bookPath);
  const date1904 = workbook?.date1904 ?? book.date1904;
  const relsPath = relsPathFor(bookPath);
  let relsXml = ctx.mustRead(relsPath);

  const toolSheets = plans.flatMap((p) => p.sheets);
  const lower = new Set<string>();
  for (const t of toolSheets) {
    if (lower.has(t.name.toLowerCase())) throw new Error(`two plans write the sheet "${t.name}"`);
    lower.add(t.name.toLowerCase());
  }
  const choice = chooseToolSheets(book, plans, opts.ownNamePrefix);

  let stylesPath: string;
  let stylesNew = false;
  const stylesRel = loc.rels.find((r) => relIs(r, 'styles'));
  if (stylesRel) stylesPath = resolveTarget(bookPath, stylesRel.target);
  else {
    stylesPath = ctx.freeName(`${bookDir}styles`, '.xml');
    const root = rootElement(relsXml);
    relsXml = splice(relsXml, [{ start: root.closeStart, end: root.closeStart, text: `<Relationship Id="${freeId(relsXml)}" Type="${REL_BASE}styles" Target="${escapeAttr(stylesPath.slice(bookDir.length))}"/>` }]);
    ctx.overrides.push({ part: stylesPath, type: CT_STYLES });
    stylesNew = true;
  }
  const stylesText = ctx.read(stylesPath);
  if (stylesText === null && !stylesNew) {
    ctx.overrides.push({ part: stylesPath, type: CT_STYLES });
    stylesNew = true;
  }
  const styles = new StylesPatch(stylesText ?? MINIMAL_STYLES);

  const relById = new Map(loc.rels.map((r) => [r.id, r]));
  const ledgers: { sheetId: number; plan: WritePlan }[] = [];
  for (const plan of plans) {
    const ref = book.sheets.find((s) => s.name === plan.sheet) ?? book.sheets.find((s) => s.name.toLowerCase() === plan.sheet.toLowerCase());
    const rel = ref ? relById.get(ref.relId) : undefined;
    if (!ref || !rel) throw new XlsxError('unreadable-file', `The sheet "${plan.sheet}" is not in the workbook.`);
    const read = workbook?.sheets.find((s) => s.name === ref.name);
    const path = read?.path ?? resolveTarget(bookPath, rel.target);
    const xml = read?.xml;
    // The kept XML is used up here: a large sheet is not held twice while the copy is packed.
    if (read) delete read.xml;
    patchLedgerSheet(ctx, { path, xml, plan, styles, date1904, author: opts.noteAuthor ?? NOTE_AUTHOR, bookDir, prefixes: choice.prefixes });
    ledgers.push({ sheetId: Number(ref.sheetId), plan });
  }

  // The tool's sheets of an earlier run go; the calculation chain goes only if it would point at lost formulas.
  const calcRel = parseRels(relsXml).find((r) => relIs(r, 'calcChain'));
  const calcPath = calcRel ? resolveTarget(bookPath, calcRel.target) : null;
  const removedIds = new Set(book.sheets.filter((s) => choice.drop.has(s.name.toLowerCase())).map((s) => Number(s.sheetId)));
  const calcXml = calcPath ? ctx.read(calcPath) : null;
  const dropCalcChain = calcXml !== null && calcChainStale(calcXml, ledgers, removedIds);

  const patched = patchBook({
    bookXml, bookPath, relsXml,
    toolSheets: toolSheets.map((t) => choice.actual.get(t.name) ?? t.name),
    dropSheets: choice.drop,
    names: plans.flatMap((p) => p.names).map((n) => ({ ...n, sheet: choice.actual.get(n.sheet) ?? n.sheet })),
    ownNamePrefixes: choice.prefixes, taken: ctx.taken, dropCalcChain,
  });
  for (const part of patched.removedParts) removeToolSheet(ctx, part);
  if (dropCalcChain && calcPath) ctx.remove(calcPath);
  ctx.write(bookPath, patched.bookXml);
  ctx.write(relsPath, patched.relsXml);

  const sheetParts = patched.added.map((a, i) => {
    const drawing = writeCharts(ctx, a.path, a.name, toolSheets[i].charts ?? [], bookDir);
    return { name: a.path, text: toolSheetXml(toolSheets[i], styles, date1904, drawing) };
  });
  for (const a of patched.added) ctx.overrides.push({ part: a.path, type: CT_WORKSHEET });
  const stylesXml = styles.toXml();
  if (stylesXml !== null || stylesNew) ctx.write(stylesPath, stylesXml ?? MINIMAL_STYLES);
  ctx.write('[Content_Types].xml', patchContentTypes(ctx.mustRead('[Content_Types].xml'), {
    remove: ctx.removeOverrides, overrides: ctx.overrides, defaults: ctx.defaults,
  }));
  return assemble(ctx, sheetParts, codecs);
}

/**
 * A tool sheet of an earlier run goes with its relationships and what only it used: the
 * drawing of its charts and the charts (a user's sheets and their charts are never touched).
 */
function removeToolSheet(ctx: PatchContext, part: string): void {
  const rels = ctx.read(relsPathFor(part));
  ctx.remove(part);
  if (rels === null) return;
  for (const r of parseRels(rels)) {
    if (!relIs(r, 'drawing') || r.external) continue;
    const drawing = resolveTarget(part, r.target);
    const drawingRels = ctx.read(relsPathFor(drawing));
    if (ctx.read(drawing) !== null) ctx.remove(drawing);
    if (drawingRels === null) continue;
    for (const c of parseRels(drawingRels)) {
      if (!relIs(c, 'chart') || c.external) continue;
      const chart = resolveTarget(drawing, c.target);
      if (ctx.read(chart) !== null) ctx.remove(chart);
      if (ctx.read(relsPathFor(chart)) !== null) ctx.remove(relsPathFor(chart));
    }
    ctx.remove(relsPathFor(drawing));
  }
  ctx.remove(relsPathFor(part));
}

/**
 * Writes a new tool sheet's charts: one chart part each, one drawing anchoring them, and
 * the sheet's relationship to the drawing, whose id the sheet names; undefined without charts.
 */
function writeCharts(ctx: PatchContext, sheetPath: string, sheetName: string, charts: readonly PlanChart[], bookDir: string): string | undefined {
  if (charts.length === 0) return undefined;
  const drawing = ctx.freeName(`${bookDir}drawings/drawing`, '.xml');
  const ids = charts.map((_, i) => `rId${i + 1}`);
  const chartRels = charts.map((chart, i) => {
    const part = ctx.freeName(`${bookDir}charts/chart`, '.xml');
    ctx.write(part, chartXml(sheetName, chart));
    ctx.overrides.push({ part, type: CT_CHART });
    return `<Relationship Id="${ids[i]}" Type="${REL_BASE}chart" Target="${escapeAttr(relativeTarget(drawing, part))}"/>`;
  });
  ctx.write(drawing, drawingXml(charts, ids));
  ctx.overrides.push({ part: drawing, type: CT_DRAWING });
  ctx.write(relsPathFor(drawing), relsDoc(chartRels.join('')));
  ctx.write(relsPathFor(sheetPath), relsDoc(`<Relationship Id="rId1" Type="${REL_BASE}drawing" Target="${escapeAttr(relativeTarget(sheetPath, drawing))}"/>`));
  return 'rId1';
}

function relsDoc(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_PKG_REL}">${body}</Relationships>`;
}

function freeId(relsXml: string): string {
  const used = new Set(parseRels(relsXml).map((r) => r.id));
  let n = 1;
  while (used.has(`rId${n}`)) n++;
  return `rId${n}`;
}

const enc = new TextEncoder();

function encodePart(text: string | Uint8Array[]): Uint8Array[] {
  return typeof text === 'string' ? [enc.encode(text)] : text;
}

function assemble(ctx: PatchContext, sheets: { name: string; text: Uint8Array[] }[], codecs: Codecs): Uint8Array {
  const out: OutEntry[] = [];
  for (const e of ctx.dir.entries) {
    if (ctx.removed.has(e.key)) continue;
    const text = ctx.changed.get(e.key);
    if (text === undefined) out.push({ kind: 'raw', entry: e });
    else if (typeof text !== 'string' && !Array.isArray(text)) out.push({ kind: 'packed', name: e.name, packed: text, ...entryStamp(ctx.bytes, e) });
    else out.push({ kind: 'new', name: e.name, data: encodePart(text), ...entryStamp(ctx.bytes, e) });
  }
  for (const a of [...ctx.added, ...sheets]) out.push({ kind: 'new', name: a.name, data: encodePart(a.text) });
  return writeZip(ctx.bytes, out, codecs);
}
