/** The pane's 上期台账（可选） input and 下载通报（Word） button (Excel and WPS; the web page has its own). */
import type { Lang } from '../../core/types';
import { el } from '../dom';
import type { PeriodsActions, PeriodsState } from '../periods';
import { periodStrings } from '../strings/periods';
import type { ViewContext } from './context';

export interface PeriodsView {
  state: PeriodsState;
  act: PeriodsActions;
}

/** The line under the input: the files chosen (or none), then what they are for. */
export function earlierStatus(lang: Lang, chosen: readonly string[]): string {
  const p = periodStrings(lang);
  const list = chosen.length ? p.chosen(chosen.length, chosen.join(lang === 'en' ? ', ' : '、')) : p.none;
  return `${list} ${p.hint}`;
}

const XLSX_ACCEPT = '.xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function renderPeriods(ctx: ViewContext, view: PeriodsView): HTMLElement {
  const p = periodStrings(ctx.lang);
  const { busy, result } = ctx.state;
  const input = el('input', {
    type: 'file', id: 'lc-pane-earlier', class: 'lc-file-input', multiple: true, accept: XLSX_ACCEPT,
    'data-testid': 'pane-earlier-input', disabled: busy,
  });
  input.addEventListener('change', () => {
    const files = Array.from(input.files ?? []);
    if (files.length) view.act.chooseEarlier(files);
  });
  const chosen = view.state.earlier;
  const clear = chosen.length
    ? el('button', { type: 'button', class: 'lc-button lc-subtle', 'data-testid': 'pane-earlier-clear', disabled: busy }, p.clear)
    : null;
  clear?.addEventListener('click', () => view.act.clearEarlier());
  const bulletin = el('button', {
    type: 'button', id: 'lc-bulletin', class: 'lc-button', 'data-testid': 'download-bulletin', disabled: busy || !result,
  }, p.downloadBulletin);
  bulletin.addEventListener('click', () => view.act.downloadBulletin());
  return el('section', { class: 'lc-card lc-periods', 'data-testid': 'periods', 'aria-labelledby': 'lc-periods-title' },
    el('h2', { id: 'lc-periods-title' }, p.title),
    el('div', { class: 'lc-button-row' },
      el('label', { for: 'lc-pane-earlier', class: 'lc-button lc-file-button' }, p.chooseEarlier),
      input,
      clear),
    el('p', { class: 'lc-muted lc-small', 'data-testid': 'pane-earlier-status' }, earlierStatus(ctx.lang, chosen)),
    el('div', { class: 'lc-button-row' }, bulletin),
    el('p', { class: 'lc-muted lc-small' }, p.bulletinHint));
}
