/**
 * The summary's pictures, as SVG drawn from the report's figures (no chart library):
 * each group's completion rate as a bar beside the time-progress line, sorted by rank, and
 * the lagging projects' gap in points. Geometry is computed apart from the DOM, so it is
 * tested without a browser; text goes in through textContent, as everywhere in the pane.
 */
import { pct } from '../../core/format';
import { byRank } from '../../core/rank';
import type { GroupFigures, ProjectReport } from '../../core/types';
import { uid } from '../dom';
import type { ViewContext } from './context';

const SVG = 'http://www.w3.org/2000/svg';
/** The drawing's width in its own units (it scales to the pane's width). */
export const CHART_WIDTH = 320;
const LABEL_W = 88;
const VALUE_W = 48;
const BAR_H = 14;
const ROW_H = 22;
const TOP = 22;
/** Lagging projects drawn at most; the list below names them all. */
export const MAX_GAP_BARS = 10;

export interface ChartBar {
  label: string;
  /** The figure the bar shows, as text (`54.2%`, `−8.0`). */
  text: string;
  x: number;
  y: number;
  width: number;
  tone: 'ahead' | 'behind' | 'none';
}

export interface ChartModel {
  bars: ChartBar[];
  height: number;
  /** Where the reference line stands (time progress, or zero points), and its caption. */
  markX: number;
  mark: string;
}

const plotW = CHART_WIDTH - LABEL_W - VALUE_W;

/**
 * Groups' completion rates, best rank first (unranked last), on a scale from 0 to the
 * larger of 100% and the highest rate; the line stands at time progress.
 */
export function rateChart(groups: readonly GroupFigures[], timeProgress: number, markText: string): ChartModel {
  const rows = byRank(groups);
  const top = Math.max(1, timeProgress, ...rows.map((g) => g.completionRate ?? 0));
  const scale = plotW / top;
  const bars = rows.map((g, i): ChartBar => {
    const rate = g.completionRate;
    return {
      label: g.name,
      text: pct(rate),
      x: LABEL_W,
      y: TOP + i * ROW_H,
      width: rate === null ? 0 : Math.max(0, rate) * scale,
      tone: rate === null ? 'none' : rate < timeProgress ? 'behind' : 'ahead',
    };
  });
  return { bars, height: TOP + rows.length * ROW_H, markX: LABEL_W + timeProgress * scale, mark: markText };
}

/**
 * Lagging projects' gap to time progress in points, worst first, as bars growing left from
 * the zero line at the right of the plot; projects with no rate (overdue to start) are left out.
 */
export function gapChart(projects: readonly ProjectReport[], markText: string, points: (gap: number | null) => string): ChartModel {
  const rows = projects
    .filter((p) => p.gapPp !== null && p.gapPp < 0)
    .sort((a, b) => (a.gapPp ?? 0) - (b.gapPp ?? 0))
    .slice(0, MAX_GAP_BARS);
  const worst = Math.max(1, ...rows.map((p) => -(p.gapPp ?? 0)));
  const scale = plotW / worst;
  const zero = LABEL_W + plotW;
  const bars = rows.map((p, i): ChartBar => {
    const width = -(p.gapPp ?? 0) * scale;
    return { label: p.name, text: points(p.gapPp), x: zero - width, y: TOP + i * ROW_H, width, tone: 'behind' };
  });
  return { bars, height: TOP + rows.length * ROW_H, markX: zero, mark: markText };
}

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A name too long for the label column, cut with an ellipsis (the full name is its tooltip). */
function fit(label: string): string {
  return label.length > 7 ? `${label.slice(0, 6)}…` : label;
}

/** The model as an SVG figure with a caption; the value of each bar is written beside it. */
export function drawChart(ctx: ViewContext, model: ChartModel, caption: string, testid: string): SVGSVGElement {
  const titleId = uid('lc-chart');
  const root = svg('svg', {
    class: 'lc-chart', viewBox: `0 0 ${CHART_WIDTH} ${model.height + 4}`, role: 'img', 'aria-labelledby': titleId,
    'data-testid': testid, lang: ctx.lang,
  });
  root.appendChild(svg('title', { id: titleId }, caption));
  for (const b of model.bars) {
    const row = svg('g', { class: `lc-bar lc-bar-${b.tone}`, 'data-label': b.label, 'data-width': b.width.toFixed(2) });
    row.appendChild(svg('title', {}, `${b.label} ${b.text}`));
    row.appendChild(svg('text', { x: LABEL_W - 6, y: b.y + BAR_H - 3, 'text-anchor': 'end', class: 'lc-chart-label' }, fit(b.label)));
    row.appendChild(svg('rect', { x: b.x.toFixed(2), y: b.y, width: b.width.toFixed(2), height: BAR_H, rx: 2 }));
    row.appendChild(svg('text', { x: CHART_WIDTH - 2, y: b.y + BAR_H - 3, 'text-anchor': 'end', class: 'lc-chart-value' }, b.text));
    root.appendChild(row);
  }
  root.appendChild(svg('line', { class: 'lc-chart-mark', x1: model.markX.toFixed(2), x2: model.markX.toFixed(2), y1: TOP - 6, y2: model.height }));
  root.appendChild(svg('text', {
    class: 'lc-chart-mark-text', x: model.markX.toFixed(2), y: TOP - 9,
    'text-anchor': model.markX > CHART_WIDTH - 70 ? 'end' : 'middle',
  }, model.mark));
  return root;
}
