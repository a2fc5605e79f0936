/** What every section of the pane is drawn from: the state, the words, and what a control may do. */
import type { Field, Lang, Settings, Severity } from '../../core/types';
import type { Messages } from '../../i18n/index';
import type { SavedSettings } from '../host';
import type { CheckResult } from '../model';
import type { PaneStrings } from '../strings';

export type IssueFilter = Severity | 'all';

export interface PaneState {
  saved: SavedSettings;
  settings: Settings;
  result: CheckResult | null;
  /** Index into result.sheets of the sheet shown. */
  sheetIndex: number;
  filter: IssueFilter;
  /** Issues shown so far (the list grows by pages). */
  shown: number;
  /** Lagging projects shown so far (that list grows by pages too). */
  laggingShown: number;
  busy: boolean;
  /** The tab shown: the check (检查) or the what-if (测算). */
  tab: PaneTab;
}

export type PaneTab = 'check' | 'whatif';

export interface PaneActions {
  check(): void;
  selectCell(sheet: string, a1: string): void;
  setFilter(filter: IssueFilter): void;
  showMore(): void;
  showMoreLagging(): void;
  setSheet(index: number): void;
  setColumn(field: Field, c: number | undefined): void;
  resetColumns(): void;
  saveSettings(patch: Partial<SavedSettings>): void;
  setLang(lang: Lang): void;
  fill(): void;
  mark(): void;
  remove(): void;
  /** 添加输入检查. */
  inputRules(): void;
  setTab(tab: PaneTab): void;
  /** Shows a validation problem in the notice area. */
  invalid(text: string): void;
}

export interface ViewContext {
  lang: Lang;
  t: PaneStrings;
  m: Messages;
  state: PaneState;
  act: PaneActions;
}
