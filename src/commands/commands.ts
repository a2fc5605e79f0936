/// <reference types="office-js" />
/**
 * The ribbon's function file: 检查台账 marks the faulty cells and 填写计算列
 * writes the computed columns, both without opening the pane. The work goes
 * through a LedgerHost, so the Excel specifics stay in the adapter.
 */
import { analyzeWorkbook } from '../core/analyze';
import { ExcelHost } from '../excel/excel-host';
import { buildPlans } from '../core/plan';
import { DEFAULT_SETTINGS, type Lang, type Settings, type WritePlan } from '../core/types';
import { toIssue } from '../i18n/index';
import type { LedgerHost, SavedSettings } from '../taskpane/host';

export type CommandName = 'checkLedger' | 'fillColumns';

export interface CommandOutcome {
  /** Ledger sheets found and written to. */
  ledgers: number;
  /** Issues found over all of them. */
  issues: number;
}

export type HostFactory = () => LedgerHost | Promise<LedgerHost>;

/** The host's local date as YYYY-MM-DD: the engine's `today`. */
export function localDate(now: Date): string {
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${m}-${d}`;
}

/** Settings saved in the workbook win; then the host's language; then the defaults. */
export function settingsFor(saved: SavedSettings | null, displayLang: Lang | null, today: string): Settings {
  const { indicators: _indicators, ...stored } = saved ?? {};
  return { ...DEFAULT_SETTINGS, ...stored, lang: stored.lang ?? displayLang ?? DEFAULT_SETTINGS.lang, today };
}

/** Reads the workbook through the host and plans what to write, as the pane would. */
export async function planWorkbook(host: LedgerHost, today: string): Promise<{ plans: WritePlan[]; issues: number }> {
  const settings = settingsFor(await host.loadSettings(), host.displayLanguage(), today);
  const grids = await host.readSheets();
  const { ledgers } = analyzeWorkbook(grids, settings, undefined, { fileName: host.fileName?.() ?? undefined });
  const inputs = ledgers.map((a) => ({
    grid: a.grid,
    header: a.header,
    ledger: a.ledger,
    issues: a.issues.map((raw) => toIssue(raw, settings.lang)),
  }));
  const issues = inputs.reduce((n, input) => n + input.issues.length, 0);
  return { plans: inputs.length ? buildPlans(inputs, settings) : [], issues };
}

export async function runCommand(name: CommandName, host: LedgerHost, today: string): Promise<CommandOutcome> {
  const { plans, issues } = await planWorkbook(host, today);
  if (plans.length > 0) {
    if (name === 'checkLedger') await host.writeMarks(plans);
    else await host.writeColumns(plans);
  }
  return { ledgers: plans.length, issues };
}

/**
 * Binds the manifest's ExecuteFunction names. Office waits for
 * `event.completed()`, so it is called whatever happens.
 */
export function registerCommands(createHost: HostFactory, clock: () => Date = () => new Date()): void {
  const handler = (name: CommandName) => async (event: Office.AddinCommands.Event) => {
    try {
      await runCommand(name, await createHost(), localDate(clock()));
    } catch (err) {
      // A function command has no UI of its own; the pane shows errors properly.
      console.error(`${name} failed`, err);
    } finally {
      event.completed();
    }
  };
  Office.actions.associate('checkLedger', handler('checkLedger'));
  Office.actions.associate('fillColumns', handler('fillColumns'));
}

if (typeof Office !== 'undefined' && Office.actions) {
  registerCommands(() => new ExcelHost());
}
