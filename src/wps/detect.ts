/**
 * Which host the pane runs in, decided once at start-up. Inside WPS 表格 the add-in's
 * pages see the `wps` global (wps.EtApplication() on builds that have it, else
 * wps.Application) or a bare `Application` global; either must show the ET members
 * that src/wps uses (ActiveWorkbook with Worksheets). Nothing is assumed from the
 * user agent: a WPS writer (文字) window has `wps` too but no Worksheets.
 */
import type { EtApplication } from './et';

type Globals = { wps?: { EtApplication?: () => unknown; Application?: unknown }; Application?: unknown };

function isEt(app: unknown): app is EtApplication {
  if (!app || typeof app !== 'object') return false;
  try {
    const wb = (app as { ActiveWorkbook?: unknown }).ActiveWorkbook;
    // No workbook open yet still is ET if the application has the spreadsheet members.
    if (wb === null) return 'ActiveSheet' in (app as object) || 'Worksheets' in (app as object);
    return !!wb && typeof wb === 'object' && 'Worksheets' in (wb as object);
  } catch {
    return false;
  }
}

export function wpsApplication(g: Globals = globalThis as unknown as Globals): EtApplication | null {
  const candidates: unknown[] = [];
  try {
    if (g.wps && typeof g.wps.EtApplication === 'function') candidates.push(g.wps.EtApplication());
  } catch {
    // A build whose EtApplication throws outside 表格.
  }
  if (g.wps?.Application) candidates.push(g.wps.Application);
  if (g.Application) candidates.push(g.Application);
  return (candidates.find(isEt) as EtApplication | undefined) ?? null;
}

/** A random id without crypto.randomUUID, which some WPS web views lack. */
export function randomId(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string; getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  const bytes = new Uint8Array(16);
  if (c && typeof c.getRandomValues === 'function') c.getRandomValues(bytes);
  else for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
