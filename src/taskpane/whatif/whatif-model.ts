/**
 * The what-if of one checked workbook, computed where its analysed sheets are:
 * on the pane's thread in Excel, in the check worker on the web page. The report
 * is built as `ledger whatif --json` builds it, so the pane shows the command's
 * figures. Plain data in and out, and no mathjs: indicator values come in
 * computed (by the indicator worker, whatif-indicators.ts).
 */
import type { Lang, WritePlan } from '../../core/types';
import {
  buildWhatifReport, indicatorScopes, parseAdjustment, scopeOffsets, withIndicators,
  type IndicatorMeta, type IndicatorScope, type SheetInput, type WhatifReport,
} from '../../core/whatif/index';
import { reportOf, type CheckResult } from '../model';

/** Indicators as the worker gave them back: metadata, and values per scope. */
export interface IndicatorValues {
  metas: IndicatorMeta[];
  /** values[i][j]: indicator i on scope j of whatifScopes' list. */
  values: (number | null)[][];
  /** Saved in the workbook (Excel), or kept by the page (web). */
  source: 'option' | 'workbook';
}

/** What the what-if tab asks for. */
export interface WhatifRequest {
  /** Share of the annual plan (1 = all of it). */
  target: number;
  /** `YYYY-MM`; absent: December of the as-of year. */
  by?: string;
  /** `<code or name>:<field>=<value|+delta|-delta>`, already checked by the tab. */
  adjustments: string[];
  indicators?: IndicatorValues;
}

/** The what-if report of the last check, for the file named `file`. */
export function whatifReportOf(result: CheckResult, inputs: readonly SheetInput[], file: string, req: WhatifRequest): WhatifReport {
  const ind = req.indicators;
  return buildWhatifReport({
    report: reportOf(result, file, null),
    sheets: [[...inputs]],
    settings: result.settings,
    options: req.by === undefined ? { target: req.target } : { target: req.target, by: req.by },
    adjustments: req.adjustments.map(parseAdjustment),
    indicators: ind ? ind.metas.map((m) => ({ compiled: m, source: ind.source })) : [],
    indicatorValues: ind?.values,
  });
}

/** Every scope an indicator is evaluated on: each sheet's projects, groups and total. */
export function whatifScopes(inputs: readonly SheetInput[]): IndicatorScope[] {
  return indicatorScopes([inputs]);
}

/** The last check's plans with a column per indicator (a live formula where the sheet allows). */
export function plansWithIndicators(result: CheckResult, inputs: readonly SheetInput[], ind: IndicatorValues, lang: Lang): WritePlan[] {
  const offsets = scopeOffsets([inputs])[0];
  return result.plans.map((plan, si) => {
    const sheet = inputs[si];
    const from = offsets[si].projects;
    const to = from + sheet.ledger.projects.length;
    return withIndicators(plan, sheet, ind.metas.map((m, i) => ({ ...m, values: ind.values[i].slice(from, to) })), lang);
  });
}
