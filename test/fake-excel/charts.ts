/**
 * Charts of the fake (ExcelApi 1.1, series by range 1.7, axis number format 1.8): a
 * sheet's charts with their type, title, place, legend and series, each series
 * reading its values and category labels from cell ranges. Like Excel, a chart added
 * from a range of columns gets one series per column (named Series1, Series2, …), and
 * everything queued on a chart runs at the next sync.
 */
import { addressOf, rectA1, type Rect } from './a1';
import type { FakeContext } from './context';
import { FakeCollection, FakeProxy } from './proxy';
import { FakeOfficeError, invalidArgument, itemNotFound } from './errors';
import type { FakeSheet } from './model';
import type { RangeProxy } from './range';

export interface FakeChartSeries {
  name: string;
  /** `'汇总'!I9:I12`, or null before any values are set. */
  values: string | null;
  xValues: string | null;
  color?: string;
  hasDataLabels: boolean;
}

export interface FakeChart {
  id: number;
  name: string;
  type: string;
  title: string;
  /** Top-left and bottom-right cells, A1. */
  from?: string;
  to?: string;
  legend: string;
  categoryReversed: boolean;
  valueNumFmt?: string;
  series: FakeChartSeries[];
}

const CHART_TYPES = new Set(['BarClustered', 'BarStacked', 'ColumnClustered', 'ColumnStacked', 'Line', 'Pie']);
const SERIES_BY = new Set(['Auto', 'Columns', 'Rows']);
const LEGEND = new Set(['Top', 'Bottom', 'Left', 'Right', 'Corner', 'Custom', 'Invalid']);

interface ChartTarget {
  sheet: FakeSheet;
  chart: FakeChart;
}

/** A single-column or single-row range on `sheet`, from a Range proxy, at sync time. */
function seriesRange(sheet: FakeSheet, range: RangeProxy, what: string): string {
  const t = range.need();
  if (t.sheet !== sheet) throw invalidArgument(`${what}: the range is on another sheet`);
  const r = t.rect;
  if (r.r0 !== r.r1 && r.c0 !== r.c1) throw invalidArgument(`${what}: a series reads one row or one column`);
  return addressOf(sheet.name, r);
}

export class ChartCollectionProxy extends FakeCollection<ChartTarget, ChartProxy> {
  constructor(context: FakeContext, private readonly sheet: () => FakeSheet) {
    super(context);
  }

  protected find(): ChartTarget[] {
    const sheet = this.sheet();
    return sheet.charts.map((chart) => ({ sheet, chart }));
  }

  protected identity(m: ChartTarget): unknown {
    return m.chart.id;
  }

  protected makeItem(m: ChartTarget): ChartProxy {
    return new ChartProxy(this.context, () => m);
  }

  protected itemDefaults(): string[] {
    return ['name', 'chartType'];
  }

  add(type: string, sourceData: RangeProxy, seriesBy = 'Auto'): ChartProxy {
    let made: ChartTarget | null = null;
    this.context.enqueue(type.length + seriesBy.length + 8, () => {
      if (!CHART_TYPES.has(type)) throw invalidArgument(`chart type ${type}`);
      if (!SERIES_BY.has(seriesBy)) throw invalidArgument(`seriesBy ${seriesBy}`);
      const sheet = this.sheet();
      const src = sourceData.need();
      if (src.sheet !== sheet) throw invalidArgument('the source data is on another sheet');
      const r: Rect = src.rect;
      const byRows = seriesBy === 'Rows' || (seriesBy === 'Auto' && r.c1 - r.c0 > r.r1 - r.r0);
      const count = byRows ? r.r1 - r.r0 + 1 : r.c1 - r.c0 + 1;
      if (count > 255) throw invalidArgument('too many series');
      const series: FakeChartSeries[] = [];
      for (let i = 0; i < count; i++) {
        const one: Rect = byRows ? { r0: r.r0 + i, r1: r.r0 + i, c0: r.c0, c1: r.c1 } : { r0: r.r0, r1: r.r1, c0: r.c0 + i, c1: r.c0 + i };
        series.push({ name: `Series${i + 1}`, values: addressOf(sheet.name, one), xValues: null, hasDataLabels: false });
      }
      const id = this.context.wb.nextNumber();
      const chart: FakeChart = { id, name: `Chart ${sheet.charts.length + 1}`, type, title: '', legend: 'Right', categoryReversed: false, series };
      sheet.charts.push(chart);
      made = { sheet, chart };
    });
    return new ChartProxy(this.context, () => {
      if (!made) throw new FakeOfficeError('InvalidObjectPath', 'The chart was not created.');
      return made;
    });
  }
}

export class ChartProxy extends FakeProxy<ChartTarget> {
  constructor(context: FakeContext, private readonly locate: () => ChartTarget) {
    super(context);
  }

  protected override stable(): boolean {
    return false;
  }

  protected find(): ChartTarget {
    const t = this.locate();
    if (!t.sheet.charts.includes(t.chart)) throw itemNotFound('chart (deleted)');
    return t;
  }

  protected defaults(): string[] {
    return ['name', 'chartType'];
  }

  protected scalar(prop: string, t: ChartTarget): unknown {
    switch (prop) {
      case 'name': return t.chart.name;
      case 'chartType': return t.chart.type;
      default: return this.unknown(prop);
    }
  }

  get name(): string { return this.read('name'); }
  set name(v: string) { this.write(v, (t) => { t.chart.name = v; }); }
  get chartType(): string { return this.read('chartType'); }

  get title(): ChartPartProxy {
    return this.kid('title', () => new ChartPartProxy(this.context, () => this.need(), {
      text: { set: (t, v) => { t.chart.title = String(v); }, get: (t) => t.chart.title },
    }));
  }

  get legend(): ChartPartProxy {
    return this.kid('legend', () => new ChartPartProxy(this.context, () => this.need(), {
      position: {
        set: (t, v) => {
          if (!LEGEND.has(String(v))) throw invalidArgument(`legend position ${String(v)}`);
          t.chart.legend = String(v);
        },
        get: (t) => t.chart.legend,
      },
    }));
  }

  get axes(): { categoryAxis: ChartPartProxy; valueAxis: ChartPartProxy } {
    return {
      categoryAxis: this.kid('categoryAxis', () => new ChartPartProxy(this.context, () => this.need(), {
        reversePlotOrder: { min: 7, set: (t, v) => { t.chart.categoryReversed = v === true; }, get: (t) => t.chart.categoryReversed },
      })),
      valueAxis: this.kid('valueAxis', () => new ChartPartProxy(this.context, () => this.need(), {
        numberFormat: { min: 8, set: (t, v) => { t.chart.valueNumFmt = String(v); }, get: (t) => t.chart.valueNumFmt },
      })),
    };
  }

  get series(): ChartSeriesCollectionProxy {
    return this.kid('series', () => new ChartSeriesCollectionProxy(this.context, () => this.need()));
  }

  /** Top-left and (optionally) bottom-right cells of the chart's frame. */
  setPosition(startCell: RangeProxy | string, endCell?: RangeProxy | string): void {
    this.call({ startCell: String(startCell), endCell: String(endCell) }, (t) => {
      const cellOf = (x: RangeProxy | string): string => {
        if (typeof x === 'string') return x;
        const r = x.need();
        if (r.sheet !== t.sheet) throw invalidArgument('the position is on another sheet');
        return rectA1({ r0: r.rect.r0, c0: r.rect.c0, r1: r.rect.r0, c1: r.rect.c0 });
      };
      t.chart.from = cellOf(startCell);
      if (endCell !== undefined) t.chart.to = cellOf(endCell);
    });
  }

  delete(): void {
    this.call({}, (t) => {
      t.sheet.charts = t.sheet.charts.filter((c) => c !== t.chart);
    });
  }
}

type PartProps = Record<string, { min?: number; set: (t: ChartTarget, v: unknown) => void; get: (t: ChartTarget) => unknown }>;

/** A part of a chart with writable scalar properties (title text, legend position, an axis). */
export class ChartPartProxy extends FakeProxy<ChartTarget> {
  constructor(context: FakeContext, private readonly chart: () => ChartTarget, private readonly props: PartProps) {
    super(context);
    for (const [prop, spec] of Object.entries(props)) {
      Object.defineProperty(this, prop, {
        get: () => this.read(prop),
        set: (v: unknown) => this.write(v, (t) => {
          if (spec.min !== undefined) this.context.require(spec.min, `chart ${prop}`);
          spec.set(t, v);
        }),
        enumerable: true,
      });
    }
  }

  protected override stable(): boolean {
    return false;
  }

  protected find(): ChartTarget {
    return this.chart();
  }

  protected defaults(): string[] {
    return Object.keys(this.props);
  }

  protected scalar(prop: string, t: ChartTarget): unknown {
    const spec = this.props[prop];
    return spec ? spec.get(t) : this.unknown(prop);
  }
}

interface SeriesTarget extends ChartTarget {
  series: FakeChartSeries;
}

export class ChartSeriesCollectionProxy extends FakeCollection<SeriesTarget, ChartSeriesProxy> {
  constructor(context: FakeContext, private readonly chart: () => ChartTarget) {
    super(context);
  }

  protected find(): SeriesTarget[] {
    const t = this.chart();
    return t.chart.series.map((series) => ({ ...t, series }));
  }

  protected identity(m: SeriesTarget): unknown {
    return m.series;
  }

  protected makeItem(m: SeriesTarget): ChartSeriesProxy {
    return new ChartSeriesProxy(this.context, () => m);
  }

  protected itemDefaults(): string[] {
    return ['name'];
  }

  getItemAt(index: number): ChartSeriesProxy {
    this.context.touch();
    return new ChartSeriesProxy(this.context, () => {
      const t = this.chart();
      const series = t.chart.series[index];
      if (!series) throw itemNotFound(`series ${index}`);
      return { ...t, series };
    });
  }

  /** ExcelApi 1.7: a new series, empty until its values are set. */
  add(name?: string): ChartSeriesProxy {
    let made: SeriesTarget | null = null;
    this.context.enqueue(name === undefined ? 0 : name.length + 2, () => {
      this.context.require(7, 'ChartSeriesCollection.add');
      const t = this.chart();
      const series: FakeChartSeries = { name: name ?? `Series${t.chart.series.length + 1}`, values: null, xValues: null, hasDataLabels: false };
      t.chart.series.push(series);
      made = { ...t, series };
    });
    return new ChartSeriesProxy(this.context, () => {
      if (!made) throw new FakeOfficeError('InvalidObjectPath', 'The series was not created.');
      return made;
    });
  }
}

export class ChartSeriesProxy extends FakeProxy<SeriesTarget> {
  constructor(context: FakeContext, private readonly locate: () => SeriesTarget) {
    super(context);
  }

  protected override stable(): boolean {
    return false;
  }

  protected find(): SeriesTarget {
    const t = this.locate();
    if (!t.chart.series.includes(t.series)) throw itemNotFound('series (deleted)');
    return t;
  }

  protected defaults(): string[] {
    return ['name', 'hasDataLabels'];
  }

  protected scalar(prop: string, t: SeriesTarget): unknown {
    switch (prop) {
      case 'name': return t.series.name;
      case 'hasDataLabels': return t.series.hasDataLabels;
      default: return this.unknown(prop);
    }
  }

  get name(): string { return this.read('name'); }
  set name(v: string) { this.write(v, (t) => { t.series.name = v; }); }
  get hasDataLabels(): boolean { return this.read('hasDataLabels'); }
  set hasDataLabels(v: boolean) {
    this.write(v, (t) => {
      this.context.require(7, 'ChartSeries.hasDataLabels');
      t.series.hasDataLabels = v;
    });
  }

  setValues(range: RangeProxy): void {
    this.call({ range: 'values' }, (t) => {
      this.context.require(7, 'ChartSeries.setValues');
      t.series.values = seriesRange(t.sheet, range, 'values');
    });
  }

  setXAxisValues(range: RangeProxy): void {
    this.call({ range: 'xValues' }, (t) => {
      this.context.require(7, 'ChartSeries.setXAxisValues');
      t.series.xValues = seriesRange(t.sheet, range, 'category labels');
    });
  }

  get format(): { fill: { setSolidColor(color: string): void } } {
    return {
      fill: {
        setSolidColor: (color: string) => this.call({ color }, (t) => {
          if (!/^#[0-9A-Fa-f]{6}$/.test(color)) throw invalidArgument(`color ${color}`);
          t.series.color = color.toUpperCase();
        }),
      },
    };
  }
}
