/// <reference types="office-js" />
/**
 * A tool sheet's native charts (the 汇总 bar chart) through Office.js: a clustered bar
 * chart whose series and category labels read the sheet's own cells, so the chart
 * follows the live formulas as the workbook written outside Excel does. Series by
 * range need ExcelApi 1.7; without it the sheet keeps its table and no chart, as the
 * pane's own chart still shows the figures. The value axis format needs 1.8 and is
 * set only where it exists.
 */
import type { PlanChart, PlanSeriesRange } from '../core/types';
import type { SyncBudget } from './budget';
import { API, supports } from './features';
import { COMMAND_BYTES, jsonBytes } from './payload';

/** Commands one chart queues besides its series: add, title, place, legend, axes. */
const CHART_COMMANDS = 6;
/** Commands per series: name, values, labels, colour, data labels. */
const SERIES_COMMANDS = 5;

function columnRange(ws: Excel.Worksheet, s: PlanSeriesRange): Excel.Range {
  return ws.getRangeByIndexes(s.r0, s.c, s.r1 - s.r0 + 1, 1);
}

export async function writeCharts(ws: Excel.Worksheet, charts: PlanChart[] | undefined, budget: SyncBudget): Promise<void> {
  if (!charts?.length || !supports(API.chartSeries)) return;
  const numberFormats = supports(API.axisFormat);
  for (const ch of charts) {
    if (ch.series.length === 0) continue;
    const names = ch.series.reduce((n, s) => n + jsonBytes(s.name), 0);
    await budget.reserve(COMMAND_BYTES * (CHART_COMMANDS + SERIES_COMMANDS * ch.series.length) + jsonBytes(ch.title) + names);
    const chart = ws.charts.add('BarClustered', columnRange(ws, ch.series[0]), 'Columns');
    chart.title.text = ch.title;
    // The frame covers `from` through the cell before `to` (the drawing anchors its corner at `to`'s top-left).
    chart.setPosition(ws.getRangeByIndexes(ch.from.r, ch.from.c, 1, 1), ws.getRangeByIndexes(ch.to.r - 1, ch.to.c - 1, 1, 1));
    chart.legend.position = 'Bottom';
    // Bars across with the first (best-ranked) category on top, as the sheet lists them.
    chart.axes.categoryAxis.reversePlotOrder = true;
    if (numberFormats) chart.axes.valueAxis.numberFormat = '0%';
    ch.series.forEach((s, i) => {
      const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(s.name);
      series.name = s.name;
      series.setValues(columnRange(ws, s));
      series.setXAxisValues(columnRange(ws, ch.categories));
      series.format.fill.setSolidColor(`#${s.color}`);
      series.hasDataLabels = i === 0;
    });
  }
}
