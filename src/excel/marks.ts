/// <reference types="office-js" />
/**
 * Marks faulty cells without touching the user's formatting: an always-true
 * conditional format per severity over the marked cells (one rule over many cells
 * where RangeAreas exist, else one per cell), and the message as a note (ExcelApi
 * 1.18) or a threaded comment (1.10). A cell that already has the user's own note
 * or comment keeps it; the pane's issue list still carries the message.
 */
import type { Lang, WritePlan } from '../core/types';
import type { Progress } from '../taskpane/host';
import { cellA1 } from './address';
import { SyncBudget } from './budget';
import { API, supports } from './features';
import { COMMAND_BYTES, jsonBytes } from './payload';
import { isToolNote, loadRules, MARK_STYLE, markRule, NOTE_MARKERS, prefixesOf, toolRules } from './tool-objects';

/** Cells per RangeAreas: keeps each address list short. */
const CELLS_PER_RULE = 150;
/** A note longer than this is cut: the issue list has the full text. */
const MAX_NOTE = 2000;
const SIDES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as const;

export type AnnotationKind = 'notes' | 'comments' | 'none';

export function annotationKind(): AnnotationKind {
  return supports(API.notes) ? 'notes' : supports(API.comments) ? 'comments' : 'none';
}

/** Queues the load of a sheet's notes or comments (content only). */
export function loadAnnotations(ws: Excel.Worksheet, kind: AnnotationKind): Excel.NoteCollection | Excel.CommentCollection | null {
  if (kind === 'notes') return ws.notes.load('items/content');
  if (kind === 'comments') return ws.comments.load('items/content');
  return null;
}

export function toolAnnotations(list: Excel.NoteCollection | Excel.CommentCollection | null): (Excel.Note | Excel.Comment)[] {
  if (!list) return [];
  return (list.items as (Excel.Note | Excel.Comment)[]).filter((x) => isToolNote(x.content));
}

export async function writeMarks(context: Excel.RequestContext, plans: WritePlan[], lang: Lang, onProgress?: Progress): Promise<void> {
  if (plans.length === 0) return;
  const kind = annotationKind();
  const areas = supports(API.rangeAreas);
  const targets = plans.map((plan) => {
    const ws = context.workbook.worksheets.getItem(plan.sheet);
    return { plan, ws, rules: loadRules(ws), notes: loadAnnotations(ws, kind) };
  });
  await context.sync();
  onProgress?.(0.3);

  // Where the user's own notes or comments are: only those need their cell asked for.
  const taken = new Map<string, Set<string>>();
  const located = targets.map((t) => {
    const mine = new Set(toolAnnotations(t.notes));
    const theirs = t.notes ? (t.notes.items as (Excel.Note | Excel.Comment)[]).filter((x) => !mine.has(x)) : [];
    return { t, cells: theirs.map((x) => x.getLocation().load('rowIndex,columnIndex')) };
  });
  if (located.some((l) => l.cells.length > 0)) await context.sync();
  for (const { t, cells } of located) taken.set(t.plan.sheet, new Set(cells.map((c) => cellA1(c.rowIndex, c.columnIndex))));

  const budget = new SyncBudget(context, () => onProgress?.(0.6));
  const prefixes = prefixesOf(plans);
  for (const t of targets) {
    for (const rule of toolRules(t.rules, { fills: false, marks: true }, prefixes)) {
      await budget.reserve(COMMAND_BYTES);
      rule.delete();
    }
    for (const note of toolAnnotations(t.notes)) {
      await budget.reserve(COMMAND_BYTES);
      note.delete();
    }
  }

  for (const { plan, ws } of targets) {
    for (const severity of ['error', 'warning'] as const) {
      const cells = plan.marks.filter((m) => (severity === 'error') === (m.severity === 'error')).map((m) => cellA1(m.r, m.c));
      const step = areas ? CELLS_PER_RULE : 1;
      for (let i = 0; i < cells.length; i += step) {
        const group = cells.slice(i, i + step);
        const address = group.join(',');
        await budget.reserve(COMMAND_BYTES * 14 + jsonBytes(address));
        const target = areas ? ws.getRanges(address) : ws.getRange(address);
        addMarkRule(target.conditionalFormats, severity);
      }
    }
    if (kind === 'none') continue;
    const skip = taken.get(plan.sheet) ?? new Set<string>();
    for (const m of plan.marks) {
      const a1 = cellA1(m.r, m.c);
      if (skip.has(a1)) continue;
      const text = (NOTE_MARKERS[lang] + m.note).slice(0, MAX_NOTE);
      await budget.reserve(COMMAND_BYTES * 2 + jsonBytes(text));
      if (kind === 'notes') ws.notes.add(a1, text);
      else ws.comments.add(a1, text);
    }
  }
  await budget.flush();
  onProgress?.(1);
}

function addMarkRule(rules: Excel.ConditionalFormatCollection, severity: 'error' | 'warning'): void {
  const cf = rules.add('Custom');
  cf.custom.rule.formula = markRule(severity);
  cf.custom.format.fill.color = MARK_STYLE[severity].fill;
  for (const side of SIDES) {
    const border = cf.custom.format.borders.getItem(side);
    border.style = 'Continuous';
    border.color = MARK_STYLE[severity].border;
  }
  // Marks sit above the tool's row fills and the user's own rules.
  cf.priority = 0;
}
