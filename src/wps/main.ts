/**
 * main.js of the WPS add-in: the ribbon's callbacks, as global functions WPS looks up
 * by the names in ribbon.xml (and under `ribbon.`, as wpsjs's template has them).
 * Each is synchronous: WPS add-in authors report that a callback returning a Promise
 * (an async function) breaks the ribbon, so the work is started and not returned.
 */
import { localDate, runCommand, type CommandName } from '../commands/commands';
import { wpsApplication } from './detect';
import type { EtApplication } from './et';
import { WpsHost } from './wps-host';

/** Every callback ribbon.xml names; test/wps/ribbon.test.ts checks the two agree. */
export const RIBBON_CALLBACKS = ['OnAddinLoad', 'OnAction', 'GetImage', 'OnGetEnabled'] as const;

const PANE_KEY = 'ledgerCheck.taskpaneId';
const COMMANDS: Record<string, CommandName> = { btnCheckLedger: 'checkLedger', btnFillColumns: 'fillColumns' };
const IMAGES: Record<string, string> = { btnCheckLedger: 'images/check.png', btnFillColumns: 'images/fill.png', btnOpenPane: 'images/pane.png' };

let busy = false;
const panes: { pane: { Visible: boolean } | null } = { pane: null };

function controlId(control: unknown): string {
  const c = control as { Id?: unknown; id?: unknown } | null;
  return String(c?.Id ?? c?.id ?? '');
}

/** The add-in's folder, from this page's address: the pane is beside main.js. */
function paneUrl(): string {
  const here = typeof location !== 'undefined' ? location.href : '';
  return here ? new URL('taskpane.html', here).href : 'taskpane.html';
}

export function openPane(app: EtApplication): void {
  const storage = app.PluginStorage;
  const known = panes.pane;
  if (known) {
    known.Visible = true;
    return;
  }
  if (typeof app.CreateTaskPane !== 'function') return;
  const pane = app.CreateTaskPane(paneUrl(), '台账检查');
  pane.Visible = true;
  panes.pane = pane;
  try {
    storage?.setItem(PANE_KEY, (pane as { ID?: unknown }).ID ?? '');
  } catch {
    // Storage is a convenience; the pane is open either way.
  }
}

/** Starts a command and returns at once; the outcome is logged (the pane shows errors properly). */
export function startCommand(app: EtApplication, name: CommandName, clock: () => Date = () => new Date()): Promise<void> {
  if (busy) return Promise.resolve();
  busy = true;
  return runCommand(name, new WpsHost(app), localDate(clock()))
    .then(() => undefined, (err: unknown) => console.error(`${name} failed`, err))
    .finally(() => {
      busy = false;
    });
}

function OnAddinLoad(): boolean {
  return true;
}

function OnAction(control: unknown): boolean {
  const app = wpsApplication();
  if (!app) return true;
  const id = controlId(control);
  if (id === 'btnOpenPane') openPane(app);
  else if (COMMANDS[id]) void startCommand(app, COMMANDS[id]);
  return true;
}

function GetImage(control: unknown): string {
  return IMAGES[controlId(control)] ?? 'images/pane.png';
}

function OnGetEnabled(): boolean {
  return !busy;
}

const callbacks = { OnAddinLoad, OnAction, GetImage, OnGetEnabled };
const g = globalThis as unknown as Record<string, unknown>;
Object.assign(g, callbacks);
g.ribbon = { ...callbacks };
