import type { Grid } from '../grid';
import type { HeaderInfo, Ledger, RawIssue, Settings } from '../types';

/** Everything a rule may look at. Rules never change it. */
export interface RuleContext {
  grid: Grid;
  header: HeaderInfo;
  ledger: Ledger;
  settings: Settings;
  /** Last period's submission of the same ledger, for cross-period rules. */
  previous?: Ledger;
  /** Last period's grid, when a rule needs its raw cells. */
  previousGrid?: Grid;
}

/** One validation rule: pure, collects issues, never throws for bad data. */
export type Rule = (ctx: RuleContext) => RawIssue[];
