/**
 * The indicator editor: opening it loads the formula engine; a name and an
 * expression checked as they are typed, the problem and its position shown under
 * the input; the saved indicators, each with its column and how it is written;
 * and the button that writes the indicator columns into the workbook.
 */
import { INDICATOR_FIELD_LABELS, INDICATOR_FIELDS, type WhatifSheetReport } from '../../core/whatif/index';
import { append, el, replace } from '../dom';
import { whatifStrings } from '../strings/whatif';
import { TIME_LIMIT_MS } from '../whatif/whatif-indicators';
import type { ViewContext } from './context';
import type { WhatifView } from './whatif-context';
import { faultAt } from './whatif-rows';

/** Wait after the last keystroke before asking the engine. */
const CHECK_DELAY_MS = 200;

/** Paints the draft's message into the message element drawn last (answers arrive after redraws). */
let painter: ((checking: boolean) => void) | null = null;
let pending: ReturnType<typeof setTimeout> | null = null;

function engineLine(ctx: ViewContext, view: WhatifView): HTMLElement | null {
  const w = whatifStrings(ctx.lang);
  const mode = view.state.engine;
  if (mode === null) return null;
  const text = mode === 'loading' ? w.engineLoading : mode === 'worker' ? w.engineWorker(TIME_LIMIT_MS / 1000) : mode === 'pane' ? w.engineInPane : w.engineFailed;
  return el('p', { class: mode === 'failed' ? 'lc-field-error' : 'lc-muted lc-small', 'data-testid': 'indicator-engine', 'data-mode': mode }, text);
}

function fieldList(ctx: ViewContext): HTMLElement {
  const labels = INDICATOR_FIELD_LABELS[ctx.lang];
  const list = el('dl', { class: 'lc-field-list' });
  for (const f of INDICATOR_FIELDS) append(list, el('dt', {}, el('code', {}, f)), el('dd', {}, labels[f]));
  return el('details', { class: 'lc-fields', id: 'lc-wi-fields' }, el('summary', {}, whatifStrings(ctx.lang).fieldsTitle), list);
}

function savedList(ctx: ViewContext, view: WhatifView, sheet: WhatifSheetReport | null): HTMLElement {
  const w = whatifStrings(ctx.lang);
  const defs = view.act.indicators();
  if (defs.length === 0) return el('p', { class: 'lc-empty' }, w.indicatorNone);
  const list = el('ul', { class: 'lc-list lc-indicators', 'data-testid': 'indicator-list', 'data-count': defs.length });
  for (const def of defs) {
    const col = sheet?.whatif.indicatorColumns[def.name];
    const error = view.state.indicatorErrors[def.name];
    const remove = el('button', { type: 'button', class: 'lc-button lc-subtle lc-remove', 'aria-label': w.indicatorRemove(def.name), title: w.indicatorRemove(def.name) }, '×');
    remove.addEventListener('click', () => view.act.removeIndicator(def.name));
    list.appendChild(el('li', { class: 'lc-row-item', 'data-name': def.name },
      el('span', { class: 'lc-spec' }, el('strong', {}, def.name), ' = ', el('code', {}, def.expression)),
      col ? el('span', { class: 'lc-muted lc-small', 'data-column': col.column, 'data-formula': String(col.formula) }, col.formula ? w.asFormula(col.column) : w.asValues(col.column)) : null,
      error ? el('span', { class: 'lc-field-error', role: 'alert' }, error) : null,
      remove));
  }
  return list;
}

export function renderIndicators(ctx: ViewContext, view: WhatifView, sheet: WhatifSheetReport | null): HTMLElement {
  const w = whatifStrings(ctx.lang);
  const d = view.state.drafts;
  const saved = view.act.indicators();

  const name = el('input', { id: 'lc-wi-ind-name', type: 'text', maxlength: 40, value: d.indicatorName, placeholder: '资金到位率', autocomplete: 'off' });
  const expr = el('input', {
    id: 'lc-wi-ind-expr', type: 'text', value: d.indicatorExpression, placeholder: 'fundsArrived / totalInvestment * 100',
    autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'lc-wi-ind-msg',
  });
  const msg = el('div', { id: 'lc-wi-ind-msg', class: 'lc-ind-msg', 'aria-live': 'polite' });
  const paint = (checking: boolean) => {
    const p = d.indicatorProblem;
    replace(msg);
    expr.setAttribute('aria-invalid', p ? 'true' : 'false');
    msg.setAttribute('data-state', p ? 'error' : d.indicatorOk ? 'ok' : checking ? 'checking' : '');
    // Which draft the message is about, so one can tell an answer from an older one.
    msg.setAttribute('data-expression', d.indicatorExpression);
    msg.setAttribute('data-testid', p ? 'indicator-error' : 'indicator-message');
    msg.className = `lc-ind-msg ${p ? 'lc-field-error' : 'lc-muted lc-small'}`;
    if (p) {
      append(msg, el('span', { class: 'lc-ind-text' }, p.message));
      const f = faultAt(d.indicatorExpression, p.position);
      if (f) append(msg, el('code', { class: 'lc-expr', 'data-position': p.position }, f.before, el('mark', {}, f.at), f.after));
    } else if (d.indicatorOk) append(msg, w.indicatorOk);
    else if (checking) append(msg, w.indicatorChecking);
  };
  painter = paint;
  paint(false);

  const check = () => {
    const run = view.act.checkIndicatorDraft();
    painter?.(true);
    void run.then(() => painter?.(false));
  };
  const typed = () => {
    d.indicatorName = name.value;
    d.indicatorExpression = expr.value;
    // What was said was about the text before: it goes at once, the new answer follows.
    d.indicatorProblem = null;
    d.indicatorOk = false;
    paint(true);
    if (pending) clearTimeout(pending);
    pending = setTimeout(() => {
      pending = null;
      check();
    }, CHECK_DELAY_MS);
  };
  name.addEventListener('input', typed);
  expr.addEventListener('input', typed);
  const add = el('button', { type: 'button', class: 'lc-button', id: 'lc-wi-ind-add', 'data-testid': 'indicator-add' }, w.indicatorAdd);
  const submit = () => {
    if (pending) clearTimeout(pending);
    pending = null;
    view.act.addIndicator();
  };
  add.addEventListener('click', submit);
  for (const input of [name, expr]) {
    input.addEventListener('keydown', (ev) => {
      if (ev.key !== 'Enter') return;
      ev.preventDefault();
      submit();
    });
  }

  const write = el('button', {
    type: 'button', class: 'lc-button lc-accent', id: 'lc-wi-ind-write', 'data-testid': 'write-indicators',
    disabled: !view.state.indicatorValues || ctx.state.busy, 'aria-describedby': 'lc-wi-ind-write-hint',
  }, w.writeIndicators);
  write.addEventListener('click', () => view.act.writeIndicators());

  const details = el('details', { class: 'lc-card lc-details', id: 'lc-wi-indicators', 'data-testid': 'indicators' },
    el('summary', {}, el('h2', {}, w.indicatorsTitle, ' ', el('span', { class: 'lc-count' }, saved.length))),
    el('p', { class: 'lc-muted lc-small' }, w.indicatorsHint, ' ', view.web ? w.indicatorsSaved.web : w.indicatorsSaved.excel),
    engineLine(ctx, view),
    fieldList(ctx),
    el('div', { class: 'lc-form' },
      el('div', { class: 'lc-field' }, el('label', { for: 'lc-wi-ind-name' }, w.indicatorName), name),
      el('div', { class: 'lc-field' }, el('label', { for: 'lc-wi-ind-expr' }, w.indicatorExpression), expr, msg),
      el('div', { class: 'lc-button-row' }, add)),
    savedList(ctx, view, sheet),
    el('div', { class: 'lc-button-row lc-write-row' }, write),
    el('p', { id: 'lc-wi-ind-write-hint', class: 'lc-muted lc-small' }, view.web ? w.writeIndicatorsHint.web : w.writeIndicatorsHint.excel));
  // Opening the section is what loads mathjs; a redraw that reopens it changes nothing.
  details.addEventListener('toggle', () => {
    if (details.open) view.act.enableIndicators();
  });
  return details;
}
