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
import { annotationKind, cellsOf, loadAnnotations, locateUserAnnotations, toolAnnotations, userCommentCount } from './annotations';
import { SyncBudget } from './budget';
import { API, supports } from './features';
import { officeCodeOf } from './host-error';
import { COMMAND_BYTES, jsonBytes, SYNC_BUDGET } from './payload';
import { loadRules, MARK_STYLE, markRule, NOTE_MARKERS, prefixesOf, toolRules } from './tool-objects';

/** Cells per RangeAreas: keeps each address list short. */
const CELLS_PER_RULE = 150;
/** A note longer than this is cut: the issue list has the full text. */
const MAX_NOTE = 2000;
/** Comments refused one by one (see addComments) before the rest are left out. */
const MAX_REFUSED = 5;
const SIDES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as const;

interface Message {
  a1: string;
  text: string;
}

export async function writeMarks(context: Excel.RequestContext, plans: WritePlan[], lang: Lang, onProgress?: Progress): Promise<void> {
  if (plans.length === 0) return;
  const kind = annotationKind();
  const areas = supports(API.rangeAreas);
  const targets = plans.map((plan) => {
    const ws = context.workbook.worksheets.getItem(plan.sheet);
    return { plan, ws, rules: loadRules(ws), notes: loadAnnotations(ws) };
  });
  await context.sync();
  onProgress?.(0.3);

  // Only the user's own notes and comments need their cells asked for.
  const located = targets.map((t) => locateUserAnnotations(t.notes));
  if (located.some((l) => l.length > 0)) await context.sync();

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

  const comments: { ws: Excel.Worksheet; base: number; messages: Message[] }[] = [];
  for (const [i, { plan, ws, notes }] of targets.entries()) {
    for (const severity of ['error', 'warning'] as const) {
      const cells = plan.marks.filter((m) => (severity === 'error') === (m.severity === 'error')).map((m) => cellA1(m.r, m.c));
      const step = areas ? CELLS_PER_RULE : 1;
      for (let k = 0; k < cells.length; k += step) {
        const address = cells.slice(k, k + step).join(',');
        await budget.reserve(COMMAND_BYTES * 14 + jsonBytes(address));
        addMarkRule((areas ? ws.getRanges(address) : ws.getRange(address)).conditionalFormats, severity);
      }
    }
    const taken = new Set(cellsOf(located[i]).map((c) => cellA1(c.r0, c.c0)));
    const messages = plan.marks
      .map((m) => ({ a1: cellA1(m.r, m.c), text: (NOTE_MARKERS[lang] + m.note).slice(0, MAX_NOTE) }))
      .filter((m) => !taken.has(m.a1));
    if (kind === 'notes') {
      for (const m of messages) {
        await budget.reserve(COMMAND_BYTES * 2 + jsonBytes(m.text));
        ws.notes.add(m.a1, m.text);
      }
    } else if (kind === 'comments') comments.push({ ws, base: userCommentCount(notes), messages });
  }
  await budget.flush();
  for (const c of comments) await addComments(context, c.ws, c.base, c.messages);
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

/**
 * Comments, where notes are not available. Such a host cannot list notes, and
 * Excel refuses a comment on a cell that has one; a refused batch stops at that
 * comment, so the count of comments tells how many went in, and the refused one
 * is left out.
 */
async function addComments(context: Excel.RequestContext, ws: Excel.Worksheet, base: number, messages: Message[]): Promise<void> {
  let count = base;
  let refused = 0;
  let i = 0;
  while (i < messages.length) {
    let j = i;
    let bytes = 0;
    while (j < messages.length && (j === i || bytes + COMMAND_BYTES * 2 + jsonBytes(messages[j].text) <= SYNC_BUDGET)) {
      bytes += COMMAND_BYTES * 2 + jsonBytes(messages[j].text);
      ws.comments.add(messages[j].a1, messages[j].text);
      j++;
    }
    try {
      await context.sync();
      count += j - i;
      i = j;
    } catch (e) {
      if (officeCodeOf(e) === 'InvalidOperationInCellEditMode' || ++refused > MAX_REFUSED) throw e;
      const now = ws.comments.getCount();
      await context.sync();
      i += now.value - count + 1;
      count = now.value;
    }
  }
}
