/** Projects behind time progress or overdue to start, worst first; each takes the user to its row. */
import { pct } from '../../core/format';
import type { ProjectReport, ProjectStatus, SheetReport } from '../../core/types';
import type { PaneStrings } from '../strings';
import { arrowNavigation, el, uid } from '../dom';
import { laggingProjects, projectCell } from '../model';
import { signedPoints } from './summary';
import { drawChart, gapChart } from './chart';
import type { ViewContext } from './context';

/** Projects drawn at a time: a large ledger's thousands of lagging projects would take the page seconds to lay out. */
export const LAGGING_PAGE = 200;

const BADGE: Partial<Record<ProjectStatus, string>> = {
  behind: 'warning',
  'seriously-behind': 'error',
  'overdue-start': 'error',
};

/**
 * The project's line under its name: group, completion rate and gap, and, when earlier
 * periods were read (the report carries `behindStreak`), the reports in a row it has been behind.
 */
export function laggingFigures(t: PaneStrings, completionRate: string, p: ProjectReport): string {
  const parts = [p.group];
  if (p.status !== 'overdue-start') parts.push(`${completionRate} ${pct(p.completionRate)}`, t.points(signedPoints(p.gapPp)));
  if (p.behindStreak !== undefined && p.behindStreak > 0) parts.push(t.behindStreak(p.behindStreak));
  return parts.join(' · ');
}

export function renderLagging(ctx: ViewContext, sheet: SheetReport): HTMLElement {
  const { t, m, state } = ctx;
  const titleId = uid('lc-lagging');
  const projects = laggingProjects(sheet);
  // Drawn when some project has a gap below zero (an overdue start has none to draw).
  const gaps = gapChart(projects, t.zeroPointsMark, signedPoints);
  const list = el('ul', { class: 'lc-list lc-lagging', 'data-testid': 'lagging-list', 'data-count': projects.length, 'aria-labelledby': titleId });
  for (const p of projects.slice(0, state.laggingShown)) {
    const cell = projectCell(sheet, p);
    const figures = laggingFigures(t, m.ui.completionRate, p);
    const button = el('button', { type: 'button', class: 'lc-item lc-project', 'data-cell': cell, 'data-row': p.row, title: t.goToCell(cell) },
      el('span', { class: `lc-badge lc-badge-${BADGE[p.status] ?? 'info'}` }, m.status[p.status]),
      el('span', { class: 'lc-project-text' },
        el('span', { class: 'lc-project-name' }, p.name),
        el('span', { class: 'lc-muted lc-small' }, figures)));
    button.addEventListener('click', () => ctx.act.selectCell(sheet.sheet, cell));
    list.appendChild(el('li', {}, button));
  }
  arrowNavigation(list, 'button.lc-item');
  const more = projects.length - Math.min(projects.length, state.laggingShown);
  let moreButton: HTMLElement | null = null;
  if (more > 0) {
    moreButton = el('button', { type: 'button', class: 'lc-button lc-subtle', id: 'lc-lagging-more' }, t.showMore(Math.min(more, LAGGING_PAGE)));
    moreButton.addEventListener('click', () => ctx.act.showMoreLagging());
  }
  return el('section', { class: 'lc-card', 'aria-labelledby': titleId },
    el('h2', { id: titleId }, t.laggingTitle, ' ', el('span', { class: 'lc-count' }, projects.length)),
    gaps.bars.length > 0 ? drawChart(ctx, gaps, t.gapChartTitle, 'gap-chart') : null,
    list,
    projects.length === 0 ? el('p', { class: 'lc-empty' }, t.noLagging) : null,
    moreButton);
}
