/**
 * Range.Validation of the fake ET model, over the same store as the Excel fake's
 * dataValidation (test/fake-excel/validation.ts), so a test reads both hosts' rules alike.
 * It throws where VBA does: Add on a range that has a rule (Delete first), reading Type where
 * there is none, setting a title or message with no rule, a relative custom formula when the
 * range's top-left cell is not the active one (read against the active cell otherwise), a
 * list over 255 characters. Every call is counted.
 */
import { cellCount, intersect, rectA1, type Rect } from '../fake-excel/a1';
import type { FakeSheet } from '../fake-excel/model';
import { sheetValidations, type FakeValidation } from '../fake-excel/validation';
import type { FakeEt } from './et';
import { EtError, hasRelative } from './range';

const TYPES: Record<number, string> = { 1: 'wholeNumber', 2: 'decimal', 3: 'list', 4: 'date', 7: 'custom' };
const OPERATORS: Record<number, string> = { 1: 'Between', 7: 'GreaterThanOrEqualTo' };
const ALERTS: Record<number, string> = { 1: 'Stop', 2: 'Warning', 3: 'Information' };
const NUMBER_OF: Record<string, number> = { wholeNumber: 1, decimal: 2, list: 3, date: 4, custom: 7 };

export class FakeValidationEt {
  constructor(private readonly et: FakeEt, private readonly sheet: FakeSheet, private readonly areas: Rect[]) {}

  private hits(): FakeValidation[] {
    return sheetValidations(this.sheet).filter((v) => this.areas.some((a) => intersect(v.rect, a)));
  }

  /** The rule the whole range shares: VBA answers for the range's first cell's rule, and fails where there is none. */
  private one(what: string): FakeValidation {
    this.et.count(`Validation.${what}`, false);
    const a = this.areas[0];
    const v = sheetValidations(this.sheet).find((x) => intersect(x.rect, { r0: a.r0, c0: a.c0, r1: a.r0, c1: a.c0 }));
    if (!v) throw new EtError(`Validation.${what}: the range has no validation (1004)`);
    return v;
  }

  get Type(): number { return NUMBER_OF[Object.keys(this.one('Type').rule)[0]]; }
  get InputTitle(): string { return this.one('InputTitle').prompt.title; }
  set InputTitle(s: string) { this.set('InputTitle', (v) => (v.prompt.title = this.limit(s, 32))); }
  get InputMessage(): string { return this.one('InputMessage').prompt.message; }
  set InputMessage(s: string) { this.set('InputMessage', (v) => (v.prompt.message = this.limit(s, 255))); }
  get ErrorTitle(): string { return this.one('ErrorTitle').errorAlert.title; }
  set ErrorTitle(s: string) { this.set('ErrorTitle', (v) => (v.errorAlert.title = this.limit(s, 32))); }
  get ErrorMessage(): string { return this.one('ErrorMessage').errorAlert.message; }
  set ErrorMessage(s: string) { this.set('ErrorMessage', (v) => (v.errorAlert.message = this.limit(s, 225))); }
  get IgnoreBlank(): boolean { return this.one('IgnoreBlank').ignoreBlanks; }
  set IgnoreBlank(b: boolean) { this.set('IgnoreBlank', (v) => (v.ignoreBlanks = b)); }
  get ShowInput(): boolean { return this.one('ShowInput').prompt.showPrompt; }
  set ShowInput(b: boolean) { this.set('ShowInput', (v) => (v.prompt.showPrompt = b)); }
  get ShowError(): boolean { return this.one('ShowError').errorAlert.showAlert; }
  set ShowError(b: boolean) { this.set('ShowError', (v) => (v.errorAlert.showAlert = b)); }
  get InCellDropdown(): boolean { return true; }
  set InCellDropdown(_b: boolean) { this.set('InCellDropdown', () => undefined); }

  private limit(s: string, n: number): string {
    if (typeof s !== 'string' || s.length > n) throw new EtError(`text over ${n} characters`);
    return s;
  }

  private set(what: string, f: (v: FakeValidation) => void): void {
    this.et.count(`Validation.${what}=`, false);
    const hits = this.hits();
    if (!hits.length) throw new EtError(`Validation.${what}: the range has no validation (1004)`);
    for (const v of hits) f(v);
  }

  Add(type: number, alertStyle?: number, operator?: number, formula1?: string, formula2?: string): void {
    this.et.count('Validation.Add', false);
    const kind = TYPES[type];
    if (!kind) throw new EtError(`the fake knows no validation type ${type}`);
    if (this.hits().length) throw new EtError('Validation.Add: the range has a validation already; Delete it first (1004)');
    if (typeof formula1 !== 'string' || formula1 === '') throw new EtError('Formula1 is needed');
    let body: Record<string, unknown>;
    if (kind === 'list') {
      if (formula1.length > 255) throw new EtError('a list over 255 characters');
      body = { source: formula1 };
    } else if (kind === 'custom') {
      if (!formula1.startsWith('=')) throw new EtError('a custom Formula1 starts with =');
      const tl = rectA1({ r0: this.areas[0].r0, r1: this.areas[0].r0, c0: this.areas[0].c0, c1: this.areas[0].c0 });
      const sel = this.et.wb.selection;
      if (hasRelative(formula1) && (this.et.wb.activeSheetId !== this.sheet.id || !sel || sel.address.split(/[,:]/)[0] !== tl)) {
        throw new EtError(`relative formula ${formula1} would be read against the active cell, not ${tl}`);
      }
      body = { formula: formula1 };
    } else {
      const op = OPERATORS[operator ?? 1];
      if (!op) throw new EtError(`the fake knows no operator ${String(operator)}`);
      if (!/^-?\d+(\.\d+)?$/.test(formula1) || (op === 'Between' && (formula2 === undefined || !/^-?\d+(\.\d+)?$/.test(formula2)))) {
        throw new EtError(`bounds ${formula1} ${String(formula2)}`);
      }
      body = op === 'Between' ? { formula1: Number(formula1), formula2: Number(formula2), operator: op } : { formula1: Number(formula1), operator: op };
    }
    const style = ALERTS[alertStyle ?? 1];
    if (!style) throw new EtError(`alert style ${String(alertStyle)}`);
    for (const a of this.areas) {
      if (cellCount(a) === 0) continue;
      sheetValidations(this.sheet).push({
        rect: { ...a }, rule: { [kind]: body }, ignoreBlanks: true,
        prompt: { showPrompt: true, title: '', message: '' }, errorAlert: { showAlert: true, style, title: '', message: '' },
      });
    }
  }

  Delete(): void {
    this.et.count('Validation.Delete', false);
    const list = sheetValidations(this.sheet);
    const kept = list.filter((v) => !this.areas.some((a) => intersect(v.rect, a)));
    if (kept.length !== list.length && list.some((v) => this.areas.some((a) => {
      const x = intersect(v.rect, a);
      return x && cellCount(x) !== cellCount(v.rect);
    }))) throw new EtError('the fake deletes whole rules only');
    list.length = 0;
    list.push(...kept);
  }
}
