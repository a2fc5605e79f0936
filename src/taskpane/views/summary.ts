/** The summary: headline figures, the group ranking and the bulletin sentence of one sheet. */
import { bulletin } from '../../core/bulletin';
import { gapPhrase, money, pct } from '../../core/format';
import { byRank } from '../../core/rank';
import { roundHalfAway } from '../../core/round';
import type { GroupFigures, SheetReport } from '../../core/types';
import { el, select, uid } from '../dom';
import { reportOf, type CheckResult } from '../model';
import type { ViewContext } from './context';
import { drawChart, rateChart } from './chart';

/** A figure with its exact value on the element, so a test can compare it with the report. */
function figure(key: string, label: string, text: string, value: number | null): HTMLElement {
  return el('div', { class: 'lc-figure', 'data-key': key, 'data-value': value === null ? '' : String(value) },
    el('dt', {}, label),
    el('dd', {}, text));
}

/** Gap in points with its sign, as a ranking table shows it: +4.2, −3.1. */
export function signedPoints(gapPp: number | null): string {
  if (gapPp === null || !Number.isFinite(gapPp)) return '—';
  const r = roundHalfAway(gapPp, 1);
  if (r === 0) return '0.0';
  return r > 0 ? `+${r.toFixed(1)}` : `−${Math.abs(r).toFixed(1)}`;
}

function rankingTable(ctx: ViewContext, groups: GroupFigures[]): HTMLElement {
  const { t, m } = ctx;
  const rows = byRank(groups);
  const head = el('tr', {},
    el('th', { scope: 'col', class: 'lc-num' }, m.ui.rank),
    el('th', { scope: 'col' }, t.groupName),
    el('th', { scope: 'col', class: 'lc-num' }, m.ui.completionRate),
    el('th', { scope: 'col', class: 'lc-num', title: m.ui.gapPp }, t.pointsShort),
    el('th', { scope: 'col', class: 'lc-num' }, m.ui.lagging));
  const body = el('tbody');
  for (const g of rows) {
    body.appendChild(el('tr', { 'data-group': g.name },
      el('td', { class: 'lc-num' }, g.rank ?? '—'),
      el('th', { scope: 'row' }, g.name),
      el('td', { class: 'lc-num' }, pct(g.completionRate)),
      el('td', { class: `lc-num ${g.gapPp !== null && g.gapPp < 0 ? 'lc-neg' : ''}` }, signedPoints(g.gapPp)),
      el('td', { class: 'lc-num' }, g.lagging)));
  }
  return el('div', { class: 'lc-table-wrap' },
    el('table', { class: 'lc-table', 'data-testid': 'ranking' },
      el('caption', {}, t.rankingTitle),
      el('thead', {}, head),
      body));
}

/** Which ledger sheet is shown, when the workbook has more than one. */
export function sheetPicker(ctx: ViewContext, result: CheckResult): HTMLElement | null {
  if (result.sheets.length < 2) return null;
  const id = 'lc-sheet';
  const s = select({ id }, result.sheets.map((sh, i) => ({ value: String(i), label: sh.sheet })), String(ctx.state.sheetIndex));
  s.addEventListener('change', () => ctx.act.setSheet(Number(s.value)));
  return el('div', { class: 'lc-field' }, el('label', { for: id }, ctx.t.sheet), s);
}

export function renderSummary(ctx: ViewContext, result: CheckResult, sheet: SheetReport): HTMLElement {
  const { t, m, lang } = ctx;
  const g = sheet.total;
  const titleId = uid('lc-summary');
  const figures = el('dl', { class: 'lc-figures' },
    figure('projects', m.ui.projects, String(g.projects), g.projects),
    figure('started', m.ui.started, String(g.started), g.started),
    figure('startRate', m.ui.startRate, pct(g.startRate), g.startRate),
    figure('annualPlan', m.ui.annualPlan, money(g.annualPlan, lang), g.annualPlan),
    figure('completedYtd', m.ui.completedYtd, money(g.completedYtd, lang), g.completedYtd),
    figure('completionRate', m.ui.completionRate, pct(g.completionRate), g.completionRate),
    figure('gapPp', t.gap, gapPhrase(g.gapPp, lang), g.gapPp));
  const one = { ...result, sheets: [sheet] };
  const sentence = bulletin(reportOf(one, sheet.sheet, null), lang);
  return el('section', { class: 'lc-card', 'data-testid': 'summary', 'aria-labelledby': titleId, 'data-sheet': sheet.sheet },
    el('h2', { id: titleId }, t.summaryTitle),
    sheetPicker(ctx, result),
    el('p', { class: 'lc-muted', 'data-testid': 'as-of' }, t.asOfLine(sheet.asOf, pct(sheet.timeProgress))),
    sheet.asOfSource === 'file-name' || sheet.asOfSource === 'workbook'
      ? el('p', { class: 'lc-muted', 'data-testid': 'as-of-from' }, t.asOfFrom(sheet.asOfSource, sheet.asOfFrom ?? ''))
      : null,
    figures,
    sheet.groups.length > 1
      ? drawChart(ctx, rateChart(sheet.groups, sheet.timeProgress, t.timeProgressMark(pct(sheet.timeProgress))), t.rateChartTitle, 'rate-chart')
      : null,
    sheet.groups.length > 1 ? rankingTable(ctx, sheet.groups) : null,
    el('details', { class: 'lc-bulletin' },
      el('summary', {}, t.bulletinTitle),
      el('p', { 'data-testid': 'bulletin' }, sentence)));
}
