/**
 * Range.dataValidation in the fake (ExcelApi 1.8): rule, prompt, errorAlert, ignoreBlanks,
 * type and clear(), loaded and written like every other proxy (readable after load and sync,
 * writes applied at sync, payload counted). Stricter than Excel in one place: setting a rule on
 * cells that already carry one fails until clear() removed it, so an adapter that forgets to
 * clear is caught rather than left to Excel's merging of rules.
 */
import { cellCount, intersect, type Rect } from './a1';
import type { FakeContext } from './context';
import { FakeOfficeError, invalidArgument } from './errors';
import type { FakeSheet } from './model';
import { FakeProxy } from './proxy';
import type { RangeTarget } from './range';

export interface FakePrompt { showPrompt: boolean; title: string; message: string }
export interface FakeErrorAlert { showAlert: boolean; style: string; title: string; message: string }

export interface FakeValidation {
  rect: Rect;
  rule: Record<string, unknown>;
  ignoreBlanks: boolean;
  prompt: FakePrompt;
  errorAlert: FakeErrorAlert;
}

const TYPES: Record<string, string> = {
  wholeNumber: 'WholeNumber', decimal: 'Decimal', list: 'List', date: 'Date', time: 'Time', textLength: 'TextLength', custom: 'Custom',
};
const OPERATORS = ['Between', 'NotBetween', 'EqualTo', 'NotEqualTo', 'GreaterThan', 'LessThan', 'GreaterThanOrEqualTo', 'LessThanOrEqualTo'];
const BINARY = ['Between', 'NotBetween'];

const validationsOf = new WeakMap<FakeSheet, FakeValidation[]>();

/** The sheet's data validations (the fake keeps them beside the model, out of its snapshot). */
export function sheetValidations(sheet: FakeSheet): FakeValidation[] {
  let list = validationsOf.get(sheet);
  if (!list) {
    list = [];
    validationsOf.set(sheet, list);
  }
  return list;
}

/** `a` minus `b`, as up to four rectangles. */
function minus(a: Rect, b: Rect): Rect[] {
  const x = intersect(a, b);
  if (!x) return [a];
  const out: Rect[] = [];
  if (a.r0 < x.r0) out.push({ ...a, r1: x.r0 - 1 });
  if (x.r1 < a.r1) out.push({ ...a, r0: x.r1 + 1 });
  if (a.c0 < x.c0) out.push({ r0: x.r0, r1: x.r1, c0: a.c0, c1: x.c0 - 1 });
  if (x.c1 < a.c1) out.push({ r0: x.r0, r1: x.r1, c0: x.c1 + 1, c1: a.c1 });
  return out;
}

function checkRule(rule: unknown): Record<string, unknown> {
  if (typeof rule !== 'object' || rule === null) throw invalidArgument('rule');
  const keys = Object.keys(rule).filter((k) => (rule as Record<string, unknown>)[k] !== undefined);
  if (keys.length !== 1 || !(keys[0] in TYPES)) throw invalidArgument(`rule: one of ${Object.keys(TYPES).join(', ')}`);
  const body = (rule as Record<string, Record<string, unknown>>)[keys[0]];
  if (keys[0] === 'list') {
    if (typeof body.source !== 'string' || body.source === '') throw invalidArgument('list.source');
  } else if (keys[0] === 'custom') {
    if (typeof body.formula !== 'string' || !body.formula.startsWith('=')) throw invalidArgument('custom.formula');
  } else {
    if (typeof body.operator !== 'string' || !OPERATORS.includes(body.operator)) throw invalidArgument('operator');
    if (body.formula1 === undefined || (BINARY.includes(body.operator) && body.formula2 === undefined)) throw invalidArgument('formula');
    if (keys[0] === 'date') {
      for (const f of [body.formula1, body.formula2]) {
        if (f !== undefined && !(typeof f === 'string' && (/^\d{4}-\d{2}-\d{2}/.test(f) || f.startsWith('=')))) throw invalidArgument('date formula');
      }
    }
  }
  return JSON.parse(JSON.stringify(rule)) as Record<string, unknown>;
}

export class DataValidationProxy extends FakeProxy<RangeTarget> {
  constructor(context: FakeContext, private readonly locate: () => RangeTarget) {
    super(context);
  }

  protected find(): RangeTarget {
    this.context.require(8, 'Range.dataValidation');
    return this.locate();
  }

  protected defaults(): string[] {
    return ['type', 'rule', 'prompt', 'errorAlert', 'ignoreBlanks'];
  }

  /** The one validation that holds the whole range, or why there is none. */
  private single({ sheet, rect }: RangeTarget): FakeValidation | 'none' | 'mixed' {
    const hits = sheetValidations(sheet).filter((v) => intersect(v.rect, rect));
    if (hits.length === 0) return 'none';
    const v = hits[0];
    const covered = intersect(v.rect, rect);
    return hits.length === 1 && covered && cellCount(covered) === cellCount(rect) ? v : 'mixed';
  }

  protected scalar(prop: string, t: RangeTarget): unknown {
    const v = this.single(t);
    switch (prop) {
      case 'type':
        return v === 'none' ? 'None' : v === 'mixed' ? 'Inconsistent' : TYPES[Object.keys(v.rule)[0]];
      case 'rule': return typeof v === 'string' ? null : v.rule;
      case 'prompt': return typeof v === 'string' ? { showPrompt: false, title: '', message: '' } : { ...v.prompt };
      case 'errorAlert': return typeof v === 'string' ? { showAlert: true, style: 'Stop', title: '', message: '' } : { ...v.errorAlert };
      case 'ignoreBlanks': return typeof v === 'string' ? true : v.ignoreBlanks;
      default: return this.unknown(prop);
    }
  }

  get type(): string { return this.read('type'); }
  get rule(): Record<string, unknown> | null { return this.read('rule'); }
  set rule(rule: Record<string, unknown> | null) {
    this.write(rule, ({ sheet, rect }) => {
      const list = sheetValidations(sheet);
      if (list.some((v) => intersect(v.rect, rect))) throw new FakeOfficeError('InvalidOperation', 'The range already has data validation: clear() it first.');
      list.push({
        rect, rule: checkRule(rule), ignoreBlanks: true,
        prompt: { showPrompt: false, title: '', message: '' }, errorAlert: { showAlert: true, style: 'Stop', title: '', message: '' },
      });
    });
  }

  get prompt(): FakePrompt { return this.read('prompt'); }
  set prompt(p: FakePrompt) {
    this.write(p, (t) => {
      if (p.title.length > 32 || p.message.length > 255) throw invalidArgument('prompt: title up to 32 characters, message up to 255');
      for (const v of this.inside(t)) v.prompt = { ...p };
    });
  }

  get errorAlert(): FakeErrorAlert { return this.read('errorAlert'); }
  set errorAlert(e: FakeErrorAlert) {
    this.write(e, (t) => {
      if (e.title.length > 32 || e.message.length > 225) throw invalidArgument('errorAlert: title up to 32 characters, message up to 225');
      if (!['Stop', 'Warning', 'Information'].includes(e.style)) throw invalidArgument('errorAlert.style');
      for (const v of this.inside(t)) v.errorAlert = { ...e };
    });
  }

  get ignoreBlanks(): boolean { return this.read('ignoreBlanks'); }
  set ignoreBlanks(b: boolean) {
    this.write(b, (t) => {
      for (const v of this.inside(t)) v.ignoreBlanks = b;
    });
  }

  /** The validations a write of prompt, alert or blanks goes to: those inside the range, at least one. */
  private inside({ sheet, rect }: RangeTarget): FakeValidation[] {
    const hits = sheetValidations(sheet).filter((v) => {
      const x = intersect(v.rect, rect);
      return x && cellCount(x) === cellCount(v.rect);
    });
    if (!hits.length) throw new FakeOfficeError('InvalidOperation', 'The range has no data validation rule.');
    return hits;
  }

  clear(): void {
    this.call({}, ({ sheet, rect }) => {
      const list = sheetValidations(sheet);
      const kept = list.flatMap((v) => minus(v.rect, rect).map((r) => ({ ...v, rect: r })));
      list.length = 0;
      list.push(...kept);
    });
  }
}
