/// <reference types="office-js" />
/**
 * Which ExcelApi requirement sets the host supports. Asked, never assumed: the
 * same add-in runs in Excel 2016 and in Excel on the web.
 */

export const API = {
  /** getRangeByIndexes. */
  indexes: 7,
  /** Chart series from ranges: ChartSeriesCollection.add, setValues, setXAxisValues. */
  chartSeries: 7,
  /** ChartAxis.numberFormat. */
  axisFormat: 8,
  /** Range.dataValidation: the input rules of 添加输入检查. */
  dataValidation: 8,
  /** RangeAreas: getRanges, getSpecialCells (visible cells). */
  rangeAreas: 9,
  /** Threaded comments. */
  comments: 10,
  /** getMergedAreasOrNullObject. */
  merges: 13,
  /** Notes. */
  notes: 18,
} as const;

export function supports(minor: number): boolean {
  try {
    return typeof Office !== 'undefined' && Office.context.requirements.isSetSupported('ExcelApi', `1.${minor}`);
  } catch {
    return false;
  }
}
