/**
 * Embedded charts of the WPS fake (ET follows Excel's VBA: Worksheet.ChartObjects().Add(
 * Left, Top, Width, Height), Chart.ChartType, ChartTitle, Legend, Axes(xlCategory |
 * xlValue), SeriesCollection().NewSeries() with Name, Values, XValues, Interior.Color in
 * BGR, HasDataLabels). They land in the same chart model the Excel fake keeps, so the
 * two hosts' charts compare field for field. A frame is placed in points; the fake reads
 * it back as the cells whose edges it sits on (columns as wide as the sheet keeps them,
 * rows of ROW_PT), and refuses a frame that does not start on a cell's corner.
 */
import { addressOf, rectA1 } from '../fake-excel/a1';
import type { FakeChart, FakeChartSeries } from '../fake-excel/charts';
import type { FakeSheet } from '../fake-excel/model';
import type { FakeEt } from './et';
import { EtError, FakeRange, hexOf } from './range';

/** Row height and default column width of the fake, in points. */
export const ROW_PT = 13.5;
export const DEFAULT_COL_PT = 54;

const CHART_TYPES: Record<number, string> = { 57: 'BarClustered', 58: 'BarStacked', 51: 'ColumnClustered', 52: 'ColumnStacked', 4: 'Line', 5: 'Pie' };
const LEGEND: Record<number, string> = { [-4107]: 'Bottom', [-4160]: 'Top', [-4131]: 'Left', [-4152]: 'Right', 2: 'Corner' };

/** Range.Left of column c, in points from the sheet's corner (Range.Top of row r is r × ROW_PT). */
export function colLeft(sheet: FakeSheet, c: number): number {
  let x = 0;
  for (let k = 0; k < c; k++) x += sheet.colWidths.get(k) ?? DEFAULT_COL_PT;
  return x;
}

/** The column whose left edge is at `x` points (or, with `right`, the one whose right edge is). */
function colAt(sheet: FakeSheet, x: number, right: boolean): number {
  let left = 0;
  for (let c = 0; c < 16384; c++) {
    const w = sheet.colWidths.get(c) ?? DEFAULT_COL_PT;
    if (Math.abs((right ? left + w : left) - x) < 0.01) return c;
    left += w;
    if (left > x + w) break;
  }
  throw new EtError(`a chart frame edge at ${x} pt is not on a column edge`);
}

function rowAt(y: number): number {
  const r = y / ROW_PT;
  if (Math.abs(r - Math.round(r)) > 1e-6) throw new EtError(`a chart frame edge at ${y} pt is not on a row edge`);
  return Math.round(r);
}

/** A range set as a series' values or labels: one row or one column of the chart's sheet. */
function seriesAddress(sheet: FakeSheet, v: unknown, what: string): string {
  if (!(v instanceof FakeRange)) throw new EtError(`${what} must be a Range`);
  if (v.sheet !== sheet) throw new EtError(`${what}: the range is on another sheet`);
  if (v.areas.length !== 1) throw new EtError(`${what}: one area`);
  const r = v.areas[0];
  if (r.r0 !== r.r1 && r.c0 !== r.c1) throw new EtError(`${what}: one row or one column`);
  return addressOf(sheet.name, r);
}

class FakeEtSeries {
  constructor(private readonly et: FakeEt, private readonly sheet: FakeSheet, private readonly s: FakeChartSeries) {}

  get Name(): string { this.et.count('Series.Name', false); return this.s.name; }
  set Name(v: string) {
    this.et.count('Series.Name=', false);
    if (typeof v !== 'string') throw new EtError('Series.Name takes text');
    this.s.name = v;
  }
  set Values(v: unknown) { this.et.count('Series.Values=', false); this.s.values = seriesAddress(this.sheet, v, 'Values'); }
  set XValues(v: unknown) { this.et.count('Series.XValues=', false); this.s.xValues = seriesAddress(this.sheet, v, 'XValues'); }
  set HasDataLabels(v: boolean) { this.et.count('Series.HasDataLabels=', false); this.s.hasDataLabels = v === true; }
  get Interior(): { Color: number } {
    const { et, s } = this;
    return {
      get Color() { return 0; },
      set Color(bgr: number) {
        et.count('Series.Interior.Color=', false);
        if (!Number.isInteger(bgr) || bgr < 0 || bgr > 0xffffff) throw new EtError(`bad colour ${bgr}`);
        s.color = hexOf(bgr);
      },
    };
  }
}

class FakeEtChart {
  constructor(private readonly et: FakeEt, private readonly sheet: FakeSheet, readonly model: FakeChart) {}

  set ChartType(v: number) {
    this.et.count('Chart.ChartType=', false);
    const t = CHART_TYPES[v];
    if (!t) throw new EtError(`unknown chart type ${v}`);
    this.model.type = t;
  }
  get ChartType(): number {
    return Number(Object.entries(CHART_TYPES).find(([, t]) => t === this.model.type)?.[0] ?? -4111);
  }

  HasTitle = false;
  get ChartTitle(): { Text: string } {
    if (!this.HasTitle) throw new EtError('ChartTitle of a chart with HasTitle off');
    const { et, model } = this;
    return { get Text() { return model.title; }, set Text(v: string) { et.count('ChartTitle.Text=', false); model.title = String(v); } };
  }

  HasLegend = true;
  get Legend(): { Position: number } {
    if (!this.HasLegend) throw new EtError('Legend of a chart with HasLegend off');
    const { et, model } = this;
    return {
      get Position() { return Number(Object.entries(LEGEND).find(([, p]) => p === model.legend)?.[0] ?? -4152); },
      set Position(v: number) {
        et.count('Legend.Position=', false);
        const p = LEGEND[v];
        if (!p) throw new EtError(`unknown legend position ${v}`);
        model.legend = p;
      },
    };
  }

  /** Axes(1) the category axis, Axes(2) the value axis (xlCategory, xlValue). */
  Axes(type: number): { ReversePlotOrder: boolean; TickLabels: { NumberFormat: string } } {
    this.et.count('Chart.Axes', false);
    const { et, model } = this;
    if (type !== 1 && type !== 2) throw new EtError(`unknown axis ${type}`);
    return {
      get ReversePlotOrder() { return type === 1 && model.categoryReversed; },
      set ReversePlotOrder(v: boolean) {
        et.count('Axis.ReversePlotOrder=', false);
        if (type !== 1) throw new EtError('ReversePlotOrder is set on the category axis here');
        model.categoryReversed = v === true;
      },
      TickLabels: {
        get NumberFormat() { return model.valueNumFmt ?? 'General'; },
        set NumberFormat(v: string) {
          et.count('TickLabels.NumberFormat=', false);
          if (type !== 2) throw new EtError('the number format is set on the value axis here');
          model.valueNumFmt = String(v);
        },
      },
    };
  }

  SeriesCollection(): { Count: number; Item(i: number): FakeEtSeries; NewSeries(): FakeEtSeries } {
    const { et, sheet, model } = this;
    return {
      get Count() { return model.series.length; },
      Item(i: number) {
        const s = model.series[i - 1];
        if (!s) throw new EtError(`no series ${i}`);
        return new FakeEtSeries(et, sheet, s);
      },
      NewSeries() {
        et.count('NewSeries', false);
        const s: FakeChartSeries = { name: `Series${model.series.length + 1}`, values: null, xValues: null, hasDataLabels: false };
        model.series.push(s);
        return new FakeEtSeries(et, sheet, s);
      },
    };
  }
}

class FakeEtChartObject {
  readonly Chart: FakeEtChart;
  constructor(private readonly et: FakeEt, private readonly sheet: FakeSheet, readonly model: FakeChart) {
    this.Chart = new FakeEtChart(et, sheet, model);
  }

  get Name(): string { return this.model.name; }

  Delete(): void {
    this.et.count('ChartObject.Delete', false);
    this.sheet.charts = this.sheet.charts.filter((c) => c !== this.model);
  }
}

export class FakeChartObjects {
  constructor(private readonly et: FakeEt, private readonly sheet: FakeSheet) {}

  get Count(): number {
    this.et.count('ChartObjects.Count', false);
    return this.sheet.charts.length;
  }

  Item(i: number): FakeEtChartObject {
    this.et.count('ChartObjects.Item', false);
    const m = this.sheet.charts[i - 1];
    if (!m) throw new EtError(`no chart ${i}`);
    return new FakeEtChartObject(this.et, this.sheet, m);
  }

  /** A blank chart of the default type (clustered columns), its frame in points. */
  Add(left: number, top: number, width: number, height: number): FakeEtChartObject {
    this.et.count('ChartObjects.Add', false);
    if (![left, top, width, height].every((x) => typeof x === 'number' && Number.isFinite(x) && x >= 0) || width === 0 || height === 0) {
      throw new EtError(`bad chart frame ${left},${top},${width},${height}`);
    }
    const c0 = colAt(this.sheet, left, false);
    const c1 = colAt(this.sheet, left + width, true);
    const r0 = rowAt(top);
    const r1 = rowAt(top + height) - 1;
    const model: FakeChart = {
      id: this.et.wb.nextNumber(),
      name: `Chart ${this.sheet.charts.length + 1}`,
      type: 'ColumnClustered',
      title: '',
      from: rectA1({ r0, c0, r1: r0, c1: c0 }),
      to: rectA1({ r0: r1, c0: c1, r1, c1 }),
      legend: 'Right',
      categoryReversed: false,
      series: [],
    };
    this.sheet.charts.push(model);
    return new FakeEtChartObject(this.et, this.sheet, model);
  }
}
