/**
 * 添加输入检查 in the annotated copy: the plan's input rules as `<dataValidation>`s of the ledger
 * sheet. The validations the file has stay: a range of ours that meets one of them is left out
 * (the user's rule holds there), and ours from an earlier run, known by their prompt title, are
 * replaced. Each range is written as its own element with its formula moved to its top-left
 * cell, so a custom rule reads the same whichever ranges remain.
 */
import { fromA1 } from '../../core/grid';
import { ruleAreas } from '../../core/input-rules';
import { TEMPLATE_PROMPT_TITLES } from '../../core/template';
import type { WritePlan } from '../../core/types';
import { validationXml } from '../write';
import { childSpans, getAttr, setAttr, type Span } from '../xml';

type Edits = { start: number; end: number; text: string }[];
type Inserts = { local: string; text: string }[];
interface Box { r0: number; c0: number; r1: number; c1: number }

function boxes(sqref: string): Box[] {
  return sqref.split(/\s+/).filter((s) => s !== '').flatMap((ref) => {
    const [a1, b1] = ref.split(':');
    const a = fromA1(a1);
    const b = fromA1(b1 ?? a1);
    if (!a || !b) return [];
    return [{ r0: Math.min(a.r, b.r), c0: Math.min(a.c, b.c), r1: Math.max(a.r, b.r), c1: Math.max(a.c, b.c) }];
  });
}

const meets = (x: Box, y: Box): boolean => x.r0 <= y.r1 && y.r0 <= x.r1 && x.c0 <= y.c1 && y.c0 <= x.c1;

/** What the edit did: elements written, and ranges left to the file's own rules. */
export interface ValidationPatch { written: number; kept: number }

export function dataValidations(xml: string, tail: Span[], plan: WritePlan, p: string, edits: Edits, removed: Set<Span>, inserts: Inserts): ValidationPatch {
  const rules = plan.inputRules ?? [];
  if (!rules.length) return { written: 0, kept: 0 };
  const el = tail.find((s) => s.local === 'dataValidations');
  const kids = el && !el.selfClosing ? childSpans(xml, el.openEnd, el.closeStart).filter((s) => s.local === 'dataValidation') : [];
  const ours = kids.filter((k) => TEMPLATE_PROMPT_TITLES.includes(getAttr(xml.slice(k.start, k.openEnd), 'promptTitle') ?? ''));
  const theirs = kids.filter((k) => !ours.includes(k)).flatMap((k) => boxes(getAttr(xml.slice(k.start, k.openEnd), 'sqref') ?? ''));
  let kept = 0;
  const added: string[] = [];
  for (const rule of rules) {
    for (const area of ruleAreas(rule)) {
      const box = boxes(area.address)[0];
      if (!box) continue;
      if (theirs.some((t) => meets(t, box))) {
        kept++;
        continue;
      }
      added.push(validationXml({ ...rule, sqref: area.address, formula1: area.formula1 }, p));
    }
  }
  const count = kids.length - ours.length + added.length;
  if (!el) {
    if (added.length) inserts.push({ local: 'dataValidations', text: `<${p}dataValidations count="${added.length}">${added.join('')}</${p}dataValidations>` });
    return { written: added.length, kept };
  }
  for (const k of ours) edits.push({ start: k.start, end: k.end, text: '' });
  if (count === 0) {
    removed.add(el);
    edits.push({ start: el.start, end: el.end, text: '' });
    return { written: 0, kept };
  }
  const open = xml.slice(el.start, el.openEnd);
  if (el.selfClosing) {
    edits.push({ start: el.start, end: el.end, text: `${setAttr(open.replace(/\s*\/>$/, '>'), 'count', String(count))}${added.join('')}</${el.name}>` });
  } else {
    edits.push({ start: el.start, end: el.openEnd, text: setAttr(open, 'count', String(count)) });
    edits.push({ start: el.closeStart, end: el.closeStart, text: added.join('') });
  }
  return { written: added.length, kept };
}
