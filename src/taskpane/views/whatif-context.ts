/** What the what-if tab is drawn from: its state, and what its controls may do. */
import type { AdjustField, IndicatorDef, WhatifReport } from '../../core/whatif/index';
import type { IndicatorValues } from '../whatif/whatif-model';

/** What the user is typing: kept across renders, never applied until accepted. */
export interface WhatifDrafts {
  targetText: string;
  byText: string;
  targetError: string | null;
  byError: string | null;
  adjustKey: string;
  adjustField: AdjustField;
  adjustValue: string;
  adjustError: string | null;
  indicatorName: string;
  indicatorExpression: string;
  /** The draft's problem as shown under the expression (message and where). */
  indicatorProblem: { message: string; position: number | null } | null;
  /** The draft was checked by the engine and compiles. */
  indicatorOk: boolean;
}

export interface WhatifState {
  /** The tab has been opened since the last check: its figures are kept up to date. */
  visited: boolean;
  target: number;
  by: string | undefined;
  adjustments: string[];
  report: WhatifReport | null;
  /** Indicators evaluated for the report (metadata and values). */
  indicatorValues: IndicatorValues | null;
  computing: boolean;
  /** A failure of the last computation, as a sentence. */
  error: string | null;
  showAllProjects: boolean;
  /** The user opened the indicators: mathjs is loaded and they are evaluated from then on. */
  indicatorsEnabled: boolean;
  engine: 'loading' | 'worker' | 'pane' | 'failed' | null;
  /** Saved indicators that do not compile: name → sentence. */
  indicatorErrors: Record<string, string>;
  drafts: WhatifDrafts;
}

export interface WhatifActions {
  /** Applies the target and deadline drafts (each checked first). */
  applyTiming(): void;
  addAdjustment(): void;
  removeAdjustment(index: number): void;
  toggleAllProjects(): void;
  /** The indicators section was opened: load the engine and evaluate. */
  enableIndicators(): void;
  /** Checks the indicator draft (cheaply at once, then in the engine) into drafts.indicatorProblem / indicatorOk. */
  checkIndicatorDraft(): Promise<void>;
  addIndicator(): void;
  removeIndicator(name: string): void;
  writeIndicators(): void;
  /** The saved indicators. */
  indicators(): IndicatorDef[];
}

export interface WhatifView {
  state: WhatifState;
  act: WhatifActions;
  /** Whether the host is the web page (words about where things are saved differ). */
  web: boolean;
}
