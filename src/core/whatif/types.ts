/**
 * The what-if vocabulary: targets and pace (倒排工期, 按月排进度), scenarios of
 * projects that catch up or slip, and planners' own indicators. Amounts in 万元.
 */
import type { GroupFigures, ProjectReport, RankingEntry, Report, SheetReport } from '../types';

/** What the planner asks: reach `target` × annual plan by the month `by`. */
export interface WhatifOptions {
  /** Share of the annual plan to reach (1.0 = the whole plan). */
  target: number;
  /** `YYYY-MM`; default December of the sheet's as-of year. */
  by?: string;
}

/** Months as the what-if counts them for one sheet. */
export interface Timing {
  asOf: string;
  /** `YYYY-MM` the target must be reached by. */
  by: string;
  /** Whole months reported: the as-of month when asOf is its last day, else the month before. */
  monthsElapsed: number;
  /** Months from the as-of month to `by`: (by year − as-of year) × 12 + by month − monthsElapsed. */
  monthsLeft: number;
  /** True when monthsLeft ≤ 0: no pace can be asked for any more. */
  deadlinePassed: boolean;
}

/** How a projection steps through the months to come. */
export type ProjectionBasis = 'pace' | 'monthly-plan';

/** The figures of one project or one group (sums), all in 万元. */
export interface PaceFigures {
  monthsLeft: number;
  /** max(0, target × annualPlan − completedYtd) / monthsLeft; null when the deadline has passed or figures are missing. */
  requiredMonthly: number | null;
  /** completedYtd / monthsElapsed; null before a month has closed. */
  currentMonthly: number | null;
  /** completedYtd plus the months to December: at the current pace, or by the monthly plan columns. */
  projectedYearEnd: number | null;
  /** projectedYearEnd / annualPlan. */
  projectedRate: number | null;
  /** The same projection at the `by` month. */
  projectedAtBy: number | null;
  /** projectedAtBy ≥ target × annualPlan (after the deadline: completedYtd ≥ it). */
  onCourse: boolean | null;
  basis: ProjectionBasis;
  /** Σ of the monthly plan columns up to the as-of month (按月排进度), when the sheet has them all. */
  plannedToDate: number | null;
}

export interface ProjectWhatif extends PaceFigures {
  /** Indicator name → value, when indicators were asked for. */
  indicators?: Record<string, number | null>;
}

export interface GroupWhatif extends PaceFigures {
  /** Extra 万元 needed now to rank first among all groups given; 0 when first. Only for groups. */
  toRankFirst?: number | null;
  indicators?: Record<string, number | null>;
}

/** One monthly plan column (`7月计划`): month 1–12, 0-based column, factor to 万元. */
export interface MonthPlanColumn {
  month: number;
  c: number;
  factor: number;
}

/** The what-if of one ledger sheet. Arrays follow ledger.projects and ledger.groups. */
export interface SheetWhatif {
  sheet: string;
  timing: Timing;
  basis: ProjectionBasis;
  monthPlanColumns: MonthPlanColumn[];
  projects: ProjectWhatif[];
  groups: GroupWhatif[];
  total: GroupWhatif;
}

// ---------------------------------------------------------------- scenarios

export type AdjustField =
  | 'totalInvestment' | 'completedBeforeYear' | 'annualPlan' | 'monthCompleted' | 'completedYtd'
  | 'completedSinceStart' | 'fundsArrived' | 'completionRate';

/** `--adjust "<code or name>:<field>=<value|+delta|-delta>"`, parsed. */
export interface Adjustment {
  spec: string;
  /** Project code or name. */
  key: string;
  field: AdjustField;
  /** `set` for a plain value; `add` for a signed delta. */
  op: 'set' | 'add';
  value: number;
}

export interface AdjustmentMatch {
  file: string;
  sheet: string;
  /** 1-based sheet row. */
  row: number;
  name: string;
  code: string | null;
  before: number | null;
  after: number | null;
}

export interface RankedGroup extends RankingEntry {
  annualPlan: number;
  completedYtd: number;
}

export interface ScenarioResult {
  adjustments: (Adjustment & { matches: AdjustmentMatch[] })[];
  before: RankedGroup[];
  after: RankedGroup[];
}

// ---------------------------------------------------------------- indicators

/** An indicator as a planner writes it: `资金到位率 = fundsArrived / totalInvestment * 100`. */
export interface IndicatorDef {
  name: string;
  expression: string;
}

// ---------------------------------------------------------------- report

export type WhatifProjectReport = ProjectReport & { whatif: ProjectWhatif };
export type WhatifGroupReport = GroupFigures & { whatif: GroupWhatif };

export interface WhatifSheetReport extends Omit<SheetReport, 'projects' | 'groups' | 'total'> {
  projects: WhatifProjectReport[];
  groups: WhatifGroupReport[];
  total: WhatifGroupReport;
  whatif: {
    asOf: string;
    by: string;
    monthsElapsed: number;
    monthsLeft: number;
    deadlinePassed: boolean;
    basis: ProjectionBasis;
    /** Month (1–12) → column letter of its monthly plan column. */
    monthPlanColumns: Record<string, string>;
    /**
     * Indicator name → its column in an annotated copy, and whether it is written there as a live formula.
     * Empty when the sheet has no room for them (no free columns after the tool's within XFD).
     */
    indicatorColumns: Record<string, { column: string; formula: boolean }>;
  };
}

export interface IndicatorReport extends IndicatorDef {
  /** Where it came from: the command line / pane, or the workbook's saved settings. */
  source: 'option' | 'workbook';
  /** Fields it reads. */
  fields: string[];
  /** True when it is plain arithmetic that can be a live Excel formula (on sheets with the columns). */
  formula: boolean;
}

/** report-v1 with the what-if fields added; nothing of report-v1 is changed. */
export interface WhatifReport extends Omit<Report, 'files'> {
  files: (Omit<Report['files'][number], 'sheets'> & { sheets: WhatifSheetReport[] })[];
  whatif: {
    target: number;
    /** `--by` as given, or null for December of each sheet's as-of year. */
    by: string | null;
    indicators: IndicatorReport[];
    /** Present when adjustments were asked for. */
    scenario: ScenarioResult | null;
  };
}
