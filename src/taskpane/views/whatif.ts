/**
 * The what-if tab (测算): target and deadline, each group's pace and what it
 * needs to rank first, the projects that need the most (off course first), and
 * the scenario and indicator editors (whatif-adjust.ts, whatif-indicators.ts).
 * Every figure carries its exact value in a data attribute, as the summary does.
 */
import { money, pct } from '../../core/format';
import { roundHalfAway } from '../../core/round';
import type { Lang } from '../../core/types';
import type { GroupWhatif, PaceFigures, WhatifSheetReport } from '../../core/whatif/index';
import { el, uid } from '../dom';
import { whatifStrings, type WhatifStrings } from '../strings/whatif';
import type { ViewContext } from './context';
import { renderAdjustments } from './whatif-adjust';
import type { WhatifView } from './whatif-context';
import { renderIndicators } from './whatif-indicators';
import { sheetPicker } from './summary';
import { projectOrder } from './whatif-rows';

/** Projects listed before "show all". */
export const PROJECT_ROWS = 20;

const num = (v: number | null | undefined): string => (v === null || v === undefined ? '' : String(v));

/**
 * An amount in a table cell: 万元, or 亿元 from 1亿 up, as the summary writes it;
 * in English the units stay as the ledgers write them instead of spelled out in every cell.
 */
export function amount(wan: number | null | undefined, lang: Lang): string {
  if (lang !== 'en') return money(wan ?? null, lang);
  if (wan === null || wan === undefined || !Number.isFinite(wan)) return '—';
  return Math.abs(wan) >= 10000 ? `${roundHalfAway(wan / 10000, 2)} 亿元` : `${roundHalfAway(wan, 2)} 万元`;
}

/** An indicator's value as the tab shows it: two decimals at most. */
export function indicatorText(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  return String(roundHalfAway(v, 2));
}

function course(w: WhatifStrings, on: boolean | null): string {
  return on === null ? w.unknown : on ? w.yes : w.no;
}

/** The pace cells of one row: needed a month, pace now, rate at year end, on course. */
function paceCells(ctx: ViewContext, f: PaceFigures): HTMLElement[] {
  const w = whatifStrings(ctx.lang);
  return [
    el('td', { class: 'lc-num', 'data-key': 'requiredMonthly', 'data-value': num(f.requiredMonthly) }, amount(f.requiredMonthly, ctx.lang)),
    el('td', { class: 'lc-num', 'data-key': 'currentMonthly', 'data-value': num(f.currentMonthly) }, amount(f.currentMonthly, ctx.lang)),
    el('td', { class: 'lc-num', 'data-key': 'projectedRate', 'data-value': num(f.projectedRate) }, pct(f.projectedRate)),
    el('td', { class: `lc-course lc-course-${String(f.onCourse)}`, 'data-key': 'onCourse', 'data-value': String(f.onCourse) }, course(w, f.onCourse)),
  ];
}

function indicatorCells(names: readonly string[], values: Record<string, number | null> | undefined): HTMLElement[] {
  return names.map((name) => {
    const v = values?.[name] ?? null;
    return el('td', { class: 'lc-num', 'data-indicator': name, 'data-value': num(v) }, indicatorText(v));
  });
}

function timingCard(ctx: ViewContext, view: WhatifView, sheet: WhatifSheetReport | null): HTMLElement {
  const w = whatifStrings(ctx.lang);
  const d = view.state.drafts;
  const field = (id: string, label: string, input: HTMLInputElement, hint: string, error: string | null) => {
    const hintId = `${id}-hint`;
    input.setAttribute('aria-describedby', hintId);
    if (error) input.setAttribute('aria-invalid', 'true');
    return el('div', { class: 'lc-field' },
      el('label', { for: id }, label),
      input,
      el('p', { id: hintId, class: error ? 'lc-field-error' : 'lc-muted lc-small', role: error ? 'alert' : false }, error ?? hint));
  };
  const target = el('input', { id: 'lc-wi-target', type: 'number', min: 1, max: 1000, step: 1, inputmode: 'decimal', value: d.targetText });
  target.addEventListener('input', () => (d.targetText = target.value));
  target.addEventListener('change', () => view.act.applyTiming());
  const by = el('input', { id: 'lc-wi-by', type: 'month', value: d.byText, placeholder: 'YYYY-MM' });
  by.addEventListener('input', () => (d.byText = by.value));
  by.addEventListener('change', () => view.act.applyTiming());
  const december = sheet ? `${sheet.whatif.asOf.slice(0, 4)}-12` : '—';
  const info = sheet?.whatif;
  const result = ctx.state.result;
  return el('section', { class: 'lc-card', 'aria-labelledby': 'lc-wi-timing-title' },
    el('h2', { id: 'lc-wi-timing-title' }, w.timingTitle),
    result ? sheetPicker(ctx, result) : null,
    el('div', { class: 'lc-pair' },
      field('lc-wi-target', w.target, target, w.targetHint, d.targetError),
      field('lc-wi-by', w.by, by, w.byHint(december), d.byError)),
    info ? el('p', { class: 'lc-muted', 'data-testid': 'whatif-timing', 'data-months-left': info.monthsLeft, 'data-by': info.by },
      w.timing({ asOf: info.asOf, elapsed: info.monthsElapsed, by: info.by, left: info.monthsLeft, basis: w.basis[info.basis] })) : null,
    info?.deadlinePassed ? el('p', { class: 'lc-notice lc-notice-info' }, w.deadlinePassed) : null);
}

function groupsCard(ctx: ViewContext, view: WhatifView, sheet: WhatifSheetReport, names: readonly string[]): HTMLElement {
  const w = whatifStrings(ctx.lang);
  const report = view.state.report;
  const rankOf = new Map((report?.ranking ?? []).filter((e) => e.sheet === sheet.sheet).map((e) => [e.name, e.rank]));
  const head = el('tr', {},
    el('th', { scope: 'col' }, w.group),
    el('th', { scope: 'col', class: 'lc-num' }, w.rank),
    el('th', { scope: 'col', class: 'lc-num' }, w.required),
    el('th', { scope: 'col', class: 'lc-num' }, w.current),
    el('th', { scope: 'col', class: 'lc-num' }, w.yearEndRate),
    el('th', { scope: 'col' }, w.onCourse),
    el('th', { scope: 'col', class: 'lc-num' }, w.toRankFirst),
    ...names.map((n) => el('th', { scope: 'col', class: 'lc-num' }, n)));
  const body = el('tbody');
  const row = (name: string, label: string, g: GroupWhatif, rank: number | null, total: boolean) => el('tr', { 'data-group': total ? false : name, 'data-total': total ? 'true' : false, class: total ? 'lc-total-row' : false },
    el('th', { scope: 'row' }, label),
    el('td', { class: 'lc-num', 'data-key': 'rank', 'data-value': num(rank) }, rank ?? '—'),
    ...paceCells(ctx, g),
    el('td', { class: 'lc-num', 'data-key': 'toRankFirst', 'data-value': num(g.toRankFirst) }, total ? '' : amount(g.toRankFirst, ctx.lang)),
    ...indicatorCells(names, g.indicators));
  for (const g of sheet.groups) body.appendChild(row(g.name, g.name, g.whatif, rankOf.get(g.name) ?? null, false));
  body.appendChild(row('', w.total, sheet.total.whatif, null, true));
  return el('section', { class: 'lc-card', 'aria-labelledby': 'lc-wi-groups-title' },
    el('h2', { id: 'lc-wi-groups-title' }, w.groupsTitle),
    el('div', { class: 'lc-table-wrap' },
      el('table', { class: 'lc-table', 'data-testid': 'whatif-groups' }, el('thead', {}, head), body)));
}

function projectsCard(ctx: ViewContext, view: WhatifView, sheet: WhatifSheetReport, names: readonly string[]): HTMLElement {
  const w = whatifStrings(ctx.lang);
  const titleId = uid('lc-wi-projects');
  const all = projectOrder(sheet.projects);
  const off = all.filter((p) => p.whatif.onCourse === false).length;
  const shown = view.state.showAllProjects ? all : all.slice(0, PROJECT_ROWS);
  const nameColumn = ctx.state.result?.sheets[ctx.state.sheetIndex]?.columns.name ?? 'A';
  const head = el('tr', {},
    el('th', { scope: 'col' }, w.project),
    el('th', { scope: 'col', class: 'lc-num' }, w.required),
    el('th', { scope: 'col', class: 'lc-num' }, w.current),
    el('th', { scope: 'col', class: 'lc-num' }, w.yearEndRate),
    el('th', { scope: 'col' }, w.onCourse),
    ...names.map((n) => el('th', { scope: 'col', class: 'lc-num' }, n)));
  const body = el('tbody');
  for (const p of shown) {
    const go = el('button', { type: 'button', class: 'lc-link', title: w.goToRow(p.row) }, p.name);
    go.addEventListener('click', () => ctx.act.selectCell(sheet.sheet, `${nameColumn}${p.row}`));
    body.appendChild(el('tr', { 'data-row': p.row }, el('th', { scope: 'row' }, go), ...paceCells(ctx, p.whatif), ...indicatorCells(names, p.whatif.indicators)));
  }
  let more: HTMLElement | null = null;
  if (all.length > PROJECT_ROWS) {
    more = el('button', { type: 'button', class: 'lc-button lc-subtle', id: 'lc-wi-all', 'data-testid': 'whatif-show-all', 'aria-expanded': view.state.showAllProjects ? 'true' : 'false' },
      view.state.showAllProjects ? w.showFewer : w.showAll(all.length));
    more.addEventListener('click', () => view.act.toggleAllProjects());
  }
  return el('section', { class: 'lc-card', 'aria-labelledby': titleId },
    el('h2', { id: titleId }, w.projectsTitle, ' ', el('span', { class: 'lc-count' }, all.length)),
    off > 0 ? el('p', { class: 'lc-muted lc-small', 'data-testid': 'whatif-off-course', 'data-count': off }, w.offCourse(off)) : null,
    el('div', { class: 'lc-table-wrap' },
      el('table', { class: 'lc-table', 'data-testid': 'whatif-projects', 'data-count': all.length }, el('thead', {}, head), body)),
    more);
}

/** The tab's sections; before a check, a sentence saying to check first. */
export function renderWhatif(ctx: ViewContext, view: WhatifView): HTMLElement[] {
  const w = whatifStrings(ctx.lang);
  const s = view.state;
  if (!ctx.state.result) return [el('p', { class: 'lc-intro' }, w.intro)];
  const sheet = s.report?.files[0]?.sheets[ctx.state.sheetIndex] ?? null;
  const names = s.indicatorValues?.metas.map((m) => m.name) ?? [];
  const status = el('p', { class: 'lc-muted lc-small', 'data-testid': 'whatif-status', role: 'status', 'aria-live': 'polite' }, s.computing ? w.computing : '');
  return [
    el('div', { class: 'lc-whatif', 'data-testid': 'whatif', 'aria-busy': s.computing ? 'true' : 'false' },
      status,
      s.error ? el('p', { class: 'lc-notice lc-notice-error', role: 'alert', 'data-testid': 'whatif-error' }, s.error) : null,
      timingCard(ctx, view, sheet),
      sheet ? groupsCard(ctx, view, sheet, names) : null,
      sheet ? projectsCard(ctx, view, sheet, names) : null,
      renderAdjustments(ctx, view),
      renderIndicators(ctx, view, sheet)),
  ];
}
