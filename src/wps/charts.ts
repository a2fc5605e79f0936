/**
 * A tool sheet's native charts (the 汇总 bar chart) in WPS, through ET's VBA-like model:
 * an embedded chart framed over the plan's cells, its series reading the sheet's own
 * ranges, as the Excel host and the written workbook draw it. A build without
 * ChartObjects keeps the table and no chart.
 */
import type { PlanChart, PlanSeriesRange } from '../core/types';
import { rangeA1 } from './a1';
import type { EtSheet } from './et';
import { bgr } from './sheets';

/** xlBarClustered, xlCategory, xlValue, xlLegendPositionBottom. */
const XL_BAR_CLUSTERED = 57;
const XL_CATEGORY = 1;
const XL_VALUE = 2;
const XL_LEGEND_BOTTOM = -4107;

const column = (ws: EtSheet, s: PlanSeriesRange) => ws.Range(rangeA1(s.r0, s.c, s.r1, s.c));

export function writeCharts(ws: EtSheet, charts: PlanChart[] | undefined): void {
  if (!charts?.length || typeof ws.ChartObjects !== 'function') return;
  for (const ch of charts) {
    if (ch.series.length === 0) continue;
    // The frame runs from the top-left corner of `from` to the top-left corner of `to`, as the drawing anchors it.
    const start = ws.Range(rangeA1(ch.from.r, ch.from.c, ch.from.r, ch.from.c));
    const end = ws.Range(rangeA1(ch.to.r, ch.to.c, ch.to.r, ch.to.c));
    const left = start.Left;
    const top = start.Top;
    const chart = ws.ChartObjects().Add(left, top, end.Left - left, end.Top - top).Chart;
    chart.ChartType = XL_BAR_CLUSTERED;
    chart.HasTitle = true;
    chart.ChartTitle.Text = ch.title;
    chart.HasLegend = true;
    chart.Legend.Position = XL_LEGEND_BOTTOM;
    // Bars across with the first (best-ranked) category on top, as the sheet lists them.
    chart.Axes(XL_CATEGORY).ReversePlotOrder = true;
    chart.Axes(XL_VALUE).TickLabels.NumberFormat = '0%';
    const labels = column(ws, ch.categories);
    ch.series.forEach((s, i) => {
      const series = chart.SeriesCollection().NewSeries();
      series.Name = s.name;
      series.Values = column(ws, s);
      series.XValues = labels;
      series.Interior.Color = bgr(s.color);
      series.HasDataLabels = i === 0;
    });
  }
}
