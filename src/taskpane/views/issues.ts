/** The issue list of one sheet, filtered by severity, each item taking the user to its cell. */
import type { Severity, SheetReport } from '../../core/types';
import { arrowNavigation, el, uid } from '../dom';
import { severityCounts, sortedIssues } from '../model';
import type { IssueFilter, ViewContext } from './context';

/** Items drawn at a time: a sheet with thousands of issues stays quick to show. */
export const ISSUE_PAGE = 200;

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

function filterBar(ctx: ViewContext, counts: Record<Severity, number>, total: number): HTMLElement {
  const { t, m, state } = ctx;
  const choices: { value: IssueFilter; label: string; n: number }[] = [
    { value: 'all', label: t.all, n: total },
    ...SEVERITIES.map((s) => ({ value: s as IssueFilter, label: m.severity[s], n: counts[s] })),
  ];
  const bar = el('div', { class: 'lc-filter', role: 'group', 'aria-label': t.filterLabel });
  for (const c of choices) {
    const b = el('button', {
      type: 'button',
      id: `lc-filter-${c.value}`,
      class: `lc-chip lc-chip-${c.value}`,
      'aria-pressed': state.filter === c.value ? 'true' : 'false',
      'data-filter': c.value,
    }, `${c.label} `, el('span', { class: 'lc-chip-count' }, c.n));
    b.addEventListener('click', () => ctx.act.setFilter(c.value));
    bar.appendChild(b);
  }
  return bar;
}

export function renderIssues(ctx: ViewContext, sheet: SheetReport): HTMLElement {
  const { t, m, state } = ctx;
  const titleId = uid('lc-issues');
  const counts = severityCounts(sheet.issues);
  const all = sortedIssues(sheet.issues);
  const visible = state.filter === 'all' ? all : all.filter((x) => x.severity === state.filter);
  const shown = visible.slice(0, state.shown);
  const list = el('ul', { class: 'lc-list lc-issues', 'data-testid': 'issue-list', 'data-count': visible.length, 'aria-labelledby': titleId });
  for (const issue of shown) {
    const button = el('button', {
      type: 'button',
      class: 'lc-item lc-issue',
      'data-cell': issue.cell,
      'data-sheet': sheet.sheet,
      'data-severity': issue.severity,
      'data-code': issue.code,
      title: t.goToCell(issue.cell),
    },
    el('span', { class: `lc-badge lc-badge-${issue.severity}` }, m.severity[issue.severity]),
    el('span', { class: 'lc-cell' }, issue.cell),
    el('span', { class: 'lc-msg' }, issue.message));
    button.addEventListener('click', () => ctx.act.selectCell(sheet.sheet, issue.cell));
    list.appendChild(el('li', {}, button));
  }
  arrowNavigation(list, 'button.lc-item');
  const more = visible.length - shown.length;
  let moreButton: HTMLElement | null = null;
  if (more > 0) {
    moreButton = el('button', { type: 'button', class: 'lc-button lc-subtle', id: 'lc-issues-more' }, t.showMore(Math.min(more, ISSUE_PAGE)));
    moreButton.addEventListener('click', () => ctx.act.showMore());
  }
  return el('section', { class: 'lc-card', 'aria-labelledby': titleId },
    el('h2', { id: titleId }, t.issuesTitle, ' ', el('span', { class: 'lc-count' }, sheet.issues.length)),
    sheet.issues.length > 0 ? filterBar(ctx, counts, sheet.issues.length) : null,
    list,
    sheet.issues.length === 0 ? el('p', { class: 'lc-empty' }, m.ui.noIssues) : null,
    moreButton);
}
