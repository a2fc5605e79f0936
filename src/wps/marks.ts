/**
 * Marks faulty cells without touching the user's formatting, as the Excel host does:
 * an always-true rule per severity over the marked cells (multi-area ranges, each
 * address within Range("…")'s 255 characters), placed first, and the message as a
 * note (Range.AddComment: WPS's 批注, Excel's note). A cell with the user's own note
 * keeps it. Notes have no block form: one call per marked cell.
 */
import type { Lang, WritePlan } from '../core/types';
import { MARK_RULES, NOTE_MARKERS } from '../excel/tool-objects';
import { cellA1 } from '../excel/address';
import { rangeA1 } from './a1';
import { XL, type EtWorkbook } from './et';
import { findSheet, MARK_COLORS } from './sheets';
import { deleteToolRules, prefixesOf, scanNotes } from './tool';
import { joinAddresses } from './write';
import type { Progress } from '../taskpane/host';

const MAX_NOTE = 2000;
const SIDES = [XL.top, XL.bottom, XL.left, XL.right];

export function writeMarks(wb: EtWorkbook, plans: WritePlan[], lang: Lang, onProgress?: Progress): void {
  const prefixes = prefixesOf(plans);
  plans.forEach((plan, k) => {
    const ws = findSheet(wb, plan.sheet);
    deleteToolRules(ws, { fills: false, marks: true }, prefixes);
    const notes = scanNotes(ws);
    for (const note of notes.tool) note.Delete();
    for (const severity of ['error', 'warning'] as const) {
      const cells = plan.marks.filter((m) => (severity === 'error') === (m.severity === 'error')).map((m) => cellA1(m.r, m.c));
      for (const address of joinAddresses(cells)) {
        const rule = ws.Range(address).FormatConditions.Add(XL.expression, undefined, MARK_RULES[severity]);
        rule.Interior.Color = MARK_COLORS[severity].fill;
        for (const side of SIDES) {
          const border = rule.Borders(side);
          border.LineStyle = XL.continuous;
          border.Color = MARK_COLORS[severity].border;
        }
        // Marks sit above the tool's row fills and the user's own rules.
        rule.SetFirstPriority?.();
      }
    }
    for (const m of plan.marks) {
      if (notes.user.has(m.r * 16384 + m.c)) continue;
      ws.Range(rangeA1(m.r, m.c, m.r, m.c)).AddComment((NOTE_MARKERS[lang] + m.note).slice(0, MAX_NOTE));
    }
    onProgress?.((k + 1) / plans.length);
  });
}
