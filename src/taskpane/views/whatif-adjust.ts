/**
 * The scenario editor: pick a project by name or code, a figure and a value or
 * a change; the adjustments listed; every group's rate and rank before → after.
 */
import { pct } from '../../core/format';
import { ADJUST_FIELDS, parseAdjustment, type AdjustField } from '../../core/whatif/index';
import { el, replace, select } from '../dom';
import { whatifStrings, type WhatifStrings } from '../strings/whatif';
import type { ViewContext } from './context';
import type { WhatifView } from './whatif-context';
import { projectSuggestions, rankChanges } from './whatif-rows';

const num = (v: number | null): string => (v === null ? '' : String(v));

/** An adjustment as the list shows it: 莘县光伏发电项目 · 本年累计完成 +10000万元. */
export function adjustmentLabel(spec: string, w: WhatifStrings): string {
  const a = parseAdjustment(spec);
  const size = Math.abs(a.value);
  const value = a.field === 'completionRate' ? pct(size) : `${size}${w.wan}`;
  const sign = a.op === 'set' ? '= ' : a.value < 0 ? '−' : '+';
  return `${a.key} · ${w.adjustFields[a.field]} ${sign}${value}`;
}

function scenarioTable(ctx: ViewContext, view: WhatifView): HTMLElement | null {
  const w = whatifStrings(ctx.lang);
  const scenario = view.state.report?.whatif.scenario;
  if (!scenario) return null;
  const body = el('tbody');
  for (const r of rankChanges(scenario)) {
    const moved = r.rankBefore === null || r.rankAfter === null ? '' : r.rankAfter < r.rankBefore ? 'lc-up' : r.rankAfter > r.rankBefore ? 'lc-down' : '';
    body.appendChild(el('tr', {
      'data-group': r.name, 'data-sheet': r.sheet,
      'data-rank-before': num(r.rankBefore), 'data-rank-after': num(r.rankAfter),
      'data-rate-before': num(r.rateBefore), 'data-rate-after': num(r.rateAfter),
      class: moved || false,
    },
    el('th', { scope: 'row' }, r.name),
    el('td', { class: 'lc-num' }, `${pct(r.rateBefore)} → ${pct(r.rateAfter)}`),
    el('td', { class: 'lc-num' }, `${r.rankBefore ?? '—'} → ${r.rankAfter ?? '—'}`)));
  }
  return el('div', { class: 'lc-table-wrap' },
    el('table', { class: 'lc-table', 'data-testid': 'scenario' },
      el('caption', {}, w.beforeAfter),
      el('thead', {}, el('tr', {},
        el('th', { scope: 'col' }, w.group),
        el('th', { scope: 'col', class: 'lc-num' }, w.rateChange),
        el('th', { scope: 'col', class: 'lc-num' }, w.rankChange))),
      body));
}

export function renderAdjustments(ctx: ViewContext, view: WhatifView): HTMLElement {
  const w = whatifStrings(ctx.lang);
  const d = view.state.drafts;
  const sheets = ctx.state.result?.sheets ?? [];

  // Suggestions follow what is typed: a datalist of every project would be too long for a county's ledger.
  const datalist = el('datalist', { id: 'lc-wi-adj-projects' });
  const key = el('input', { id: 'lc-wi-adj-key', type: 'text', list: 'lc-wi-adj-projects', autocomplete: 'off', value: d.adjustKey });
  const suggest = () => replace(datalist, ...projectSuggestions(sheets, key.value).map((o) => el('option', { value: o.value, label: o.label })));
  key.addEventListener('input', () => {
    d.adjustKey = key.value;
    suggest();
  });
  suggest();

  const field = select({ id: 'lc-wi-adj-field' }, ADJUST_FIELDS.map((f) => ({ value: f, label: w.adjustFields[f] })), d.adjustField);
  field.addEventListener('change', () => (d.adjustField = field.value as AdjustField));
  const value = el('input', {
    id: 'lc-wi-adj-value', type: 'text', inputmode: 'decimal', placeholder: '+5000', value: d.adjustValue,
    'aria-describedby': 'lc-wi-adj-value-hint', 'aria-invalid': d.adjustError ? 'true' : false,
  });
  value.addEventListener('input', () => (d.adjustValue = value.value));
  const add = el('button', { type: 'button', class: 'lc-button', id: 'lc-wi-adj-add', 'data-testid': 'adjust-add' }, w.adjustAdd);
  add.addEventListener('click', () => view.act.addAdjustment());
  for (const input of [key, value]) {
    input.addEventListener('keydown', (ev) => {
      if (ev.key !== 'Enter') return;
      ev.preventDefault();
      view.act.addAdjustment();
    });
  }

  const matches = view.state.report?.whatif.scenario?.adjustments ?? [];
  const list = el('ul', { class: 'lc-list lc-adjustments', 'data-testid': 'adjust-list', 'data-count': view.state.adjustments.length });
  view.state.adjustments.forEach((spec, i) => {
    const remove = el('button', { type: 'button', class: 'lc-button lc-subtle lc-remove', 'aria-label': w.adjustRemove(spec), title: w.adjustRemove(spec) }, '×');
    remove.addEventListener('click', () => view.act.removeAdjustment(i));
    const n = matches[i]?.spec === spec ? matches[i].matches.length : null;
    list.appendChild(el('li', { class: 'lc-row-item', 'data-spec': spec },
      el('span', { class: 'lc-spec', title: spec }, adjustmentLabel(spec, w)),
      n === null ? null : el('span', { class: 'lc-muted lc-small' }, w.adjustMatches(n)),
      remove));
  });

  return el('section', { class: 'lc-card', 'aria-labelledby': 'lc-wi-adj-title', 'data-testid': 'adjustments' },
    el('h2', { id: 'lc-wi-adj-title' }, w.adjustTitle),
    el('p', { class: 'lc-muted lc-small' }, w.adjustHint),
    el('div', { class: 'lc-form' },
      el('div', { class: 'lc-field' }, el('label', { for: 'lc-wi-adj-key' }, w.adjustProject), key, datalist),
      el('div', { class: 'lc-pair' },
        el('div', { class: 'lc-field' }, el('label', { for: 'lc-wi-adj-field' }, w.adjustField), field),
        el('div', { class: 'lc-field' }, el('label', { for: 'lc-wi-adj-value' }, w.adjustValue), value)),
      el('p', { id: 'lc-wi-adj-value-hint', class: 'lc-muted lc-small' }, w.adjustValueHint),
      d.adjustError ? el('p', { class: 'lc-field-error', role: 'alert', 'data-testid': 'adjust-error' }, d.adjustError) : null,
      el('div', { class: 'lc-button-row' }, add)),
    view.state.adjustments.length ? list : el('p', { class: 'lc-empty' }, w.adjustNone),
    scenarioTable(ctx, view));
}
