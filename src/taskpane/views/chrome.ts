/** The pane's header (title, language, 检查台账), its tabs and its write-back buttons. */
import { LANGS, type Lang } from '../../core/types';
import { el, select } from '../dom';
import { whatifStrings } from '../strings/whatif';
import type { PaneTab, ViewContext } from './context';

export function renderHeader(ctx: ViewContext): HTMLElement {
  const { t, state } = ctx;
  const lang = select({ id: 'lc-lang', class: 'lc-lang', 'aria-label': t.language }, LANGS.map((l) => ({ value: l, label: t.langNames[l] })), ctx.lang);
  lang.addEventListener('change', () => ctx.act.setLang(lang.value as Lang));
  const check = el('button', { type: 'button', id: 'lc-check', class: 'lc-button lc-primary', 'data-testid': 'check', disabled: state.busy }, t.check);
  check.addEventListener('click', () => ctx.act.check());
  return el('header', { class: 'lc-header' },
    el('div', { class: 'lc-title-row' },
      el('h1', { class: 'lc-title' }, t.appTitle),
      lang),
    check);
}

export function renderActions(ctx: ViewContext): HTMLElement {
  const { t, state } = ctx;
  // Without a check yet, each button checks first: the plans say what to write or remove.
  const disabled = state.busy;
  const button = (id: string, testid: string, label: string, run: () => void, extra = '') => {
    const b = el('button', { type: 'button', id, class: `lc-button ${extra}`, 'data-testid': testid, disabled }, label);
    b.addEventListener('click', run);
    return b;
  };
  return el('section', { class: 'lc-card lc-actions', 'aria-label': t.actionsTitle },
    el('h2', { class: 'lc-visually-hidden' }, t.actionsTitle),
    el('div', { class: 'lc-button-row' },
      button('lc-fill', 'fill', t.fill, () => ctx.act.fill(), 'lc-accent'),
      button('lc-mark', 'mark', t.mark, () => ctx.act.mark()),
      button('lc-input-rules', 'input-rules', t.inputRules, () => ctx.act.inputRules()),
      button('lc-remove', 'remove', t.remove, () => ctx.act.remove(), 'lc-subtle')));
}

const TABS: readonly PaneTab[] = ['check', 'whatif'];

/** 检查 | 测算: the check's sections, or the what-if's. Arrow keys move between the tabs. */
export function renderTabs(ctx: ViewContext): HTMLElement {
  const w = whatifStrings(ctx.lang);
  const labels: Record<PaneTab, string> = { check: w.tabCheck, whatif: w.tabWhatif };
  const bar = el('div', { class: 'lc-tabs', role: 'tablist', 'aria-label': w.tabsLabel });
  for (const tab of TABS) {
    const selected = ctx.state.tab === tab;
    const b = el('button', {
      type: 'button', role: 'tab', id: `lc-tab-${tab}`, class: 'lc-tab', 'data-testid': `tab-${tab}`,
      'aria-selected': selected ? 'true' : 'false', 'aria-controls': 'lc-tabpanel', tabindex: selected ? 0 : -1,
    }, labels[tab]);
    b.addEventListener('click', () => ctx.act.setTab(tab));
    bar.appendChild(b);
  }
  bar.addEventListener('keydown', (ev) => {
    const at = TABS.indexOf(ctx.state.tab);
    const next = ev.key === 'ArrowRight' ? (at + 1) % TABS.length : ev.key === 'ArrowLeft' ? (at + TABS.length - 1) % TABS.length
      : ev.key === 'Home' ? 0 : ev.key === 'End' ? TABS.length - 1 : -1;
    if (next < 0) return;
    ev.preventDefault();
    ctx.act.setTab(TABS[next]);
    document.getElementById(`lc-tab-${TABS[next]}`)?.focus();
  });
  return bar;
}
