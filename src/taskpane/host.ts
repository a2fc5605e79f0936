/**
 * What the task pane needs from where it runs. Inside Excel the adapter in
 * src/excel/ implements it over Office.js; on the web page, src/xlsx/ over a
 * dropped file; inside WPS 表格, src/wps/ over the ET object model. The pane
 * itself never touches Excel, WPS or the file.
 */
import type { Grid } from '../core/grid';
import type { InputCheck } from '../core/input-rules';
import type { Lang, Settings, WritePlan } from '../core/types';

export type Progress = (fraction: number, label?: string) => void;

/** What the pane keeps in the workbook so the next person sees the same. */
export type SavedSettings = Partial<Pick<Settings, 'asOf' | 'timeBasis' | 'lang' | 'groupBy' | 'groupLevel' | 'rankMethod' | 'lagWarn' | 'lagAlert' | 'startRateBase' | 'columnOverrides'>> & {
  /** User-defined indicators (name = expression), for the what-if part. */
  indicators?: { name: string; expression: string }[];
};

/** What 添加输入检查 did: ranges given a rule, ranges left with the user's own rule; or nothing, the host lacking the API. */
export type InputRulesOutcome =
  | { kind: 'done'; ranges: number; kept: number }
  | { kind: 'unsupported' };

export interface LedgerHost {
  readonly kind: 'excel' | 'web' | 'wps';
  /** The workbook's visible sheets as grids, the active sheet first. */
  readSheets(onProgress?: Progress): Promise<Grid[]>;
  /** Writes the computed columns, fills, tool sheets and names (the plan minus marks). */
  writeColumns(plans: WritePlan[], onProgress?: Progress): Promise<void>;
  /** Marks the faulty cells (plan.marks), with the message as a note where the host can. */
  writeMarks(plans: WritePlan[], onProgress?: Progress): Promise<void>;
  /** Removes everything the tool added: columns, fills, marks, sheets, names. User cells stay. */
  removeAll(plans: WritePlan[], onProgress?: Progress): Promise<void>;
  /**
   * Sets the input rules of 添加输入检查 on the ledger's input columns; never changes a value.
   * `plans` are the check's, for a host whose output is a copy made from them (the web page).
   */
  addInputRules?(checks: InputCheck[], plans: WritePlan[], onProgress?: Progress): Promise<InputRulesOutcome>;
  /** Selects a cell (Excel) or shows its row (web page). */
  selectCell(sheet: string, a1: string): Promise<void>;
  loadSettings(): Promise<SavedSettings | null>;
  saveSettings(settings: SavedSettings): Promise<void>;
  /** The display language of the host (Office's UI language, or the browser's), if known. */
  displayLanguage(): Lang | null;
  /** The workbook's file name, where the host knows it: its date may give the period. */
  fileName?(): string | null;
}
